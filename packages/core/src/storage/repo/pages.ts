/**
 * Pages of child lists for many parents at once, paged in SQL: one statement per batch, whatever the
 * number of parents or the length of their lists. Each parent's rows are numbered
 * (`row_number() over (partition by parent order by …)`, on both stores) and only its window is
 * returned, with the count of the whole list (`count(*) over (partition by parent)`); the first row of
 * a parent is kept when outside the window so that its count is known.
 */
import { sql, type RawBuilder, type Selectable } from 'kysely'
import type { Document } from '../../model/document.js'
import type { Task } from '../../model/task.js'
import type { Db } from '../db.js'
import { distinct } from '../db.js'
import { toDocument, toTask } from '../rows.js'
import type { DocumentTable, TaskTable } from '../schema.js'

/** Which slice of each parent's list: skip `offset`, take `limit`. */
export interface PageWindow {
  readonly offset: number
  readonly limit: number
}

/** One parent's page and the length of its whole list. */
export interface ListPage<T> {
  readonly items: T[]
  readonly total: number
}

interface Numbered {
  key: string
  rn: number | string
  total: number | string
}

/**
 * Runs a numbered select (its rows carry `key`, `rn`, `total`) and keeps each parent's window.
 * `numbered` must select from a subquery-able statement; it is wrapped here.
 */
async function windowed<R extends Numbered, T>(
  db: Db,
  ids: readonly string[],
  numbered: RawBuilder<R>,
  window: PageWindow,
  to: (r: R) => T,
): Promise<Map<string, ListPage<T>>> {
  const out = new Map<string, ListPage<T>>(ids.map((id) => [id, { items: [], total: 0 }]))
  if (!ids.length) return out
  const from = window.offset
  const to_ = window.offset + window.limit
  const rows = (
    await sql<R>`select * from (${numbered}) p where p.rn = 1 or (p.rn > ${from} and p.rn <= ${to_}) order by p.key, p.rn`.execute(db)
  ).rows
  const acc = new Map<string, { items: T[]; total: number }>()
  for (const r of rows) {
    let page = acc.get(r.key)
    if (!page) acc.set(r.key, (page = { items: [], total: Number(r.total) }))
    const n = Number(r.rn)
    if (n > from && n <= to_) page.items.push(to(r))
  }
  for (const [key, page] of acc) out.set(key, page)
  return out
}

const list = (ids: readonly string[]) => sql.join(distinct(ids))

/**
 * Pages of the tasks of many documents, in plan order (one statement).
 *
 * @example
 * const pages = await taskPagesOfDocuments(db, [planId], { offset: 0, limit: 20 })
 * pages.get(planId) // { items: [20 tasks], total: 45 }
 */
export function taskPagesOfDocuments(db: Db, documentIds: readonly string[], window: PageWindow): Promise<Map<string, ListPage<Task>>> {
  return windowed(
    db,
    documentIds,
    sql<Selectable<TaskTable> & Numbered>`
    select t.*, t.document_id as key,
      row_number() over (partition by t.document_id order by t.ordinal, t.id) as rn,
      count(*) over (partition by t.document_id) as total
    from task t where t.document_id in (${list(documentIds)})`,
    window,
    toTask,
  )
}

/** Issue-date order that puts unknown dates first on both stores (their NULL orders differ). */
const documentOrder = sql`coalesce(d.issued_on, ''), d.id`

/**
 * Pages of the documents directly implementing (`children`) or implemented by (`parents`) many
 * documents, by issue date (one statement).
 *
 * @example
 * const pages = await linkedDocumentPages(db, [nq57Id], 'children', { offset: 0, limit: 20 })
 */
export function linkedDocumentPages(
  db: Db,
  documentIds: readonly string[],
  direction: 'children' | 'parents',
  window: PageWindow,
): Promise<Map<string, ListPage<Document>>> {
  const [self, other] =
    direction === 'children' ? [sql.ref('l.parent_id'), sql.ref('l.child_id')] : [sql.ref('l.child_id'), sql.ref('l.parent_id')]
  return windowed(
    db,
    documentIds,
    sql<Selectable<DocumentTable> & Numbered>`
    select d.*, ${self} as key,
      row_number() over (partition by ${self} order by ${documentOrder}) as rn,
      count(*) over (partition by ${self}) as total
    from document_link l join document d on d.id = ${other} where ${self} in (${list(documentIds)})`,
    window,
    toDocument,
  )
}

/**
 * Pages of every document below many documents (implementing them directly or through others), by
 * issue date (one recursive statement, same SQL on both stores).
 *
 * @example
 * const pages = await cascadePages(db, [nq57Id], { offset: 0, limit: 20 })
 */
export function cascadePages(db: Db, documentIds: readonly string[], window: PageWindow): Promise<Map<string, ListPage<Document>>> {
  return windowed(
    db,
    documentIds,
    sql<Selectable<DocumentTable> & Numbered>`
    with recursive below(root, id) as (
      select l.parent_id, l.child_id from document_link l where l.parent_id in (${list(documentIds)})
      union
      select b.root, l.child_id from document_link l join below b on l.parent_id = b.id
    )
    select d.*, b.root as key,
      row_number() over (partition by b.root order by ${documentOrder}) as rn,
      count(*) over (partition by b.root) as total
    from below b join document d on d.id = b.id`,
    window,
    toDocument,
  )
}
