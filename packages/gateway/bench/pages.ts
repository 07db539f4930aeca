/**
 * The dashboard's pages and exports on the embedded default (SQLite file) with the seed data and
 * the demo history (reports, verifications, measured values of targets): each answered 60 times over
 * HTTP after a warm-up (so that p95 is not merely the slowest of a few); p50 / p95 / max printed, not
 * asserted (goal: every page < 300 ms), with the statements one answer runs and their time in SQL
 * (`BENCH_STATEMENTS=1`: the five slowest of each; `BENCH_ONLY=doc`: the pages whose name starts so).
 * Measures the compiled gateway (`npm run bench` builds first).
 */
import 'reflect-metadata'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Chidao, openStore, migrateToLatest } from '@chidao/core'
import { createGateway } from '../dist/index.js'
import { loadDemoHistory } from '@chidao/fixtures'
import { AS_OF, PLAN, seedWithReports } from '../test/dashboard-data.js'

const RUNS = 60
const dir = mkdtempSync(join(tmpdir(), 'chidao-bench-'))
/** Every statement the store runs, with its time (kysely's log): a page's count and SQL time are printed beside its timings. */
const statements: { sql: string; ms: number }[] = []
const store = await openStore(join(dir, 'chidao.sqlite'), {
  log: (event) => {
    if (event.level === 'query') statements.push({ sql: event.query.sql, ms: event.queryDurationMillis })
  },
})
await migrateToLatest(store)
await seedWithReports(new Chidao(store))
const demo = await loadDemoHistory(new Chidao(store))
const gateway = await createGateway({ store })
const server = http.createServer((req, res) => void gateway.handler(req, res))
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

async function post(query: string): Promise<any> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  })
  return (await res.json()).data
}
const plan = (await post(`{ document(symbol: "${PLAN}") { id tasks(first: 100) { edges { node { id code } } } } }`)).document
const root = (await post('{ document(symbol: "57-NQ/TW") { id } }')).document
const task = plan.tasks.edges.find((e: any) => e.node.code === 'II.7').node

const targets: [string, string][] = [
  ['province (/)', `/?unit=QNG&asOf=${AS_OF}`],
  ['province, English', `/?unit=QNG&asOf=${AS_OF}&lang=en`],
  ['nation', `/?unit=VN&asOf=${AS_OF}`],
  ['document 01-KH/BCĐ', `/d/${plan.id}?asOf=${AS_OF}`],
  ['document 57-NQ/TW (cascade)', `/d/${root.id}?asOf=${AS_OF}`],
  ['organisation QNG.UBND', `/o/QNG.UBND?asOf=${AS_OF}`],
  ['task II.7', `/t/${task.id}?asOf=${AS_OF}`],
  ['export plan .xlsx', `/export/plan/${plan.id}.xlsx?asOf=${AS_OF}`],
  ['export scorecard .xlsx', `/export/scorecard.xlsx?unit=QNG&asOf=${AS_OF}`],
  ['export overdue .xlsx', `/export/overdue.xlsx?unit=QNG&asOf=${AS_OF}`],
  ['export periodic .docx', `/export/report/${plan.id}.docx?period=QUARTER&year=2025&index=4`],
]

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!
console.log(
  `dashboard pages on SQLite (seed data and the demo history: ${demo.reports} reports), ${RUNS} runs each after a warm-up; goal < 300 ms a page`,
)
for (const [name, path] of targets.filter(([name]) => !process.env.BENCH_ONLY || name.startsWith(process.env.BENCH_ONLY))) {
  const get = async () => {
    const res = await fetch(base + path)
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
    await res.arrayBuffer()
  }
  await get()
  statements.length = 0
  await get()
  const [count, sqlMs] = [statements.length, statements.reduce((a, s) => a + s.ms, 0)]
  if (process.env.BENCH_STATEMENTS)
    for (const st of [...statements].sort((a, b) => b.ms - a.ms).slice(0, 5))
      console.log(`      ${st.ms.toFixed(1)} ms  ${st.sql.slice(0, 160)}`)
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await get()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  console.log(
    `  ${name.padEnd(30)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms   p95 ${pct(times, 95).toFixed(1).padStart(6)} ms   max ${times.at(-1)!.toFixed(1).padStart(6)} ms   ${String(count).padStart(4)} statements, ${sqlMs.toFixed(1).padStart(6)} ms in SQL`,
  )
}
server.close()
await gateway.stop()
await store.close()
rmSync(dir, { recursive: true, force: true })
