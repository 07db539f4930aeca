/**
 * The hierarchy rules as SQL, for national scale: obligations of every task known on a date (group
 * fan-out through the membership table, successions through a recursive CTE), their status from the
 * materialised effective deadlines and the reports made by then, and rollups by scope. The same SQL
 * runs on SQLite and PostgreSQL; a property test holds it to the reference rules of `hierarchy/`.
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

/** The CTEs that end in `obligation_status`, for a scope, as of a date. */
function obligationStatusCte(asOf: CalendarDate, scope: ScorecardScope): RawBuilder<unknown> {
  const scopes: RawBuilder<unknown>[] = []
  if ('documentId' in scope) {
    scopes.push(scope.cascade === false
      ? sql`doc_scope(id) as (select ${scope.documentId})`
      : sql`doc_scope(id) as (
      select ${scope.documentId}
      union
      select l.child_id from document_link l join doc_scope s on l.parent_id = s.id)`)
  } else if ('taskId' in scope) {
    scopes.push(sql`task_scope(id) as (
      select ${scope.taskId}
      union
      select e.child_id from task_scope s join (
        select id as child_id, parent_id from task where parent_id is not null
        union all
        select child_id, parent_id from task_link) e on e.parent_id = s.id)`)
  }
  // Candidates: bodies in the scope, or any body whose duties may pass into it by succession.
  // The query is driven from them (or from the scoped documents or tasks): CROSS JOIN fixes
  // SQLite's join order; PostgreSQL plans it freely.
  const fromSuccession = sql`union select predecessor_id from succession`
  let candidates: RawBuilder<unknown> | null = null
  let holderFilter = sql``
  if ('organizationId' in scope) {
    candidates = sql`candidate(id) as (select ${scope.organizationId} ${fromSuccession})`
    holderFilter = scope.role
      ? sql`and f.org_id = ${scope.organizationId} and f.role = ${scope.role}`
      : sql`and f.org_id = ${scope.organizationId}`
  } else if ('province' in scope) {
    candidates = sql`candidate(id) as (select id from organization where scope = ${scope.province} ${fromSuccession})`
    holderFilter = sql`and exists (select 1 from organization ho where ho.id = f.org_id and ho.scope = ${scope.province})`
  } else if ('tier' in scope) {
    candidates = sql`candidate(id) as (select id from organization where tier = ${scope.tier} ${fromSuccession})`
    holderFilter = sql`and exists (select 1 from organization ho where ho.id = f.org_id and ho.tier = ${scope.tier})`
  }
  if (candidates) scopes.push(candidates)
  const passing = (h: string, s: string) => sql`${sql.raw(`${s}.effective_on`)} <= ${asOf} and not exists (
      select 1 from report r where r.task_id = ${sql.raw(`${h}.task_id`)} and r.organization_id = ${sql.raw(`${h}.org_id`)} and r.claimed_status = 'COMPLETED'
        and r.reported_on < ${sql.raw(`${s}.effective_on`)} and r.completed_on is not null and r.completed_on < ${sql.raw(`${s}.effective_on`)})`
  // Tasks known on the date, reached from the base tables by key (a CTE has no index to join on).
  const knownOn = sql`(d.issued_on is null or d.issued_on <= ${asOf})`
  // A document or task scope drives from its tasks; an organisation scope from its candidates.
  const tasks = 'documentId' in scope
    ? { from: sql`doc_scope ds cross join task t`, on: sql`t.document_id = ds.id` }
    : 'taskIds' in scope
      ? { from: sql`task t`, on: scope.taskIds.length ? sql`t.id in (${sql.join(scope.taskIds)})` : sql`1 = 0` }
      : 'taskId' in scope
      ? { from: sql`task_scope ts cross join task t`, on: sql`t.id = ts.id` }
      : null
  const direct = candidates
    ? sql`from candidate c cross join assignment a cross join task t cross join document d
        where a.organization_id = c.id and t.id = a.task_id and d.id = t.document_id and ${knownOn}`
    : tasks
      ? sql`from ${tasks.from} cross join document d cross join assignment a
          where ${tasks.on} and d.id = t.document_id and a.task_id = t.id and a.organization_id is not null and ${knownOn}`
      : sql`from assignment a cross join task t cross join document d
          where a.organization_id is not null and t.id = a.task_id and d.id = t.document_id and ${knownOn}`
  const viaGroup = candidates
    ? sql`from candidate c cross join organization_group_member gm cross join assignment a cross join task t cross join document d cross join organization o
        where gm.organization_id = c.id and a.group_id = gm.group_id and t.id = a.task_id and d.id = t.document_id and o.id = gm.organization_id and ${knownOn}`
    : tasks
      ? sql`from ${tasks.from} cross join document d cross join assignment a cross join organization_group_member gm cross join organization o
          where ${tasks.on} and d.id = t.document_id and a.task_id = t.id and a.group_id is not null and gm.group_id = a.group_id
            and o.id = gm.organization_id and ${knownOn}`
      : sql`from assignment a cross join task t cross join document d cross join organization_group_member gm cross join organization o
          where a.group_id is not null and t.id = a.task_id and d.id = t.document_id and gm.group_id = a.group_id and o.id = gm.organization_id and ${knownOn}`
  const ctes = [...scopes, sql`assigned as (
      select a.task_id, a.role, 0 as via_rank, a.organization_id as org_id
      ${direct}
      union all
      select a.task_id, a.role, 1 as via_rank, gm.organization_id as org_id
      ${viaGroup}
        and (o.valid_from is null or o.valid_from <= coalesce(d.issued_on, ${asOf}))
        and (o.valid_to is null or o.valid_to >= coalesce(d.issued_on, ${asOf})))`,
  sql`holder(task_id, role, via_rank, assigned_id, org_id, succeeded_on) as (
      select task_id, role, via_rank, org_id, org_id, cast(null as text) from assigned
      union all
      select h.task_id, h.role, h.via_rank, h.assigned_id, s.successor_id, coalesce(h.succeeded_on, s.effective_on)
      from holder h join succession s on s.predecessor_id = h.org_id
      where ${passing('h', 's')})`,
  sql`final_holder as (
      select h.task_id, h.role, h.assigned_id, h.org_id, h.succeeded_on,
        row_number() over (partition by h.task_id, h.org_id, h.role order by h.via_rank, h.assigned_id, coalesce(h.succeeded_on, '')) as rn
      from holder h
      where not exists (select 1 from succession s where s.predecessor_id = h.org_id and ${passing('h', 's')}))`,
  sql`obligation as (
      select f.task_id, f.org_id, f.role, f.assigned_id, f.succeeded_on from final_holder f where f.rn = 1 ${holderFilter})`,
  // Reports that count for an obligation: its holder's, and the assigned body's from before the succession.
  sql`owned as (
      select o.task_id, o.org_id, o.role, r.claimed_status, r.completed_on
      from obligation o cross join report r
      where r.task_id = o.task_id and r.organization_id = o.org_id and r.reported_on <= ${asOf}
      union all
      select o.task_id, o.org_id, o.role, r.claimed_status, r.completed_on
      from obligation o cross join report r
      where r.task_id = o.task_id and r.organization_id = o.assigned_id and o.assigned_id <> o.org_id and r.reported_on <= ${asOf} and (o.succeeded_on is null or r.reported_on < o.succeeded_on))`,
  sql`progress as (
      select task_id, org_id, role,
        min(case when claimed_status = 'COMPLETED' and completed_on is not null and completed_on <= ${asOf} then completed_on end) as reported_done,
        sum(case when claimed_status <> 'NOT_STARTED' then 1 else 0 end) as started
      from owned group by task_id, org_id, role)`,
  sql`measured as (
      select o.task_id, o.org_id, o.role, o.assigned_id, o.succeeded_on, t.state, t.document_id,
        e.effective_due_date, e.recurrence, e.condition, e.orders_plans, p.reported_done, coalesce(p.started, 0) as started,
        case when e.orders_plans = 1 then (
          select min(c.issued_on) from document_link l join document c on c.id = l.child_id
          join organization_closure oc on oc.descendant_id = c.issuer_id
          where l.parent_id = t.document_id and oc.ancestor_id = o.org_id and c.issued_on is not null and c.issued_on <= ${asOf}) end as plan_done
      from obligation o join task t on t.id = o.task_id left join task_effective e on e.task_id = o.task_id
      left join progress p on p.task_id = o.task_id and p.org_id = o.org_id and p.role = o.role)`,
  sql`obligation_status as (
      select x.task_id, x.org_id, x.role, x.assigned_id, x.succeeded_on, x.effective_due_date,
        case when x.state in ('CANCELLED', 'SUPERSEDED') then null else coalesce(x.plan_done, x.reported_done) end as completed_on,
        case
          when x.state = 'CANCELLED' then 'CANCELLED'
          when x.state = 'SUPERSEDED' then 'SUPERSEDED'
          when coalesce(x.plan_done, x.reported_done) is not null then
            case when x.effective_due_date is null or coalesce(x.plan_done, x.reported_done) <= x.effective_due_date
              then 'COMPLETED_ON_TIME' else 'COMPLETED_LATE' end
          when x.effective_due_date is null then
            case when x.recurrence is not null then 'ONGOING' when x.condition is not null then 'AWAITING_GUIDANCE'
              when x.started > 0 then 'IN_PROGRESS' else 'NOT_STARTED' end
          when ${asOf} > x.effective_due_date then 'OVERDUE'
          when x.started > 0 then 'IN_PROGRESS'
          else 'NOT_STARTED'
        end as status
      from measured x)`]
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
