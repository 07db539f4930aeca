/**
 * Loads the national cascade (fixtures' generator; BENCH_PROVINCES to shrink it) into the store at
 * DATABASE_URL once, with its derived tables, for bench/shapes.ts to reuse across runs.
 */
import { performance } from 'node:perf_hooks'
import { migrateToLatest, openStore, refreshDerived } from '@chidao/core'
import { loadNationalCascade } from '@chidao/fixtures'
import { sql } from 'kysely'

const url = process.env.DATABASE_URL ?? process.argv[2]
if (!url) throw new Error('DATABASE_URL (or an argument) names the store to load')
const store = await openStore(url)
try {
  await migrateToLatest(store)
  const existing = await store.db.selectFrom('task').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
  if (Number(existing.n) > 0) {
    console.log(`already loaded: ${Number(existing.n).toLocaleString('en-US')} tasks`)
  } else {
    const t0 = performance.now()
    const counts = await loadNationalCascade(store.db, { provinces: Number(process.env.BENCH_PROVINCES ?? 34) })
    const t1 = performance.now()
    await refreshDerived(store.db)
    await sql`analyze`.execute(store.db)
    console.log(
      `loaded ${counts.task} tasks, ${counts.report} reports in ${((t1 - t0) / 1000).toFixed(1)} s; derived ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    )
  }
} finally {
  await store.close()
}
