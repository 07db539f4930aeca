/**
 * Status of an obligation, and of a task, as of a date: from the effective (Art. 148) due date and
 * only what was known by that date (reports made up to it). The claimed status comes from all
 * reports; the verified status from reports the supervising body accepted.
 */
import { countWorkingDays, VIETNAM_WORK_CALENDAR, type WorkCalendar } from '../calendar/work-calendar.js'
import type { CalendarDate } from '../calendar/date.js'
import type { Recurrence } from '../deadline/types.js'
import { fold } from '../text/fold.js'
import type { Report } from '../model/report.js'
import type { CascadeIndex } from './cascade.js'
import type { EffectiveDeadline } from './effective-deadline.js'
import type { Obligation } from './obligations.js'

/** The status categories of a task or obligation on a date. */
export const TASK_STATUSES = [
  'COMPLETED_ON_TIME',
  'COMPLETED_LATE',
  'IN_PROGRESS',
  'OVERDUE',
  'NOT_STARTED',
  'ONGOING',
  'AWAITING_GUIDANCE',
  'SUPERSEDED',
  'CANCELLED',
] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

/** An obligation's standing on a date. */
export interface ObligationStatus {
  readonly obligation: Obligation
  readonly asOf: CalendarDate
  /** From every report made by the date. */
  readonly status: TaskStatus
  /** From accepted reports only. */
  readonly verifiedStatus: TaskStatus
  /** In progress and due within `dueSoonWorkingDays` working days. */
  readonly dueSoon: boolean
  readonly effectiveDueDate: CalendarDate | null
  readonly completedOn: CalendarDate | null
  readonly percent: number | null
  /** For a recurring obligation: periods elapsed without a report. */
  readonly missingReports: number
}

/** Options of the status rules. */
export interface StatusOptions {
  /** An obligation in progress is "due soon" within this many working days (default 5). */
  readonly dueSoonWorkingDays?: number
  readonly calendar?: WorkCalendar
}

/** Months in one reporting period of a recurrence (work done continuously is reported monthly). */
const PERIOD_MONTHS: Record<Recurrence, number> = {
  CONTINUOUS: 1,
  DAILY: 1,
  WEEKLY: 1,
  MONTHLY: 1,
  QUARTERLY: 3,
  HALF_YEARLY: 6,
  YEARLY: 12,
}

function monthIndex(date: CalendarDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1
}

/** Whether a task orders its assignees to issue their own plans ("xây dựng kế hoạch … gửi về"). */
export function ordersPlans(content: string): boolean {
  const f = fold(content)
  return /\bxay dung ke hoach\b/.test(f)
}

function evaluate(
  index: CascadeIndex,
  obligation: Obligation,
  effective: EffectiveDeadline | undefined,
  reports: readonly Report[],
  asOf: CalendarDate,
  options: StatusOptions,
): Omit<ObligationStatus, 'obligation' | 'asOf' | 'verifiedStatus'> {
  const task = index.task.get(obligation.taskId)!
  const due = effective?.effectiveDueDate ?? null
  const base = { effectiveDueDate: due, dueSoon: false, completedOn: null, percent: null, missingReports: 0 }
  if (task.state === 'CANCELLED') return { ...base, status: 'CANCELLED' }
  if (task.state === 'SUPERSEDED') return { ...base, status: 'SUPERSEDED' }

  // A plan-ordering task is fulfilled by the assignee's own plan implementing this task's plan.
  let completedOn: CalendarDate | null = null
  if (ordersPlans(task.content)) {
    for (const childId of index.documentChildren.get(task.documentId) ?? []) {
      const child = index.document.get(childId)!
      if (child.issuedOn !== null && child.issuedOn <= asOf && index.isWithin(child.issuerId, obligation.organizationId)) {
        if (completedOn === null || child.issuedOn < completedOn) completedOn = child.issuedOn
      }
    }
  }
  const known = reports.filter((r) => r.reportedOn <= asOf)
  const last = known[known.length - 1]
  if (completedOn === null) {
    // The earliest completion any report made by the date claims.
    for (const r of known) {
      if (
        r.claimedStatus === 'COMPLETED' &&
        r.completedOn !== null &&
        r.completedOn <= asOf &&
        (completedOn === null || r.completedOn < completedOn)
      )
        completedOn = r.completedOn
    }
  }
  const started = known.some((r) => r.claimedStatus !== 'NOT_STARTED')
  const percent = completedOn !== null ? 100 : (last?.percent ?? null)
  if (completedOn !== null) {
    return { ...base, completedOn, percent, status: due === null || completedOn <= due ? 'COMPLETED_ON_TIME' : 'COMPLETED_LATE' }
  }
  if (due === null) {
    if (effective?.recurrence) {
      const start = effective.startDate ?? index.document.get(task.documentId)?.issuedOn ?? asOf
      const months = PERIOD_MONTHS[effective.recurrence]
      const elapsed = start <= asOf ? Math.floor((monthIndex(asOf) - monthIndex(start)) / months) : 0
      const reported = new Set(known.map((r) => Math.floor((monthIndex(r.reportedOn) - monthIndex(start)) / months)))
      let missing = 0
      for (let p = 0; p < elapsed; p++) if (!reported.has(p)) missing++
      return { ...base, percent, missingReports: missing, status: 'ONGOING' }
    }
    if (effective?.condition) return { ...base, percent, status: 'AWAITING_GUIDANCE' }
    return { ...base, percent, status: started ? 'IN_PROGRESS' : 'NOT_STARTED' }
  }
  if (asOf > due) return { ...base, percent, status: 'OVERDUE' }
  const soon = countWorkingDays(asOf, due, options.calendar ?? VIETNAM_WORK_CALENDAR) <= (options.dueSoonWorkingDays ?? 5)
  return { ...base, percent, dueSoon: soon, status: started ? 'IN_PROGRESS' : 'NOT_STARTED' }
}

/**
 * The status of one obligation on a date, claimed and verified.
 *
 * @example
 * obligationStatus(index, obligation, effective.get(obligation.taskId), '2025-10-28').status //=> 'OVERDUE'
 */
export function obligationStatus(
  index: CascadeIndex,
  obligation: Obligation,
  effective: EffectiveDeadline | undefined,
  asOf: CalendarDate,
  options: StatusOptions = {},
): ObligationStatus {
  const own = index.reportsOf.get(`${obligation.taskId}|${obligation.organizationId}`) ?? []
  // Reports made by the organisation first assigned stay part of the record after a succession.
  const before =
    obligation.assignedOrganizationId !== obligation.organizationId
      ? (index.reportsOf.get(`${obligation.taskId}|${obligation.assignedOrganizationId}`) ?? []).filter(
          (r) => obligation.succeededOn === null || r.reportedOn < obligation.succeededOn,
        )
      : []
  const reports = [...before, ...own].sort((a, b) => (a.reportedOn < b.reportedOn ? -1 : a.reportedOn > b.reportedOn ? 1 : 0))
  const claimed = evaluate(index, obligation, effective, reports, asOf, options)
  const verified = evaluate(
    index,
    obligation,
    effective,
    reports.filter((r) => r.verification.status === 'ACCEPTED'),
    asOf,
    options,
  )
  return { obligation, asOf, ...claimed, verifiedStatus: verified.status }
}

/**
 * A task's status from its obligations' statuses: its lead obligations', or all of them when it has
 * no lead (see {@link taskStatusOf}).
 *
 * @example
 * taskStatusOfObligations([{ role: 'LEAD', status: 'OVERDUE' }, { role: 'COORDINATING', status: 'NOT_STARTED' }]) //=> 'OVERDUE'
 */
export function taskStatusOfObligations(obligations: readonly { role: string; status: TaskStatus }[]): TaskStatus {
  const leads = obligations.filter((o) => o.role === 'LEAD')
  return taskStatusOf((leads.length ? leads : obligations).map((o) => o.status))
}

/** The statuses that make a partly done task more pressing than "in progress", most pressing first. */
const PRESSING: readonly TaskStatus[] = ['OVERDUE', 'AWAITING_GUIDANCE', 'ONGOING']

/**
 * A task's status from its lead obligations (all obligations when it has no lead): completed when
 * every one is, late if any was late; otherwise the most pressing of OVERDUE, AWAITING_GUIDANCE,
 * ONGOING; IN_PROGRESS when any has started or finished; NOT_STARTED.
 *
 * @example
 * taskStatusOf(['COMPLETED_ON_TIME', 'OVERDUE']) //=> 'OVERDUE'
 */
export function taskStatusOf(statuses: readonly TaskStatus[]): TaskStatus {
  if (!statuses.length) return 'NOT_STARTED'
  if (statuses.every((s) => s === 'CANCELLED')) return 'CANCELLED'
  const live: TaskStatus[] = statuses.filter((s) => s !== 'CANCELLED' && s !== 'SUPERSEDED')
  if (!live.length) return 'SUPERSEDED'
  const completed = (s: TaskStatus) => s === 'COMPLETED_ON_TIME' || s === 'COMPLETED_LATE'
  if (live.every(completed)) return live.includes('COMPLETED_LATE') ? 'COMPLETED_LATE' : 'COMPLETED_ON_TIME'
  const pressing = PRESSING.find((s) => live.includes(s))
  if (pressing) return pressing
  return live.some((s) => s === 'IN_PROGRESS' || completed(s)) ? 'IN_PROGRESS' : 'NOT_STARTED'
}
