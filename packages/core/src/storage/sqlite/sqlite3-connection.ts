import {
  type CompiledQuery,
  DeleteQueryNode,
  InsertQueryNode,
  RawNode,
  SelectQueryNode,
  UpdateQueryNode,
  type DatabaseConnection,
  type QueryResult,
} from 'kysely'
import type { Sqlite3Database, Sqlite3RunContext } from './sqlite3-types.js'

const ROW_RETURNING_RAW = /^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*(select|with|pragma|values|explain)\b|\breturning\b/i

/**
 * Whether a query yields rows (run with `all`) or only a change count (run with `run`).
 * sqlite3 has no statement `reader` flag as better-sqlite3 has, so we decide from kysely's tree.
 */
function returnsRows(query: CompiledQuery): boolean {
  const node = query.query
  if (SelectQueryNode.is(node)) return true
  if (InsertQueryNode.is(node) || UpdateQueryNode.is(node) || DeleteQueryNode.is(node)) {
    return node.returning !== undefined
  }
  if (RawNode.is(node) || node === undefined) return ROW_RETURNING_RAW.test(query.sql)
  return false
}

/**
 * Converts a parameter to what sqlite3 binds faithfully. sqlite3 binds a BigInt as NULL and a
 * Date as a number, silently; we convert what is exact and refuse the rest.
 */
export function toSqliteParameter(value: unknown): unknown {
  if (value === undefined) return null
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`sqlite3 cannot bind ${value}: outside the safe integer range`)
    }
    return Number(value)
  }
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) {
    throw new TypeError('Refusing to bind a JS Date: store calendar dates as YYYY-MM-DD and instants as ISO strings')
  }
  return value
}

/** One sqlite3 database handle seen as a kysely connection. */
export class Sqlite3Connection implements DatabaseConnection {
  readonly #db: Sqlite3Database

  constructor(db: Sqlite3Database) {
    this.#db = db
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const sql = compiledQuery.sql
    const params = compiledQuery.parameters.map(toSqliteParameter)
    if (returnsRows(compiledQuery)) {
      return new Promise((resolve, reject) => {
        this.#db.all(sql, params, (err, rows) => (err ? reject(err) : resolve({ rows: rows as R[] })))
      })
    }
    return new Promise((resolve, reject) => {
      this.#db.run(sql, params, function (this: Sqlite3RunContext, err) {
        if (err) return reject(err)
        resolve({
          rows: [],
          numAffectedRows: BigInt(this.changes ?? 0),
          insertId: this.lastID === undefined ? undefined : BigInt(this.lastID),
        })
      })
    })
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) {
      throw new Error('The sqlite3 driver streams select queries only')
    }
    const { rows } = await this.executeQuery<R>(compiledQuery)
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) }
  }
}
