/**
 * The stores every storage test runs on, kysely-style: SQLite always, PostgreSQL when
 * DATABASE_URL is set. CHIDAO_DIALECTS=sqlite (or postgres) narrows the list.
 */
import { Chidao, migrateDown, migrateToLatest, openStore, type Store, type StoreKind } from '../../src/index.js'
import type { OpenStoreOptions } from '../../src/storage/open-store.js'

export interface TestDialect {
  readonly name: StoreKind
  readonly url: string
}

const only = process.env.CHIDAO_DIALECTS?.split(',').map((s) => s.trim())
const all: TestDialect[] = [{ name: 'sqlite', url: ':memory:' }]
if (process.env.DATABASE_URL) {
  all.push({ name: 'postgres', url: process.env.DATABASE_URL })
} else if (!only || only.includes('postgres')) {
  console.warn('[chidao] DATABASE_URL is not set: the PostgreSQL half of the storage suite is skipped (SQLite only).')
}

export const DIALECTS: readonly TestDialect[] = all.filter((d) => !only || only.includes(d.name))

export interface TestContext {
  readonly store: Store
  readonly chidao: Chidao
}

/** Opens a store with an empty, fully migrated schema. */
export async function initTest(dialect: TestDialect, options: OpenStoreOptions = {}): Promise<TestContext> {
  const store = await openStore(dialect.url, options)
  if (dialect.name === 'postgres') await migrateDown(store)
  await migrateToLatest(store)
  let tick = Date.parse('2026-01-01T00:00:00Z')
  const chidao = new Chidao(store, { now: () => new Date((tick += 1000)) })
  return { store, chidao }
}

export async function destroyTest(ctx: TestContext | undefined): Promise<void> {
  await ctx?.store.close()
}
