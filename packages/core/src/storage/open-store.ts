import { CamelCasePlugin, CompiledQuery, Kysely, PostgresDialect, type KyselyPlugin, type LogConfig } from 'kysely'
import pg from 'pg'
import type { Database } from './schema.js'
import { prepareMarked } from './prepared.js'
import { codedErrors } from './coded-dialect.js'
import { Sqlite3Dialect } from './sqlite/sqlite3-dialect.js'
import { openSqliteFile } from './sqlite/load-driver.js'
import type { StoreKind } from './store-kind.js'

/** An open chidao database: the kysely instance and which store is behind it. */
export interface Store {
  readonly db: Kysely<Database>
  readonly kind: StoreKind
  /** Closes the connection(s). */
  close(): Promise<void>
  /** Answers when the store answers `select 1` within `timeoutMs` (default 2 s); throws otherwise (for `/readyz`). */
  ping(timeoutMs?: number): Promise<void>
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** Extra kysely plugins, e.g. a query counter. */
  readonly plugins?: readonly KyselyPlugin[]
  /** kysely's log option. */
  readonly log?: LogConfig
  /** PostgreSQL pool size (default 10). */
  readonly maxConnections?: number
  /** Longest a statement may run, in ms (PostgreSQL `statement_timeout`; default {@link STORE_DEFAULTS}). */
  readonly statementTimeoutMs?: number
  /** Longest a statement waits for a lock, in ms (PostgreSQL `lock_timeout`, SQLite `busy_timeout`). */
  readonly lockTimeoutMs?: number
  /** Longest to wait for a new PostgreSQL connection, in ms. */
  readonly connectTimeoutMs?: number
  /** Told of errors on idle or checked-out PostgreSQL connections (a terminated backend, a restart); they are survived either way. */
  readonly onConnectionError?: (error: Error) => void
}

/**
 * Default operational settings: a statement may run 30 s, waits at most 5 s for a lock, a new
 * connection at most 5 s, and a transaction left idle is ended by PostgreSQL after 60 s.
 */
export const STORE_DEFAULTS = Object.freeze({
  statementTimeoutMs: 30_000,
  lockTimeoutMs: 5_000,
  connectTimeoutMs: 5_000,
  idleInTransactionMs: 60_000,
})

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
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

/**
 * The file an SQLite connection string names: `sqlite:x.db`, `file:x.db`, `x.db`, `:memory:`.
 *
 * @example
 * sqlitePathOf('sqlite:./chidao.db') //=> './chidao.db'
 */
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
    // (its cost estimate counts the rarely-run report subquery once per row). random_page_cost 1.1, the
    // usual setting for data held in memory or on SSD (the default 4 prices disk seeks): a plan's 126
    // implementing documents then come by their primary key (0.4 ms), not from a scan of every document (1.1 ms).
    const statementTimeout = options.statementTimeoutMs ?? STORE_DEFAULTS.statementTimeoutMs
    const lockTimeout = options.lockTimeoutMs ?? STORE_DEFAULTS.lockTimeoutMs
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      types: PG_TYPES,
      connectionTimeoutMillis: options.connectTimeoutMs ?? STORE_DEFAULTS.connectTimeoutMs,
      options: `-c jit=off -c random_page_cost=1.1 -c standard_conforming_strings=on -c statement_timeout=${statementTimeout} -c lock_timeout=${lockTimeout} -c idle_in_transaction_session_timeout=${STORE_DEFAULTS.idleInTransactionMs}`,
    })
    // Without these listeners a backend terminated by PostgreSQL (pg_terminate_backend, a restart)
    // emits an 'error' nobody hears, and Node ends the process. The pool drops a broken client
    // when it is released and opens a new one on demand: that is the reconnect.
    const onError = (error: Error) => options.onConnectionError?.(error)
    pool.on('error', onError)
    pool.on('connect', (client) => {
      client.on('error', onError)
      prepareMarked(client)
    })
    const db = new Kysely<Database>({
      dialect: codedErrors(new PostgresDialect({ pool })),
      plugins,
      ...(options.log ? { log: options.log } : {}),
    })
    return {
      db,
      kind: 'postgres',
      close: () => db.destroy(),
      ping: async (timeoutMs = 2000) => {
        await withTimeout(pool.query('select 1'), timeoutMs)
      },
    }
  }
  const path = sqlitePathOf(url)
  const dialect = new Sqlite3Dialect({
    database: () => openSqliteFile(path),
    onCreateConnection: async (connection) => {
      if (path !== ':memory:') await connection.executeQuery(CompiledQuery.raw('pragma journal_mode = wal'))
      await connection.executeQuery(CompiledQuery.raw('pragma foreign_keys = on'))
      await connection.executeQuery(
        CompiledQuery.raw(`pragma busy_timeout = ${Math.trunc(options.lockTimeoutMs ?? STORE_DEFAULTS.lockTimeoutMs)}`),
      )
      await connection.executeQuery(CompiledQuery.raw('pragma synchronous = normal'))
      // 64 MiB of page cache instead of SQLite's 2 MiB: a national store's indexes are hundreds of MiB.
      await connection.executeQuery(CompiledQuery.raw('pragma cache_size = -65536'))
    },
  })
  const db = new Kysely<Database>({ dialect: codedErrors(dialect), plugins, ...(options.log ? { log: options.log } : {}) })
  return {
    db,
    kind: 'sqlite',
    close: () => db.destroy(),
    ping: async (timeoutMs = 2000) => {
      await withTimeout(db.executeQuery(CompiledQuery.raw('select 1')), timeoutMs)
    },
  }
}
