/**
 * `npm run bench:shapes -w @chidao/gateway`: the cascade's own queries (issue 15's shapes) against the
 * gateway over HTTP on the store at DATABASE_URL (load it once with bench/load-national.ts), with 1 and
 * 8 clients; prints requests per second and SQL statements per request. BENCH_SECONDS per run (default 5).
 * Measures the compiled packages (run `npm run build` first).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { openStore } from '@chidao/core'
import type { KyselyPlugin } from 'kysely'
import { createGateway } from '../dist/index.js'
import { SHAPES } from './cascade-shapes.js'

const url = process.env.DATABASE_URL
if (!url) throw new Error('DATABASE_URL names the loaded store')
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const only = process.env.SHAPES ? new RegExp(process.env.SHAPES) : null
let statements = 0
const counter: KyselyPlugin = {
  transformQuery: (a) => {
    statements++
    return a.node
  },
  transformResult: async (a) => a.result,
}
const store = await openStore(url, { plugins: [counter] })
const gateway = await createGateway({ store })
const server = http.createServer((req, res) => void gateway.handler(req, res))
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`
const post = async (body: string) => {
  const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  const json = (await res.json()) as { errors?: unknown[] }
  if (json.errors) throw new Error(JSON.stringify(json.errors))
}

try {
  console.log(
    `shapes on ${url.replace(/\/\/[^@]*@/, '//')}, ${seconds} s per run; load average ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  )
  for (const [
    name,
    {
      chidao: { query, variables },
    },
  ] of Object.entries(SHAPES)) {
    if (only && !only.test(name)) continue
    const body = JSON.stringify({ query, variables })
    await post(body)
    const before = statements
    await post(body)
    const perRequest = statements - before
    const rates: string[] = []
    for (const clients of [1, 8]) {
      let done = 0
      const end = performance.now() + seconds * 1000
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (performance.now() < end) {
            await post(body)
            done++
          }
        }),
      )
      rates.push(`${(done / seconds).toFixed(1)} req/s with ${clients}`)
    }
    console.log(`${name}: ${perRequest} statements; ${rates.join(', ')}`)
  }
} finally {
  await new Promise((resolve) => server.close(resolve))
  await gateway.stop()
  await store.close()
}
