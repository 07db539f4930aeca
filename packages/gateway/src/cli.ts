#!/usr/bin/env node
/**
 * The `chidao` command. Until the GraphQL gateway lands (issue 6), `serve` opens and migrates the
 * store and reports what it holds; `migrate` brings a store's schema up to date.
 */
import { Command } from 'commander'
import { Chidao, migrateToLatest, openStore, storeKindOf } from '@chidao/core'
import { loadFixtures } from '@chidao/fixtures'

const DEFAULT_DB = 'chidao.sqlite'

function databaseUrl(options: { db?: string; databaseUrl?: string }): string {
  return options.databaseUrl ?? process.env.DATABASE_URL ?? options.db ?? DEFAULT_DB
}

const program = new Command()
  .name('chidao')
  .description('chidao: monitoring how government directives cascade')

program
  .command('migrate')
  .description('bring the database schema up to date')
  .option('--db <file>', 'SQLite file', DEFAULT_DB)
  .option('--database-url <url>', 'PostgreSQL URL (or set DATABASE_URL)')
  .action(async (options: { db?: string; databaseUrl?: string }) => {
    const url = databaseUrl(options)
    const store = await openStore(url)
    try {
      const result = await migrateToLatest(store)
      const applied = result.results?.map((r) => r.migrationName) ?? []
      console.log(`${storeKindOf(url)}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema already up to date'}`)
    } finally {
      await store.close()
    }
  })

program
  .command('seed')
  .description('load the real cascades of the seed documents (idempotent)')
  .option('--db <file>', 'SQLite file', DEFAULT_DB)
  .option('--database-url <url>', 'PostgreSQL URL (or set DATABASE_URL)')
  .action(async (options: { db?: string; databaseUrl?: string }) => {
    const store = await openStore(databaseUrl(options))
    try {
      await migrateToLatest(store)
      const summary = await loadFixtures(new Chidao(store))
      console.log(Object.entries(summary).map(([k, n]) => `${k}: ${n}`).join(', '))
    } finally {
      await store.close()
    }
  })

program
  .command('serve')
  .description('open the store; the GraphQL API arrives with the gateway (issue 6)')
  .option('--db <file>', 'SQLite file', DEFAULT_DB)
  .option('--database-url <url>', 'PostgreSQL URL (or set DATABASE_URL)')
  .action(async (options: { db?: string; databaseUrl?: string }) => {
    const url = databaseUrl(options)
    const store = await openStore(url)
    try {
      await migrateToLatest(store)
      const loaded = await loadFixtures(new Chidao(store))
      const documents = await store.db.selectFrom('document').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      console.log(`chidao: ${storeKindOf(url)} store ready: ${Number(documents.n)} documents (${loaded.documents} loaded now from the fixtures).`)
      console.log('The GraphQL gateway is not built yet: this start is a stub until it lands.')
    } finally {
      await store.close()
    }
  })

await program.parseAsync()
