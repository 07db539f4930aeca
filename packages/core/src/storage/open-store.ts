import { CamelCasePlugin, CompiledQuery, Kysely, PostgresDialect, type KyselyPlugin, type LogConfig } from 'kysely'
import pg from 'pg'
import type { Database } from './schema.js'
import { Sqlite3Dialect } from './sqlite/sqlite3-dialect.js'
import type { Sqlite3Database } from './sqlite/sqlite3-types.js'
import type { StoreKind } from './store-kind.js'

/** An open chidao database: the kysely instance and which store is behind it. */
export interface Store {
  readonly db: Kysely<Database>
  readonly kind: StoreKind
  /** Closes the connection(s). */
  close(): Promise<void>
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** Extra kysely plugins, e.g. a query counter. */
  readonly plugins?: readonly KyselyPlugin[]
  /** kysely's log option. */
  readonly log?: LogConfig
  /** PostgreSQL pool size (default 10). */
  readonly maxConnections?: number
}

/**
 * Which store a connection string names.
 *
 * @example
 * storeKindOf('postgres://postgres@127.0.0.1:5432/test') //=> 'postgres'
 * storeKindOf('chidao.sqlite') //=> 'sqlite'
 */
export function storeKindOf(url: string): StoreKind {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite'
}

/** The file an SQLite connection string names: `sqlite:x.db`, `file:x.db`, `x.db`, `:memory:`. */
export function sqlitePathOf(url: string): string {
  const path = url.replace(/^(sqlite|file):(\/\/)?/i, '')
  return path === '' ? ':memory:' : path
}

// int8 (counts, sums) and numeric arrive from pg as strings; chidao's numbers fit in a double.
const PG_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format as 'text')
  },
}

/**
 * Opens the store a connection string names: PostgreSQL for `postgres://…`, SQLite otherwise
 * (a file path, `sqlite:path`, or `:memory:`). SQLite runs with WAL and foreign keys on.
 *
 * @example
 * const store = await openStore(process.env.DATABASE_URL ?? 'chidao.sqlite')
 * await migrateToLatest(store)
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const plugins = [new CamelCasePlugin(), ...(options.plugins ?? [])]
  if (storeKindOf(url) === 'postgres') {
    // JIT off: PostgreSQL's JIT spent ~1 s compiling a national scorecard that runs in ~40 ms without it
    // (its cost estimate counts the rarely-run report subquery once per row).
    const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, types: PG_TYPES, options: '-c jit=off' })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins, ...(options.log ? { log: options.log } : {}) })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }
  const path = sqlitePathOf(url)
  const dialect = new Sqlite3Dialect({
    database: () => openSqliteFile(path),
    onCreateConnection: async (connection) => {
      if (path !== ':memory:') await connection.executeQuery(CompiledQuery.raw('pragma journal_mode = wal'))
      await connection.executeQuery(CompiledQuery.raw('pragma foreign_keys = on'))
      await connection.executeQuery(CompiledQuery.raw('pragma busy_timeout = 5000'))
      await connection.executeQuery(CompiledQuery.raw('pragma synchronous = normal'))
      // 64 MiB of page cache instead of SQLite's 2 MiB: a national store's indexes are hundreds of MiB.
      await connection.executeQuery(CompiledQuery.raw('pragma cache_size = -65536'))
    },
  })
  const db = new Kysely<Database>({ dialect, plugins, ...(options.log ? { log: options.log } : {}) })
  return { db, kind: 'sqlite', close: () => db.destroy() }
}

type Sqlite3Module = typeof import('sqlite3')
let sqlite3Module: Promise<Sqlite3Module> | undefined

/**
 * The SQLite driver, loaded on first use only: a PostgreSQL-only user never loads it (and a missing
 * driver is one clear message, not a crash at import).
 */
function loadSqlite3(): Promise<Sqlite3Module> {
  sqlite3Module ??= import('sqlite3').then(
    (m) => ((m as { default?: Sqlite3Module }).default ?? m) as Sqlite3Module,
    () => {
      sqlite3Module = undefined
      throw new Error('SQLite needs the sqlite3 package (npm install sqlite3; it may need a C/C++ toolchain), or use a PostgreSQL URL / SQLite cần gói sqlite3')
    },
  )
  return sqlite3Module
}

async function openSqliteFile(path: string): Promise<Sqlite3Database> {
  const sqlite3 = await loadSqlite3()
  return new Promise((resolve, reject) => {
    const database = new sqlite3.Database(path, (err) => (err ? reject(err) : resolve(database as unknown as Sqlite3Database)))
  })
}
