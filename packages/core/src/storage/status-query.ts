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
    taskId: r.taskId, organizationId: r.orgId, role: r.role as AssignmentRole, assignedOrganizationId: r.assignedId,
    succeededOn: r.succeededOn, status: r.status as TaskStatus, effectiveDueDate: r.effectiveDueDate, completedOn: r.completedOn,
  }
}

/** Counts of a scope's obligations by status, with the derived rates. */
export type ScorecardCounts = Omit<Scorecard, 'overdue'>

/** The spans of a scope that stand on a date: plan known, holder holding, group member valid. */
function standing(asOf: CalendarDate, scope: ScorecardScope, shared: 0 | 1): RawBuilder<unknown> {
  let filter = sql``
  if ('documentId' in scope) filter = sql`and sp.document_id in (select id from doc_scope)`
  else if ('taskId' in scope) filter = sql`and sp.task_id in (select id from task_scope)`
  else if ('taskIds' in scope) filter = scope.taskIds.length ? sql`and sp.task_id in (${sql.join(scope.taskIds)})` : sql`and 1 = 0`
  else if ('organizationId' in scope) {
    filter = scope.role ? sql`and sp.holder_id = ${scope.organizationId} and sp.role = ${scope.role}` : sql`and sp.holder_id = ${scope.organizationId}`
  } else if ('province' in scope) filter = sql`and sp.holder_scope = ${scope.province}`
  else if ('tier' in scope) filter = sql`and sp.holder_tier = ${scope.tier}`
  // Every span of the country stands alone but a few: read the table through (SQLite's `+` keeps it
  // off the (shared, holder_scope) index, which would cost a lookup per row).
  const sharedTerm = 'national' in scope && shared === 0 ? sql`+sp.shared = 0` : sql`sp.shared = ${sql.lit(shared)}`
  return sql`obligation_span sp where ${sharedTerm} ${filter}
    and (sp.known_from is null or sp.known_from <= ${asOf})
    and (sp.held_from is null or sp.held_from <= ${asOf}) and (sp.held_to is null or sp.held_to > ${asOf})
    and (sp.member_from is null or sp.member_from <= ${asOf}) and (sp.member_to is null or sp.member_to >= ${asOf})`
}

const SPAN_COLUMNS = sql.raw(`task_id, holder_id, role, assigned_id, succeeded_on, state, effective_due_date, recurring, conditional,
  plan_done_on, started_on, done_count, done_from, done_on`)

/**
 * The CTEs that end in `obligation_status`, for a scope, as of a date: the spans standing on the
 * date (one per task, holder and role: a direct assignment before a group's, then by the body
 * assigned), and a status each from the dates the span carries.
 */
function obligationStatusCte(asOf: CalendarDate, scope: ScorecardScope): RawBuilder<unknown> {
  const ctes: RawBuilder<unknown>[] = []
  if ('documentId' in scope) {
    ctes.push(scope.cascade === false
      ? sql`doc_scope(id) as (select ${scope.documentId})`
      : sql`doc_scope(id) as (
      select ${scope.documentId}
      union
      select l.child_id from document_link l join doc_scope s on l.parent_id = s.id)`)
  } else if ('taskId' in scope) {
    ctes.push(sql`task_scope(id) as (
      select ${scope.taskId}
      union
      select e.child_id from task_scope s join (
        select id as child_id, parent_id from task where parent_id is not null
        union all
        select child_id, parent_id from task_link) e on e.parent_id = s.id)`)
  }
  // Most spans meet no other on the same holder: they stand as they are; the rest pick one.
  ctes.push(sql`obligation as (
      select ${SPAN_COLUMNS} from ${standing(asOf, scope, 0)}
      union all
      select ${SPAN_COLUMNS} from (
        select sp.*, row_number() over (partition by sp.task_id, sp.holder_id, sp.role order by sp.via_rank, sp.assigned_id, coalesce(sp.succeeded_on, '')) as rn
        from ${standing(asOf, scope, 1)}) x
      where x.rn = 1)`)
  // A completion counts once made and dated by the day asked; a body that reported completion
  // more than once is read from its reports.
  ctes.push(sql`measured as (
      select o.task_id, o.holder_id as org_id, o.role, o.assigned_id, o.succeeded_on, o.state, o.effective_due_date, o.recurring, o.conditional,
        case when o.plan_done_on <= ${asOf} then o.plan_done_on end as plan_done,
        case when o.done_count > 1 then (
            select min(r.completed_on) from report r
            where r.task_id = o.task_id and r.claimed_status = 'COMPLETED' and r.completed_on is not null
              and r.completed_on <= ${asOf} and r.reported_on <= ${asOf}
              and (r.organization_id = o.holder_id
                or (r.organization_id = o.assigned_id and o.assigned_id <> o.holder_id and r.reported_on < o.succeeded_on)))
          when o.done_from <= ${asOf} then o.done_on end as reported_done,
        case when o.started_on <= ${asOf} then 1 else 0 end as started
      from obligation o)`)
  ctes.push(sql`obligation_status as (
      select x.task_id, x.org_id, x.role, x.assigned_id, x.succeeded_on, x.effective_due_date,
        case when x.state in ('CANCELLED', 'SUPERSEDED') then null else coalesce(x.plan_done, x.reported_done) end as completed_on,
        case
          when x.state = 'CANCELLED' then 'CANCELLED'
          when x.state = 'SUPERSEDED' then 'SUPERSEDED'
          when coalesce(x.plan_done, x.reported_done) is not null then
            case when x.effective_due_date is null or coalesce(x.plan_done, x.reported_done) <= x.effective_due_date
              then 'COMPLETED_ON_TIME' else 'COMPLETED_LATE' end
          when x.effective_due_date is null then
            case when x.recurring = 1 then 'ONGOING' when x.conditional = 1 then 'AWAITING_GUIDANCE'
              when x.started > 0 then 'IN_PROGRESS' else 'NOT_STARTED' end
          when ${asOf} > x.effective_due_date then 'OVERDUE'
          when x.started > 0 then 'IN_PROGRESS'
          else 'NOT_STARTED'
        end as status
      from measured x)`)
  return sql`with recursive ${sql.join(ctes, sql`, `)}`
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
  db: Db, asOf: CalendarDate, scope: ScorecardScope, options: { limit?: number; offset?: number; order?: 'due' | 'dependents' } = {},
): Promise<(ObligationStatusRow & { dependentTasks: number })[]> {
  const order = options.order === 'dependents'
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
  const result = await sql<{ status: string; n: number }>`${obligationStatusCte(asOf, scope)}
    select status, count(*) as n from obligation_status group by status`.execute(db)
  const counts = emptyCounts()
  for (const r of result.rows) counts[r.status as TaskStatus] = Number(r.n)
  return rates(counts)
}

/**
 * One page of the distinct tasks an organisation owes on a date, in plan order (issue date, plan,
 * place in the plan), optionally only those where its own obligation has a status, with the count
 * of all such tasks: filtered, counted and paged in one statement.
 *
 * @example
 * await owedTaskPage(store.db, '2025-12-31', { organizationId }, { status: 'OVERDUE', offset: 0, limit: 20 })
 */
export async function owedTaskPage(
  db: Db, asOf: CalendarDate, scope: { organizationId: string; role?: AssignmentRole },
  page: { status?: TaskStatus | null; offset: number; limit: number },
): Promise<{ taskIds: string[]; total: number }> {
  const status = page.status ? sql`where s.status = ${page.status}` : sql``
  // One row even when the page is empty, so the count always comes back.
  const result = await sql<{ total: number | string; taskId: string | null }>`${obligationStatusCte(asOf, scope)},
    owed as (select distinct s.task_id from obligation_status s ${status})
    select (select count(*) from owed) as total, p.task_id from (select 1 as one) one left join (
      select t.id as task_id, coalesce(d.issued_on, '') as issued_on, d.id as document_id, t.ordinal
      from owed o join task t on t.id = o.task_id join document d on d.id = t.document_id
      order by 2, 3, 4, 1 limit ${page.limit} offset ${page.offset}) p on 1 = 1
    order by p.issued_on, p.document_id, p.ordinal, p.task_id`.execute(db)
  return {
    taskIds: result.rows.flatMap((r) => (r.taskId === null ? [] : [r.taskId])),
    total: Number(result.rows[0]?.total ?? 0),
  }
}
