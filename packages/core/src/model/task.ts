/** Tasks (nhiệm vụ) of a plan, their assignments and targets. */
import type { CalendarDate } from '../calendar/date.js'
import type { Deadline } from '../deadline/types.js'

/** Whether a task still binds. */
export const TASK_STATES = ['ACTIVE', 'CANCELLED', 'SUPERSEDED'] as const
export type TaskState = (typeof TASK_STATES)[number]

/** A task as stored. */
export interface Task {
  readonly id: string
  readonly scope: string
  readonly documentId: string
  /** Position in the plan, e.g. `II.3.a`; unique within the document. */
  readonly code: string
  /** Enclosing task within the same document (`II.3` for `II.3.a`). */
  readonly parentId: string | null
  readonly ordinal: number
  readonly content: string
  /** The time phrase as written ("Quý IV/2025"). */
  readonly timePhrase: string | null
  /** The time phrase parsed (relative phrases resolved against the document's issue date). */
  readonly deadline: Deadline
  /** The expected output product (sản phẩm). */
  readonly output: string | null
  readonly state: TaskState
  readonly version: number
}

/** Lead (chủ trì) or coordinating (phối hợp) agency. */
export const ASSIGNMENT_ROLES = ['LEAD', 'COORDINATING'] as const
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number]

/** One assignee of a task: an organisation or a group. Exactly one of the two is set. */
export interface Assignment {
  readonly id: string
  readonly taskId: string
  readonly role: AssignmentRole
  readonly organizationId: string | null
  readonly groupId: string | null
  /** The assignee as written in the plan. */
  readonly note: string | null
}

/** How a target compares its metric with its value. */
export const COMPARATORS = ['GTE', 'GT', 'LTE', 'LT', 'EQ'] as const
export type Comparator = (typeof COMPARATORS)[number]

/** A quantitative target (chỉ tiêu), e.g. 5G coverage ≥ 40% by the end of 2025. */
export interface Target {
  readonly id: string
  readonly documentId: string
  readonly taskId: string | null
  readonly category: string | null
  readonly metric: string
  readonly unit: string | null
  readonly comparator: Comparator
  readonly value: number
  readonly milestoneOn: CalendarDate | null
}
