import { CompiledQuery, type DatabaseConnection, type Driver, type QueryCompiler } from 'kysely'
import { Sqlite3Connection } from './sqlite3-connection.js'
import type { Sqlite3Database } from './sqlite3-types.js'

/** Configuration of {@link Sqlite3Dialect}. */
export interface Sqlite3DialectConfig {
  /** An open sqlite3 database, or a function that opens one when kysely first needs it. */
  readonly database: Sqlite3Database | (() => Promise<Sqlite3Database>)
  /** Runs once on the connection after it is opened (pragmas, for instance). */
  readonly onCreateConnection?: (connection: DatabaseConnection) => Promise<void>
}

/**
 * kysely driver over the asynchronous `sqlite3` package. SQLite has one connection; on kysely
 * 0.28 the driver serialises its users itself, so a transaction holds the connection until it ends.
 */
export class Sqlite3Driver implements Driver {
  readonly #config: Sqlite3DialectConfig
  readonly #mutex = new ConnectionMutex()
  #db: Sqlite3Database | undefined
  #connection: Sqlite3Connection | undefined

  constructor(config: Sqlite3DialectConfig) {
    this.#config = Object.freeze({ ...config })
  }

  async init(): Promise<void> {
    const { database } = this.#config
    this.#db = typeof database === 'function' ? await database() : database
    this.#connection = new Sqlite3Connection(this.#db)
    await this.#config.onCreateConnection?.(this.#connection)
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock()
    if (!this.#connection) throw new Error('Sqlite3Driver used before init()')
    return this.#connection
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async savepoint(connection: DatabaseConnection, name: string, _compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteName(name)}`))
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, _compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoteName(name)}`))
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, _compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoteName(name)}`))
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock()
  }

  async destroy(): Promise<void> {
    const db = this.#db
    this.#db = undefined
    this.#connection = undefined
    if (db) await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())))
  }
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** Hands the single connection to one user at a time, in arrival order. */
class ConnectionMutex {
  #tail: Promise<void> = Promise.resolve()
  #release: (() => void) | undefined

  async lock(): Promise<void> {
    const previous = this.#tail
    let release!: () => void
    this.#tail = new Promise<void>((resolve) => (release = resolve))
    await previous
    this.#release = release
  }

  unlock(): void {
    const release = this.#release
    this.#release = undefined
    release?.()
  }
}
