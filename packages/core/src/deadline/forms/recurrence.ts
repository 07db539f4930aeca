/**
 * Recurring times — "Thường xuyên", "hằng năm", "định kỳ hằng quý", "Định kỳ 06 tháng", "6 tháng
 * một lần", "định kỳ (hằng quý)" — and the budget lines that only look like them ("kinh phí chi
 * thường xuyên", "dự toán ngân sách hằng năm"), which are masked before anything is read.
 */
import type { Recurrence } from '../types.js'
import { NAM, NGAY, QUY, THANG } from '../patterns.js'

const CONTINUOUS_RE = /\bth[a-z]{2,4}ng\s+xuy[a-z]{1,2}n\b|\blien\s+tuc\b/
const EVERY_RE = new RegExp(`\\b(?:h[a-z]ng|moi)\\s+(${NGAY}|tu[a-z]n|${THANG}|${QUY}|${NAM})\\b`)
const PERIODIC_RE = new RegExp(`\\b[dp]inh\\s+ky\\b(?:\\s*\\(?\\s*(hang\\s+)?(${THANG}|${QUY}|${NAM}|0?6\\s+${THANG}))?`)
const SIX_MONTHLY_RE = new RegExp(`\\b(?:6|06|sau)\\s+${THANG}\\s+(?:mot|1|01)\\s+l[a-z]n\\b`)
// Days of the year written without a year: "trước ngày 01/6 và 15/11 hằng năm".
const DAY_MONTH_RE = /(?<![\d/])\d{1,2}\s*\/\s*\d{1,2}(?!\s*[/\d])/g

/**
 * How often a phrase (folded) says the work recurs, or null. "định kỳ" alone is CONTINUOUS (use
 * {@link periodless} to tell it apart); a yearly phrase listing two days of the year is half-yearly.
 *
 * @example
 * recurrenceOf('dinh ky (hang quy)') //=> 'QUARTERLY'
 */
export function recurrenceOf(f: string): Recurrence | null {
  if (SIX_MONTHLY_RE.test(f)) return 'HALF_YEARLY'
  const every = EVERY_RE.exec(f)
  const periodic = PERIODIC_RE.exec(f)
  const unit = periodic?.[2] ?? every?.[1]
  if (unit) {
    if (unit.startsWith('0') || unit.startsWith('6')) return 'HALF_YEARLY'
    if (unit.startsWith('ng')) return 'DAILY'
    if (unit.startsWith('tu')) return 'WEEKLY'
    if (unit.startsWith('th')) return 'MONTHLY'
    if (unit.startsWith('qu')) return 'QUARTERLY'
    const days = f.includes('/') ? (f.match(DAY_MONTH_RE)?.length ?? 0) : 0
    return days === 2 ? 'HALF_YEARLY' : days === 4 ? 'QUARTERLY' : 'YEARLY'
  }
  if (CONTINUOUS_RE.test(f) || periodic) return 'CONTINUOUS'
  return null
}

/**
 * Whether a recurring phrase (folded) says only "định kỳ", with no period and no "thường xuyên".
 *
 * @example
 * periodless('dinh ky') //=> true
 * periodless('dinh ky hang quy') //=> false
 */
export function periodless(f: string): boolean {
  const periodic = PERIODIC_RE.exec(f)
  return periodic !== null && periodic[2] === undefined && !EVERY_RE.test(f) && !CONTINUOUS_RE.test(f) && !SIX_MONTHLY_RE.test(f)
}

// A budget line: "kinh phí (chi) thường xuyên", "(dự toán) ngân sách hằng năm", "nguồn chi thường
// xuyên", "kinh phí thực hiện được bố trí hằng năm": a budget word, then within the clause (a few
// words, no punctuation) "thường xuyên" or "hằng năm".
const BUDGET_RE =
  /\b(?:kinh\s+phi|ngan\s+sach|du\s+toan|nguon\s+von|nguon\s+chi|von\s+ngan)(?:\s+[a-z]+){0,6}?\s+(?:thuong\s+xuyen|h[a-z]ng\s+nam)\b/g
const BUDGET_HINT_RE = /kinh|ngan|toan|von|nguon/

/**
 * Folded text with its budget lines blanked out (same length), or the text itself when it has none.
 *
 * @example
 * maskBudget('kinh phi chi thuong xuyen').trim() //=> ''
 */
export function maskBudget(f: string): string {
  if (!BUDGET_HINT_RE.test(f)) return f
  return f.replace(BUDGET_RE, (m) => ' '.repeat(m.length))
}
