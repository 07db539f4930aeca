/**
 * Agency phrases bigger than one catalog name, put back together after matching:
 * - an owner after "thuộc" / "của" qualifies what precedes it: "cơ quan thuộc Chính phủ" is not
 *   the Government, "các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ" is one class of bodies;
 * - a list of classes is one class: "Các bộ, ngành, địa phương", "các sở, ban, ngành, đoàn thể" (a
 *   group with no code, for a person to resolve; a list of "whoever is concerned" phrases stays generic);
 * - a sub-body's head before its body is a body of that body: "Ban Thường trực Ủy ban MTTQ xã X",
 *   "Đảng ủy Chính phủ" — proposed as new under the body named, never bound to the body itself.
 */
import type { AgencyMatch } from './agency-catalog.js'
import { keyText } from './tokens.js'

/** Words that may stand between a phrase and its owner ("…, cơ quan thuộc …", "… trực thuộc …"). */
const OWNER_GAP = new Set(['co', 'quan', 'don', 'vi', 'to', 'chuc', 'ngang', 'bo', 'truc', 'thuoc', 'cua', 'cac', 'va'])
/** Class words: a phrase that begins with them names a class of bodies, not one body. */
const CLASS_RE =
  /^(?:cac\s+)?(?:bo|so|ban|nganh|co\s+quan|don\s+vi|dia\s+phuong|to\s+chuc|doanh\s+nghiep|hoi|doan\s+the|ca\s+nhan|tinh|thanh\s+pho|xa|phuong|huyen)\b/
/** Heads of a body's own organs, written before the body: "Ban Thường trực", "Thường trực", "Đảng ủy", "Văn phòng", "Ban cán sự đảng", "Đảng đoàn". */
const SUB_HEAD_RE =
  /^(?:ban\s+thuong\s+truc|thuong\s+truc|dang\s+uy|van\s+phong(?:\s+co\s+quan)?|ban\s+can\s+su\s+dang|dang\s+doan|lanh\s+dao)$/

function isClass(m: AgencyMatch): boolean {
  if (m.kind === 'GENERIC') return true
  return m.kind === 'NEW' && /^cac\s/.test(keyText(m.text)) && CLASS_RE.test(keyText(m.text))
}

/**
 * Matches of one phrase, left to right, with owners, class lists and sub-bodies joined.
 *
 * @example
 * joinPhrases('các Bộ, cơ quan thuộc Chính phủ', [bộ (GROUP), chính phủ (CP)]).length //=> 1
 */
export function joinPhrases(text: string, matches: readonly AgencyMatch[]): AgencyMatch[] {
  const out: AgencyMatch[] = []
  for (const m of matches) {
    const prev = out[out.length - 1]
    if (prev) {
      const gap = keyText(text.slice(prev.end, m.start)).split(' ').filter(Boolean)
      const last = gap[gap.length - 1]
      // "… cơ quan thuộc Chính phủ": the owner of what precedes.
      if ((last === 'thuoc' || last === 'cua') && gap.length <= 6 && gap.every((w) => OWNER_GAP.has(w))) {
        out[out.length - 1] = { ...prev, text: text.slice(prev.start, m.end), end: m.end }
        continue
      }
      const listed = /^[\s,;]*(?:và\s+|va\s+)?$/iu.test(text.slice(prev.end, m.start))
      // "Các bộ, ngành, địa phương": one class, which only a person can resolve.
      if (listed && isClass(prev) && isClass(m) && prev.kind !== 'GROUP' && m.kind !== 'GROUP') {
        const written = text.slice(prev.start, m.end)
        out[out.length - 1] = {
          text: written,
          code: null,
          // Named by kind ("các bộ, ngành"): a class the catalog has no group for; only "whoever is concerned" stays generic.
          kind: prev.kind === 'GENERIC' && m.kind === 'GENERIC' ? 'GENERIC' : 'GROUP',
          tier: null,
          name: written,
          confidence: Math.min(prev.confidence, m.confidence),
          start: prev.start,
          end: m.end,
        }
        continue
      }
      // "Ban Thường trực" + "Ủy ban MTTQ xã X": that body's standing board, a body of its own.
      if (gap.length === 0 && /^\s*$/.test(text.slice(prev.end, m.start)) && prev.kind === 'NEW' && m.kind === 'ORGANIZATION') {
        if (SUB_HEAD_RE.test(keyText(prev.text))) {
          const written = text.slice(prev.start, m.end)
          out[out.length - 1] = { ...prev, text: written, name: written, end: m.end, tier: m.tier, proposedParent: m.code }
          continue
        }
      }
    }
    out.push(m)
  }
  return out
}
