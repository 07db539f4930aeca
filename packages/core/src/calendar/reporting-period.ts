/**
 * Reporting periods of Decree 09/2019/NĐ-CP: the data window of a periodic report (from the 15th
 * of the month before to the 14th) and the day it must be sent.
 */
import { ymd, type CalendarDate } from './date.js'
import { addWorkingDays, VIETNAM_WORK_CALENDAR, type WorkCalendar } from './work-calendar.js'

/** Kinds of periodic report. */
export const REPORTING_PERIOD_KINDS = ['MONTH', 'QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'] as const
export type ReportingPeriodKind = (typeof REPORTING_PERIOD_KINDS)[number]

/** A periodic report's data window and sending deadline. */
export interface ReportingPeriod {
  readonly kind: ReportingPeriodKind
  readonly year: number
  /** Month 1–12, quarter 1–4, or 1 for the others. */
  readonly index: number
  /** First day of data. */
  readonly dataFrom: CalendarDate
  /** Cut-off: last day of data. */
  readonly dataTo: CalendarDate
  /** Last day to send the report: `sendWithinWorkingDays` working days after the cut-off. */
  readonly sendBy: CalendarDate
}

const MAX_INDEX: Record<ReportingPeriodKind, number> = { MONTH: 12, QUARTER: 4, HALF_YEAR: 1, NINE_MONTHS: 1, YEAR: 1 }
const LAST_MONTH: Record<Exclude<ReportingPeriodKind, 'MONTH' | 'QUARTER'>, number> = { HALF_YEAR: 6, NINE_MONTHS: 9, YEAR: 12 }

/** Options of {@link reportingPeriod}. */
export interface ReportingPeriodOptions {
  /** Working days after the cut-off to send the report; each regime sets its own (default 2). */
  readonly sendWithinWorkingDays?: number
  readonly calendar?: WorkCalendar
}

/**
 * The data window and sending deadline of a periodic report.
 * Month m: 15th of month m−1 to the 14th of m. Quarter q: 15th of the month before it to the 14th
 * of its last month. Half year: 15/12 of the previous year to 14/6; nine months: to 14/9;
 * year: to 14/12.
 *
 * @example
 * reportingPeriod('QUARTER', 2025, 1) //=> { dataFrom: '2024-12-15', dataTo: '2025-03-14', sendBy: '2025-03-18', … }
 */
export function reportingPeriod(kind: ReportingPeriodKind, year: number, index = 1, options: ReportingPeriodOptions = {}): ReportingPeriod {
  if (!(REPORTING_PERIOD_KINDS as readonly string[]).includes(kind)) throw new RangeError(`Unknown reporting period kind ${kind}`)
  if (!Number.isInteger(index) || index < 1 || index > MAX_INDEX[kind]) {
    throw new RangeError(`A ${kind} report has index 1–${MAX_INDEX[kind]}; got ${index}`)
  }
  const lastMonth = kind === 'MONTH' ? index : kind === 'QUARTER' ? index * 3 : LAST_MONTH[kind]
  const firstMonth = kind === 'MONTH' ? index : kind === 'QUARTER' ? index * 3 - 2 : 1
  const dataFrom = firstMonth === 1 ? ymd(year - 1, 12, 15) : ymd(year, firstMonth - 1, 15)
  const dataTo = ymd(year, lastMonth, 14)
  const send = options.sendWithinWorkingDays ?? 2
  return { kind, year, index, dataFrom, dataTo, sendBy: addWorkingDays(dataTo, send, options.calendar ?? VIETNAM_WORK_CALENDAR) }
}
