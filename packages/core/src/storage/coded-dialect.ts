/**
 * A dialect whose every query answers a store failure with its coded error, in a transaction or
 * not: STORE_TIMEOUT, STORE_UNAVAILABLE (a refused or dropped connection, a server shutting down
 * or starting up), INVALID_TEXT (a NUL PostgreSQL refuses), never the driver's text. A race (40001,
 * 40P01) and a unique violation stay the driver's own errors, for the transaction's retry and the
 * commands' duplicate codes (`transact.ts`, `command-tx.ts`).
 */
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely'
import { toStoreError } from './store-errors.js'

/**
 * The dialect with coded store errors.
 *
 * @example
 * new Kysely<Database>({ dialect: codedErrors(new PostgresDialect({ pool })) })
 */
export function codedErrors(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => new CodedDriver(dialect.createDriver()),
  }
}

async function coded<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    throw toStoreError(error)
  }
}

/** A driver's connection whose queries throw coded errors; the driver's own connection is `inner`. */
class CodedConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection
  constructor(inner: DatabaseConnection) {
    this.inner = inner
  }
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return coded(this.inner.executeQuery<R>(query))
  }
  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize)
    } catch (error) {
      throw toStoreError(error)
    }
  }
}

/** Hands out coded connections; begin, commit and savepoints run through them, release gets the driver's own. */
class CodedDriver implements Driver {
  readonly #inner: Driver
  constructor(inner: Driver) {
    this.#inner = inner
  }
  init(): Promise<void> {
    return coded(this.#inner.init())
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new CodedConnection(await coded(this.#inner.acquireConnection()))
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings)
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection)
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection)
  }
  savepoint: Driver['savepoint'] = (connection, name, compile) => this.#inner.savepoint!(connection, name, compile)
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (connection, name, compile) =>
    this.#inner.rollbackToSavepoint!(connection, name, compile)
  releaseSavepoint: Driver['releaseSavepoint'] = (connection, name, compile) => this.#inner.releaseSavepoint!(connection, name, compile)
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection((connection as CodedConnection).inner)
  }
  destroy(): Promise<void> {
    return this.#inner.destroy()
  }
}
