/** GraphQL enums from core's closed sets. */
import {
  ASSIGNMENT_ROLES, BLOCS, DEADLINE_KINDS, DOCUMENT_STATUSES, ORGANIZATION_KINDS, RECURRENCES, REPORTING_PERIOD_KINDS, TASK_STATUSES, TIERS,
} from '@chidao/core'
import { registerEnumType } from 'type-graphql'

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>
}

export const DeadlineKindEnum = enumOf(DEADLINE_KINDS)
export const RecurrenceEnum = enumOf(RECURRENCES)
export const TierEnum = enumOf(TIERS)
export const BlocEnum = enumOf(BLOCS)
export const OrganizationKindEnum = enumOf(ORGANIZATION_KINDS)
export const DocumentStatusEnum = enumOf(DOCUMENT_STATUSES)
export const AssignmentRoleEnum = enumOf(ASSIGNMENT_ROLES)
export const TaskStatusEnum = enumOf(TASK_STATUSES)
export const ReportingPeriodKindEnum = enumOf(REPORTING_PERIOD_KINDS)

registerEnumType(DeadlineKindEnum, { name: 'DeadlineKind' })
registerEnumType(RecurrenceEnum, { name: 'Recurrence' })
registerEnumType(TierEnum, { name: 'Tier' })
registerEnumType(BlocEnum, { name: 'Bloc' })
registerEnumType(OrganizationKindEnum, { name: 'OrganizationKind' })
registerEnumType(DocumentStatusEnum, { name: 'DocumentStatus' })
registerEnumType(AssignmentRoleEnum, { name: 'AssignmentRole' })
registerEnumType(TaskStatusEnum, { name: 'TaskStatus' })
registerEnumType(ReportingPeriodKindEnum, { name: 'ReportingPeriodKind' })
