import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
} from 'kysely'
import { Sqlite3Driver, type Sqlite3DialectConfig } from './sqlite3-driver.js'

/**
 * kysely dialect for the `sqlite3` package. kysely's own SqliteDialect expects better-sqlite3's
 * synchronous API; this one reuses its adapter, introspector and compiler with our driver.
 *
 * @example
 * import sqlite3 from 'sqlite3'
 * const db = new Kysely<DB>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(':memory:') }) })
 */
export class Sqlite3Dialect implements Dialect {
  readonly #config: Sqlite3DialectConfig

  constructor(config: Sqlite3DialectConfig) {
    this.#config = Object.freeze({ ...config })
  }

  createDriver(): Driver {
    return new Sqlite3Driver(this.#config)
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler()
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter()
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db)
  }
}
