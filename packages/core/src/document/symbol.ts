/**
 * Numbers and symbols of documents (số, ký hiệu), both formats:
 * - State (Decree 30/2020/NĐ-CP): `107/KH-UBND`, `118/2025/NĐ-CP`, a công văn `3609/UBND-KGVX`;
 * - Party (Hướng dẫn 36-HD/VPTW): `57-NQ/TW`, `09-KH/ĐU`, `07-TB/CQTTBCĐ`.
 * Parsing repairs OCR damage that is unambiguous (`Ð`/`D`/`P` for `Đ`, stray spaces, a `Số:` label)
 * and refuses what cannot be read instead of guessing.
 */
import { DomainError } from '../errors.js'
import { DOCUMENT_KINDS, type DocumentKind } from './kind.js'

/** Which of the two numbering systems a symbol follows. */
export type SymbolFormat = 'STATE' | 'PARTY'

/** A parsed number-and-symbol. */
export interface DocumentSymbol {
  readonly format: SymbolFormat
  /** The number as written, leading zeros kept (`'09'`). */
  readonly number: string
  /** The year part of `118/2025/NĐ-CP`, else null. */
  readonly year: number | null
  /** The kind code; `CV` for a State công văn (no kind in its symbol); null when the symbol names none (a law). */
  readonly kind: DocumentKind | null
  /** The issuer code: `UBND`, `TW`, `ĐU`, `QH15`… */
  readonly issuer: string
  /** The drafting unit of a State công văn (`KGVX` in `3609/UBND-KGVX`), else null. */
  readonly unit: string | null
  /** The canonical text, e.g. `09-KH/ĐU`. */
  readonly text: string
}

/**
 * Issuer codes seen in the seeds and the national system, with their canonical spelling.
 * Codes not listed are kept as written (upper-cased): every province has its own units.
 */
export const ISSUER_CODES: readonly string[] = [
  'TW',
  'CP',
  'TTg',
  'BCĐTW',
  'CQTTBCĐ',
  'TGV',
  'TU',
  'BCĐ',
  'BCH',
  'ĐU',
  'UBND',
  'HĐND',
  'SKHCN',
  'VPTW',
  'VPCP',
  'BTV',
  'MTTQ',
  'QLKHCN',
  'KGVX',
  'QH15',
  'QH14',
  'BKHCN',
  'BTC',
]

/** Folding key for a code: upper case, Đ and its OCR look-alike Ð written D. */
function codeKey(code: string): string {
  return code.toUpperCase().replace(/[ĐÐ]/g, 'D')
}

const KIND_BY_KEY = new Map<string, DocumentKind>((Object.keys(DOCUMENT_KINDS) as DocumentKind[]).map((k) => [codeKey(k), k]))
const ISSUER_BY_KEY = new Map<string, string>(ISSUER_CODES.map((c) => [codeKey(c), c]))

/** Looks a code up exactly, then with OCR's `P` read as `Đ` (seed 001 writes `CQTTBCP`). */
function lookUp<T>(table: Map<string, T>, code: string): T | undefined {
  const key = codeKey(code)
  return table.get(key) ?? (key.includes('P') ? table.get(key.replace(/P/g, 'D')) : undefined)
}

function canonicalIssuer(code: string): string {
  return lookUp(ISSUER_BY_KEY, code) ?? code.toUpperCase().replace(/Ð/g, 'Đ')
}

const PARTY_RE = /^(\d+)-([\p{L}]+)\/([\p{L}\d]+)$/u
const STATE_RE = /^(\d+)(?:\/(\d{4}))?\/([\p{L}\d]+)(?:-([\p{L}\d]+(?:-[\p{L}\d]+)*))?$/u
/** A code: letters and digits, parts joined by hyphens (`MTTQ-BTT`). */
const CODE_RE = /^[\p{L}\d]+(?:-[\p{L}\d]+)*$/u

/** Strips a leading `Số:` label (OCR'd `S6:`, `So:`) and all white space. */
function clean(input: string): string {
  let text = input.normalize('NFC').trim()
  const label = /^s[ốôo6ỗộóò]?\s*[:.]?\s*/iu.exec(text)
  if (label) text = text.slice(label[0].length)
  return text.replace(/\s+/g, '')
}

/**
 * Parses a number-and-symbol in either format.
 * Throws `ILLEGIBLE_SYMBOL` when the shape is there but the number cannot be read
 * (seed 002's `£ /KI-UBND`), and `MALFORMED_SYMBOL` for anything else it cannot read.
 *
 * @example
 * parseSymbol('S6 01-KH/BCD').text //=> '01-KH/BCĐ'
 * parseSymbol('3609/UBND-KGVX').kind //=> 'CV'
 */
export function parseSymbol(input: string): DocumentSymbol {
  const text = clean(input)
  const party = PARTY_RE.exec(text)
  if (party) {
    const [, number, kindCode, issuerCode] = party as unknown as [string, string, string, string]
    const kind = lookUp(KIND_BY_KEY, kindCode)
    if (!kind) throw malformed(input, `unknown kind code "${kindCode}"`)
    return build({ format: 'PARTY', number, year: null, kind, issuer: canonicalIssuer(issuerCode), unit: null })
  }
  const state = STATE_RE.exec(text)
  if (state) {
    const [, number, year, first, second] = state as unknown as [string, string, string | undefined, string, string | undefined]
    const kind = second === undefined ? undefined : lookUp(KIND_BY_KEY, first)
    const base = { format: 'STATE' as const, number, year: year === undefined ? null : Number(year) }
    if (second === undefined) {
      // `72/2025/QH15`: an issuer alone, the kind is not written.
      return build({ ...base, kind: null, issuer: canonicalIssuer(first), unit: null })
    }
    if (kind) return build({ ...base, kind, issuer: canonicalIssuer(second), unit: null })
    // `3609/UBND-KGVX`: a công văn, issuer then drafting unit.
    return build({ ...base, kind: 'CV', issuer: canonicalIssuer(first), unit: canonicalIssuer(second) })
  }
  // The right shape around an unreadable number: say so rather than guess.
  const slash = text.indexOf('/')
  if (slash >= 0) {
    const head = text.slice(0, slash).replace(/-[\p{L}]+$/u, '')
    const tail = text.slice(slash + 1)
    // An unreadable number is junk or nothing (`£ `), not a word: `NQ/TW` is just malformed.
    if (!/^(\d+|\p{L}+)$/u.test(head) && /^\p{L}[\p{L}\d]*(-[\p{L}\d]+)*$/u.test(tail)) {
      throw new DomainError(
        'ILLEGIBLE_SYMBOL',
        `The number of "${input.trim()}" cannot be read; enter it by hand or leave the document unnumbered`,
        {
          details: { input },
        },
      )
    }
  }
  throw malformed(input, 'expected number/KIND-ISSUER (State) or number-KIND/ISSUER (Party)')
}

function malformed(input: string, why: string): DomainError {
  return new DomainError('MALFORMED_SYMBOL', `Not a document number and symbol: "${input.trim()}" (${why})`, {
    details: { input },
  })
}

function build(parts: Omit<DocumentSymbol, 'text'>): DocumentSymbol {
  return { ...parts, text: formatSymbol(parts) }
}

/**
 * Writes a symbol in its canonical form.
 *
 * @example
 * formatSymbol({ format: 'PARTY', number: '57', year: null, kind: 'NQ', issuer: 'TW', unit: null })
 * //=> '57-NQ/TW'
 */
export function formatSymbol(symbol: Omit<DocumentSymbol, 'text'>): string {
  for (const code of [symbol.issuer, symbol.unit, symbol.kind]) {
    if (code !== null && !CODE_RE.test(code)) throw malformed(code, 'codes are letters and digits')
  }
  if (symbol.format === 'PARTY') {
    if (symbol.kind === null) throw malformed(symbol.number, 'a Party symbol always names its kind')
    return `${symbol.number}-${symbol.kind}/${symbol.issuer}`
  }
  const head = symbol.year === null ? symbol.number : `${symbol.number}/${symbol.year}`
  if (symbol.unit !== null) return `${head}/${symbol.issuer}-${symbol.unit}`
  if (symbol.kind === null) return `${head}/${symbol.issuer}`
  return `${head}/${symbol.kind}-${symbol.issuer}`
}

/**
 * Parses and rewrites a symbol canonically; the form documents are stored and looked up by.
 *
 * @example
 * normalizeSymbol('07-TB/CQTTBCP') //=> '07-TB/CQTTBCĐ'
 */
export function normalizeSymbol(input: string): string {
  return parseSymbol(input).text
}
