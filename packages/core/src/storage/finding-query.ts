/**
 * Finding work in SQL on both stores: tasks by the date they fall due, and agencies ranked by the
 * tasks in lower plans waiting on their unfinished work (the bottleneck ranking).
 */
import { sql } from 'kysely'
import type { CalendarDate } from '../calendar/date.js'
import type { ScorecardScope } from '../hierarchy/scorecard.js'
import type { Db } from './db.js'
import { obligationStatusCte } from './status-query.js'

/** Statuses of an obligation not yet done that lower plans can be waiting on. */
const UNFINISHED = ['OVERDUE', 'IN_PROGRESS', 'NOT_STARTED', 'AWAITING_GUIDANCE'] as const

/**
 * A page of the tasks whose effective deadline falls between two dates (inclusive), optionally of
 * one plan, by due date then plan order, with the count of all (one statement).
 *
 * @example
 * await taskIdsDueBetween(db, { from: '2025-10-01', to: '2025-12-31' }, { documentId }, { offset: 0, limit: 20 })
 */
export async function taskIdsDueBetween(
  db: Db,
  due: { from: CalendarDate; to: CalendarDate },
  within: { documentId?: string | null },
  page: { offset: number; limit: number },
): Promise<{ taskIds: string[]; total: number }> {
  const plan = within.documentId ? sql`and t.document_id = ${within.documentId}` : sql``
  const result = await sql<{ taskId: string; total: number | string }>`
    select t.id as task_id, count(*) over () as total
    from task t join task_effective e on e.task_id = t.id
    where e.effective_due_date between ${due.from} and ${due.to} ${plan}
    order by e.effective_due_date, t.document_id, t.ordinal, t.id
    limit ${page.limit} offset ${page.offset}`.execute(db)
  let total = Number(result.rows[0]?.total ?? 0)
  if (!result.rows.length && (page.offset > 0 || page.limit === 0)) {
    const counted = await sql<{ n: number | string }>`select count(*) as n from task t join task_effective e on e.task_id = t.id
      where e.effective_due_date between ${due.from} and ${due.to} ${plan}`.execute(db)
    total = Number(counted.rows[0]?.n ?? 0)
  }
  return { taskIds: result.rows.map((r) => r.taskId), total }
}

/** One agency in the bottleneck ranking. */
export interface AgencyBottleneck {
  readonly organizationId: string
  /** Tasks in lower plans implementing its unfinished lead obligations (directly or through others). */
  readonly dependentTasks: number
  /** Of them, those waiting on its overdue obligations. */
  readonly overdueDependentTasks: number
  /** Its unfinished lead obligations that lower plans depend on. */
  readonly holdingTasks: number
}

/**
 * Agencies of a scope ranked by the tasks in lower plans waiting on their unfinished lead
 * obligations on a date: those held up by overdue work first, then by all unfinished work; a page,
 * with the count of ranked agencies (one statement).
 *
 * @example
 * await agencyBottlenecks(db, '2025-12-31', { province: 'QNG' }, { offset: 0, limit: 10 })
 */
export async function agencyBottlenecks(
  db: Db,
  asOf: CalendarDate,
  scope: ScorecardScope,
  page: { offset: number; limit: number },
): Promise<{ items: AgencyBottleneck[]; total: number }> {
  const result = await sql<{
    orgId: string
    dependentTasks: number | string
    overdueDependentTasks: number | string
    holdingTasks: number | string
    total: number | string
  }>`${obligationStatusCte(asOf, scope)},
    holding as (
      select s.org_id, s.task_id, max(case when s.status = 'OVERDUE' then 1 else 0 end) as overdue, max(e.dependent_tasks) as dependents
      from obligation_status s join task_effective e on e.task_id = s.task_id
      where s.role = 'LEAD' and s.status in (${sql.join(UNFINISHED.map((u) => sql`${u}`))}) and e.dependent_tasks > 0
      group by s.org_id, s.task_id),
    ranked as (
      select org_id, sum(dependents) as dependent_tasks, sum(case when overdue = 1 then dependents else 0 end) as overdue_dependent_tasks,
        count(*) as holding_tasks
      from holding group by org_id)
    select org_id, dependent_tasks, overdue_dependent_tasks, holding_tasks, count(*) over () as total from ranked
    order by overdue_dependent_tasks desc, dependent_tasks desc, org_id
    limit ${page.limit} offset ${page.offset}`.execute(db)
  let total = Number(result.rows[0]?.total ?? 0)
  if (!result.rows.length && (page.offset > 0 || page.limit === 0))
    total = (await agencyBottlenecks(db, asOf, scope, { offset: 0, limit: 1 })).total
  return {
    items: result.rows.map((r) => ({
      organizationId: r.orgId,
      dependentTasks: Number(r.dependentTasks),
      overdueDependentTasks: Number(r.overdueDependentTasks),
      holdingTasks: Number(r.holdingTasks),
    })),
    total,
  }
}
