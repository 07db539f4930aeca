/**
 * The tasks an organisation owes on a date (group fan-out and successions applied, read from the
 * standing obligation spans of `status-query.ts`), paged in plan order — issue date, plan, place in
 * the plan — with the count of all: as task rows, or as the JSON trees a look-ahead asks for.
 */
import { sql, type RawBuilder, type Selectable } from 'kysely'
import type { CalendarDate } from '../calendar/date.js'
import type { TaskStatus } from '../hierarchy/status.js'
import type { AssignmentRole, Task } from '../model/task.js'
import type { Db } from './db.js'
import { PREPARED } from './prepared.js'
import { toTask } from './rows.js'
import type { TaskTable } from './schema.js'
import { obligationStatusCte, standing } from './status-query.js'
import { parseTree, treeOf, type TreeField } from './tree-query.js'

/** Which of the tasks an organisation owes: those whose own obligation has a status or falls due in a range, and a window. */
export interface OwedPage {
  readonly status?: TaskStatus | null
  readonly due?: { from: CalendarDate; to: CalendarDate } | null
  readonly offset: number
  readonly limit: number
}

/** The CTE `owed` (task ids) of a holder (its id, or SQL giving it) on a date. */
function owedCte(asOf: CalendarDate, scope: { organizationId: string | RawBuilder<unknown>; role?: AssignmentRole }, page: OwedPage) {
  // standing() writes the holder as a value; SQL (a subquery by code) embeds as SQL.
  const holder = scope as { organizationId: string; role?: AssignmentRole }
  if (page.status || page.due) {
    const status = page.status ? sql`and s.status = ${page.status}` : sql``
    const due = page.due ? sql`and s.effective_due_date between ${page.due.from} and ${page.due.to}` : sql``
    return sql`${obligationStatusCte(asOf, holder)},
      owed as (select distinct s.task_id from obligation_status s where 1 = 1 ${status} ${due})`
  }
  // Without a status or due filter, any standing span makes a task owed: no status to evaluate.
  return sql`with owed as (select o.task_id from ${standing(asOf, holder, 0, 'o')} union select sp.task_id from ${standing(asOf, holder, 1, 'sp')})`
}

/** The page's task rows in plan order, as `p`, after the owed CTE; one row even when empty, so the count comes back. */
function pageOf(page: OwedPage, select: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select (select count(*) from owed) as total, ${select}
    from (select 1 as one) one left join (
      select t.*, coalesce(d.issued_on, '') as plan_issued_on
      from owed o join task t on t.id = o.task_id join document d on d.id = t.document_id
      order by plan_issued_on, t.document_id, t.ordinal, t.id limit ${page.limit} offset ${page.offset}) p on 1 = 1
    order by p.plan_issued_on, p.document_id, p.ordinal, p.id`
}

/**
 * One page of the distinct tasks an organisation owes on a date, in plan order, optionally only
 * those where its own obligation has a status, with the count of all such tasks: filtered,
 * counted, paged and read in one statement.
 *
 * @example
 * await owedTaskPage(store.db, '2025-12-31', { organizationId }, { status: 'OVERDUE', offset: 0, limit: 20 })
 */
export async function owedTaskPage(
  db: Db,
  asOf: CalendarDate,
  scope: { organizationId: string; role?: AssignmentRole },
  page: OwedPage,
): Promise<{ tasks: Task[]; total: number }> {
  const result = await sql<Selectable<TaskTable> & { total: number | string }>`${owedCte(asOf, scope, page)}
    ${pageOf(page, sql`p.*`)}`.execute(db)
  return {
    tasks: result.rows.flatMap((r) => (r.id === null ? [] : [toTask(r)])),
    total: Number(result.rows[0]?.total ?? 0),
  }
}

/**
 * The JSON trees (`tree-query.ts`) of one page of the tasks an organisation, named by its code,
 * owes on a date, with the count of all and whether the code is known — the organisation's lookup
 * folded into the same one statement, for a reader that looks ahead.
 *
 * @example
 * const { known, total, trees } = await owedTaskTrees(db, '2025-12-31', { organizationCode: 'QNG.STC', role: 'LEAD' }, { offset: 0, limit: 20 }, [{ key: 'code', column: 'code' }])
 */
export async function owedTaskTrees(
  db: Db,
  asOf: CalendarDate,
  scope: { organizationCode: string; role?: AssignmentRole },
  page: OwedPage,
  fields: readonly TreeField[],
): Promise<{ known: boolean; total: number; trees: Record<string, unknown>[] }> {
  const holder = sql`(select h.id from organization h where h.code = ${scope.organizationCode})`
  const owed = owedCte(asOf, scope.role ? { organizationId: holder, role: scope.role } : { organizationId: holder }, page)
  const result = await sql<{
    known: number | string
    total: number | string
    id: string | null
    treeJson: string | null
  }>`${sql.raw(PREPARED)}${owed}
    ${pageOf(page, sql`(select count(*) from organization h where h.code = ${scope.organizationCode}) as known, p.id, ${treeOf(db, 'task', 'p', fields)} as tree_json`)}`.execute(
    db,
  )
  const first = result.rows[0]
  return {
    known: Number(first?.known ?? 0) > 0,
    total: Number(first?.total ?? 0),
    trees: result.rows.flatMap((r) => (r.id === null ? [] : [parseTree(fields, r.treeJson!)])),
  }
}
