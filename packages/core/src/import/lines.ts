/**
 * A plan's text as numbered lines, each with a folded copy (lower case, no diacritics, same
 * length) that patterns are tried on, so that what they find can be cut from the original.
 */
import { foldInPlace } from '../deadline/ocr-fold.js'
import { nfc } from '../text/fold.js'

/** One line of the source: its text as written (trimmed, NFC), its folded copy and its number. */
export interface SourceLine {
  readonly text: string
  readonly folded: string
  /** 1-based line number in the input. */
  readonly no: number
  /** The cells of a tab-separated line (a table row, or a header's two columns), trimmed; one cell otherwise. */
  readonly cells: readonly string[]
}

/** Splits text into trimmed lines; line numbers count from 1. */
export function sourceLines(text: string): SourceLine[] {
  return nfc(text)
    .split(/\r\n|\r|\n/)
    .map((raw, i) => {
      const line = raw.replace(/\t/g, ' ').trim()
      const cells = raw.includes('\t') ? raw.split('\t').map((c) => c.replace(/\s+/g, ' ').trim()) : [line]
      return { text: line, folded: foldInPlace(line), no: i + 1, cells }
    })
}

/** Lines joined into running text; a word cut by a line break at a hyphen keeps the hyphen. */
export function joinLines(lines: readonly SourceLine[]): string {
  return lines
    .map((l) => l.text)
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Page numbers, stamps and stray marks: lines with no letter, or a lone symbol. */
export function isNoise(line: SourceLine): boolean {
  return line.text !== '' && !/\p{L}/u.test(line.text)
}

/** The words "của" becomes in OCR ("ctia", "ciia", "caa", "cta"…). */
export const CUA_RE = /^c[a-z]{0,3}a$/
