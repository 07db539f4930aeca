/**
 * The façade's hierarchy queries (`queries/hierarchy.ts`, `queries/tasks.ts`): deadlines, statuses,
 * scorecards and what the cascade leaves uncovered.
 */
import type { CalendarDate } from '../../calendar/date.js'
import type { DeadlineViolation, EffectiveDeadline } from '../../hierarchy/effective-deadline.js'
import type { ReviewNeeded, ScorecardScope, UncoveredParentTask } from '../../hierarchy/scorecard.js'
import type { TaskStatus } from '../../hierarchy/status.js'
import type { Organization } from '../../model/organization.js'
import type { AssignmentRole, Task } from '../../model/task.js'
import type { PageWindow } from '../../storage/repo/pages.js'
import type { OwedPage } from '../../storage/owed-query.js'
import type { ObligationStatusRow, ScorecardCounts } from '../../storage/status-query.js'
import type { TreeField } from '../../storage/tree-query.js'
import * as finding from '../queries/finding.js'
import * as hierarchy from '../queries/hierarchy.js'
import * as taskQueries from '../queries/tasks.js'
import { ChidaoCommands } from './commands.js'

/** An overdue obligation with the number of tasks in lower plans that depend on it. */
type Bottleneck = ObligationStatusRow & { dependentTasks: number }

/** {@link ChidaoCommands} and the queries over the cascade's deadlines and statuses. */
export class ChidaoHierarchy extends ChidaoCommands {
  /**
   * A task's effective deadline (its own, or inherited from the tasks it implements).
   *
   * @example
   * const deadline = await chidao.effectiveDeadline(task.id) // { dueDate: '2025-12-31', effectiveDueDate: '2025-12-31', source: …, … } or null
   */
  async effectiveDeadline(taskId: string): Promise<EffectiveDeadline | null> {
    return (await this.effectiveDeadlinesOf([taskId]))[0] ?? null
  }

  /**
   * Effective deadlines of many tasks, in the order asked (null for unknown ids; one query).
   *
   * @example
   * const [a, b] = await chidao.effectiveDeadlinesOf([taskA.id, taskB.id])
   */
  effectiveDeadlinesOf(taskIds: readonly string[]): Promise<(EffectiveDeadline | null)[]> {
    return taskQueries.effectiveDeadlinesOf(this.db, taskIds)
  }

  /**
   * The recorded violations of a task (DEADLINE_AFTER_PARENT), per parent task.
   *
   * @example
   * const late = await chidao.violationsOf(task.id) // [] when it ends no later than its parents
   */
  async violationsOf(taskId: string): Promise<DeadlineViolation[]> {
    return (await this.violationsOfTasks([taskId])).get(taskId) ?? []
  }

  /**
   * Violations of many tasks at once, by task id (one query).
   *
   * @example
   * const byTask = await chidao.violationsOfTasks(tasks.map((t) => t.id))
   */
  violationsOfTasks(taskIds: readonly string[]): Promise<Map<string, DeadlineViolation[]>> {
    return taskQueries.violationsOfTasks(this.db, taskIds)
  }

  /**
   * Every obligation of a scope with its status on a date (group fan-out and successions applied).
   *
   * @example
   * const rows = await chidao.obligations({ documentId: plan.id }, '2025-12-31')
   */
  obligations(scope: ScorecardScope, asOf: CalendarDate): Promise<ObligationStatusRow[]> {
    return hierarchy.obligations(this.db, scope, asOf)
  }

  /**
   * A task's status on a date, rolled up from its lead obligations (all obligations when it has no lead).
   *
   * @example
   * const { status } = await chidao.taskStatus(task.id, '2025-12-31') // 'OVERDUE', 'COMPLETED_ON_TIME', …
   */
  taskStatus(taskId: string, asOf: CalendarDate): Promise<{ status: TaskStatus; obligations: ObligationStatusRow[] }> {
    return hierarchy.taskStatus(this.db, taskId, asOf)
  }

  /**
   * Counts, rates and the longest-overdue obligations of a scope on a date.
   *
   * @example
   * const card = await chidao.scorecard({ province: 'QNG' }, '2025-12-31', 10)
   */
  scorecard(scope: ScorecardScope, asOf: CalendarDate, overdueLimit = 20): Promise<ScorecardCounts & { overdue: ObligationStatusRow[] }> {
    return hierarchy.scorecard(this.db, scope, asOf, overdueLimit)
  }

  /**
   * Counts and rates of a scope's obligations on a date per holder, by organisation id (one query).
   *
   * @example
   * const byHolder = await chidao.scorecardsByHolder({ province: 'QNG' }, '2025-12-31')
   */
  scorecardsByHolder(scope: ScorecardScope, asOf: CalendarDate): Promise<Map<string, ScorecardCounts>> {
    return hierarchy.scorecardsByHolder(this.db, scope, asOf)
  }

  /**
   * Counts of a scope's obligations by status on a date, with the rates (one query).
   *
   * @example
   * const { total, overdue } = await chidao.scorecardCounts({ organizationId: skhcn.id }, '2025-12-31')
   */
  scorecardCounts(scope: ScorecardScope, asOf: CalendarDate): Promise<ScorecardCounts> {
    return hierarchy.scorecardCountsOf(this.db, scope, asOf)
  }

  /**
   * A page of a scope's overdue obligations on a date: the longest overdue first (`order: 'due'`,
   * the default) or those most tasks in lower plans depend on first (`'dependents'`).
   *
   * @example
   * const page = await chidao.overdueObligations({ province: 'QNG' }, '2025-12-31', { offset: 20, limit: 20 })
   */
  overdueObligations(
    scope: ScorecardScope,
    asOf: CalendarDate,
    page: { offset?: number; limit?: number; order?: 'due' | 'dependents' } = {},
  ): Promise<Bottleneck[]> {
    return hierarchy.overdueObligationsOf(this.db, scope, asOf, page)
  }

  /**
   * Overdue obligations of a scope ranked by how many tasks in lower plans depend on them.
   *
   * @example
   * const worst = await chidao.bottlenecks({ documentId: nq57.id }, '2025-12-31', 5)
   */
  bottlenecks(scope: ScorecardScope, asOf: CalendarDate, limit = 20): Promise<Bottleneck[]> {
    return this.overdueObligations(scope, asOf, { limit, order: 'dependents' })
  }

  /**
   * Tasks of the documents a plan implements, owed by its issuer or a body above it, that none of its tasks implements.
   *
   * @example
   * const missing = await chidao.uncoveredParentTasks(plan.id)
   */
  uncoveredParentTasks(planId: string): Promise<UncoveredParentTask[]> {
    return hierarchy.uncoveredParentTasks(this.db, planId)
  }

  /**
   * Lower-tier plans implementing a document that a later, higher-tier document also implements, not yet reviewed.
   *
   * @example
   * for (const { documentId, newDirectionId } of await chidao.plansNeedingReview()) console.log(documentId, newDirectionId)
   */
  plansNeedingReview(): Promise<ReviewNeeded[]> {
    return hierarchy.plansNeedingReview(this.db)
  }

  /**
   * A page of the tasks an organisation owes on a date (group fan-out and successions applied),
   * optionally in one role and with its own obligation in one status, in plan order.
   *
   * @example
   * const { items, total } = await chidao.tasksOwedBy({ organizationId: skhcn.id, role: 'LEAD' }, '2025-12-31', { status: 'OVERDUE', offset: 0, limit: 20 })
   */
  tasksOwedBy(
    scope: { organizationId: string; role?: AssignmentRole },
    asOf: CalendarDate,
    page: OwedPage,
  ): Promise<{ items: Task[]; total: number }> {
    return hierarchy.tasksOwedBy(this.db, scope, asOf, page.due ? { ...page, due: finding.requireRange(page.due, 'dueBetween') } : page)
  }

  /**
   * A page of the tasks an organisation, by its code, owes on a date (as `tasksOwedBy`, without a
   * status), each read as the JSON tree `fields` names (see `readTree`), with the count of all and
   * whether the code is known: all in one statement, for a reader that looks ahead.
   *
   * @example
   * const { known, total, trees } = await chidao.owedTaskTrees({ organizationCode: 'QNG.STC', role: 'LEAD' }, '2025-12-31', { offset: 0, limit: 20 }, [{ key: 'code', column: 'code' }])
   */
  owedTaskTrees(
    scope: { organizationCode: string; role?: AssignmentRole },
    asOf: CalendarDate,
    page: { offset: number; limit: number },
    fields: readonly TreeField[],
  ): Promise<{ known: boolean; total: number; trees: Record<string, unknown>[] }> {
    return hierarchy.owedTaskTreesOf(this.db, scope, asOf, page, fields)
  }

  // ---------------------------------------------------------------- finding (see queries/finding.ts)

  /**
   * A page of organisations by words of their name, short name or code (diacritics and case
   * ignored), tier, kind and province (scope), by code.
   *
   * @example
   * await chidao.findOrganizations({ search: 'so tai chinh', province: 'QNG' }, { offset: 0, limit: 20 })
   */
  findOrganizations(search: finding.OrganizationSearchInput, page: PageWindow): Promise<{ items: Organization[]; total: number }> {
    return finding.searchOrganizations(this.db, search, page)
  }

  /**
   * A page of the tasks whose effective deadline falls between two dates (inclusive), optionally
   * of one plan, by due date. Errors: INVALID_DATE, INVALID_INPUT (from after to).
   *
   * @example
   * await chidao.tasksDueBetween({ from: '2025-10-01', to: '2025-12-31' }, {}, { offset: 0, limit: 20 })
   */
  tasksDueBetween(
    due: { from: CalendarDate; to: CalendarDate },
    within: { documentId?: string | null },
    page: PageWindow,
  ): Promise<{ items: Task[]; total: number }> {
    return finding.tasksDueBetween(this.db, due, within, page)
  }

  /**
   * Agencies of a scope ranked by the tasks in lower plans waiting on their unfinished lead
   * obligations on a date (overdue first): "which agency holds up the most dependent tasks".
   *
   * @example
   * const { items } = await chidao.bottleneckAgencies({ province: 'QNG' }, '2025-12-31', { offset: 0, limit: 10 })
   */
  bottleneckAgencies(
    scope: ScorecardScope,
    asOf: CalendarDate,
    page: PageWindow,
  ): Promise<{ items: finding.AgencyBottleneck[]; total: number }> {
    return finding.bottleneckAgencies(this.db, scope, asOf, page)
  }
}
