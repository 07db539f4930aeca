/**
 * The hierarchy rules as SQL, for national scale: the obligations standing on a date and their
 * status, read from `obligation_span` (where fan-out, successions, effective deadlines and reports
 * were applied at write time, see `obligation-span.ts`), and rollups by scope. The same SQL runs on
 * SQLite and PostgreSQL; a property test holds it to the reference rules of `hierarchy/`.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely'
import type { CalendarDate } from '../calendar/date.js'
import { emptyCounts, rates, type Scorecard, type ScorecardScope } from '../hierarchy/scorecard.js'
import type { TaskStatus } from '../hierarchy/status.js'
import type { AssignmentRole } from '../model/task.js'
import type { Database } from './schema.js'

type Db = Kysely<Database> | Transaction<Database>

/** One obligation's status, as the SQL evaluates it. */
export interface ObligationStatusRow {
  readonly taskId: string
  readonly organizationId: string
  readonly role: AssignmentRole
  readonly assignedOrganizationId: string
  readonly succeededOn: CalendarDate | null
  readonly status: TaskStatus
  readonly effectiveDueDate: CalendarDate | null
  readonly completedOn: CalendarDate | null
}

/** A row of `obligation_status` as the database returns it (camel-cased). */
interface StatusRow {
  taskId: string
  orgId: string
  role: string
  assignedId: string
  succeededOn: string | null
  status: string
  effectiveDueDate: string | null
  completedOn: string | null
}

function toStatusRow(r: StatusRow): ObligationStatusRow {
  return {
    taskId: r.taskId,
    organizationId: r.orgId,
    role: r.role as AssignmentRole,
    assignedOrganizationId: r.assignedId,
    succeededOn: r.succeededOn,
    status: r.status as TaskStatus,
    effectiveDueDate: r.effectiveDueDate,
    completedOn: r.completedOn,
  }
}

/** Counts of a scope's obligations by status, with the derived rates. */
export type ScorecardCounts = Omit<Scorecard, 'overdue'>

/**
 * The spans of a scope that stand on a date (plan known, holder holding, group member valid), among
 * the plain ones (`irregular = 0`) or the others.
 */
export function standing(asOf: CalendarDate, scope: ScorecardScope, irregular: 0 | 1, alias: 'o' | 'sp'): RawBuilder<unknown> {
  const a = sql.raw(alias)
  let filter = sql``
  if ('documentId' in scope) filter = sql`and ${a}.document_id in (select id from doc_scope)`
  else if ('taskId' in scope) filter = sql`and ${a}.task_id in (select id from task_scope)`
  else if ('taskIds' in scope) filter = scope.taskIds.length ? sql`and ${a}.task_id in (${sql.join(scope.taskIds)})` : sql`and 1 = 0`
  else if ('organizationId' in scope) {
    filter = scope.role
      ? sql`and ${a}.holder_id = ${scope.organizationId} and ${a}.role = ${scope.role}`
      : sql`and ${a}.holder_id = ${scope.organizationId}`
  } else if ('province' in scope) filter = sql`and ${a}.holder_scope = ${scope.province}`
  else if ('tier' in scope) filter = sql`and ${a}.holder_tier = ${scope.tier}`
  // A literal, not a parameter: SQLite matches an index's leading `irregular` only against a constant.
  return sql`obligation_span ${a} where ${a}.irregular = ${sql.lit(irregular)} ${filter}
    and (${a}.known_from is null or ${a}.known_from <= ${asOf})
    and (${a}.held_from is null or ${a}.held_from <= ${asOf}) and (${a}.held_to is null or ${a}.held_to > ${asOf})
    and (${a}.member_from is null or ${a}.member_from <= ${asOf}) and (${a}.member_to is null or ${a}.member_to >= ${asOf})`
}

/**
 * A span's completion date and status on a date, from its own columns (alias `o`). A plain span
 * has at most one completion report, summed up in `done_from`/`done_on`; an irregular one (its
 * holder reported completion more than once) reads its reports.
 */
function statusOf(asOf: CalendarDate, irregular: 0 | 1): { completedOn: RawBuilder<unknown>; status: RawBuilder<unknown> } {
  const reported = irregular
    ? sql`case when o.done_count > 1 then (select min(r.completed_on) from report r
          where r.task_id = o.task_id and r.claimed_status = 'COMPLETED' and r.completed_on is not null
            and r.completed_on <= ${asOf} and r.reported_on <= ${asOf}
            and (r.organization_id = o.holder_id
              or (r.organization_id = o.assigned_id and o.assigned_id <> o.holder_id and r.reported_on < o.succeeded_on)))
        when o.done_from <= ${asOf} then o.done_on end`
    : sql`case when o.done_from <= ${asOf} then o.done_on end`
  // A plan issued under a plan order counts before any report.
  const doneOn = sql`coalesce(case when o.plan_done_on <= ${asOf} then o.plan_done_on end, ${reported})`
  const done = irregular ? sql`${doneOn} is not null` : sql`(o.plan_done_on <= ${asOf} or o.done_from <= ${asOf})`
  return {
    completedOn: sql`case when o.state in ('CANCELLED', 'SUPERSEDED') then null else ${doneOn} end`,
    status: sql`case
        when o.state = 'CANCELLED' then 'CANCELLED'
        when o.state = 'SUPERSEDED' then 'SUPERSEDED'
        when ${done} then
          case when o.effective_due_date is null or ${doneOn} <= o.effective_due_date then 'COMPLETED_ON_TIME' else 'COMPLETED_LATE' end
        when o.effective_due_date is null then
          case when o.recurring = 1 then 'ONGOING' when o.conditional = 1 then 'AWAITING_GUIDANCE'
            when o.started_on <= ${asOf} then 'IN_PROGRESS' else 'NOT_STARTED' end
        when ${asOf} > o.effective_due_date then 'OVERDUE'
        when o.started_on <= ${asOf} then 'IN_PROGRESS'
        else 'NOT_STARTED'
      end`,
  }
}

/** The CTEs a scope needs before its spans can be read (the documents or tasks below a root). */
function scopeCtes(scope: ScorecardScope): RawBuilder<unknown> {
  if ('documentId' in scope) {
    return scope.cascade === false
      ? sql`with recursive doc_scope(id) as (select ${scope.documentId}),`
      : sql`with recursive doc_scope(id) as (
      select ${scope.documentId}
      union
      select l.child_id from document_link l join doc_scope s on l.parent_id = s.id),`
  }
  if ('taskId' in scope) {
    return sql`with recursive task_scope(id) as (
      select ${scope.taskId}
      union
      select e.child_id from task_scope s join (
        select id as child_id, parent_id from task where parent_id is not null
        union all
        select child_id, parent_id from task_link) e on e.parent_id = s.id),`
  }
  return sql`with`
}

/**
 * The obligations of a scope standing on a date with `columns(o)` of each, as one compound select:
 * the plain spans as they are, and of the irregular ones one per task, holder and role (a direct
 * assignment before a group's, then by the body assigned).
 */
function standingObligations(
  asOf: CalendarDate,
  scope: ScorecardScope,
  columns: (irregular: 0 | 1) => RawBuilder<unknown>,
): RawBuilder<unknown> {
  return sql`select ${columns(0)} from ${standing(asOf, scope, 0, 'o')}
      union all
      select ${columns(1)} from (
        select sp.*, row_number() over (partition by sp.task_id, sp.holder_id, sp.role order by sp.via_rank, sp.assigned_id, coalesce(sp.succeeded_on, '')) as rn
        from ${standing(asOf, scope, 1, 'sp')}) o
      where o.rn = 1`
}

/**
 * The CTEs that end in `obligation_status`, for a scope, as of a date: every obligation standing
 * on the date with its status.
 */
export function obligationStatusCte(asOf: CalendarDate, scope: ScorecardScope): RawBuilder<unknown> {
  const columns = (irregular: 0 | 1) => {
    const { completedOn, status } = statusOf(asOf, irregular)
    return sql`o.task_id, o.holder_id as org_id, o.role, o.assigned_id, o.succeeded_on, o.effective_due_date,
      ${completedOn} as completed_on, ${status} as status`
  }
  return sql`${scopeCtes(scope)} obligation_status as (${standingObligations(asOf, scope, columns)})`
}

/**
 * Every obligation of a scope with its status on a date, evaluated in SQL.
 *
 * @example
 * await obligationStatuses(store.db, '2025-10-28', { province: 'QNG' })
 */
export async function obligationStatuses(db: Db, asOf: CalendarDate, scope: ScorecardScope): Promise<ObligationStatusRow[]> {
  const result = await sql<StatusRow>`${obligationStatusCte(asOf, scope)}
    select task_id, org_id, role, assigned_id, succeeded_on, status, effective_due_date, completed_on
    from obligation_status order by task_id, org_id, role`.execute(db)
  return result.rows.map(toStatusRow)
}

/**
 * A scope's overdue obligations on a date, the longest overdue first (`order: 'due'`) or those
 * most tasks in lower plans depend on first (`order: 'dependents'`, for bottlenecks).
 *
 * @example
 * await overdueObligations(store.db, '2025-12-31', { province: 'QNG' }, { limit: 10, order: 'dependents' })
 */
export async function overdueObligations(
  db: Db,
  asOf: CalendarDate,
  scope: ScorecardScope,
  options: { limit?: number; offset?: number; order?: 'due' | 'dependents' } = {},
): Promise<(ObligationStatusRow & { dependentTasks: number })[]> {
  const order =
    options.order === 'dependents'
      ? sql`coalesce(e.dependent_tasks, 0) desc, s.effective_due_date, s.task_id, s.org_id, s.role`
      : sql`s.effective_due_date, s.task_id, s.org_id, s.role`
  const result = await sql<StatusRow & { dependentTasks: number | null }>`${obligationStatusCte(asOf, scope)}
    select s.task_id, s.org_id, s.role, s.assigned_id, s.succeeded_on, s.status, s.effective_due_date, s.completed_on, e.dependent_tasks
    from obligation_status s left join task_effective e on e.task_id = s.task_id
    where s.status = 'OVERDUE' order by ${order} limit ${options.limit ?? 50} offset ${options.offset ?? 0}`.execute(db)
  return result.rows.map((r) => ({ ...toStatusRow(r), dependentTasks: Number(r.dependentTasks ?? 0) }))
}

/**
 * Counts of a scope's obligations by status on a date, aggregated in SQL.
 *
 * @example
 * (await scorecardCounts(store.db, '2025-10-28', { national: true })).onTimeRate //=> 72.5
 */
export async function scorecardCounts(db: Db, asOf: CalendarDate, scope: ScorecardScope): Promise<ScorecardCounts> {
  // Only the status of each: a country's plain spans are then read from one covering index.
  const result = await sql<{ status: string; n: number }>`${scopeCtes(scope)} counted as (
      ${standingObligations(asOf, scope, (irregular) => sql`${statusOf(asOf, irregular).status} as status`)})
    select status, count(*) as n from counted group by status`.execute(db)
  const counts = emptyCounts()
  for (const r of result.rows) counts[r.status as TaskStatus] = Number(r.n)
  return rates(counts)
}

/**
 * Counts of a scope's obligations by status on a date, per holder (the organisation owing each on
 * that date), aggregated in SQL: one statement for every body of a province.
 *
 * @example
 * const byHolder = await scorecardCountsByHolder(store.db, '2025-12-31', { province: 'QNG' })
 * byHolder.get(skhcn.id)?.counts.OVERDUE //=> 3
 */
export async function scorecardCountsByHolder(db: Db, asOf: CalendarDate, scope: ScorecardScope): Promise<Map<string, ScorecardCounts>> {
  const result = await sql<{ orgId: string; status: string; n: number }>`${scopeCtes(scope)} counted as (
      ${standingObligations(asOf, scope, (irregular) => sql`o.holder_id as org_id, ${statusOf(asOf, irregular).status} as status`)})
    select org_id, status, count(*) as n from counted group by org_id, status order by org_id`.execute(db)
  const counts = new Map<string, ReturnType<typeof emptyCounts>>()
  for (const r of result.rows) {
    const c = counts.get(r.orgId) ?? counts.set(r.orgId, emptyCounts()).get(r.orgId)!
    c[r.status as TaskStatus] = Number(r.n)
  }
  return new Map([...counts].map(([id, c]) => [id, rates(c)]))
}
