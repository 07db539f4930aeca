/** The handle every storage function takes, and the small helpers that map batched rows back to the keys asked. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.js'

/** A database or one of its transactions: storage functions work in either. */
export type Db = Kysely<Database> | Transaction<Database>

/** Rows found by key, in the order asked, null where none was found. */
export function inOrderAsked<R, T>(ids: readonly string[], rows: readonly R[], key: (r: R) => string, to: (r: R) => T): (T | null)[] {
  const byId = new Map(rows.map((r) => [key(r), to(r)]))
  return ids.map((id) => byId.get(id) ?? null)
}

/** Rows grouped under the ids asked (every id present, empty when it has none), in row order. */
export function groupBy<R, T>(ids: readonly string[], rows: readonly R[], key: (r: R) => string, to: (r: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>(ids.map((id) => [id, []]))
  for (const r of rows) out.get(key(r))?.push(to(r))
  return out
}

/** The distinct ids of a batch, for an `in (…)` list. */
export function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)]
}
