/**
 * Loads the national cascade (fixtures' generator; BENCH_PROVINCES to shrink it) into the store at
 * DATABASE_URL once, with its derived tables (one pass), for bench/shapes.ts and bench/versus-postgraphile.ts
 * to reuse across runs.
 */
import { performance } from 'node:perf_hooks'
import { migrateToLatest, openStore, refreshDerived, type Store } from '@chidao/core'
import { loadNationalCascade } from '@chidao/fixtures'
import { sql } from 'kysely'

/**
 * Statistics, and on PostgreSQL the visibility map a store in service has from autovacuum (without it
 * every index-only count reads the table too, as it does just after a bulk load).
 */
async function settle(store: Store): Promise<void> {
  await sql.raw(store.kind === 'postgres' ? 'vacuum analyze' : 'analyze').execute(store.db)
}

const url = process.env.DATABASE_URL ?? process.argv[2]
if (!url) throw new Error('DATABASE_URL (or an argument) names the store to load')
// A national rebuild's statements run for minutes on a busy machine: no 30 s statement timeout here.
const store = await openStore(url, { statementTimeoutMs: 3_600_000 })
try {
  await migrateToLatest(store)
  const existing = await store.db.selectFrom('task').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
  const spans = await store.db.selectFrom('obligationSpan').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
  if (Number(existing.n) > 0 && Number(spans.n) > 0) {
    console.log(`already loaded: ${Number(existing.n).toLocaleString('en-US')} tasks`)
  } else if (Number(existing.n) > 0) {
    // A load whose derived tables did not finish: rebuild them.
    const t0 = performance.now()
    await refreshDerived(store.db)
    await settle(store)
    console.log(`derived tables rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  } else {
    const t0 = performance.now()
    const counts = await loadNationalCascade(store.db, { provinces: Number(process.env.BENCH_PROVINCES ?? 34), derived: true })
    await settle(store)
    console.log(
      `loaded ${counts.task} tasks, ${counts.report} reports with their derived tables in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    )
  }
} finally {
  await store.close()
}
