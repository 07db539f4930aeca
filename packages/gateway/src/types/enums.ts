/** GraphQL enums from core's closed sets. */
import {
  ALIGNMENT_DECISIONS,
  CLAIMED_STATUSES,
  COMPARATORS,
  SUCCESSION_KINDS,
  TASK_STATES,
  VERIFICATION_STATUSES,
  ASSIGNMENT_ROLES,
  BLOCS,
  DEADLINE_KINDS,
  DOCUMENT_STATUSES,
  HOLIDAY_KINDS,
  IMPORT_WARNING_CODES,
  ORGANIZATION_KINDS,
  RECURRENCES,
  REPORT_PERIODS,
  REPORTING_PERIOD_KINDS,
  TASK_STATUSES,
  TIERS,
  type AgencyMatch,
  type ImportWarningSeverity,
} from '@chidao/core'
import { registerEnumType } from 'type-graphql'

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>
}

const named = new Map<string, Record<string, string>>()

/**
 * The GraphQL enum of a closed set, registered once per name (the commands' input shapes name
 * theirs; the same name always gives the same enum).
 *
 * @example
 * enumType('Tier', TIERS) // the enum Tier, CENTRAL … BELOW
 */
export function enumType<T extends string>(name: string, values: readonly T[]): Record<T, T> {
  const known = named.get(name)
  if (known) return known as Record<T, T>
  const created = enumOf(values)
  registerEnumType(created, { name })
  named.set(name, created)
  return created
}

export const DeadlineKindEnum = enumType('DeadlineKind', DEADLINE_KINDS)
export const RecurrenceEnum = enumType('Recurrence', RECURRENCES)
export const TierEnum = enumType('Tier', TIERS)
export const BlocEnum = enumType('Bloc', BLOCS)
export const OrganizationKindEnum = enumType('OrganizationKind', ORGANIZATION_KINDS)
export const DocumentStatusEnum = enumType('DocumentStatus', DOCUMENT_STATUSES)
export const AssignmentRoleEnum = enumType('AssignmentRole', ASSIGNMENT_ROLES)
export const TaskStatusEnum = enumType('TaskStatus', TASK_STATUSES)
export const ReportingPeriodKindEnum = enumType('ReportingPeriodKind', REPORTING_PERIOD_KINDS)
export const TaskStateEnum = enumType('TaskState', TASK_STATES)
export const SuccessionKindEnum = enumType('SuccessionKind', SUCCESSION_KINDS)
export const AlignmentDecisionEnum = enumType('AlignmentDecision', ALIGNMENT_DECISIONS)
export const ComparatorEnum = enumType('Comparator', COMPARATORS)
export const ClaimedStatusEnum = enumType('ClaimedStatus', CLAIMED_STATUSES)
export const VerificationStatusEnum = enumType('VerificationStatus', VERIFICATION_STATUSES)
export const ReportPeriodEnum = enumType('ReportPeriod', REPORT_PERIODS)
export const HolidayKindEnum = enumType('HolidayKind', HOLIDAY_KINDS)
export const ImportWarningCodeEnum = enumType('ImportWarningCode', IMPORT_WARNING_CODES)

/** Every value of a union, listed once: the compiler refuses a list that misses one or adds another. */
function allOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L => list
}

/** What an agency phrase was matched to (core's `AgencyMatch['kind']`). */
export const AgencyMatchKindEnum = enumType('AgencyMatchKind', allOf<AgencyMatch['kind']>()(['ORGANIZATION', 'GROUP', 'GENERIC', 'NEW']))
/** How much an import warning matters (core's `ImportWarningSeverity`). */
export const ImportWarningSeverityEnum = enumType('ImportWarningSeverity', allOf<ImportWarningSeverity>()(['INFO', 'WARNING']))
