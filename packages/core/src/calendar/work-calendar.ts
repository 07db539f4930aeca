/**
 * Working days of the public sector (Monday to Friday, less holidays, plus weekend days worked
 * in exchange) and the arithmetic officials do with them. Each year is computed once into a
 * bitmap over its days, so lookups are array reads on day numbers.
 */
import { fromDayNumber, toDayNumber, ymdToDayNumber, type CalendarDate } from './date.js'
import { holidaysOf, VIETNAM_HOLIDAY_RULES, type HolidayRules } from './holidays.js'

/** A holiday calendar with its per-year lookups cached. */
export interface WorkCalendar {
  readonly rules: HolidayRules
  /** Whether the date is a working day. */
  isWorkingDay(date: CalendarDate): boolean
  /** Whether the day with this day number (days since 1970-01-01) is a working day. */
  isWorkingDayNumber(day: number): boolean
}

/** Gregorian year of a day number (fast path: via the civil conversion's year only). */
function yearOfDayNumber(day: number): number {
  return Number(fromDayNumber(day).slice(0, 4))
}

/**
 * Makes a work calendar from holiday rules (default: Vietnam's, as DOMAIN.md records them).
 *
 * @example
 * const calendar = createWorkCalendar(withHolidayRules({ notices: { 2026: { nationalDayAdjacent: '2026-09-01' } } }))
 */
export function createWorkCalendar(rules: HolidayRules = VIETNAM_HOLIDAY_RULES): WorkCalendar {
  // Per year: first day number and one byte a day, 1 = working.
  const years = new Map<number, { first: number; working: Uint8Array }>()
  const yearTable = (year: number) => {
    let entry = years.get(year)
    if (!entry) {
      const first = ymdToDayNumber(year, 1, 1)
      const working = new Uint8Array(ymdToDayNumber(year + 1, 1, 1) - first)
      for (let i = 0; i < working.length; i++) {
        const dow = (((first + i + 4) % 7) + 7) % 7
        working[i] = dow === 0 || dow === 6 ? 0 : 1
      }
      for (const h of holidaysOf(year, rules)) {
        working[toDayNumber(h.date) - first] = h.kind === 'WORKING_WEEKEND' ? 1 : 0
      }
      entry = { first, working }
      years.set(year, entry)
    }
    return entry
  }
  let last = yearTable(2025)
  const isWorkingDayNumber = (day: number): boolean => {
    let t = last
    let i = day - t.first
    if (i < 0 || i >= t.working.length) {
      t = last = yearTable(yearOfDayNumber(day))
      i = day - t.first
    }
    return t.working[i] === 1
  }
  return Object.freeze({
    rules,
    isWorkingDayNumber,
    isWorkingDay: (date: CalendarDate) => isWorkingDayNumber(toDayNumber(date)),
  })
}

/** The default calendar: Vietnam's public-sector working days. */
export const VIETNAM_WORK_CALENDAR: WorkCalendar = createWorkCalendar()

/**
 * Whether a date is a working day.
 *
 * @example
 * isWorkingDay('2026-04-27') //=> false (make-up day for Hùng Kings' day on Sunday 26/4)
 */
export function isWorkingDay(date: CalendarDate, calendar: WorkCalendar = VIETNAM_WORK_CALENDAR): boolean {
  return calendar.isWorkingDay(date)
}

/**
 * The first working day strictly after a date.
 *
 * @example
 * nextWorkingDay('2025-10-24') //=> '2025-10-27' (Friday → Monday)
 */
export function nextWorkingDay(date: CalendarDate, calendar: WorkCalendar = VIETNAM_WORK_CALENDAR): CalendarDate {
  let d = toDayNumber(date) + 1
  while (!calendar.isWorkingDayNumber(d)) d++
  return fromDayNumber(d)
}

/**
 * The date itself if it is a working day, else the next working day: how Civil Code Art. 148
 * moves the last day of a period that falls on a weekend or holiday.
 *
 * @example
 * rollToWorkingDay('2025-08-31') //=> '2025-09-03' (Sunday, then 1–2/9 off)
 */
export function rollToWorkingDay(date: CalendarDate, calendar: WorkCalendar = VIETNAM_WORK_CALENDAR): CalendarDate {
  return calendar.isWorkingDay(date) ? date : nextWorkingDay(date, calendar)
}

/**
 * Adds `days` working days: counts working days after the start (before it, when negative).
 * Zero days gives the start rolled forward to a working day.
 *
 * @example
 * addWorkingDays('2025-12-12', 2) //=> '2025-12-16' (Friday + 2 → Tuesday)
 */
export function addWorkingDays(date: CalendarDate, days: number, calendar: WorkCalendar = VIETNAM_WORK_CALENDAR): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer; got ${days}`)
  if (days === 0) return rollToWorkingDay(date, calendar)
  const step = days > 0 ? 1 : -1
  let remaining = Math.abs(days)
  let d = toDayNumber(date)
  while (remaining > 0) {
    d += step
    if (calendar.isWorkingDayNumber(d)) remaining--
  }
  return fromDayNumber(d)
}

/**
 * Working days `d` with `from < d ≤ to`; negative when `to` is before `from`.
 * For a working day `from`, `addWorkingDays(from, countWorkingDays(from, to))` is `to` rolled back to a working day.
 *
 * @example
 * countWorkingDays('2025-12-12', '2025-12-16') //=> 2
 */
export function countWorkingDays(from: CalendarDate, to: CalendarDate, calendar: WorkCalendar = VIETNAM_WORK_CALENDAR): number {
  if (to < from) return -countWorkingDays(to, from, calendar)
  let n = 0
  const end = toDayNumber(to)
  for (let d = toDayNumber(from) + 1; d <= end; d++) if (calendar.isWorkingDayNumber(d)) n++
  return n
}
