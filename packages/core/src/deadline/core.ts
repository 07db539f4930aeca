/**
 * The time expression itself (no label; a trailing bracket is handled by parse.ts): tries each
 * form in turn, the most specific first, on the folded text `f` (positions match the text `t`).
 */
import { addDays, endOfMonth } from '../calendar/date.js'
import { dayOfMonthAt, dayOfYearAt } from '../calendar/civil-code.js'
import { VIETNAM_WORK_CALENDAR } from '../calendar/work-calendar.js'
import { conditional } from './forms/conditions.js'
import { afterDay, dateList, dateRange, fromStart, periodSpan, yearList } from './forms/ranges.js'
import { recurrenceOf } from './forms/recurrence.js'
import { relative } from './forms/relative.js'
import type { ParseDeadlineOptions } from './types.js'
import { DATE, DATE_RE, DEN, HET, MONTH_YEAR, NAM, NGAY, QUARTER_NO, QUY, THANG, TRUOC, TU, VA_NHUNG_RE } from './patterns.js'
import { BadDate, DATED, date, month, position, quarterNumber, spec, year, type Spec } from './spec.js'

const BEFORE_DATE_RE = new RegExp(`\\b${TRUOC}\\s+(?:${NGAY}\\s+)?${DATE}`)
const BEFORE_MONTH_RE = new RegExp(`\\b${TRUOC}\\s+${THANG}\\s+${MONTH_YEAR}`)
const BEFORE_PERIOD_RE = new RegExp(`\\b${TRUOC}\\s+(?:${QUY}\\s+${QUARTER_NO}\\s*(?:/|-|${NAM})\\s*(\\d{4})|${NAM}\\s+(\\d{4}))`)
const NAMED_QUARTER_RE = new RegExp(`\\b([dp]au|giua|cuoi)\\s+${QUY}\\s+${QUARTER_NO}\\s*(?:/|-|${NAM})\\s*(\\d{4})`)
const OR_RE = /\bhoac\b/

/** Two times offered as alternatives ("Tháng 12/2025 hoặc Quý I/2026"): which one binds is not said. */
function alternatives(f: string): boolean {
  const or = OR_RE.exec(f)
  return or !== null && /\d/.test(f.slice(0, or.index)) && /\d/.test(f.slice(or.index))
}
const NAMED_MONTH_RE = new RegExp(`\\b(tu[a-z]n\\s+)?([dp]au|giua|cuoi)\\s+${THANG}\\s+${MONTH_YEAR}`)
const NAMED_YEAR_RE = new RegExp(`\\b([dp]au|giua|cuoi)\\s+${NAM}\\s+(\\d{4})`)
const UNTIL_END_MONTH_RE = new RegExp(`\\b${DEN}\\s+${HET}\\s+${THANG}\\s+${MONTH_YEAR}`)
const UNTIL_YEAR_RE = new RegExp(`\\b${DEN}\\s+(${HET}\\s+)?${NAM}\\s+(\\d{4})`)
const UNTIL_HINT_RE = new RegExp(`\\b${DEN}\\s`)
const FROM_NOW_RE = new RegExp(`\\b${TU}\\s+nay\\s+${DEN}\\b`)
const HALF_RE = new RegExp(`\\b(?:6|06|sau)\\s+${THANG}\\s+(dau|cuoi)\\s+${NAM}\\s+(\\d{4})`)
const NINE_RE = new RegExp(`\\b(?:9|09|chin)\\s+${THANG}\\s+(?:dau\\s+)?${NAM}\\s+(\\d{4})`)
const QUARTER_RE = new RegExp(`\\b${QUY}\\s+${QUARTER_NO}\\s*(?:/|-|${NAM})\\s*(\\d{4})`)
const MONTH_RE = new RegExp(`\\b${THANG}\\s+${MONTH_YEAR}`)
// "6/2025" on its own (a table cell): not part of a date, a range or a document number.
const BARE_MONTH_RE = /(?<![\d/.-]\s?|\bso\s)(\d{1,2})\s?\/\s?(\d{4})(?![\d/])/
const FROM_YEAR_RE = new RegExp(`(?:^|\\s|\\()${TU}\\s*${NAM}\\s+(\\d{4})\\b(?!\\s*-\\s*\\d{4})`)
const YEAR_RANGE_RE = new RegExp(`(?:^|\\D)(\\d{4})\\s*(?:-|\\b${DEN}\\b|\\btoi\\b)\\s*(?:${HET}\\s+)?(?:${NAM}\\s+)?(\\d{4})(?!\\d)`)
const YEAR_RE = new RegExp(`\\b${NAM}\\s+(\\d{4})\\b|^\\(?(\\d{4})\\)?$`)

/**
 * The time a phrase gives, or null when nothing is recognised. Throws BadDate on impossible dates.
 *
 * @example
 * parseCore('Quý IV/2025', 'quy iv/2025', {})?.dueDate //=> '2025-12-31'
 */
export function parseCore(t: string, f: string, options: ParseDeadlineOptions): Spec | null {
  const waiting = conditional(t, f)
  if (waiting) return waiting
  // "… và những năm tiếp theo": open-ended from the start of what comes before.
  const next = f.includes('theo') ? VA_NHUNG_RE.exec(f) : null
  if (next && next.index > 0) {
    const head = parseCore(t.slice(0, next.index), f.slice(0, next.index), options)
    const start = head && DATED.has(head.kind) ? (head.startDate ?? head.dueDate) : null
    if (start) return spec('OPEN_ENDED', { startDate: start })
  }
  const hasDigit = /\d/.test(f)
  if (hasDigit) {
    const dated = dateForms(t, f, options)
    if (dated) return dated
  }
  const recurrence = recurrenceOf(f)
  if (recurrence) return spec('RECURRING', { recurrence })
  if (!hasDigit) return null
  const open = FROM_YEAR_RE.exec(f)
  if (open) return spec('OPEN_ENDED', { startDate: date(year(open[1]!), 1, 1) })
  const span = yearRange(f) ?? yearList(t, f, options.calendar ?? VIETNAM_WORK_CALENDAR)
  if (span) return span
  const single = YEAR_RE.exec(f)
  if (single) {
    const y = year((single[1] ?? single[2])!)
    return spec('YEAR', { startDate: date(y, 1, 1), dueDate: date(y, 12, 31) })
  }
  return null
}

/** "2026 - 2030", "Năm 2026 đến năm 2030", or null. */
function yearRange(f: string): Spec | null {
  const span = YEAR_RANGE_RE.exec(f)
  if (!span) return null
  const y1 = year(span[1]!)
  const y2 = year(span[2]!)
  return y2 >= y1 ? spec('YEAR_RANGE', { startDate: date(y1, 1, 1), dueDate: date(y2, 12, 31) }) : null
}

/** Forms with a day, a month or a quarter in them. */
function dateForms(t: string, f: string, options: ParseDeadlineOptions): Spec | null {
  if (f.includes('hoac') && alternatives(f)) return spec('UNKNOWN', { reason: 'two times given as alternatives (hoặc)' })
  const fullDate = DATE_RE.test(f)
  const rel = f.includes('trong') || f.includes('sau') ? relative(t, f, options) : null
  if (rel) return rel
  const after = fullDate && f.includes('sau') ? afterDay(f) : null
  if (after) return after
  const range = fullDate ? dateRange(f) : null
  if (range) return range
  const periods = f.includes('th') || f.includes('qu') ? periodSpan(t, f, options.calendar ?? VIETNAM_WORK_CALENDAR) : null
  if (periods) return periods
  const list = fullDate ? dateList(t, f, options.calendar ?? VIETNAM_WORK_CALENDAR) : null
  if (list) return list
  const before = fullDate ? BEFORE_DATE_RE.exec(f) : null
  if (before) return spec('BEFORE_DATE', { dueDate: addDays(date(year(before[3]!), month(before[2]!), Number(before[1])), -1) })
  const beforeMonth = f.includes('tr') ? BEFORE_MONTH_RE.exec(f) : null
  if (beforeMonth) return spec('BEFORE_DATE', { dueDate: addDays(date(year(beforeMonth[2]!), month(beforeMonth[1]!), 1), -1) })
  // "trước Quý II/2026", "trước năm 2026": before the period starts.
  const beforePeriod = f.includes('tr') ? BEFORE_PERIOD_RE.exec(f) : null
  if (beforePeriod) {
    const q = beforePeriod[1] !== undefined ? quarterNumber(beforePeriod[1]) : 1
    if (q === null) throw new BadDate(`quarter ${beforePeriod[1]}`)
    return spec('BEFORE_DATE', { dueDate: addDays(date(year((beforePeriod[2] ?? beforePeriod[3])!), q * 3 - 2, 1), -1) })
  }
  const from = fromStart(t, f, (endT, endF) => parseCore(endT, endF, options))
  if (from) return from
  const half = f.includes('6') || f.includes('sau') ? HALF_RE.exec(f) : null
  if (half) {
    const y = year(half[2]!)
    return half[1] === 'dau'
      ? spec('HALF_YEAR', { startDate: date(y, 1, 1), dueDate: date(y, 6, 30) })
      : spec('HALF_YEAR', { startDate: date(y, 7, 1), dueDate: date(y, 12, 31) })
  }
  const nine = f.includes('9') || f.includes('chin') ? NINE_RE.exec(f) : null
  if (nine) return spec('NINE_MONTHS', { startDate: date(year(nine[1]!), 1, 1), dueDate: date(year(nine[1]!), 9, 30) })
  const positional = f.includes('au') || f.includes('giua') || f.includes('cuoi')
  const named = positional ? NAMED_MONTH_RE.exec(f) : null
  if (named) {
    const y = year(named[4]!)
    const m = month(named[3]!)
    if (named[1] === undefined) return spec('DATE', { dueDate: dayOfMonthAt(position(named[2]!), y, m) })
    // "tuần đầu / cuối tháng": the month's first or last seven days.
    if (named[2] === 'giua') return null
    const last = endOfMonth(y, m)
    return named[2] === 'cuoi'
      ? spec('DATE_RANGE', { startDate: addDays(last, -6), dueDate: last })
      : spec('DATE_RANGE', { startDate: date(y, m, 1), dueDate: date(y, m, 7) })
  }
  // "đầu / giữa / cuối quý": its first day, the middle of its middle month, its last day.
  const namedQuarter = positional && f.includes('qu') ? NAMED_QUARTER_RE.exec(f) : null
  if (namedQuarter) {
    const q = quarterNumber(namedQuarter[2]!)
    if (q === null) throw new BadDate(`quarter ${namedQuarter[2]}`)
    const y = year(namedQuarter[3]!)
    const at = position(namedQuarter[1]!)
    return spec('DATE', {
      dueDate: at === 'START' ? date(y, q * 3 - 2, 1) : at === 'MIDDLE' ? date(y, q * 3 - 1, 15) : endOfMonth(y, q * 3),
    })
  }
  const namedYear = positional ? NAMED_YEAR_RE.exec(f) : null
  if (namedYear) return spec('DATE', { dueDate: dayOfYearAt(position(namedYear[1]!), year(namedYear[2]!)) })
  const until = UNTIL_HINT_RE.test(f)
  const untilMonth = until ? UNTIL_END_MONTH_RE.exec(f) : null
  if (untilMonth) return spec('DATE', { dueDate: endOfMonth(year(untilMonth[2]!), month(untilMonth[1]!)) })
  const years = until ? yearRange(f) : null
  if (years) return years
  const untilYear = until ? UNTIL_YEAR_RE.exec(f) : null
  if (untilYear) {
    const y = year(untilYear[2]!)
    // "đến hết năm X" and "từ nay đến năm X" end on a day; "đến năm X" is a milestone year.
    if (untilYear[1] !== undefined || FROM_NOW_RE.test(f)) return spec('DATE', { dueDate: date(y, 12, 31) })
    return spec('YEAR', { dueDate: date(y, 12, 31) })
  }
  const exact = fullDate ? DATE_RE.exec(f) : null
  if (exact) return spec('DATE', { dueDate: date(year(exact[3]!), month(exact[2]!), Number(exact[1])) })
  const quarter = f.includes('qu') ? QUARTER_RE.exec(f) : null
  if (quarter) {
    const q = quarterNumber(quarter[1]!)
    if (q !== null) {
      const y = year(quarter[2]!)
      return spec('QUARTER', { startDate: date(y, q * 3 - 2, 1), dueDate: endOfMonth(y, q * 3) })
    }
  }
  const monthMatch = MONTH_RE.exec(f) ?? (f.includes('/') ? BARE_MONTH_RE.exec(f) : null)
  if (monthMatch) {
    const y = year(monthMatch[2]!)
    const m = month(monthMatch[1]!)
    return spec('MONTH', { startDate: date(y, m, 1), dueDate: endOfMonth(y, m) })
  }
  return null
}
