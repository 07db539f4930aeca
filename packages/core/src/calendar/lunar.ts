/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7 from the astronomy in
 * `astronomy.ts`. Rules: a month begins on the local day of a new moon; the month containing the
 * December solstice is month 11; when 13 months lie between two months 11, the first of them
 * after month 11 that contains no principal solar term (the Sun reaching a multiple of 30°) is the
 * leap month and repeats the number before it.
 *
 * Vietnam reckons on UTC+7 and China on UTC+8, so some years differ: Tết 2007 is 17/2 here
 * (18/2 in China) and Tết 2030 is 2/2 (3/2).
 */
import { fromDayNumber, toDayNumber, type CalendarDate } from './date.js'
import { jdUtToJde, jdeToJdUt, newMoonJde, sunLongitude } from './astronomy.js'

/** A date of the lunar calendar. */
export interface LunarDate {
  /** Lunar year: the Gregorian year in which its month 1 (Tết) begins. */
  readonly year: number
  readonly month: number
  readonly day: number
  /** Whether the month is the leap (nhuận) repetition of `month`. */
  readonly isLeapMonth: boolean
}

/** The Vietnamese calendar's offset from UT, in hours. */
export const VIETNAM_UTC_OFFSET_HOURS = 7

/** Julian Day of 1970-01-01 00:00 UT, to move between day numbers and JD. */
const JD_UNIX_EPOCH = 2440587.5
const SYNODIC_MONTH = 29.530588861

/** Supported range (astronomy and ΔT are good well beyond, the rules are checked for this). */
export const LUNAR_MIN_YEAR = 1900
export const LUNAR_MAX_YEAR = 2100

interface LunarMonth {
  /** Day number of the month's first day. */
  readonly start: number
  readonly month: number
  readonly isLeap: boolean
  /** The lunar year it belongs to. */
  readonly year: number
}

/** Local (UTC+offset) day number of an instant given as JD in UT. */
function localDayNumber(jdUt: number, offsetHours: number): number {
  return Math.floor(jdUt - JD_UNIX_EPOCH + offsetHours / 24)
}

/** JD in UT of local midnight at the start of a day number. */
function localMidnightJd(day: number, offsetHours: number): number {
  return day + JD_UNIX_EPOCH - offsetHours / 24
}

/** Local day number on which new moon `k` falls. */
function newMoonDay(k: number, offsetHours: number): number {
  return localDayNumber(jdeToJdUt(newMoonJde(k)), offsetHours)
}

/** Sun's longitude at the start (local midnight) of a day. */
function sunLongitudeAtDayStart(day: number, offsetHours: number): number {
  return sunLongitude(jdUtToJde(localMidnightJd(day, offsetHours)))
}

/** New-moon number of the lunation in progress at a day number (approximate, then corrected). */
function lunationAt(day: number, offsetHours: number): number {
  let k = Math.floor((day + JD_UNIX_EPOCH - 2451550.09766) / SYNODIC_MONTH)
  while (newMoonDay(k + 1, offsetHours) <= day) k++
  while (newMoonDay(k, offsetHours) > day) k--
  return k
}

/** Local day of the December solstice of a Gregorian year (Sun at 270°), by Newton steps. */
function decemberSolsticeDay(year: number, offsetHours: number): number {
  let jde = 2451545.0 + (year - 2000) * 365.2422 + 354.5 // near 21 December
  for (let i = 0; i < 8; i++) {
    const delta = ((270 - sunLongitude(jde) + 540) % 360) - 180
    jde += (delta * 365.2422) / 360
    if (Math.abs(delta) < 1e-7) break
  }
  return localDayNumber(jdeToJdUt(jde), offsetHours)
}

/** Lunation number of month 11 of a Gregorian year: the one containing its December solstice. */
function month11Lunation(year: number, offsetHours: number): number {
  return lunationAt(decemberSolsticeDay(year, offsetHours), offsetHours)
}

const layoutCache = new Map<string, readonly LunarMonth[]>()

/**
 * The months from month 11 of Gregorian year `year − 1` up to (not including) month 11 of `year`:
 * 11, 12 of lunar year `year − 1`, then 1 … 10 of lunar year `year`, with a leap month inserted
 * where the 13-month rule puts one.
 */
function monthsOfSpan(year: number, offsetHours: number): readonly LunarMonth[] {
  const key = `${year}@${offsetHours}`
  const cached = layoutCache.get(key)
  if (cached) return cached
  const k0 = month11Lunation(year - 1, offsetHours)
  const k1 = month11Lunation(year, offsetHours)
  const count = k1 - k0
  const starts: number[] = []
  for (let k = k0; k <= k1; k++) starts.push(newMoonDay(k, offsetHours))
  let leapIndex = -1
  if (count === 13) {
    for (let i = 1; i < 13; i++) {
      const a = Math.floor(sunLongitudeAtDayStart(starts[i]!, offsetHours) / 30)
      const b = Math.floor(sunLongitudeAtDayStart(starts[i + 1]!, offsetHours) / 30)
      if (a === b) {
        leapIndex = i
        break
      }
    }
  }
  const months: LunarMonth[] = []
  let number = 11
  for (let i = 0; i < count; i++) {
    const isLeap = i === leapIndex
    if (i > 0 && !isLeap) number = number === 12 ? 1 : number + 1
    // Months 11 and 12 (and a leap 11 or 12) before the first month 1 belong to the old year.
    const year_ = number >= 11 && !months.some((m) => m.month === 1) ? year - 1 : year
    months.push({ start: starts[i]!, month: number, isLeap, year: year_ })
  }
  layoutCache.set(key, months)
  return months
}

function checkRange(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR - 1 || year > LUNAR_MAX_YEAR + 1) {
    throw new RangeError(`The lunar calendar is supported from ${LUNAR_MIN_YEAR} to ${LUNAR_MAX_YEAR}; got ${year}`)
  }
}

/**
 * Converts a Gregorian date to the Vietnamese lunar calendar.
 *
 * @example
 * solarToLunar('2025-01-29') //=> { year: 2025, month: 1, day: 1, isLeapMonth: false }
 */
export function solarToLunar(date: CalendarDate, offsetHours = VIETNAM_UTC_OFFSET_HOURS): LunarDate {
  const day = toDayNumber(date)
  const gYear = Number(date.slice(0, 4))
  checkRange(gYear)
  let span = monthsOfSpan(gYear, offsetHours)
  const next = monthsOfSpan(gYear + 1, offsetHours)
  if (day >= next[0]!.start) span = next
  let found = span[0]!
  for (const m of span) if (m.start <= day) found = m
  return { year: found.year, month: found.month, day: day - found.start + 1, isLeapMonth: found.isLeap }
}

/** Finds a lunar month's record, or undefined when that month (or leap month) does not exist. */
function findMonth(year: number, month: number, isLeap: boolean, offsetHours: number): { month: LunarMonth; length: number } | undefined {
  checkRange(year)
  // Months 1–10 lie in the span of Gregorian `year`; 11 and 12 in the span of `year + 1`.
  const spanYear = month >= 11 ? year + 1 : year
  const span = monthsOfSpan(spanYear, offsetHours)
  const nextStart = monthsOfSpan(spanYear + 1, offsetHours)[0]!.start
  const index = span.findIndex((m) => m.year === year && m.month === month && m.isLeap === isLeap)
  if (index < 0) return undefined
  const m = span[index]!
  const end = index + 1 < span.length ? span[index + 1]!.start : nextStart
  return { month: m, length: end - m.start }
}

/**
 * Converts a lunar date to the Gregorian calendar. Throws RangeError if the date does not exist
 * (a leap month in a year without it, day 30 of a 29-day month).
 *
 * @example
 * lunarToSolar({ year: 2026, month: 3, day: 10, isLeapMonth: false }) //=> '2026-04-26'
 */
export function lunarToSolar(lunar: LunarDate, offsetHours = VIETNAM_UTC_OFFSET_HOURS): CalendarDate {
  const found = findMonth(lunar.year, lunar.month, lunar.isLeapMonth, offsetHours)
  if (!found) {
    throw new RangeError(`Lunar year ${lunar.year} has no ${lunar.isLeapMonth ? 'leap ' : ''}month ${lunar.month}`)
  }
  if (!Number.isInteger(lunar.day) || lunar.day < 1 || lunar.day > found.length) {
    throw new RangeError(`Lunar month ${lunar.month}/${lunar.year} has ${found.length} days; got day ${lunar.day}`)
  }
  return fromDayNumber(found.month.start + lunar.day - 1)
}

/**
 * Number of days (29 or 30) of a lunar month.
 *
 * @example
 * lunarMonthLength(2025, 12) //=> 29
 */
export function lunarMonthLength(year: number, month: number, isLeapMonth = false, offsetHours = VIETNAM_UTC_OFFSET_HOURS): number {
  const found = findMonth(year, month, isLeapMonth, offsetHours)
  if (!found) throw new RangeError(`Lunar year ${year} has no ${isLeapMonth ? 'leap ' : ''}month ${month}`)
  return found.length
}

/**
 * The leap month of a lunar year, or null.
 *
 * @example
 * leapMonthOf(2025) //=> 6
 */
export function leapMonthOf(year: number, offsetHours = VIETNAM_UTC_OFFSET_HOURS): number | null {
  checkRange(year)
  for (const spanYear of [year, year + 1]) {
    const leap = monthsOfSpan(spanYear, offsetHours).find((m) => m.isLeap && m.year === year)
    if (leap) return leap.month
  }
  return null
}

/**
 * The Gregorian date of Tết Nguyên Đán (lunar 1/1) of a year.
 *
 * @example
 * tetOf(2030) //=> '2030-02-02'
 */
export function tetOf(year: number, offsetHours = VIETNAM_UTC_OFFSET_HOURS): CalendarDate {
  return lunarToSolar({ year, month: 1, day: 1, isLeapMonth: false }, offsetHours)
}
