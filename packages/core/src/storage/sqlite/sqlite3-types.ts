/**
 * The narrow part of the `sqlite3` package's API that the driver uses. Declared here, not
 * imported, so that core's types do not depend on the driver's (kysely's own convention).
 */
export interface Sqlite3RunContext {
  readonly changes: number
  readonly lastID: number
}

export interface Sqlite3Database {
  all(sql: string, params: readonly unknown[], callback: (err: Error | null, rows: unknown[]) => void): unknown
  run(sql: string, params: readonly unknown[], callback: (this: Sqlite3RunContext, err: Error | null) => void): unknown
  close(callback?: (err: Error | null) => void): void
}
