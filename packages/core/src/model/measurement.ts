/**
 * Measured values of a plan's targets (số liệu thực hiện chỉ tiêu): an organisation reports what a
 * target's metric stood at on a date, and the latest value on or before a day is set against the
 * target's comparator and value.
 */
import type { CalendarDate } from '../calendar/date.js'
import type { Comparator } from './task.js'

/** One measured value of a target, as an organisation reported it. */
export interface Measurement {
  readonly id: string
  readonly targetId: string
  /** The organisation whose value it is (bound by the plan). */
  readonly organizationId: string
  readonly value: number
  /** The day the value stood at (số liệu tính đến ngày). */
  readonly measuredOn: CalendarDate
  readonly note: string | null
  /** Where the figure can be checked (a report, a statistics page). */
  readonly evidenceUri: string | null
  /** The body above that filed it for the organisation, or null when it filed its own. */
  readonly submittedById: string | null
  readonly createdAt: string
}

/** A target's latest measured value on a day, and whether it meets the target. */
export interface TargetActual {
  readonly targetId: string
  readonly value: number
  readonly measuredOn: CalendarDate
  readonly organizationId: string
  /** The value meets the target (its comparator against its value). */
  readonly met: boolean
}

/**
 * Whether a measured value meets a target: `actual` compared with `target` by the target's comparator.
 * EQ allows a relative difference of one part in a million (figures come in as decimals).
 *
 * @example
 * meetsTarget('GTE', 40, 42.5) //=> true
 * meetsTarget('LTE', 5, 7)     //=> false
 */
export function meetsTarget(comparator: Comparator, target: number, actual: number): boolean {
  switch (comparator) {
    case 'GTE':
      return actual >= target
    case 'GT':
      return actual > target
    case 'LTE':
      return actual <= target
    case 'LT':
      return actual < target
    case 'EQ':
      return Math.abs(actual - target) <= 1e-6 * Math.max(1, Math.abs(target))
  }
}
