/**
 * The two columns of a header as a text export gives them (one line tab-separated, or one after
 * the other): the issuer's column on the left, the number and symbol ("Số: 141/KH-UBND", Party
 * "Số 09-KH/ĐU"), and the place and date line ("Thành phố Hồ Chí Minh, ngày 05 tháng 12 năm 2025").
 */
import { foldInPlace } from '../deadline/ocr-fold.js'
import type { SourceLine } from './lines.js'

export const SYMBOL_LINE_RE = /^[_\s]*s[^\s:]{0,2}\s*:?\s*(?=[\d£€$%/]|[a-z]{0,2}\s*\/)/
/** "Quảng Ngãi, ngày 17 tháng 10 năm 2025", the day maybe damaged ("ngay4 §", "ngay /6"). */
export const PLACE_DATE_RE = /(\S+)\s*,\s*ng[a-z]{0,3}\s*(\S{1,3}(?:\s+\S{1,2})?)\s+th[a-z]{1,4}\s+(\d{1,2})\s+n[a-z]{1,3}\s+(\d{4})/
/** Right-hand column headings, where the issuer's column ends on a run-together line. */
const RIGHT_COLUMN_RES = [
  /c\S{0,3}ng\s+h\S{0,2}a\s+x\S{1,2}\s+h\S{1,3}i/,
  /\S{0,2}ang\s+c\S{1,3}ng\s+s\S{1,2}n/,
  /\S{1,3}c\s+[1l]\S{0,2}p\s*-\s*t\S{0,2}\s+do/,
]

/** The number and symbol a line writes after "Số:" (at its start or inside its issuer cell), up to the place or "V/v". */
export function symbolAt(line: SourceLine): string | null {
  for (const cell of line.cells) {
    const folded = foldInPlace(cell)
    const at = SYMBOL_LINE_RE.exec(folded) ?? /\ss[o0]\s*:\s*(?=[\d/]|[a-z]{0,2}\s*\/)/.exec(folded)
    if (!at) continue
    let end = cell.length
    for (const re of [PLACE_DATE_RE, /\bv\s*\/\s*v\b/]) {
      const m = re.exec(folded)
      if (m && m.index > at.index && m.index < end) end = re === PLACE_DATE_RE ? placeStart(cell, m.index + m[0].indexOf(',')) : m.index
    }
    const text = cell.slice(at.index + at[0].length, end).trim()
    if (text) return text
  }
  return null
}

/** Capitalised words before the comma of a date line: the place, of any length ("Thành phố Hồ Chí Minh"). */
export function placeBefore(text: string, comma: number): string | null {
  const start = placeStart(text, comma)
  const place = text.slice(start, comma).trim()
  return place || null
}

const PLACE_JOINERS = new Set(['phố', 'pho', 'xã', 'xa', 'phường', 'phuong', 'khu', 'trấn', 'tran'])

function placeStart(text: string, comma: number): number {
  const words = [...text.slice(0, comma).matchAll(/\S+/gu)]
  let start = comma
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!
    const capital = /^\p{Lu}\p{Ll}/u.test(w[0]) || /^\p{Lu}$/u.test(w[0])
    if (!capital && !(PLACE_JOINERS.has(w[0]) && i > 0 && i < words.length - 1)) break
    start = w.index!
    if (words.length - i >= 6) break
  }
  return start
}

export function leftPart(line: SourceLine): string {
  // A header table's row: the left cell, up to its "Số:".
  if (line.cells.length > 1) {
    const cell = line.cells[0]!
    const at = /(?:^|\s)s[o0]\s*:/.exec(foldInPlace(cell))
    return (at ? cell.slice(0, at.index) : cell).replace(/^[_\s*]+/, '')
  }
  const symbol = /\ss[o0]\s*:\s*(?=[\d/]|[a-z]{0,2}\s*\/)/.exec(line.folded)
  let end = symbol ? symbol.index : line.text.length
  for (const re of [...RIGHT_COLUMN_RES, PLACE_DATE_RE]) {
    const m = re.exec(line.folded)
    if (m && m.index < end) end = m.index
  }
  return line.text.slice(0, end).replace(/^[_\s*]+/, '')
}

export function readDay(written: string): number | null {
  const digits = written
    .replace(/[/|lIi]/g, '1')
    .replace(/[oO]/g, '0')
    .replace(/\s+/g, '')
  if (!/^\d{1,2}$/.test(digits)) return null
  const day = Number(digits)
  return day >= 1 && day <= 31 ? day : null
}

export function pad(n: number): string {
  return String(n).padStart(2, '0')
}
