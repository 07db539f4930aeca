/**
 * Citations in a plan's text — `<kind> số <symbol> ngày <date> của <issuer>` — found, read and
 * resolved against known documents; and the documents a plan implements, read from its opening
 * paragraph ("Thực hiện … ban hành Kế hoạch …").
 */
import { isCalendarDate, type CalendarDate } from '../calendar/date.js'
import { foldInPlace } from '../deadline/ocr-fold.js'
import type { DocumentKind } from '../document/kind.js'
import { normalizeSymbol, parseSymbol } from '../document/symbol.js'
import { isDomainError } from '../errors.js'
import { tierRank, type Tier } from '../model/organization.js'
import type { AgencyMatch, AgencyMatchContext, AgencyMatcher } from './agency.js'
import { CUA_RE } from './lines.js'
import { keyTokens } from './tokens.js'

/** A document a catalog knows, for resolving citations. */
export interface CatalogDocument {
  /** The document's key (its canonical symbol, or a name for an unnumbered one). */
  readonly key: string
  readonly symbol: string | null
  readonly issuedOn: CalendarDate | null
  /** Tier of its issuer, when known. */
  readonly issuerTier?: Tier | null
}

/** One citation found in the text. */
export interface Citation {
  /** Canonical symbol, e.g. `359-KH/TU`. */
  readonly symbol: string
  /** As written. */
  readonly symbolText: string
  readonly kind: DocumentKind | null
  readonly issuedOn: CalendarDate | null
  /** The issuer named after "của", when matched. */
  readonly issuer: AgencyMatch | null
  /** The key of the known document it resolves to; null when unknown (proposed as new). */
  readonly documentKey: string | null
  /** Offsets in the text searched. */
  readonly start: number
  readonly end: number
}

const PARTY_RE = /(?<![\p{L}\d])(\d{1,4})\s*-\s*([A-Za-zĐđ]{1,4})\s*\/\s*([A-Za-zĐđ][A-Za-zĐđ\d]{0,11})/gu
const STATE_RE = /(?<![\p{L}\d])([\dSO]{0,4}\d[\dSO]{0,4}|S[O0])\s*\/\s*(?:(\d{4})\s*\/\s*)?([A-Za-zĐđ]{1,5})\s*-\s*([A-Za-zĐđ\d]{1,12})/gu
const DATE_AFTER_RE = /^\s*,?\s*(?:ng\S{0,3}\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u
const LONG_DATE_AFTER_RE = /^\s*,?\s*ng\S{0,3}\s+(\d{1,2})\s+th\S{1,4}\s+(\d{1,2})\s+n\S{1,3}\s+(\d{4})/u
const CENTRAL_ISSUERS = new Set(['TW', 'CP', 'TTg', 'BCĐTW', 'CQTTBCĐ', 'TGV', 'VPTW', 'BBT', 'BCT', 'QH', 'UBTVQH'])

/**
 * Every citation in `text`, left to right.
 *
 * @example
 * findCitations('Kế hoạch số 359-KH/TU ngày 29/4/2025 của Ban Thường vụ Tỉnh ủy', matcher, [])[0].issuedOn
 * //=> '2025-04-29'
 */
export function findCitations(
  text: string,
  matcher: AgencyMatcher,
  documents: readonly CatalogDocument[],
  context: AgencyMatchContext = {},
): Citation[] {
  const found: Citation[] = []
  const taken: [number, number][] = []
  for (const re of [PARTY_RE, STATE_RE]) {
    for (const m of text.matchAll(re)) {
      const start = m.index
      let end = start + m[0].length
      if (taken.some(([s, e]) => start < e && end > s)) continue
      const written = m[0]
        .replace(/^S[O0]/, '50')
        .replace(/^([\dSO]+)/, (n) => n.replace(/S/g, '5').replace(/O/g, '0'))
        .replace(/P(?=Đ|D)/g, '')
      let parsed: ReturnType<typeof parseSymbol>
      try {
        parsed = parseSymbol(written)
      } catch (error) {
        if (isDomainError(error)) continue
        throw error
      }
      taken.push([start, end])
      let issuedOn: CalendarDate | null = null
      const rest = text.slice(end)
      const date = DATE_AFTER_RE.exec(rest) ?? LONG_DATE_AFTER_RE.exec(rest)
      if (date) {
        const candidate = `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}`
        if (isCalendarDate(candidate)) {
          issuedOn = candidate
          end += date[0].length
        }
      }
      let issuer: AgencyMatch | null = null
      const after = text.slice(end)
      const cua = /^\s*,?\s*(\S+)\s+/u.exec(after)
      if (cua && CUA_RE.test(foldInPlace(cua[1]!))) {
        const phrase = after
          .slice(cua[0].length)
          .split(/[(;,.“"]|\s(?:v[eéề]|và|va|ban\s+h[aà]nh|t[aạ]i|th[uự]c\s+hi[eệ]n|trong|nh[aằ]m|đ[eể]|d[eé])\s/u)[0]!
        const words = phrase.split(/\s+/).slice(0, 14).join(' ')
        const first = matcher.match(words, context).matches[0]
        if (first && first.start <= 2) {
          issuer = first
          end += cua[0].length + first.end
        }
      }
      const canonical = normalizeSymbol(parsed.text)
      const candidates = documents.filter((d) => d.symbol !== null && normalizeSymbol(d.symbol) === canonical)
      const doc = candidates.length === 1 ? candidates[0]! : (candidates.find((d) => d.issuedOn === issuedOn) ?? null)
      found.push({ symbol: parsed.text, symbolText: m[0], kind: parsed.kind, issuedOn, issuer, documentKey: doc?.key ?? null, start, end })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** The tier a citation's issuer sits at, from the matched issuer or the symbol's issuer code. */
function tierOf(citation: Citation, documents: readonly CatalogDocument[]): Tier {
  const doc = citation.documentKey ? documents.find((d) => d.key === citation.documentKey) : undefined
  if (doc?.issuerTier) return doc.issuerTier
  if (citation.issuer?.tier) return citation.issuer.tier
  const issuerCode = citation.symbol.split('/').pop()!.split('-').pop()!
  return CENTRAL_ISSUERS.has(issuerCode) || /^QH/.test(issuerCode) ? 'CENTRAL' : 'PROVINCE'
}

const KIND_WORD_KEYS = new Set([
  'nghi',
  'quyet',
  'ke',
  'hoach',
  'hanh',
  'dong',
  'dinh',
  'thong',
  'bao',
  'ket',
  'luan',
  'cong',
  'van',
  'chi',
  'thi',
  'chuong',
  'trinh',
  'huong',
  'dan',
  'de',
  'an',
  'tu',
  'luat',
  'so',
])

/** Only joining words ("và", ",") lie between two citations: they are listed side by side. */
function sideBySide(gap: string): boolean {
  const keys = keyTokens(gap).map((t) => t.key)
  while (keys.length > 0 && (KIND_WORD_KEYS.has(keys[keys.length - 1]!) || /^s.{0,2}$|^\d+$/.test(keys[keys.length - 1]!))) keys.pop()
  return keys.every((k) => k === 'va' || k === 'cung' || k === 'nhu')
}

/**
 * The documents an opening paragraph says the plan implements: the citations of "Thực hiện …" up
 * to the last "ban hành", minus those cited only to say what another cited document does. A
 * citation that follows another with more than "và" between them belongs to it ("Nghị quyết số
 * 50/NQ-CP … ban hành Chương trình … thực hiện Nghị quyết số 52-NQ/TW") unless it is of a lower
 * tier than that one, which no central document implements.
 *
 * A letter (công văn) implements the direction it answers: the citation after "chỉ đạo … tại".
 */
export function implementedBy(
  opening: string,
  kind: DocumentKind | null,
  matcher: AgencyMatcher,
  documents: readonly CatalogDocument[],
  context: AgencyMatchContext = {},
): Citation[] {
  const plain = opening.replace(/\([^)]*\)/g, (s) => ' '.repeat(s.length))
  const folded = foldInPlace(plain)
  if (kind === 'CV' || kind === 'BC' || kind === 'TTr') {
    const at = folded.search(/chi\s+d\S{1,2}o\b/)
    if (at < 0) return []
    const citations = findCitations(plain, matcher, documents, context).filter((c) => c.start > at)
    const answered = citations.find((c) =>
      /\bt\S{1,2}i\s+\S+(\s+\S+)?\s+s\S{0,2}\s*$/.test(folded.slice(Math.max(0, c.start - 30), c.start)),
    )
    return answered ? [answered] : []
  }
  const cut = folded.lastIndexOf('ban hanh')
  const text = cut > 0 ? plain.slice(0, cut) : plain
  const citations = findCitations(text, matcher, documents, context)
  const parentOf: (number | null)[] = []
  citations.forEach((c, i) => {
    if (i === 0) {
      parentOf.push(null)
      return
    }
    const prev = citations[i - 1]!
    let parent = sideBySide(text.slice(prev.end, c.start)) ? parentOf[i - 1]! : i - 1
    while (parent !== null && tierRank(tierOf(c, documents)) > tierRank(tierOf(citations[parent]!, documents))) parent = parentOf[parent]!
    parentOf.push(parent)
  })
  const seen = new Set<string>()
  return citations.filter((c, i) => parentOf[i] === null && !seen.has(c.symbol) && seen.add(c.symbol))
}
