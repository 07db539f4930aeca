/**
 * `@chidao/core/testing`: the store harness, for this package's tests, the other packages' and
 * your app's. The stores a suite runs on, kysely-style: SQLite always, PostgreSQL when
 * DATABASE_URL is set (its schema is dropped and re-created: point it at a scratch database).
 * CHIDAO_DIALECTS=sqlite (or postgres) narrows the list.
 *
 * @example
 * import { DIALECTS, initTest, destroyTest } from '@chidao/core/testing'
 * for (const dialect of DIALECTS) describe(`my feature on ${dialect.name}`, () => {
 *   let t: TestContext
 *   beforeEach(async () => { t = await initTest(dialect) })
 *   afterEach(() => destroyTest(t))
 *   it('…', async () => { await t.chidao.registerOrganization(…) })
 * })
 */
import { Chidao } from './service/chidao.js'
import { migrateDown, migrateToLatest } from './storage/migrate.js'
import { openStore, type OpenStoreOptions, type Store } from './storage/open-store.js'
import type { StoreKind } from './storage/store-kind.js'

/** A store a suite runs on. */
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

/** The stores to run on: SQLite in memory always; PostgreSQL at DATABASE_URL when set. */
export const DIALECTS: readonly TestDialect[] = all.filter((d) => !only || only.includes(d.name))

/** An open, migrated, empty store and a service over it whose clock ticks a second per call. */
export interface TestContext {
  readonly store: Store
  readonly chidao: Chidao
}

/**
 * Opens a store with an empty, fully migrated schema.
 *
 * @example
 * const t = await initTest(dialect) // in beforeEach; t.chidao, t.store
 */
export async function initTest(dialect: TestDialect, options: OpenStoreOptions = {}): Promise<TestContext> {
  const store = await openStore(dialect.url, options)
  if (dialect.name === 'postgres') await migrateDown(store)
  await migrateToLatest(store)
  let tick = Date.parse('2026-01-01T00:00:00Z')
  const chidao = new Chidao(store, { now: () => new Date((tick += 1000)) })
  return { store, chidao }
}

/**
 * Closes the store of {@link initTest}.
 *
 * @example
 * afterEach(() => destroyTest(t))
 */
export async function destroyTest(ctx: TestContext | undefined): Promise<void> {
  await ctx?.store.close()
}
