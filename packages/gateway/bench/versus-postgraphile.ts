/**
 * chidao's gateway and PostGraphile 5 on the same PostgreSQL database (the national cascade:
 * bench/load-national.ts), issue 15's shapes (bench/cascade-shapes.ts) over HTTP, the two systems
 * taking turns: per shape, ROUNDS rounds of [chidao, PostGraphile] (the order swapped every round),
 * with 1 and with 8 clients, BENCH_SECONDS each. Prints the answers' comparison, the SQL statements
 * per request (counted on each system's own `pg` client) and the throughput ratios (range over the
 * rounds); then the province scorecard through the gateway against the same SQL run in-process.
 *
 * Not run directly: `npm run bench:postgraphile -w @chidao/gateway` (bench/postgraphile.mjs)
 * installs PostGraphile into a temporary folder, outside the workspace, and runs this with
 * POSTGRAPHILE_DIR pointing there. Measures the compiled packages (run `npm run build` first).
 */
import { readFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import http from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { loadavg } from 'node:os'
import { openStore, scorecardCounts } from '@chidao/core'
import { createGateway } from '../dist/index.js'
import { SCORECARD, SHAPES } from './cascade-shapes.js'

const url = process.env.DATABASE_URL
const dir = process.env.POSTGRAPHILE_DIR
if (!url?.startsWith('postgres')) throw new Error('DATABASE_URL names the PostgreSQL database holding the national cascade')
if (!dir) throw new Error('POSTGRAPHILE_DIR: run through `npm run bench:postgraphile` (bench/postgraphile.mjs)')
const seconds = Number(process.env.BENCH_SECONDS ?? 3)
const rounds = Number(process.env.ROUNDS ?? 2)
const only = process.env.SHAPES ? new RegExp(process.env.SHAPES) : null

// PostGraphile 5 targets Node 22; on Node 20 it needs only this.
const P = Promise as unknown as { withResolvers?: () => unknown }
P.withResolvers ??= () => {
  let resolve: unknown
  let reject: unknown
  const promise = new Promise((a, b) => {
    resolve = a
    reject = b
  })
  return { promise, resolve, reject }
}

type Query = (...args: unknown[]) => unknown
/** Counts the statements a `pg` module's clients send (pool.query goes through Client#query too). */
function countStatements(pg: { Client: { prototype: { query: Query } } }): { n: number } {
  const counter = { n: 0 }
  const query = pg.Client.prototype.query
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    counter.n++
    return query.apply(this, args)
  }
  return counter
}

const ours = createRequire(import.meta.url)
const theirs = createRequire(join(dir, 'package.json'))
const chidaoCount = countStatements(ours('pg'))
const theirPg = theirs('pg')
const pglCount = countStatements(theirPg)

const listen = async (server: http.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`
}

// chidao, as `chidao serve` runs it (production mode).
const store = await openStore(url)
const gateway = await createGateway({ store })
const chidaoServer = http.createServer((req, res) => void gateway.handler(req, res))
const chidaoUrl = await listen(chidaoServer)

// PostGraphile 5 with its default (amber) preset, every index-less relation and condition exposed too.
const { postgraphile } = theirs('postgraphile')
const { PostGraphileAmberPreset } = theirs('postgraphile/presets/amber')
const { makePgService } = theirs('postgraphile/adaptors/pg')
const { grafserv } = theirs('postgraphile/grafserv/node')
const pool = new theirPg.Pool({ connectionString: url, max: 10 })
const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafast: { explain: false },
})
const serv = pgl.createServ(grafserv)
const pglServer = http.createServer()
serv.addTo(pglServer)
const pglUrl = await listen(pglServer)
const pglVersion = JSON.parse(readFileSync(join(dir, 'node_modules', 'postgraphile', 'package.json'), 'utf8')).version

/** Keep-alive connections, as a client of either system would hold them (lighter than fetch, which cost this process more than either server). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 })

function post(endpoint: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const body = JSON.stringify({ query, variables })
  return new Promise((resolve, reject) => {
    const req = http.request(
      endpoint,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: unknown; errors?: unknown[] }
          if (json.errors) reject(new Error(`${endpoint}: ${JSON.stringify(json.errors).slice(0, 500)}`))
          else resolve(json.data)
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Requests per second with `clients` clients sending the same request for `seconds`. */
async function rate(send: () => Promise<unknown>, clients: number): Promise<number> {
  let done = 0
  const end = performance.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        await send()
        done++
      }
    }),
  )
  return done / seconds
}

const range = (xs: number[], digits = 2) => {
  const lo = Math.min(...xs).toFixed(digits)
  const hi = Math.max(...xs).toFixed(digits)
  return lo === hi ? lo : `${lo}–${hi}`
}

/** Statements one request sends (after a warm-up request). */
async function statementsOf(counter: { n: number }, send: () => Promise<unknown>): Promise<number> {
  await send()
  const before = counter.n
  await send()
  return counter.n - before
}

try {
  console.log(
    `chidao vs PostGraphile ${pglVersion} on ${url.replace(/\/\/[^@]*@/, '//')}: ${rounds} rounds × ${seconds} s per system and client count; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}\n`,
  )
  const rows: string[] = []
  for (const [name, shape] of Object.entries(SHAPES)) {
    if (only && !only.test(name)) continue
    const them = shape.postgraphile!
    const sendOurs = () => post(chidaoUrl, shape.chidao.query, shape.chidao.variables)
    const sendTheirs = () => post(pglUrl, them.query, them.variables)
    const a = shape.normalize(await sendOurs()) as { total: number; plans?: { symbol: string }[] }
    const b = them.normalize(await sendTheirs()) as typeof a
    let same = isDeepStrictEqual(a, b)
    let compared = same ? 'answers equal field by field' : 'ANSWERS DIFFER'
    if (!same && a.plans && b.plans && a.total === b.total) {
      // Different pages of one list (see the shape's note): every document both return must be equal.
      const theirsBySymbol = new Map(b.plans.map((p) => [p.symbol, p]))
      const shared = a.plans.filter((p) => theirsBySymbol.has(p.symbol))
      same = shared.length > 0 && shared.every((p) => isDeepStrictEqual(p, theirsBySymbol.get(p.symbol)))
      compared = same
        ? `totals equal (${a.total}); the ${shared.length} documents both return equal field by field`
        : 'ANSWERS DIFFER on the documents both return'
    }
    if (!same) console.log(JSON.stringify(a).slice(0, 400), '\n', JSON.stringify(b).slice(0, 400))
    const statements = [await statementsOf(chidaoCount, sendOurs), await statementsOf(pglCount, sendTheirs)]
    const ratios: Record<number, number[]> = { 1: [], 8: [] }
    const rates: Record<number, [number[], number[]]> = { 1: [[], []], 8: [[], []] }
    for (let r = 0; r < rounds; r++) {
      for (const clients of [1, 8]) {
        const order = r % 2 === 0 ? [0, 1] : [1, 0]
        const got: number[] = []
        for (const who of order) got[who] = await rate(who === 0 ? sendOurs : sendTheirs, clients)
        rates[clients]![0].push(got[0]!)
        rates[clients]![1].push(got[1]!)
        ratios[clients]!.push(got[0]! / got[1]!)
      }
    }
    console.log(`${name}\n  ${compared}${shape.note ? ` (${shape.note})` : ''}`)
    console.log(`  statements per request, chidao : PostGraphile = ${statements[0]} : ${statements[1]}`)
    for (const clients of [1, 8])
      console.log(
        `  ${clients} client${clients > 1 ? 's' : ''}: chidao ${range(rates[clients]![0], 1)} req/s, PostGraphile ${range(rates[clients]![1], 1)} req/s, ratio ${range(ratios[clients]!)}`,
      )
    rows.push(`| ${name} | ${statements[0]} : ${statements[1]} | ${range(ratios[1]!)} / ${range(ratios[8]!)} |`)
  }

  if (!only || only.test('scorecard')) {
    // The province scorecard: the gateway against the same SQL (core's scorecardCounts) run in-process.
    const sendCard = () => post(chidaoUrl, SCORECARD.query, SCORECARD.variables)
    const sql = () => scorecardCounts(store.db, SCORECARD.variables.asOf, { province: SCORECARD.variables.p })
    const viaGateway = (await sendCard()).provinceScorecard
    const direct = await sql()
    const equal = viaGateway.total === direct.total && viaGateway.onTimeRate === direct.onTimeRate
    const cardStatements = await statementsOf(chidaoCount, sendCard)
    const ratios: Record<number, number[]> = { 1: [], 8: [] }
    const rates: Record<number, [number[], number[]]> = { 1: [[], []], 8: [[], []] }
    for (let r = 0; r < rounds; r++)
      for (const clients of [1, 8]) {
        const order = r % 2 === 0 ? [0, 1] : [1, 0]
        const got: number[] = []
        for (const who of order) got[who] = await rate(who === 0 ? sendCard : sql, clients)
        rates[clients]![0].push(got[0]!)
        rates[clients]![1].push(got[1]!)
        ratios[clients]!.push(got[0]! / got[1]!)
      }
    console.log(
      `province scorecard (${SCORECARD.variables.p}, ${SCORECARD.variables.asOf}): ${equal ? 'equal to' : 'DIFFERS FROM'} its SQL; ${cardStatements} statement per request`,
    )
    for (const clients of [1, 8])
      console.log(
        `  ${clients} client${clients > 1 ? 's' : ''}: gateway ${range(rates[clients]![0], 1)} req/s, SQL in-process ${range(rates[clients]![1], 1)} /s, ratio ${range(ratios[clients]!)}`,
      )
    rows.push(`| province scorecard ÷ its SQL in-process | 1 : — | ${range(ratios[1]!)} / ${range(ratios[8]!)} |`)
  }
  console.log('\n| shape | statements, chidao : PostGraphile | chidao ÷ PostGraphile, 1 client / 8 clients |\n|---|---|---|')
  for (const row of rows) console.log(row)
} finally {
  await new Promise((resolve) => chidaoServer.close(resolve))
  await new Promise((resolve) => pglServer.close(resolve))
  await gateway.stop()
  await store.close()
  await pgl.release()
  await pool.end()
  agent.destroy()
}
