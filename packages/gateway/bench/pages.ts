/**
 * The dashboard's pages and exports on the embedded default (SQLite file) with the seed data and
 * a few reports: each answered 20 times over HTTP after a warm-up; p50 / p95 / max printed, not
 * asserted (goal: every page < 300 ms). Measures the compiled gateway (`npm run bench` builds first).
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

const RUNS = 20
const dir = mkdtempSync(join(tmpdir(), 'chidao-bench-'))
const store = await openStore(join(dir, 'chidao.sqlite'))
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
for (const [name, path] of targets) {
  const get = async () => {
    const res = await fetch(base + path)
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
    await res.arrayBuffer()
  }
  await get()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await get()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  console.log(
    `  ${name.padEnd(30)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms   p95 ${pct(times, 95).toFixed(1).padStart(6)} ms   max ${times.at(-1)!.toFixed(1).padStart(6)} ms`,
  )
}
server.close()
await gateway.stop()
await store.close()
rmSync(dir, { recursive: true, force: true })
