/**
 * Leads given by reference: a duty that says "Chủ trì … thực hiện các nhiệm vụ quy định tại các
 * mục 1, 2, 3; điểm a, b mục 7 Phần III" gives its body the lead of those items, which name no
 * body themselves (Decree 30/2020 plans and decisions approving a scheme often list the tasks in
 * one part and assign them in "Tổ chức thực hiện"). Only items led by the issuer for want of a
 * named body are changed, and each change is noted.
 */
import { foldInPlace } from '../deadline/ocr-fold.js'
import type { AgencyMatch } from './agency-catalog.js'
import type { ImportedTask } from './task-builder.js'
import type { Warn } from './warnings.js'

/** "… chủ trì … (thực hiện) (các) nhiệm vụ (quy định) tại <items> Phần|Mục <Roman>". */
const REFERENCE_RE =
  /^ch\S\s+tr\S\b.*?nhi\S{1,3}m\s+v\S{0,2}\s+(?:(?:\S+\s+){0,3})?t\S{1,2}i\s+(.+?)\s+(?:ph\S{1,2}n|m\S{1,2}c)\s+([ivxl]+)\b/
/** One reference: "mục 1, 2, 3" or "điểm a, b mục 7" (or "điểm a khoản 2"). */
const PART_RE = /(?:(?:\S{1,2}i\S{1,2}m)\s+([a-zđ](?:\s*,\s*[a-zđ])*)\s+)?(?:m\S{1,2}c|kho\S{1,2}n)\s+(\d+(?:\s*,\s*\d+)*)/g

/** The item codes a reference names, under its Roman part: `III.1`, `III.7.a`. */
export function referencedCodes(content: string): string[] {
  const folded = foldInPlace(content)
  const m = REFERENCE_RE.exec(folded)
  if (!m) return []
  const roman = m[2]!.toUpperCase()
  const out: string[] = []
  for (const p of m[1]!.matchAll(PART_RE)) {
    const numbers = p[2]!.split(',').map((n) => n.trim())
    const letters = p[1] ? p[1].split(',').map((l) => l.trim()) : []
    for (const n of numbers) {
      if (letters.length === 0) out.push(`${roman}.${n}`)
      else for (const l of letters) out.push(`${roman}.${n}.${l}`)
    }
  }
  return out
}

/**
 * Tasks with the leads their references give: an item led by the issuer only (the plan named no
 * one) under a code a duty references is led by that duty's body.
 *
 * @example
 * leadsByReference(tasks, issuer, warn) // III.1.a, led by the issuer, now led by Bộ Xây dựng (V.1.d refers to "mục 1 … Phần III")
 */
export function leadsByReference(tasks: readonly ImportedTask[], issuer: AgencyMatch | null, warn: Warn): ImportedTask[] {
  if (!issuer) return [...tasks]
  const byIssuer = (t: ImportedTask) =>
    !t.grouping && t.lead.length === 1 && t.lead[0]!.code === issuer.code && t.lead[0]!.text === issuer.text
  const given = new Map<string, ImportedTask>()
  for (const t of tasks) {
    if (t.grouping || byIssuer(t) || t.lead.length === 0) continue
    for (const code of referencedCodes(t.content)) if (!given.has(code)) given.set(code, t)
  }
  if (given.size === 0) return [...tasks]
  return tasks.map((t) => {
    if (!byIssuer(t)) return t
    const parts = t.code.split('.')
    // The item itself, or the numbered item it is under ("III.1" gives "III.1.a").
    const from = given.get(t.code) ?? given.get(parts.slice(0, 2).join('.')) ?? given.get(parts.slice(0, 3).join('.'))
    if (!from || from === t) return t
    warn(
      'LEAD_BY_REFERENCE',
      `${t.code} names no body: led by ${from.lead.map((m) => m.text).join(', ')}, as ${from.code} assigns it`,
      null,
    )
    return { ...t, lead: from.lead }
  })
}
