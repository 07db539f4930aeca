import { performance } from 'node:perf_hooks'
import { migrateToLatest, openStore, refreshDerived } from '@chidao/core'
import { loadNationalCascade } from '@chidao/fixtures'
const store = await openStore(process.argv[2]!)
await migrateToLatest(store)
const t0 = performance.now()
const counts = await loadNationalCascade(store.db, { provinces: Number(process.env.BENCH_PROVINCES ?? 34) })
const t1 = performance.now()
console.log('load', ((t1 - t0) / 1000).toFixed(1), counts.task, counts.report)
await refreshDerived(store.db)
console.log('derived', ((performance.now() - t1) / 1000).toFixed(1))
await store.close()
