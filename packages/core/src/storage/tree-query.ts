/**
 * Reading a tree of related rows in ONE statement, its JSON built by the store: some rows of an
 * entity (documents, tasks, organisations …) by id, each with the fields a caller names, the rows
 * they point to and pages of their lists, nested to any depth. A gateway that looks ahead at a
 * query asks for exactly what the query selects, and the statements it runs stay one per query,
 * whatever the width of the data (PostGraphile builds its answers in the store the same way).
 *
 * What may be named is closed: each entity's columns, objects and lists below. Keys (the caller's
 * names for the fields) must be GraphQL-style names and windows whole numbers; anything else is a
 * programming error and throws before any SQL runs. Lists are ordered as the paged readers of
 * `repo/` order them (`pages.ts`, `reports.ts`, `tasks.ts`), so that both paths give the same rows.
 */
import { PostgresAdapter, sql, type RawBuilder } from 'kysely'
import type { Db } from './db.js'
import { distinct } from './db.js'
import { PREPARED } from './prepared.js'

/** Which entities a tree may hold. */
export type TreeEntity = 'document' | 'task' | 'organization' | 'assignment' | 'report' | 'group'

/** One field of a tree node: a column, an object it points to, or a page of one of its lists. */
export type TreeField =
  | { readonly key: string; readonly column: string }
  | { readonly key: string; readonly object: string; readonly fields: readonly TreeField[] }
  | {
      readonly key: string
      readonly list: string
      /** Which rows of the list: skip `offset`, take `limit`. */
      readonly window: { readonly offset: number; readonly limit: number }
      /** The length of the whole list, under `total`. */
      readonly total: boolean
      /** The fields of each row of the page, under `items`; null for no rows. */
      readonly fields: readonly TreeField[] | null
    }

/**
 * The rows of a list of the row whose id is `parent` (a column of the row above, or the id itself
 * at the root, so that the planner sees the value): SQL over the list's alias (and a link table's).
 * `count` reads only what counting needs (a link table without its documents).
 */
type Rows = (
  parent: RawBuilder<unknown>,
  other: RawBuilder<unknown>,
  link: RawBuilder<unknown>,
) => { from: RawBuilder<unknown>; where: RawBuilder<unknown>; count?: RawBuilder<unknown> }

interface EntityDef {
  readonly table: string
  /** Model name → column. */
  readonly columns: Readonly<Record<string, string>>
  readonly objects: Readonly<
    Record<
      string,
      { readonly entity: TreeEntity; readonly on: (self: RawBuilder<unknown>, other: RawBuilder<unknown>) => RawBuilder<unknown> }
    >
  >
  readonly lists: Readonly<
    Record<
      string,
      { readonly entity: TreeEntity; readonly rows: Rows; readonly order: (other: RawBuilder<unknown>) => RawBuilder<unknown>[] }
    >
  >
}

const col = (alias: RawBuilder<unknown>, column: string) => sql`${alias}.${sql.id(column)}`

/** The entities, as the `to…` mappers of rows.ts read them (numbers, text and dates are stored as read). */
const ENTITIES: Readonly<Record<TreeEntity, EntityDef>> = {
  organization: {
    table: 'organization',
    columns: {
      id: 'id',
      code: 'code',
      name: 'name',
      shortName: 'short_name',
      tier: 'tier',
      bloc: 'bloc',
      kind: 'kind',
      parentId: 'parent_id',
      scope: 'scope',
      validFrom: 'valid_from',
      validTo: 'valid_to',
      version: 'version',
    },
    objects: {},
    lists: {},
  },
  group: { table: 'organization_group', columns: { id: 'id', code: 'code', name: 'name', scope: 'scope' }, objects: {}, lists: {} },
  document: {
    table: 'document',
    columns: {
      id: 'id',
      scope: 'scope',
      kind: 'kind',
      symbol: 'symbol',
      symbolWritten: 'symbol_written',
      issuerId: 'issuer_id',
      issuedOn: 'issued_on',
      title: 'title',
      status: 'status',
      version: 'version',
    },
    objects: { issuer: { entity: 'organization', on: (d, o) => sql`${col(o, 'id')} = ${col(d, 'issuer_id')}` } },
    lists: {
      tasks: {
        entity: 'task',
        rows: (d, t) => ({ from: sql`task ${t}`, where: sql`${col(t, 'document_id')} = ${d}` }),
        // Plan order: (document_id, ordinal) is unique, so the index gives the page without a sort.
        order: (t) => [col(t, 'ordinal')],
      },
      // Issue-date order with unknown dates first on both stores, as linkedDocumentPages.
      implementedBy: {
        entity: 'document',
        rows: (d, c, l) => ({
          from: sql`document_link ${l} join document ${c} on ${col(c, 'id')} = ${col(l, 'child_id')}`,
          where: sql`${col(l, 'parent_id')} = ${d}`,
          count: sql`document_link ${l} where ${col(l, 'parent_id')} = ${d}`,
        }),
        order: (c) => [sql`coalesce(${col(c, 'issued_on')}, '')`, col(c, 'id')],
      },
      implements: {
        entity: 'document',
        rows: (d, p, l) => ({
          from: sql`document_link ${l} join document ${p} on ${col(p, 'id')} = ${col(l, 'parent_id')}`,
          where: sql`${col(l, 'child_id')} = ${d}`,
          count: sql`document_link ${l} where ${col(l, 'child_id')} = ${d}`,
        }),
        order: (p) => [sql`coalesce(${col(p, 'issued_on')}, '')`, col(p, 'id')],
      },
    },
  },
  task: {
    table: 'task',
    columns: {
      id: 'id',
      scope: 'scope',
      documentId: 'document_id',
      code: 'code',
      parentId: 'parent_id',
      ordinal: 'ordinal',
      content: 'content',
      timePhrase: 'time_phrase',
      output: 'output',
      state: 'state',
      version: 'version',
    },
    objects: { document: { entity: 'document', on: (t, d) => sql`${col(d, 'id')} = ${col(t, 'document_id')}` } },
    lists: {
      assignments: {
        entity: 'assignment',
        rows: (t, a) => ({ from: sql`assignment ${a}`, where: sql`${col(a, 'task_id')} = ${t}` }),
        // (task_id, ordinal) is unique: read in index order.
        order: (a) => [col(a, 'ordinal')],
      },
      reports: {
        entity: 'report',
        rows: (t, r) => ({ from: sql`report ${r}`, where: sql`${col(r, 'task_id')} = ${t}` }),
        order: (r) => [col(r, 'reported_on'), col(r, 'created_at'), col(r, 'id')],
      },
    },
  },
  assignment: {
    table: 'assignment',
    columns: { id: 'id', taskId: 'task_id', role: 'role', organizationId: 'organization_id', groupId: 'group_id', note: 'note' },
    objects: {
      organization: { entity: 'organization', on: (a, o) => sql`${col(o, 'id')} = ${col(a, 'organization_id')}` },
      group: { entity: 'group', on: (a, g) => sql`${col(g, 'id')} = ${col(a, 'group_id')}` },
    },
    lists: {},
  },
  report: {
    table: 'report',
    columns: {
      id: 'id',
      scope: 'scope',
      taskId: 'task_id',
      organizationId: 'organization_id',
      period: 'period',
      claimedStatus: 'claimed_status',
      percent: 'percent',
      narrative: 'narrative',
      completedOn: 'completed_on',
      reportedOn: 'reported_on',
      verificationStatus: 'verification_status',
      version: 'version',
    },
    objects: {},
    lists: {},
  },
}

const KEY = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/
/** PostgreSQL's json_build_array takes at most 100 arguments (one per field): a bound well inside it. */
const MAX_FIELDS = 50

/**
 * A tree asked wrongly: a programming error of the caller, thrown before any SQL runs.
 *
 * @example
 * await chidao.readTree('document', [id], [{ key: 'x', column: 'password' }]).catch((e) => e instanceof TreeQueryError) // true
 */
export class TreeQueryError extends Error {
  override readonly name = 'TreeQueryError'
}

class Builder {
  private next = 0
  constructor(private readonly postgres: boolean) {}

  alias(): RawBuilder<unknown> {
    return sql.raw(`t${this.next++}`)
  }

  /** One row of `entity` (under `self`; its id `id`) as a JSON array of its `fields`' values, in order. */
  object(entity: TreeEntity, self: RawBuilder<unknown>, fields: readonly TreeField[], id = col(self, 'id')): RawBuilder<unknown> {
    const def = ENTITIES[entity]
    if (fields.length > MAX_FIELDS) throw new TreeQueryError(`at most ${MAX_FIELDS} fields per object`)
    const parts: RawBuilder<unknown>[] = []
    for (const field of fields) {
      if (!KEY.test(field.key)) throw new TreeQueryError(`bad key ${JSON.stringify(field.key)}`)
      parts.push(this.value(def, self, id, field))
    }
    return this.array(parts)
  }

  /** A JSON array of values: positional, as the store builds it fastest (keys are put back by {@link parseTree}). */
  private array(parts: readonly RawBuilder<unknown>[]): RawBuilder<unknown> {
    const values = parts.length ? sql.join(parts) : sql``
    return this.postgres ? sql`json_build_array(${values})` : sql`json_array(${values})`
  }

  /** JSON made by a subquery, kept as JSON (SQLite loses the JSON type of a subquery's value). */
  private sub(query: RawBuilder<unknown>): RawBuilder<unknown> {
    return this.postgres ? sql`(${query})` : sql`json((${query}))`
  }

  private value(def: EntityDef, self: RawBuilder<unknown>, id: RawBuilder<unknown>, field: TreeField): RawBuilder<unknown> {
    if ('column' in field) {
      const column = def.columns[field.column]
      if (!column) throw new TreeQueryError(`no column ${field.column} of ${def.table}`)
      return col(self, column)
    }
    if ('object' in field) {
      const rel = def.objects[field.object]
      if (!rel) throw new TreeQueryError(`no object ${field.object} of ${def.table}`)
      const other = this.alias()
      const body = this.object(rel.entity, other, field.fields)
      return this.sub(sql`select ${body} from ${sql.id(ENTITIES[rel.entity].table)} ${other} where ${rel.on(self, other)}`)
    }
    const rel = def.lists[field.list]
    if (!rel) throw new TreeQueryError(`no list ${field.list} of ${def.table}`)
    const { offset, limit } = field.window
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(limit) || offset < 0 || limit < 0) {
      throw new TreeQueryError('a window is two whole numbers')
    }
    // A list is [total, items], each null when not asked.
    const parts: RawBuilder<unknown>[] = [sql`null`, sql`null`]
    if (field.total) {
      const { from, where, count } = rel.rows(id, this.alias(), this.alias())
      parts[0] = sql`(select count(*) from ${count ?? sql`${from} where ${where}`})`
    }
    if (field.fields) {
      // The page is chosen first (its rows and order keys only), then its rows' JSON built: built
      // before the limit, it would be built for every row of the list (3,356 below 57-NQ/TW).
      const inner = this.alias()
      const { from, where } = rel.rows(id, inner, this.alias())
      const order = rel.order(inner)
      const keys = order.map((_, i) => sql.raw(`o${i}`))
      const ordered = sql.join(order.map((o, i) => sql`${o} as ${keys[i]}`))
      const page = sql`select ${inner}.*, ${ordered} from ${from} where ${where}
        order by ${sql.join(order)} limit ${sql.lit(limit)} offset ${sql.lit(offset)}`
      const row = this.alias()
      const json = this.object(rel.entity, row, field.fields)
      parts[1] = this.postgres
        ? sql`(select coalesce(json_agg(${json} order by ${sql.join(keys.map((k) => sql`${row}.${k}`))}), '[]'::json) from (${page}) ${row})`
        : sql`coalesce(json((select json_group_array(${json}) from (${page}) ${row})), json('[]'))`
    }
    return this.array(parts)
  }
}

/**
 * The JSON tree (as text, for {@link parseTree}) of the `entity` row under `alias` in a caller's query:
 * for a reader that pages its own rows (the tasks an organisation owes) and reads their trees in the same statement.
 * `id`, when the row is known, is written into the SQL as a literal (quotes doubled; the connections
 * run with standard_conforming_strings on, so nothing else escapes): the statement, prepared, keeps a
 * plan made for that row — a parameter would get a generic plan after five runs, sized for an average
 * document (two below it), not for 57-NQ/TW (3,356).
 *
 * @example
 * sql`select t.id, ${treeOf(db, 'task', 't', fields)} as tree from task t where …`
 */
export function treeOf(db: Db, entity: TreeEntity, alias: string, fields: readonly TreeField[], id?: string): RawBuilder<string> {
  if (!/^[a-z]$/.test(alias)) throw new TreeQueryError('an alias is one lowercase letter')
  const self = sql.raw(alias)
  const body = new Builder(db.getExecutor().adapter instanceof PostgresAdapter).object(
    entity,
    self,
    fields,
    id === undefined ? col(self, 'id') : sql.lit(id),
  )
  return sql<string>`cast(${body} as text)`
}

/** A node as the store returns it: its fields' values in order (a list as [total, items]). */
type Positional = readonly unknown[]

/** A node's object from its positional values: each field under its key, lists as `{ total?, items? }`. */
function keyed(fields: readonly TreeField[], values: Positional): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!
    const value = values[i]
    if ('column' in field) out[field.key] = value
    else if ('object' in field) out[field.key] = value == null ? null : keyed(field.fields, value as Positional)
    else {
      const [total, items] = value as [number | null, Positional[] | null]
      const list: { total?: number; items?: Record<string, unknown>[] } = {}
      if (field.total) list.total = Number(total)
      if (field.fields) list.items = (items ?? []).map((item) => keyed(field.fields!, item))
      out[field.key] = list
    }
  }
  return out
}

/**
 * The tree of one row from the JSON text {@link treeOf} made of it: the store builds positional arrays
 * (a third cheaper for it than objects: 100 plans × 20 tasks in 5.7 ms instead of 8.7), the keys are put back here.
 *
 * @example
 * const tree = parseTree(fields, row.treeJson) // { code: 'II.5', document: { symbol: '01-KH/BCĐ' } }
 */
export function parseTree(fields: readonly TreeField[], text: string): Record<string, unknown> {
  return keyed(fields, JSON.parse(text) as Positional)
}

/**
 * Rows of an entity by id, each read as the JSON tree `fields` names, in one statement. Ids not
 * found are absent from the map. A list's value is `{ total?, items? }`; an object not found is null.
 *
 * @example
 * const trees = await readTree(db, 'document', [planId], [
 *   { key: 'symbol', column: 'symbol' },
 *   { key: 'tasks', list: 'tasks', window: { offset: 0, limit: 20 }, total: true, fields: [{ key: 'code', column: 'code' }] },
 * ])
 * trees.get(planId) // { symbol: '01/KH-UBND', tasks: { total: 45, items: [{ code: '1' }, …] } }
 */
export async function readTree(
  db: Db,
  entity: TreeEntity,
  ids: readonly string[],
  fields: readonly TreeField[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>()
  if (!ids.length) return out
  // One row: its id written in (see treeOf) and the statement prepared, so that its plan is made for it.
  const one = ids.length === 1 ? ids[0] : undefined
  const rows = (
    await sql<{
      id: string
      j: string
    }>`${sql.raw(one === undefined ? '' : PREPARED)}select r.id as id, ${treeOf(db, entity, 'r', fields, one)} as j
      from ${sql.id(ENTITIES[entity].table)} r where r.id in (${sql.join(distinct(ids))})`.execute(db)
  ).rows
  for (const row of rows) out.set(row.id, parseTree(fields, row.j))
  return out
}
