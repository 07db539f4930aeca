/**
 * Writing `obligation_span` (migration 0006): the hierarchy rules that do not depend on the day
 * asked, applied once at write time. For each assignment: the bodies that owe it (a group fanned
 * out on the plan's issue date), and each successor it passes to, with the dates it holds it
 * (a succession passes an obligation unless the holder had reported it done before the date);
 * what its status needs from the task (state, effective deadline), from the plans below (the first
 * plan the holder issued, for a task ordering plans) and from its reports (first start, completion).
 * `status-query.ts` reads the spans as of a date.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely'
import type { Database } from './schema.js'

type Db = Kysely<Database> | Transaction<Database>

/** Task ids per statement: under both stores' parameter limits, small enough to keep a command quick. */
const CHUNK = 500

/** A completion report of `h`'s holder on `h`'s task, made and dated before succession `s` takes effect. */
function doneBefore(h: string, s: string): RawBuilder<unknown> {
  return sql`exists (select 1 from report r where r.task_id = ${sql.ref(`${h}.task_id`)} and r.organization_id = ${sql.ref(`${h}.org_id`)}
    and r.claimed_status = 'COMPLETED' and r.reported_on < ${sql.ref(`${s}.effective_on`)}
    and r.completed_on is not null and r.completed_on < ${sql.ref(`${s}.effective_on`)})`
}

function insertSpans(taskFilter: (column: string) => RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`with recursive
    assigned as (
      select a.task_id, a.role, 0 as via_rank, a.organization_id as org_id, cast(null as text) as member_from, cast(null as text) as member_to
      from assignment a
      where a.organization_id is not null and ${taskFilter('a.task_id')}
      union all
      select a.task_id, a.role, 1 as via_rank, gm.organization_id as org_id,
        case when d.issued_on is null then o.valid_from end as member_from, case when d.issued_on is null then o.valid_to end as member_to
      from assignment a join task t on t.id = a.task_id join document d on d.id = t.document_id
        join organization_group_member gm on gm.group_id = a.group_id join organization o on o.id = gm.organization_id
      where a.group_id is not null and ${taskFilter('a.task_id')}
        and (d.issued_on is null or ((o.valid_from is null or o.valid_from <= d.issued_on) and (o.valid_to is null or o.valid_to >= d.issued_on)))),
    holder(task_id, role, via_rank, assigned_id, org_id, member_from, member_to, held_from, succeeded_on) as (
      select task_id, role, via_rank, org_id, org_id, member_from, member_to, cast(null as text), cast(null as text) from assigned
      union all
      select h.task_id, h.role, h.via_rank, h.assigned_id, s.successor_id, h.member_from, h.member_to,
        case when h.held_from is not null and h.held_from > s.effective_on then h.held_from else s.effective_on end,
        coalesce(h.succeeded_on, s.effective_on)
      from holder h join succession s on s.predecessor_id = h.org_id
      where not ${doneBefore('h', 's')}),
    span as (
      select h.*, (select min(s.effective_on) from succession s where s.predecessor_id = h.org_id and not ${doneBefore('h', 's')}) as held_to
      from holder h),
    owned as (
      select sp.task_id, sp.org_id, sp.assigned_id, sp.since, r.claimed_status, r.reported_on, r.completed_on
      from (select distinct task_id, org_id, assigned_id, coalesce(succeeded_on, '') as since, succeeded_on from span) sp
        join report r on r.task_id = sp.task_id
      where r.organization_id = sp.org_id
        or (r.organization_id = sp.assigned_id and sp.assigned_id <> sp.org_id and r.reported_on < sp.succeeded_on)),
    progress as (
      select task_id, org_id, assigned_id, since,
        min(case when claimed_status <> 'NOT_STARTED' then reported_on end) as started_on,
        sum(case when claimed_status = 'COMPLETED' and completed_on is not null then 1 else 0 end) as done_count,
        min(case when claimed_status = 'COMPLETED' and completed_on is not null
          then case when reported_on > completed_on then reported_on else completed_on end end) as done_from,
        min(case when claimed_status = 'COMPLETED' and completed_on is not null then completed_on end) as done_on
      from owned group by task_id, org_id, assigned_id, since)
    insert into obligation_span (task_id, document_id, role, via_rank, assigned_id, holder_id, holder_scope, holder_tier, known_from,
      member_from, member_to, held_from, held_to, succeeded_on, irregular, state, effective_due_date, recurring, conditional, plan_done_on,
      started_on, done_count, done_from, done_on)
    select sp.task_id, t.document_id, sp.role, sp.via_rank, sp.assigned_id, sp.org_id, ho.scope, ho.tier, d.issued_on,
      sp.member_from, sp.member_to, sp.held_from, sp.held_to, sp.succeeded_on,
      case when count(*) over (partition by sp.task_id, sp.org_id, sp.role) > 1 or p.done_count > 1 then 1 else 0 end,
      t.state, e.effective_due_date, case when e.recurrence is not null then 1 else 0 end, case when e.condition is not null then 1 else 0 end,
      case when e.orders_plans = 1 then (
        select min(c.issued_on) from document_link l join document c on c.id = l.child_id
          join organization_closure oc on oc.descendant_id = c.issuer_id
        where l.parent_id = t.document_id and oc.ancestor_id = sp.org_id and c.issued_on is not null) end,
      p.started_on, coalesce(p.done_count, 0), p.done_from, p.done_on
    from span sp join task t on t.id = sp.task_id join document d on d.id = t.document_id join organization ho on ho.id = sp.org_id
      left join task_effective e on e.task_id = sp.task_id
      left join progress p on p.task_id = sp.task_id and p.org_id = sp.org_id and p.assigned_id = sp.assigned_id
        and p.since = coalesce(sp.succeeded_on, '')`
}

/**
 * Rewrites the spans of some tasks (every task with `'all'`, after a bulk load).
 *
 * @example
 * await refreshObligationSpans(trx, [task.id])
 */
export async function refreshObligationSpans(db: Db, taskIds: readonly string[] | 'all'): Promise<void> {
  if (taskIds === 'all') {
    await db.deleteFrom('obligationSpan').execute()
    await insertSpans(() => sql`1 = 1`).execute(db)
    return
  }
  const unique = [...new Set(taskIds)]
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK)
    await db.deleteFrom('obligationSpan').where('taskId', 'in', chunk).execute()
    await insertSpans((column) => sql`${sql.ref(column)} in (${sql.join(chunk)})`).execute(db)
  }
}

/**
 * Ids of the tasks whose spans involve one of these organisations (as the body assigned or as a
 * holder), or that are assigned to a group one of them belongs to: what a succession or a change
 * of an organisation can alter.
 */
export async function tasksInvolving(db: Db, organizationIds: readonly string[]): Promise<string[]> {
  if (!organizationIds.length) return []
  const ids = [...new Set(organizationIds)]
  const result = await sql<{ taskId: string }>`
    select task_id from obligation_span where holder_id in (${sql.join(ids)}) or assigned_id in (${sql.join(ids)})
    union
    select a.task_id from assignment a join organization_group_member gm on gm.group_id = a.group_id where gm.organization_id in (${sql.join(ids)})
    union
    select task_id from assignment where organization_id in (${sql.join(ids)})`.execute(db)
  return result.rows.map((r) => r.taskId)
}
