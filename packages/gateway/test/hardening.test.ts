/**
 * The gateway under bad input and faults, on both stores: health and readiness, coded refusals for
 * bodies that are not JSON, too large, of another type, over the token limit or carrying control
 * characters; internal errors masked; idempotent mutations; slow clients cut off; and on
 * PostgreSQL, serving on after its connections are terminated.
 */
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { Chidao, createApiKey, migrateToLatest, openStore, type Store } from '@chidao/core'
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGateway, createHttpServer } from '../src/index.js'
import { serve, type Served } from './support.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from '../../core/test/support/dialects.js'
import { ctx, registerSmallCascade } from '../../core/test/support/cascade.js'
import { restartableProxy } from '../../core/test/support/proxy.js'
import { toGlobalId } from '../src/types/relay.js'

/** The least value GraphQL accepts for an input type: required fields filled, lists empty. */
function dummy(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type
  if (isListType(inner)) return []
  if (isEnumType(inner)) return inner.getValues()[0]!.value
  if (isInputObjectType(inner)) return dummyObject(inner)
  const name = isScalarType(inner) ? inner.name : getNamedType(inner).name
  return ({ Int: 1, Float: 1, Boolean: false, Date: '2025-01-01' } as Record<string, unknown>)[name] ?? 'x'
}
function dummyObject(type: GraphQLInputObjectType): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(type.getFields())
      .filter((f) => isNonNullType(f.type))
      .map((f) => [f.name, dummy(f.type)]),
  )
}

const REPORT = `mutation($input: ReportSubmitInput!) { reportSubmit(input: $input) { report { id } userErrors { code message } } }`

for (const dialect of DIALECTS) {
  describe(`gateway hardening on ${dialect.name}`, () => {
    let t: TestContext
    let served: Served
    let base: string
    let reporter: string
    let taskId: string

    beforeAll(async () => {
      t = await initTest(dialect)
      const docs = await registerSmallCascade(t.chidao)
      const task = await t.chidao.addTask(ctx, {
        documentId: docs.kh359.id,
        code: '1',
        content: 'Việc',
        assignments: [{ role: 'LEAD', organizationCode: 'QNG.SKHCN' }],
      })
      taskId = toGlobalId('Task', task.id)
      reporter = (
        await createApiKey(t.store.db, { organizationId: (await t.chidao.organizationByCode('QNG.SKHCN'))!.id, role: 'REPORTER' })
      ).secret
      served = await serve({ store: t.store, http: { maxBodyBytes: 20_000 }, limits: { maxTokens: 200 } })
      base = served.url.replace(/\/graphql$/, '')
    })
    afterAll(async () => {
      await served.close()
      await destroyTest(t)
    })

    const raw = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(served.url, { method: 'POST', headers, body }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }))
    const submit = (input: Record<string, unknown>, key?: string) =>
      fetch(served.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${reporter}`, ...(key ? { 'idempotency-key': key } : {}) },
        body: JSON.stringify({ query: REPORT, variables: { input } }),
      }).then(async (r) => ((await r.json()) as any).data.reportSubmit)
    const reports = async () => (await t.store.db.selectFrom('report').select('id').execute()).length

    it('answers /healthz (alive) and /readyz (the store answers)', async () => {
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' })
      const ready = await fetch(`${base}/readyz`)
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }])
    })

    it('refuses a body that is not JSON (400), too large (413), of another type (415), over the token limit (400), each with a code', async () => {
      expect(await raw('{"query": ')).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'INVALID_JSON' } }] } })
      expect(await raw(JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(30_000) }))).toMatchObject({
        status: 413,
        body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
      })
      expect(await raw('query { __typename }', { 'content-type': 'text/plain' })).toMatchObject({
        status: 415,
        body: { errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] },
      })
      const long = `{ ${Array.from({ length: 120 }, (_, i) => `a${i}: __typename`).join(' ')} }`
      expect(await raw(JSON.stringify({ query: long }))).toMatchObject({
        status: 400,
        body: { errors: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] },
      })
    })

    it('refuses NUL and other control characters with INVALID_TEXT, storing nothing, and never shows the store’s message', async () => {
      const input = {
        taskId,
        organizationCode: 'QNG.SKHCN',
        period: 'AD_HOC',
        claimedStatus: 'IN_PROGRESS',
        percent: 5,
        reportedOn: '2025-10-01',
        narrative: 'a\u0000b',
      }
      const before = await reports()
      expect(
        await raw(JSON.stringify({ query: REPORT, variables: { input } }), {
          'content-type': 'application/json',
          authorization: `Bearer ${reporter}`,
        }),
      ).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'INVALID_TEXT' } }] } })
      expect(await reports()).toBe(before)
      // A NUL written as a GraphQL escape reaches the resolvers: coded, and without the driver's words.
      const { body } = await raw(JSON.stringify({ query: '{ organization(code: "QNG\\u0000") { name } }' }))
      for (const e of body.errors ?? []) expect(e.extensions.code).toBe('INVALID_TEXT')
      expect(JSON.stringify(body)).not.toMatch(/byte sequence|SQL|at .*\.js/)
      // Through core on both stores.
      await expect(
        t.chidao.registerOrganization(ctx, { code: 'NUL', name: 'Tên\u0000', tier: 'CENTRAL', bloc: 'STATE', kind: 'OTHER' }),
      ).rejects.toMatchObject({ code: 'INVALID_TEXT' })
    })

    it('every mutation keeps its answer under the Idempotency-Key: each checks the key (an over-long one is refused) and writes nothing', async () => {
      const admin = (await createApiKey(t.store.db, { organizationId: null, role: 'ADMIN' })).secret
      const fields = Object.values(served.gateway.schema.getMutationType()!.getFields())
      expect(fields.length).toBeGreaterThan(15)
      const audit = async () => (await t.store.db.selectFrom('auditLog').select('id').execute()).length
      const before = await audit()
      const refused: string[] = []
      for (const field of fields) {
        const input = field.args.find((a) => a.name === 'input')!
        const res = await fetch(served.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'idempotency-key': 'k'.repeat(201) },
          body: JSON.stringify({
            query: `mutation($input: ${String(input.type)}) { ${field.name}(input: $input) { userErrors { field code } } }`,
            variables: { input: dummy(input.type) },
          }),
        })
        const body = (await res.json()) as any
        const errors = body.data?.[field.name]?.userErrors ?? body.errors
        if (errors?.[0]?.code === 'INVALID_INPUT' && errors[0].field?.[0] === 'idempotencyKey') refused.push(field.name)
      }
      expect(refused).toEqual(fields.map((f) => f.name))
      expect(await audit()).toBe(before)
    })

    it('gives the first answer again for the same Idempotency-Key and body, and refuses the key with another body', async () => {
      const input = {
        taskId,
        organizationCode: 'QNG.SKHCN',
        period: 'AD_HOC',
        claimedStatus: 'IN_PROGRESS',
        percent: 20,
        reportedOn: '2025-10-02',
      }
      const before = await reports()
      const first = await submit(input, 'retry-1')
      const again = await submit(input, 'retry-1')
      expect(again.report.id).toBe(first.report.id)
      expect(await reports()).toBe(before + 1)
      expect((await submit({ ...input, percent: 30 }, 'retry-1')).userErrors[0].code).toBe('IDEMPOTENCY_KEY_REUSED')
      // Five racing retries of one request: one report.
      const racing = await Promise.all(Array.from({ length: 5 }, () => submit({ ...input, percent: 40 }, 'race-1')))
      expect(new Set(racing.map((r) => r.report?.id)).size).toBe(1)
      expect(await reports()).toBe(before + 2)
      // Without a key, each request writes.
      await submit(input)
      expect(await reports()).toBe(before + 3)
    })
  })
}

describe('readiness and slow clients', () => {
  it('answers /readyz 503 with a code when the store is unreachable, /healthz still 200', async () => {
    const store: Store = await openStore(':memory:')
    await migrateToLatest(store)
    const gateway = await createGateway({ store })
    const server = createHttpServer((req, res) => void gateway.handler(req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      await store.close()
      const ready = await fetch(`${base}/readyz`)
      expect([ready.status, await ready.json()]).toEqual([503, { status: 'unavailable', code: 'STORE_UNAVAILABLE' }])
      expect((await fetch(`${base}/healthz`)).status).toBe(200)
    } finally {
      await new Promise((resolve) => server.close(resolve))
      await gateway.server.stop()
    }
  })

  it('cuts off a client that does not finish its headers in time', async () => {
    const server = createHttpServer((_req, res) => res.end('ok'), { headersTimeoutMs: 500, requestTimeoutMs: 1000 })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const started = Date.now()
      const closed = await new Promise<string>((resolve) => {
        const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1', () =>
          socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n'),
        )
        let answer = ''
        socket.on('data', (d) => {
          answer += d.toString()
        })
        socket.on('close', () => resolve(answer))
      })
      expect(Date.now() - started).toBeLessThan(5000)
      expect(closed === '' || /^HTTP\/1\.1 408/.test(closed)).toBe(true)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

const postgres = DIALECTS.find((d) => d.name === 'postgres')
describe.runIf(postgres)('the gateway over PostgreSQL connections that die', () => {
  it('keeps serving after every backend is terminated', async () => {
    const t = await initTest(postgres!)
    const served = await serve({ store: t.store })
    try {
      await new Chidao(t.store).registerOrganization(ctx, {
        code: 'BCT',
        name: 'Bộ Chính trị',
        tier: 'CENTRAL',
        bloc: 'PARTY',
        kind: 'POLITBURO',
      })
      expect((await served.post('{ organization(code: "BCT") { name } }')).body.data.organization.name).toBe('Bộ Chính trị')
      const admin = new pg.Client({ connectionString: postgres!.url })
      await admin.connect()
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      )
      await admin.end()
      await new Promise((resolve) => setTimeout(resolve, 200))
      const after = await served.post('{ organization(code: "BCT") { name } }')
      expect(after.body.data?.organization?.name ?? after.body.errors?.[0]?.extensions?.code).toMatch(/Bộ Chính trị|STORE_UNAVAILABLE/)
      expect((await served.post('{ organization(code: "BCT") { name } }')).body.data.organization.name).toBe('Bộ Chính trị')
    } finally {
      await served.close()
      await destroyTest(t)
    }
  })
})

describe.runIf(postgres)('the gateway across a PostgreSQL restart', () => {
  it('answers STORE_UNAVAILABLE and /readyz 503 while the server shuts down and recovers, and serves again when it is back', async () => {
    const t = await initTest(postgres!)
    await new Chidao(t.store).registerOrganization(ctx, {
      code: 'BCT',
      name: 'Bộ Chính trị',
      tier: 'CENTRAL',
      bloc: 'PARTY',
      kind: 'POLITBURO',
    })
    const proxy = await restartableProxy(new URL(postgres!.url))
    const store = await openStore(proxy.url, { connectTimeoutMs: 1000 })
    const served = await serve({ store })
    const base = served.url.replace(/\/graphql$/, '')
    const name = async () => {
      const { body } = await served.post('{ organization(code: "BCT") { name } }')
      return body.data?.organization?.name ?? body.errors?.[0]?.extensions?.code
    }
    const holder = new pg.Client({ connectionString: postgres!.url })
    await holder.connect()
    try {
      expect(await name()).toBe('Bộ Chính trị')
      // A request in flight when the server shuts down: held behind a lock taken past the proxy.
      await holder.query('begin')
      await holder.query('lock table organization in access exclusive mode')
      const inFlight = name()
      let waiting = 0
      for (let i = 0; i < 200 && waiting === 0; i++) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(t.store.db)
        waiting = rows[0]!.n
        if (waiting === 0) await new Promise((resolve) => setTimeout(resolve, 10))
      }
      expect(waiting).toBe(1)
      expect(proxy.connections).toBeGreaterThan(0)
      // Shutdown: every connection, the busy one and the idle ones, told 57P01 and closed; new ones refused.
      await proxy.down()
      expect(await inFlight).toBe('STORE_UNAVAILABLE')
      expect(proxy.connections).toBe(0)
      await holder.query('rollback')
      expect(await name()).toBe('STORE_UNAVAILABLE')
      expect((await fetch(`${base}/readyz`)).status).toBe(503)
      // Recovery: connections accepted, then refused with 57P03.
      await proxy.starting()
      expect(await name()).toBe('STORE_UNAVAILABLE')
      expect((await fetch(`${base}/readyz`)).status).toBe(503)
      expect((await fetch(`${base}/healthz`)).status).toBe(200)
      await proxy.up()
      expect((await fetch(`${base}/readyz`)).status).toBe(200)
      expect(await name()).toBe('Bộ Chính trị')
    } finally {
      await holder.end().catch(() => undefined)
      await served.close()
      await store.close()
      await proxy.down().catch(() => undefined)
      await destroyTest(t)
    }
  })
})
