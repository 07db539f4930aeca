/**
 * Calendar dates as `YYYY-MM-DD` strings, the only date type of the domain.
 * They denote a day in Asia/Ho_Chi_Minh; no JS `Date` at midnight UTC ever leaks out.
 * Internally a day is handled as its day number (days since 1970-01-01), which makes
 * arithmetic exact and cheap.
 */
import { DomainError } from '../errors.js'

/** A calendar date written `YYYY-MM-DD`. */
export type CalendarDate = string

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Days in `month` (1–12) of `year`, Gregorian.
 *
 * @example
 * daysInMonth(2024, 2) //=> 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * Whether `year` is a Gregorian leap year.
 *
 * @example
 * isLeapYear(2100) //=> false
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/**
 * Whether year, month and day name a real day.
 *
 * @example
 * isValidYmd(2025, 2, 29) //=> false
 */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

/**
 * Whether `value` is a well-formed, existing `YYYY-MM-DD` date.
 *
 * @example
 * isCalendarDate('2028-02-29') //=> true
 * isCalendarDate('2025-02-29') //=> false
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false
  const m = DATE_RE.exec(value)
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))
}

/**
 * Returns `value` when it is a real `YYYY-MM-DD` date, else throws `INVALID_DATE`.
 *
 * @example
 * assertCalendarDate('2025-13-01', ['input', 'issuedOn']) // throws DomainError INVALID_DATE
 */
export function assertCalendarDate(value: unknown, field?: readonly string[]): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new DomainError('INVALID_DATE', `Not a real calendar date (YYYY-MM-DD): ${String(value)}`, field ? { field } : {})
  }
  return value
}

/**
 * Writes a date from its parts; throws `INVALID_DATE` if the day does not exist.
 *
 * @example
 * ymd(2025, 10, 28) //=> '2025-10-28'
 */
export function ymd(year: number, month: number, day: number): CalendarDate {
  if (!isValidYmd(year, month, day)) {
    throw new DomainError('INVALID_DATE', `No such day: ${day}/${month}/${year}`)
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Splits a date into `[year, month, day]`.
 *
 * @example
 * parts('2025-12-31') //=> [2025, 12, 31]
 */
export function parts(date: CalendarDate): [year: number, month: number, day: number] {
  // Digit arithmetic (48 is '0'): this sits on every hot path of the calendar.
  return [
    (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + date.charCodeAt(3) - 48,
    (date.charCodeAt(5) - 48) * 10 + date.charCodeAt(6) - 48,
    (date.charCodeAt(8) - 48) * 10 + date.charCodeAt(9) - 48,
  ]
}

/**
 * Day number of a Gregorian date: days since 1970-01-01 (negative before).
 *
 * @example
 * toDayNumber('1970-01-02') //=> 1
 */
export function toDayNumber(date: CalendarDate): number {
  const [y, m, d] = parts(date)
  return ymdToDayNumber(y, m, d)
}

/**
 * Day number of year/month/day (proleptic Gregorian).
 *
 * @example
 * ymdToDayNumber(2025, 12, 31) === toDayNumber('2025-12-31') //=> true
 */
export function ymdToDayNumber(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * The date of a day number.
 *
 * @example
 * fromDayNumber(0) //=> '1970-01-01'
 */
export function fromDayNumber(n: number): CalendarDate {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Adds `days` calendar days (negative to go back).
 *
 * @example
 * addDays('2025-10-28', -1) //=> '2025-10-27'
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/**
 * Day of the week, 0 = Sunday … 6 = Saturday.
 *
 * @example
 * dayOfWeek('2026-04-26') //=> 0
 */
export function dayOfWeek(date: CalendarDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7
}

/**
 * Last day of the month.
 *
 * @example
 * endOfMonth(2028, 2) //=> '2028-02-29'
 */
export function endOfMonth(year: number, month: number): CalendarDate {
  return ymd(year, month, daysInMonth(year, month))
}

/**
 * Compares two dates: negative, zero or positive. `YYYY-MM-DD` strings sort as dates.
 *
 * @example
 * ['2026-01-02', '2025-12-31'].sort(compareDates) //=> ['2025-12-31', '2026-01-02']
 */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Today in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), from an instant.
 *
 * @example
 * todayInVietnam(new Date('2025-12-31T18:00:00Z')) //=> '2026-01-01'
 */
export function todayInVietnam(now: Date = new Date()): CalendarDate {
  return fromDayNumber(Math.floor((now.getTime() + 7 * 3_600_000) / 86_400_000))
}
