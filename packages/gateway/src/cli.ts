#!/usr/bin/env node
/**
 * The `chidao` command. Until the GraphQL gateway lands (issue 6), `serve` opens and migrates the
 * store and reports what it holds; `migrate` brings a store's schema up to date.
 */
import { Command } from 'commander'
import { Chidao, migrateToLatest, openStore, storeKindOf, type Store } from '@chidao/core'
import { loadFixtures } from '@chidao/fixtures'

const DEFAULT_DB = 'chidao.sqlite'

function databaseUrl(options: StoreOptions): string {
  return options.databaseUrl ?? process.env.DATABASE_URL ?? options.db ?? DEFAULT_DB
}

interface StoreOptions {
  db?: string
  databaseUrl?: string
}

/** Opens the store the options name, migrated, runs `fn`, and closes it. */
async function withStore(options: StoreOptions, fn: (store: Store, url: string) => Promise<void>): Promise<void> {
  const url = databaseUrl(options)
  const store = await openStore(url)
  try {
    const result = await migrateToLatest(store)
    const applied = result.results?.map((r) => r.migrationName) ?? []
    if (applied.length) console.log(`${storeKindOf(url)}: applied ${applied.join(', ')}`)
    await fn(store, url)
  } finally {
    await store.close()
  }
}

const program = new Command()
  .name('chidao')
  .description('chidao: monitoring how government directives cascade')

program
  .command('migrate')
  .description('bring the database schema up to date')
  .option('--db <file>', 'SQLite file', DEFAULT_DB)
  .option('--database-url <url>', 'PostgreSQL URL (or set DATABASE_URL)')
  .action((options: StoreOptions) => withStore(options, async (_store, url) => {
    console.log(`${storeKindOf(url)}: schema up to date`)
  }))

program
  .command('seed')
  .description('load the real cascades of the seed documents (idempotent)')
  .option('--db <file>', 'SQLite file', DEFAULT_DB)
  .option('--database-url <url>', 'PostgreSQL URL (or set DATABASE_URL)')
  .action((options: StoreOptions) => withStore(options, async (store) => {
    const summary = await loadFixtures(new Chidao(store))
    console.log(Object.entries(summary).map(([k, n]) => `${k}: ${n}`).join(', '))
  }))

program
  .command('serve')
  .description('open the store; the GraphQL API arrives with the gateway (issue 6)')
  .option('--db <file>', 'SQLite file', DEFAULT_DB)
  .option('--database-url <url>', 'PostgreSQL URL (or set DATABASE_URL)')
  .action((options: StoreOptions) => withStore(options, async (store, url) => {
    const loaded = await loadFixtures(new Chidao(store))
    const documents = await store.db.selectFrom('document').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    console.log(`chidao: ${storeKindOf(url)} store ready: ${Number(documents.n)} documents (${loaded.documents} loaded now from the fixtures).`)
    console.log('The GraphQL gateway is not built yet: this start is a stub until it lands.')
  }))

await program.parseAsync()
