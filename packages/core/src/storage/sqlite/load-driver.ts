/**
 * The `sqlite3` package, loaded on first use only. It is an optional peer dependency of
 * @chidao/core: a PostgreSQL-only user installs and builds without it (and without a C/C++
 * toolchain); opening an SQLite store without it fails with one message saying what to install.
 */
import type { Sqlite3Database } from './sqlite3-types.js'

/** The part of the `sqlite3` module opened here (declared, not imported: core's types never need the package). */
interface Sqlite3Module {
  Database: new (path: string, callback: (err: Error | null) => void) => unknown
}

/** The message when the driver is absent, in Vietnamese and English. */
export const MISSING_SQLITE3 =
  'Chưa cài gói sqlite3 (trình điều khiển SQLite): chạy `npm install sqlite3` (cần trình biên dịch C/C++ nếu không có bản dựng sẵn), ' +
  'hoặc dùng một URL PostgreSQL / The sqlite3 package (the SQLite driver) is not installed: run `npm install sqlite3` ' +
  '(a C/C++ toolchain when no prebuilt binary fits), or use a PostgreSQL URL'

let loaded: Promise<Sqlite3Module> | undefined

/** A variable, not a literal: TypeScript does not resolve it, so core builds where sqlite3 is not installed. */
const DRIVER = 'sqlite3'

/**
 * The SQLite driver (imported once; a failed import is retried on the next call).
 *
 * @example
 * const sqlite3 = await loadSqlite3()
 */
function loadSqlite3(): Promise<Sqlite3Module> {
  loaded ??= import(DRIVER).then(
    (m) => ((m as { default?: Sqlite3Module }).default ?? m) as Sqlite3Module,
    (cause: unknown) => {
      loaded = undefined
      throw new Error(MISSING_SQLITE3, { cause })
    },
  )
  return loaded
}

/** Opens (or creates) an SQLite file with the driver. */
export async function openSqliteFile(path: string): Promise<Sqlite3Database> {
  const sqlite3 = await loadSqlite3()
  return new Promise((resolve, reject) => {
    const database = new sqlite3.Database(path, (err) => (err ? reject(err) : resolve(database as Sqlite3Database)))
  })
}
