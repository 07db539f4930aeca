/**
 * The header of a plan: issuer, number and symbol, place and date, kind and title, and where
 * the opening paragraph ("Thực hiện …", "Kính gửi …") and the body begin. Both layouts are
 * read: the State header (issuer left, "CỘNG HÒA XÃ HỘI …" right) and the Party header (issuer
 * left, "ĐẢNG CỘNG SẢN VIỆT NAM" right), with OCR having run the two columns into one line.
 */
import { isCalendarDate, type CalendarDate } from '../calendar/date.js'
import { foldInPlace } from '../deadline/ocr-fold.js'
import type { DocumentKind } from '../document/kind.js'
import { parseSymbol } from '../document/symbol.js'
import { isDomainError } from '../errors.js'
import type { AgencyMatch, AgencyMatcher } from './agency.js'
import { isNoise, joinLines, type SourceLine } from './lines.js'
import { issuerPlace, type IssuerPlace, type Territory } from './province.js'
import { keyText, similarity } from './tokens.js'
import type { Warn } from './warnings.js'
import { leftPart, pad, PLACE_DATE_RE, placeBefore, readDay, SYMBOL_LINE_RE, symbolAt } from './header-columns.js'
import { findOpening } from './opening.js'

/** What the header says. */
export interface PlanHeader {
  /** The issuing body, as matched; null when it could not be read. */
  readonly issuer: AgencyMatch | null
  readonly kind: DocumentKind | null
  /** Canonical number and symbol (`01-KH/BCĐ`); null when absent or illegible. */
  readonly symbol: string | null
  /** The number and symbol as written. */
  readonly symbolText: string | null
  readonly place: string | null
  readonly issuedOn: CalendarDate | null
  readonly title: string | null
  /** The scope agencies are matched in (see {@link IssuerPlace.scope}). */
  readonly scope?: string | null
  /** The issuer's province by name; null for a central issuer; undefined when not known. */
  readonly province?: string | null
  /** The issuer's commune as a place key, when it is a commune body. */
  readonly commune?: string | null
  /** The issuer's tier as the header tells it. */
  readonly issuerTier?: IssuerPlace['tier']
}

/** Where the parts of the document lie, as indexes into its lines. */
interface HeaderLayout {
  readonly header: PlanHeader
  /** The opening paragraph: [start, end) line indexes; empty when there is none. */
  readonly opening: readonly [number, number]
  /** First line of the body (after the opening paragraph). */
  readonly bodyStart: number
}

const KIND_WORDS: readonly [string, DocumentKind][] = [
  ['ke hoach', 'KH'],
  ['quyet dinh', 'QĐ'],
  ['nghi quyet', 'NQ'],
  ['chuong trinh', 'CTr'],
  ['thong bao', 'TB'],
  ['chi thi', 'CT'],
  ['huong dan', 'HD'],
  ['bao cao', 'BC'],
  ['to trinh', 'TTr'],
  ['ket luan', 'KL'],
  ['de an', 'ĐA'],
  ['cong dien', 'CĐ'],
  ['quy che', 'QC'],
  ['quy dinh', 'QyĐ'],
]
const HEADER_LINES = 30
const SIGNATURE_RE = /(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2})?\s*\+0?7:?00/
/**
 * Reads the header and finds the opening paragraph.
 *
 * @example
 * readHeader(sourceLines(text), matcher, warn).header.symbol //=> '01-KH/BCĐ'
 */
export function readHeader(
  lines: readonly SourceLine[],
  matcher: AgencyMatcher,
  warn: Warn,
  fullText: string,
  territories: readonly Territory[] = [],
): HeaderLayout {
  const top = lines.slice(0, HEADER_LINES)
  // Number and symbol.
  let symbol: string | null = null
  let symbolText: string | null = null
  let symbolKind: DocumentKind | null = null
  const symbolIndex = top.findIndex((l) => symbolAt(l) !== null)
  if (symbolIndex >= 0) {
    const line = top[symbolIndex]!
    symbolText = symbolAt(line)!
    try {
      const parsed = parseSymbol(symbolText)
      symbol = parsed.text
      symbolKind = parsed.kind
    } catch (error) {
      if (!isDomainError(error)) throw error
      warn('SYMBOL_UNREADABLE', `The number and symbol "${symbolText}" cannot be read; the document is imported unnumbered`, line)
    }
  } else {
    warn('SYMBOL_MISSING', 'No number and symbol ("Số: …") in the header', null)
  }

  // Place and date.
  let place: string | null = null
  let issuedOn: CalendarDate | null = null
  const dateIndex = top.findIndex((l) => PLACE_DATE_RE.test(l.folded))
  if (dateIndex >= 0) {
    const line = top[dateIndex]!
    const m = PLACE_DATE_RE.exec(line.folded)!
    place = placeBefore(line.text, m.index + m[0].indexOf(','))
    const day = readDay(m[2]!)
    const month = Number(m[3])
    const year = Number(m[4])
    const signed = SIGNATURE_RE.exec(fullText)
    const candidate = day === null ? null : `${year}-${pad(month)}-${pad(day)}`
    if (candidate && isCalendarDate(candidate)) issuedOn = candidate
    else if (signed && Number(signed[1]) === year && Number(signed[2]) === month) {
      issuedOn = `${signed[1]}-${signed[2]}-${signed[3]}`
      warn(
        'ISSUE_DATE_FROM_SIGNATURE',
        `The day of the issue date ("${m[2]}") cannot be read; taken from the digital signature: ${issuedOn}`,
        line,
      )
    } else {
      warn('ISSUE_DATE_UNREADABLE', `The issue date cannot be read ("${line.text.slice(m.index)}")`, line)
    }
  } else {
    warn('ISSUE_DATE_MISSING', 'No place and date ("…, ngày … tháng … năm …") in the header', null)
  }

  // Kind word line, or a letter's "V/v" subject.
  let kindIndex = -1
  let lineKind: DocumentKind | null = null
  for (let i = 0; i < top.length; i++) {
    const l = top[i]!
    if (/^v\s*\/\s*v\b/.test(l.folded)) {
      kindIndex = i
      lineKind = 'CV'
      break
    }
    const letters = l.text.replace(/[^\p{L}]/gu, '')
    if (letters.length < 4 || letters.length > 16 || letters !== letters.toUpperCase()) continue
    const key = keyText(l.text)
    const hit = KIND_WORDS.find(([word]) => similarity(key, word) >= 0.75)
    if (hit) {
      kindIndex = i
      lineKind = hit[1]
      break
    }
  }
  const kind = symbolKind ?? lineKind
  if (symbolKind && lineKind && symbolKind !== lineKind && lineKind !== 'CV') {
    warn('KIND_MISMATCH', `The symbol says ${symbolKind} but the heading says ${lineKind}`, top[kindIndex] ?? null)
  }

  // Issuer: the left column of the lines above the number, minus the right column.
  const ends = [symbolIndex, kindIndex].filter((i) => i >= 0)
  const headEnd = ends.length > 0 ? Math.min(...ends) : Math.max(0, dateIndex + 1)
  const leftColumn = lines
    .slice(0, Math.max(headEnd, symbolIndex + 1))
    .filter((l) => !SYMBOL_LINE_RE.test(l.folded))
    .map(leftPart)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
  const where = issuerPlace(leftColumn, place, territories, fullText)
  const context = { scope: where.scope, commune: where.commune ?? null }
  let issuer = lastAgency(matcher.match(leftColumn, context).matches)
  // A place the catalog has no territory for ("Xã Thiện Tín" unregistered): a body named in full
  // with that place is still the issuer, and the plan's scope then follows from it.
  let scope = where.scope
  if (!issuer && scope?.startsWith('?')) {
    const found = lastAgency(matcher.match(leftColumn, {}).matches)
    if (found?.code && found.kind === 'ORGANIZATION' && found.confidence >= 0.9 && keyText(found.name).includes(scope.slice(1))) {
      issuer = found
      scope = null
    }
  }

  // Title and opening paragraph.
  const { opening, openingAt } = findOpening(lines, kindIndex, lineKind)
  const titleEnd =
    lineKind === 'CV'
      ? Math.max(
          kindIndex + 1,
          lines.findIndex((l, i) => i > kindIndex && (l.text === '' || /^k[a-z]{2,3}\s+g[a-z]{1,2}i\b/.test(l.folded))),
        )
      : opening[0]
  const titleLines = kindIndex >= 0 ? lines.slice(lineKind === 'CV' ? kindIndex : kindIndex + 1, titleEnd).filter((l) => !isNoise(l)) : []
  let title = joinLines(titleLines).replace(/^v\s*\/\s*v[:.]?\s*/i, '') || null
  if (!title) warn('TITLE_MISSING', 'No title under the kind heading', kindIndex >= 0 ? top[kindIndex]! : null)

  if (!issuer && openingAt >= 0) {
    // "…, UBND tỉnh ban hành Kế hoạch …": the clause before the last "ban hành".
    const text = joinLines(lines.slice(opening[0], opening[1]))
    const folded = foldInPlace(text)
    const at = folded.lastIndexOf('ban hanh')
    if (at > 0) {
      const clause = text.slice(0, at).split(/[,;)]/).pop() ?? ''
      issuer = lastAgency(matcher.match(clause, context).matches)
    }
  }
  if (!issuer && leftColumn) {
    // A body the catalog lacks: proposed as new, under its territory when that is known.
    issuer = proposedIssuer(leftColumn, where)
    if (issuer)
      warn(
        'ISSUER_UNMATCHED',
        `The issuing body "${issuer.text}" is not in the catalog: proposed as new${where.territory ? ` under ${where.territory.name}` : ''}`,
        lines[0] ?? null,
      )
  }
  if (!issuer) warn('ISSUER_UNMATCHED', 'The issuing body could not be read or matched', lines[0] ?? null)
  if (title && title.length > 400) title = title.slice(0, 400)
  return {
    header: {
      issuer,
      kind,
      symbol,
      symbolText,
      place,
      issuedOn,
      title,
      scope,
      commune: where.commune ?? null,
      issuerTier: where.tier,
      ...(where.province !== undefined ? { province: where.province } : {}),
    },
    opening,
    bodyStart: opening[1],
  }
}

/** An issuer the catalog lacks, as the header's column names it (its last line's body). */
function proposedIssuer(column: string, where: IssuerPlace): AgencyMatch | null {
  const text = column
    .replace(/\s*[-*_]{2,}\s*/g, ' ')
    .replace(/\s*\*\s*/g, ' ')
    .trim()
  if (!/\p{L}{2}/u.test(text)) return null
  return {
    text,
    code: null,
    kind: 'NEW',
    tier: where.tier,
    name: text,
    confidence: 0,
    start: 0,
    end: text.length,
    proposedParent: where.territory?.code ?? null,
  }
}

function lastAgency(matches: readonly AgencyMatch[]): AgencyMatch | null {
  const orgs = matches.filter((m) => m.kind === 'ORGANIZATION')
  return orgs[orgs.length - 1] ?? null
}
