/** The structured form of a time phrase (thời gian thực hiện / hoàn thành). */
import type { CalendarDate } from '../calendar/date.js'
import type { WorkCalendar } from '../calendar/work-calendar.js'

/** What shape of time a phrase gives. */
export const DEADLINE_KINDS = [
  'DATE',
  'BEFORE_DATE',
  'MONTH',
  'QUARTER',
  'HALF_YEAR',
  'NINE_MONTHS',
  'YEAR',
  'YEAR_RANGE',
  'DATE_RANGE',
  'OPEN_ENDED',
  'RECURRING',
  'RELATIVE',
  'CONDITIONAL',
  'PHASED',
  'INHERITED',
  'UNKNOWN',
] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]

/** How often recurring work recurs. */
export const RECURRENCES = ['CONTINUOUS', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'] as const
export type Recurrence = (typeof RECURRENCES)[number]

/** Units of a relative period. */
export type RelativeUnit = 'DAY' | 'WORKING_DAY' | 'WEEK' | 'MONTH' | 'YEAR'
/** The event a relative period counts from (`EVENT`: another one, named in the deadline's `condition`). */
export type RelativeAnchor = 'ISSUE' | 'SIGNING' | 'RECEIPT' | 'EFFECT' | 'EVENT'

/** "trong 10 ngày làm việc kể từ ngày ban hành". */
export interface RelativeSpec {
  readonly amount: number
  readonly unit: RelativeUnit
  readonly anchor: RelativeAnchor
}

/** One phase of a phased time phrase, with its label ("Xây dựng quy hoạch"). */
export interface DeadlinePhase {
  readonly label: string
  readonly deadline: Deadline
}

/** A parsed time phrase. Dates are `YYYY-MM-DD`. */
export interface Deadline {
  readonly kind: DeadlineKind
  /** The last day still on time as written; null when there is no end. */
  readonly dueDate: CalendarDate | null
  /** `dueDate` moved past weekends and holidays (Civil Code Art. 148). */
  readonly effectiveDueDate: CalendarDate | null
  /** First day of a window, range or open-ended period. */
  readonly startDate: CalendarDate | null
  readonly recurrence: Recurrence | null
  /** Whose guidance or direction the time waits for, as written. */
  readonly condition: string | null
  /** The phrase says the time follows the parent tasks' schedules. */
  readonly inheritsFromParents: boolean
  readonly relative: RelativeSpec | null
  readonly phases: readonly DeadlinePhase[]
  /** The input, as given. */
  readonly text: string
  /** Canonical Vietnamese, e.g. `Quý IV/2025`. */
  readonly normalized: string
  /** Why the phrase is UNKNOWN, or why a RELATIVE one is unresolved; else null. */
  readonly reason: string | null
}

/** Vietnamese and English labels of each kind. */
export const DEADLINE_KIND_LABELS: Readonly<Record<DeadlineKind, { vi: string; en: string }>> = {
  DATE: { vi: 'Ngày cụ thể', en: 'By a date' },
  BEFORE_DATE: { vi: 'Trước ngày', en: 'Before a date' },
  MONTH: { vi: 'Trong tháng', en: 'Within a month' },
  QUARTER: { vi: 'Trong quý', en: 'Within a quarter' },
  HALF_YEAR: { vi: '6 tháng', en: 'Within a half-year' },
  NINE_MONTHS: { vi: '9 tháng', en: 'Within nine months' },
  YEAR: { vi: 'Trong năm', en: 'Within a year' },
  YEAR_RANGE: { vi: 'Giai đoạn nhiều năm', en: 'Multi-year period' },
  DATE_RANGE: { vi: 'Từ ngày đến ngày', en: 'Date range' },
  OPEN_ENDED: { vi: 'Từ … và những năm tiếp theo', en: 'Open-ended' },
  RECURRING: { vi: 'Thường xuyên, định kỳ', en: 'Recurring' },
  RELATIVE: { vi: 'Kể từ một sự kiện', en: 'Relative to an event' },
  CONDITIONAL: { vi: 'Theo hướng dẫn, chỉ đạo', en: 'Awaiting guidance' },
  PHASED: { vi: 'Theo giai đoạn', en: 'Phased' },
  INHERITED: { vi: 'Theo nhiệm vụ cấp trên', en: 'Follows parent tasks' },
  UNKNOWN: { vi: 'Chưa xác định', en: 'Not understood' },
}

/** Options of `parseDeadline`. */
export interface ParseDeadlineOptions {
  /** Issue date of the document, to resolve RELATIVE phrases ("kể từ ngày ban hành"). */
  readonly issuedOn?: CalendarDate
  /** Working-day calendar for effective due dates (default: Vietnam's). */
  readonly calendar?: WorkCalendar
}
