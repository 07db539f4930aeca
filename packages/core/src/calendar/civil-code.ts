/**
 * How the Civil Code 2015 (Arts. 146–148) counts time limits: named days of a month or year,
 * a period that starts the day after its event, and a last day that moves past days off.
 */
import { addDays, daysInMonth, endOfMonth, parts, ymd, type CalendarDate } from './date.js'
import { rollToWorkingDay, VIETNAM_WORK_CALENDAR, type WorkCalendar } from './work-calendar.js'

/** đầu / giữa / cuối. */
export type PeriodPosition = 'START' | 'MIDDLE' | 'END'

/**
 * Art. 146: "đầu/giữa/cuối tháng" is day 1, 15 or the month's last day.
 *
 * @example
 * dayOfMonthAt('END', 2028, 2) //=> '2028-02-29'
 */
export function dayOfMonthAt(position: PeriodPosition, year: number, month: number): CalendarDate {
  return position === 'START' ? ymd(year, month, 1) : position === 'MIDDLE' ? ymd(year, month, 15) : endOfMonth(year, month)
}

/**
 * Art. 146: "đầu/giữa/cuối năm" is 1 January, 30 June or 31 December.
 *
 * @example
 * dayOfYearAt('MIDDLE', 2026) //=> '2026-06-30'
 */
export function dayOfYearAt(position: PeriodPosition, year: number): CalendarDate {
  return position === 'START' ? ymd(year, 1, 1) : position === 'MIDDLE' ? ymd(year, 6, 30) : ymd(year, 12, 31)
}

/** Units a period can be counted in. */
export type PeriodUnit = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR'

/**
 * Art. 147: a period counted from an event starts on the next day.
 *
 * @example
 * periodStart('2025-10-17') //=> '2025-10-18'
 */
export function periodStart(event: CalendarDate): CalendarDate {
  return addDays(event, 1)
}

/**
 * Arts. 147–148: the last day of a period of `amount` units counted from an event. Days and weeks
 * count from the day after the event; months and years end on the matching day of the last month,
 * or that month's last day when it has no such day.
 *
 * @example
 * periodLastDay('2025-01-31', 1, 'MONTH') //=> '2025-02-28'
 * periodLastDay('2025-10-17', 10, 'DAY') //=> '2025-10-27'
 */
export function periodLastDay(event: CalendarDate, amount: number, unit: PeriodUnit): CalendarDate {
  if (!Number.isInteger(amount) || amount < 0) throw new RangeError(`amount must be a non-negative integer; got ${amount}`)
  if (unit === 'DAY') return addDays(event, amount)
  if (unit === 'WEEK') return addDays(event, 7 * amount)
  const [y, m, d] = parts(event)
  const months = unit === 'MONTH' ? amount : 12 * amount
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return ymd(year, month, Math.min(d, daysInMonth(year, month)))
}

/**
 * Art. 148: a last day that is a weekend or public holiday moves to the next working day.
 *
 * @example
 * effectiveLastDay('2025-10-26') //=> '2025-10-27' (Sunday → Monday)
 */
export function effectiveLastDay(lastDay: CalendarDate, calendar: WorkCalendar = VIETNAM_WORK_CALENDAR): CalendarDate {
  return rollToWorkingDay(lastDay, calendar)
}
