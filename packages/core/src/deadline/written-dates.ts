/**
 * Dates written out in words — "ngày 15 tháng 3 năm 2026", "ngày 15 tháng 6" — rewritten in the
 * folded text as "15/3/2026" padded with spaces to the same length, so every form that reads
 * `d/m/yyyy` reads them too and positions still match the original text.
 */
import { NAM, NGAY, THANG } from './patterns.js'

// "15 tháng 3 năm 2026" (with or without "ngày"), and "ngày 15 tháng 6" with no year.
const WRITTEN_RE = new RegExp(`\\b(${NGAY}\\s+)?(\\d{1,2})(\\s+${THANG}\\s+)(\\d{1,2})\\b(\\s*,?\\s+${NAM}\\s+(?=\\d{4}\\b))?`, 'g')
const HINT_RE = new RegExp(`\\d\\s+${THANG}\\s+\\d`)
const NUMBER_NEXT_RE = /^\s*[/.-]\s*\d/

function slash(gap: string): string {
  return '/' + ' '.repeat(gap.length - 1)
}

/**
 * Rewrites written-out dates of folded text as numeric ones, keeping its length.
 *
 * @example
 * numericDates('truoc ngay 15 thang 3 nam 2026') //=> 'truoc ngay 15/      3/    2026'
 */
export function numericDates(f: string): string {
  if (!HINT_RE.test(f)) return f
  return f.replace(
    WRITTEN_RE,
    (all: string, ngay: string | undefined, d: string, g1: string, m: string, g2: string | undefined, at: number) => {
      if (g2 !== undefined) return (ngay ?? '') + d + slash(g1) + m + slash(g2)
      // Without a year, only after "ngày" ("6 tháng 1 lần" is a period) and not before "/yyyy".
      if (ngay === undefined || NUMBER_NEXT_RE.test(f.slice(at + all.length, at + all.length + 4))) return all
      return ngay + d + slash(g1) + m
    },
  )
}
