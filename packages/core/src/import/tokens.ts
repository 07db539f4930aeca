/**
 * Words of OCR'd Vietnamese as matching keys: folded (no diacritics, lower case), with the
 * characters OCR puts in place of letters read back (`S&`, `S¢`, `S6` → `so`; `1y` → `ly`), and
 * the usual abbreviations written out (`UBND` → `uy ban nhan dan`), each key word keeping the span
 * of the original text it came from.
 */
import { fold } from '../text/fold.js'

/** One key word and where it came from in the original text. */
export interface KeyToken {
  readonly key: string
  readonly start: number
  readonly end: number
}

/** Abbreviations officials write, as the words they stand for (keys, folded). */
const ABBREVIATIONS: Record<string, string> = {
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  ubmttq: 'uy ban mat tran to quoc',
  ubmttqvn: 'uy ban mat tran to quoc viet nam',
  mttq: 'mat tran to quoc',
  vn: 'viet nam',
  vpub: 'van phong uy ban nhan dan',
  vpubnd: 'van phong uy ban nhan dan',
  vptu: 'van phong tinh uy',
  bcd: 'ban chi dao',
  bcdtw: 'ban chi dao trung uong',
  tw: 'trung uong',
  khcn: 'khoa hoc va cong nghe',
  tttt: 'thong tin va truyen thong',
  ctxh: 'chinh tri xa hoi',
  tmgv: 'tham muu giup viec',
}

const WORD_RE = /[\p{L}\p{N}&¢§|\\]+/gu
const LETTER_RE = /\p{L}/u

/** Keys of words seen before: a catalog's names repeat a few hundred words thousands of times. */
const KEY_CACHE = new Map<string, string>()
const KEY_CACHE_LIMIT = 100_000

/** A single word's key: OCR stand-ins inside a word read back as the letters they replace. */
export function keyOfWord(word: string): string {
  const cached = KEY_CACHE.get(word)
  if (cached !== undefined) return cached
  const key = computeKey(word)
  if (KEY_CACHE.size >= KEY_CACHE_LIMIT) KEY_CACHE.clear()
  KEY_CACHE.set(word, key)
  return key
}

function computeKey(word: string): string {
  let key = fold(word.normalize('NFKD'))
  const known = OCR_WORDS[key]
  if (known) return known
  // "KH&CN", "TB&XH": consonants only on both sides (no Vietnamese word lacks a vowel), an abbreviation, not an OCR stand-in.
  if (/^[b-df-hj-np-tv-xz]{1,4}&[b-df-hj-np-tv-xz]{1,4}$/.test(key)) key = key.replace('&', '')
  else if (LETTER_RE.test(key)) {
    key = key
      .replace(/[&¢§]/g, 'o')
      .replace(/(?<=\p{L})[06]|[06](?=\p{L})/gu, 'o')
      .replace(/(?<=\p{L})[1|]|[1|](?=\p{L})/gu, 'l')
  }
  key = key.normalize('NFD').replace(/[^a-z0-9]/g, '')
  const cleaned = OCR_WORDS[key]
  if (cleaned) return cleaned
  // Vietnamese words begin with "ph", never "p" and a vowel: that P is a misread Đ ("PAO", "DPANG").
  return key.replace(/^d?p(?=[aeiouy])/, 'd')
}

/** Whole words OCR makes of short Vietnamese words, read back. */
const OCR_WORDS: Record<string, string> = {
  s: 'so',
  '8': 'so',
  '86': 'so',
  '8o': 'so',
  s0: 'so',
  sa: 'so',
  sg: 'so',
  sd: 'so',
  'so&': 'so',
  x3: 'xa',
  x4: 'xa',
  'x&': 'xa',
  ij: 'uy',
  ue: 'uy',
  iy: 'uy',
  ny: 'uy',
  fiy: 'uy',
  uty: 'uy',
  '0y': 'uy',
  ay: 'uy',
  gy: 'uy',
  ty: 'uy',
}

/**
 * Splits text into key words with their source spans; abbreviations become several key words
 * sharing one span.
 *
 * @example
 * keyTokens('S& Khoa hoc va Céng nghé').map((t) => t.key).join(' ') //=> 'so khoa hoc va cong nghe'
 */
export function keyTokens(text: string): KeyToken[] {
  const out: KeyToken[] = []
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index
    const end = start + m[0].length
    const key = keyOfWord(m[0])
    if (!key) continue
    const expanded = ABBREVIATIONS[key]
    if (expanded) for (const k of expanded.split(' ')) out.push({ key: k, start, end })
    else out.push({ key, start, end })
  }
  return out
}

/** The key words of a text, joined by single spaces. */
export function keyText(text: string): string {
  return keyTokens(text)
    .map((t) => t.key)
    .join(' ')
}

/**
 * Levenshtein distance, with an early exit once it exceeds `limit`.
 *
 * @example
 * editDistance('so thong tin', '8o thong tin') //=> 1
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let prev = new Array<number>(b.length + 1)
  let cur = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > limit) return limit + 1
    ;[prev, cur] = [cur, prev]
  }
  return prev[b.length]!
}

/**
 * Similarity in [0, 1]: one minus the edit distance over the longer length. With `atLeast`, a
 * pair that cannot reach it is given up early (and scores 0).
 */
export function similarity(a: string, b: string, atLeast = 0): number {
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  const limit = atLeast > 0 ? Math.floor((1 - atLeast) * longest + 1e-9) : Infinity
  const d = editDistance(a, b, limit)
  return d > limit ? 0 : 1 - d / longest
}
