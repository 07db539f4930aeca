/**
 * Table types of the derived tables (`derived.ts` rebuilds them from the cascade's own rows):
 * closures, group members, effective deadlines, violations and obligation spans.
 */
import type { Recurrence } from '../deadline/types.js'
import type { DeadlineSource } from '../hierarchy/effective-deadline.js'
import type { Tier } from '../model/organization.js'
import type { AssignmentRole, TaskState } from '../model/task.js'

export interface OrganizationClosureTable {
  ancestorId: string
  descendantId: string
}

export interface OrganizationGroupMemberTable {
  groupId: string
  organizationId: string
}

export interface TaskEffectiveTable {
  taskId: string
  scope: string
  source: DeadlineSource
  fromTaskId: string | null
  dueDate: string | null
  effectiveDueDate: string | null
  startDate: string | null
  recurrence: Recurrence | null
  condition: string | null
  /** 1 when the task orders its assignees to issue plans (fulfilled by their plans). */
  ordersPlans: number
  /** Tasks in lower plans implementing this one, directly or through others. */
  dependentTasks: number
}

export interface TaskViolationTable {
  taskId: string
  parentTaskId: string
  code: string
  dueDate: string
  parentDueDate: string
}

/** One holder's span of an obligation (see migration 0006). */
export interface ObligationSpanTable {
  taskId: string
  documentId: string
  role: AssignmentRole
  viaRank: number
  assignedId: string
  holderId: string
  holderScope: string
  holderTier: Tier
  knownFrom: string | null
  memberFrom: string | null
  memberTo: string | null
  heldFrom: string | null
  heldTo: string | null
  succeededOn: string | null
  irregular: number
  state: TaskState
  effectiveDueDate: string | null
  recurring: number
  conditional: number
  planDoneOn: string | null
  startedOn: string | null
  doneCount: number
  doneFrom: string | null
  doneOn: string | null
}
