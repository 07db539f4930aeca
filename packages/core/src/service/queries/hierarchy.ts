/** Reading the cascade's rules as stored: status, scorecards, bottlenecks, coverage and alignment review. */
import type { CalendarDate } from '../../calendar/date.js'
import type { ScorecardScope, UncoveredParentTask } from '../../hierarchy/scorecard.js'
import { taskStatusOfObligations, type TaskStatus } from '../../hierarchy/status.js'
import type { AssignmentRole, Task } from '../../model/task.js'
import type { Db } from '../../storage/db.js'
import { parentDocuments } from '../../storage/repo/documents.js'
import { idsAtOrAbove } from '../../storage/repo/organizations.js'
import { parentTaskIdsOfDocument, tasksOfDocument } from '../../storage/repo/tasks.js'
import {
  obligationStatuses,
  overdueObligations,
  scorecardCounts,
  scorecardCountsByHolder,
  type ObligationStatusRow,
  type ScorecardCounts,
} from '../../storage/status-query.js'
import { owedTaskPage, owedTaskTrees, type OwedPage } from '../../storage/owed-query.js'
import type { TreeField } from '../../storage/tree-query.js'
import { requireDocument } from '../lookup.js'
import { requireDate } from '../validate.js'

export { plansNeedingReviewSql as plansNeedingReview } from '../../storage/review-query.js'

/** An overdue obligation and how many tasks in lower plans depend on it. */
type OverdueObligation = ObligationStatusRow & { dependentTasks: number }

/** Every obligation of a scope with its status on a date (group fan-out and successions applied). */
export function obligations(db: Db, scope: ScorecardScope, asOf: CalendarDate): Promise<ObligationStatusRow[]> {
  return obligationStatuses(db, requireDate(asOf, 'asOf'), scope)
}

/** A task's status on a date, rolled up from its lead obligations (all obligations when it has no lead). */
export async function taskStatus(
  db: Db,
  taskId: string,
  asOf: CalendarDate,
): Promise<{ status: TaskStatus; obligations: ObligationStatusRow[] }> {
  const rows = (await obligationStatuses(db, requireDate(asOf, 'asOf'), { taskId })).filter((r) => r.taskId === taskId)
  return { status: taskStatusOfObligations(rows), obligations: rows }
}

/** Counts, rates and the longest-overdue obligations of a scope on a date. */
export async function scorecard(
  db: Db,
  scope: ScorecardScope,
  asOf: CalendarDate,
  overdueLimit = 20,
): Promise<ScorecardCounts & { overdue: ObligationStatusRow[] }> {
  const date = requireDate(asOf, 'asOf')
  const [counts, overdue] = await Promise.all([
    scorecardCounts(db, date, scope),
    overdueObligations(db, date, scope, { limit: overdueLimit }),
  ])
  return { ...counts, overdue }
}

/** Counts of a scope's obligations by status on a date, with the rates (one query). */
export function scorecardCountsOf(db: Db, scope: ScorecardScope, asOf: CalendarDate): Promise<ScorecardCounts> {
  return scorecardCounts(db, requireDate(asOf, 'asOf'), scope)
}

/** Counts and rates of a scope's obligations on a date per holder, by organisation id (one query). */
export function scorecardsByHolder(db: Db, scope: ScorecardScope, asOf: CalendarDate): Promise<Map<string, ScorecardCounts>> {
  return scorecardCountsByHolder(db, requireDate(asOf, 'asOf'), scope)
}

/** A page of a scope's overdue obligations on a date, longest overdue first or most depended on first. */
export function overdueObligationsOf(
  db: Db,
  scope: ScorecardScope,
  asOf: CalendarDate,
  page: { offset?: number; limit?: number; order?: 'due' | 'dependents' } = {},
): Promise<OverdueObligation[]> {
  return overdueObligations(db, requireDate(asOf, 'asOf'), scope, page)
}

/** A page of the tasks an organisation owes on a date, in plan order, with the count of all. */
export async function tasksOwedBy(
  db: Db,
  scope: { organizationId: string; role?: AssignmentRole },
  asOf: CalendarDate,
  page: OwedPage,
): Promise<{ items: Task[]; total: number }> {
  const { tasks, total } = await owedTaskPage(db, requireDate(asOf, 'asOf'), scope, page)
  return { items: tasks, total }
}

/** The JSON trees of a page of the tasks an organisation (by code) owes on a date, the count of all, and whether the code is known. */
export function owedTaskTreesOf(
  db: Db,
  scope: { organizationCode: string; role?: AssignmentRole },
  asOf: CalendarDate,
  page: { offset: number; limit: number },
  fields: readonly TreeField[],
): Promise<{ known: boolean; total: number; trees: Record<string, unknown>[] }> {
  return owedTaskTrees(db, requireDate(asOf, 'asOf'), scope, page, fields)
}

/**
 * Coverage of a plan: tasks of the documents it implements owed by its issuer (or a body above
 * it) on its issue date, that none of its tasks implements. Errors: UNKNOWN_DOCUMENT.
 */
export async function uncoveredParentTasks(db: Db, planId: string): Promise<UncoveredParentTask[]> {
  const plan = await requireDocument(db, planId, 'planId')
  const asOf = plan.issuedOn ?? '9999-12-31'
  const above = new Set(await idsAtOrAbove(db, plan.issuerId))
  const covered = new Set(await parentTaskIdsOfDocument(db, planId))
  const out: UncoveredParentTask[] = []
  for (const parent of await parentDocuments(db, planId)) {
    const owed = new Set(
      (await obligationStatuses(db, asOf, { documentId: parent.id, cascade: false }))
        .filter((r) => above.has(r.organizationId))
        .map((r) => r.taskId),
    )
    for (const task of await tasksOfDocument(db, parent.id)) {
      if (owed.has(task.id) && !covered.has(task.id))
        out.push({ code: 'UNCOVERED_PARENT_TASK', planId, parentDocumentId: parent.id, parentTaskId: task.id })
    }
  }
  return out
}
