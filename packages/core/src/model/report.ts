/** Progress reports (báo cáo) with evidence, and their verification. */
import type { CalendarDate } from '../calendar/date.js'

/** The period a report covers; AD_HOC is đột xuất. */
export const REPORT_PERIODS = ['MONTH', 'QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR', 'AD_HOC'] as const
export type ReportPeriod = (typeof REPORT_PERIODS)[number]

/** Progress as the reporting organisation claims it. */
export const CLAIMED_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const
export type ClaimedStatus = (typeof CLAIMED_STATUSES)[number]

/** The supervising organisation's verdict, kept apart from the claim. */
export const VERIFICATION_STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED'] as const
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number]

/** Evidence (minh chứng) attached to a report. */
export interface Evidence {
  readonly title: string
  readonly uri: string
  /** Hex SHA-256 of the file, when known. */
  readonly sha256: string | null
}

/** A report as stored. */
export interface Report {
  readonly id: string
  readonly scope: string
  readonly taskId: string
  readonly organizationId: string
  readonly period: ReportPeriod
  readonly periodStart: CalendarDate | null
  readonly periodEnd: CalendarDate | null
  readonly claimedStatus: ClaimedStatus
  readonly percent: number | null
  readonly narrative: string | null
  /** The day the work was completed, when the claim is COMPLETED. */
  readonly completedOn: CalendarDate | null
  readonly reportedOn: CalendarDate
  readonly evidence: readonly Evidence[]
  readonly verification: {
    readonly status: VerificationStatus
    readonly verifierId: string | null
    readonly verifiedOn: CalendarDate | null
    readonly note: string | null
  }
  readonly version: number
  /** The body above the reporting organisation that filed this report for it, when it did not file it itself. */
  readonly submittedById?: string
}

/** One append-only audit entry. */
export interface AuditEntry {
  readonly id: string
  /** Instant, ISO 8601 UTC. */
  readonly at: string
  readonly actor: string
  readonly command: string
  readonly entity: string
  readonly entityId: string
  readonly before: unknown
  readonly after: unknown
}
