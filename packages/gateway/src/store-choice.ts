/**
 * Which store a command uses, and whether it may create it. An explicit `--database-url` or
 * `--db` beats `DATABASE_URL`, which beats the default `chidao.sqlite`. A URL is either a
 * PostgreSQL URL (`postgres://` or `postgresql://`), an SQLite one (`sqlite:path`, `file:path`) or a
 * plain path; anything else (`postgresql:chidao`, `mysql://…`) is refused, naming what was read,
 * instead of silently becoming an SQLite file of that name.
 */
import { existsSync } from 'node:fs'
import { sqlitePathOf, storeKindOf } from '@chidao/core'

/** The default SQLite file, in the current directory. */
const DEFAULT_DB = 'chidao.sqlite'

/** The store options every command takes. */
export interface StoreOptions {
  db?: string
  databaseUrl?: string
}

/** A chosen store: its URL, its kind, and where the choice came from (for messages). */
export interface StoreChoice {
  url: string
  kind: 'sqlite' | 'postgres'
  /** `--database-url`, `--db`, `DATABASE_URL` or `default`. */
  source: string
  /** The SQLite file, for an SQLite store (null for `:memory:` and PostgreSQL). */
  file: string | null
}

/** A refusal of the command line, shown as one line (vi, then en). */
export class CliError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en)
  }
}

/**
 * Chooses the store: flag, then environment, then the default; refuses a URL it cannot read.
 *
 * @example
 * chooseStore({ db: 'x.sqlite' }, { DATABASE_URL: 'postgres://h/db' }).url //=> 'x.sqlite'
 */
export function chooseStore(options: StoreOptions, env: NodeJS.ProcessEnv = process.env): StoreChoice {
  const [url, source] =
    options.databaseUrl !== undefined
      ? [options.databaseUrl, '--database-url']
      : options.db !== undefined
        ? [options.db, '--db']
        : env.DATABASE_URL
          ? [env.DATABASE_URL, 'DATABASE_URL']
          : [DEFAULT_DB, 'default']
  if (!url.trim()) throw new CliError(`${source} trống`, `${source} is empty`)
  if (storeKindOf(url) === 'postgres') return { url, kind: 'postgres', source, file: null }
  const scheme = /^([a-z][a-z0-9+.-]+):(.*)$/i.exec(url)
  if (scheme && !/^(sqlite|file)$/i.test(scheme[1]!)) {
    const understood = `scheme "${scheme[1]}", rest "${scheme[2]}"`
    throw new CliError(
      `${source}="${url}" không phải URL PostgreSQL (postgres://… hoặc postgresql://…) cũng không phải đường dẫn SQLite (đọc được: ${understood})`,
      `${source}="${url}" is neither a PostgreSQL URL (postgres://… or postgresql://…) nor an SQLite path or sqlite: URL (understood: ${understood})`,
    )
  }
  const file = sqlitePathOf(url)
  return { url, kind: 'sqlite', source, file: file === ':memory:' ? null : file }
}

/**
 * Refuses, for a command that must not create anything (`--dry-run`, reads), an SQLite file that
 * does not exist yet.
 */
export function requireExistingStore(choice: StoreChoice): void {
  if (choice.file !== null && !existsSync(choice.file)) {
    throw new CliError(
      `không có cơ sở dữ liệu ở ${choice.file} (${choice.source}); lệnh này không tạo mới — chạy \`chidao seed\` trước`,
      `no database at ${choice.file} (${choice.source}); this command creates none — run \`chidao seed\` first`,
    )
  }
}
