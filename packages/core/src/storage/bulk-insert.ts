/**
 * Inserting many rows at once, set-based: each batch of rows goes as ONE bound parameter, a JSON
 * array the store unpacks itself (`json_each` on SQLite, `json_populate_recordset` on PostgreSQL).
 * Binding one parameter per value costs more than the insert (sqlite3 converts each value through
 * N-API, kysely builds a node per value); one JSON text per batch costs a `JSON.stringify`.
 */
import { PostgresAdapter, sql } from 'kysely'
import type { Db } from './db.js'
import type { Database } from './schema.js'

/** Rows per statement: a few MiB of JSON. */
const BATCH = 20_000

/** A table's or column's name in the database (the stores use snake_case; kysely's CamelCasePlugin maps it). */
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * Inserts rows (plain values: text, numbers, null) into a table; the columns are the first row's keys.
 *
 * @example
 * await bulkInsert(trx, 'organizationClosure', [{ ancestorId: 'o:QNG', descendantId: 'o:QNG.UBND' }])
 */
export async function bulkInsert(db: Db, table: keyof Database, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return
  const columns = Object.keys(rows[0]!)
  const names = sql.join(columns.map((c) => sql.id(snake(c))))
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH)
    if (postgres) {
      // Keys named as the columns: the table's own row type gives each value its type.
      const json = JSON.stringify(part.map((r) => Object.fromEntries(columns.map((c) => [snake(c), r[c] ?? null]))))
      await sql`insert into ${sql.table(snake(table))} (${names})
        select ${names} from json_populate_recordset(null::${sql.table(snake(table))}, ${json}::json)`.execute(db)
    } else {
      const json = JSON.stringify(part.map((r) => columns.map((c) => r[c] ?? null)))
      const values = sql.join(columns.map((_, k) => sql`json_extract(value, ${sql.lit(`$[${k}]`)})`))
      await sql`insert into ${sql.table(snake(table))} (${names}) select ${values} from json_each(${json})`.execute(db)
    }
  }
}
