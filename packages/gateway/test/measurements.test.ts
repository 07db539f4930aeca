/**
 * `targetMeasure` and `Target.latestActual` through the API on both stores: a bound organisation's
 * key records a value, the latest as of a day answers with met or not, a key the plan does not bind
 * or below the role is refused with nothing written, bad input is a coded user error, and an
 * Idempotency-Key gives the first answer again.
 */
import { createApiKey, type Target } from '@chidao/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ctx, registerSmallCascade } from '../../core/test/support/cascade.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from '../../core/test/support/dialects.js'
import { toGlobalId } from '../src/types/relay.js'
import { serve, type Served } from './support.js'

const MEASURE = `mutation($input: TargetMeasureInput!) { targetMeasure(input: $input) { ok userErrors { code field message } } }`
const LATEST = `query($id: ID!, $a: Date) { node(id: $id) { ... on Document { targets(first: 10) { edges { node { id metric
  latestActual(asOf: $a) { value asOf met organization { code } } } } } } } }`

for (const dialect of DIALECTS) {
  describe(`targetMeasure and latestActual through the API on ${dialect.name}`, () => {
    let t: TestContext
    let served: Served
    let target: Target
    let documentId: string
    const keys: Record<string, string> = {}
    const measurements = async () => (await t.store.db.selectFrom('measurement').select('id').execute()).length

    beforeAll(async () => {
      t = await initTest(dialect)
      const docs = await registerSmallCascade(t.chidao)
      const task = await t.chidao.addTask(ctx, {
        documentId: docs.kh359.id,
        code: '1',
        content: 'Phủ sóng 5G toàn tỉnh',
        assignments: [{ role: 'LEAD', organizationCode: 'QNG.SKHCN' }],
      })
      target = await t.chidao.addTarget(ctx, {
        documentId: docs.kh359.id,
        taskId: task.id,
        metric: 'Tỷ lệ phủ sóng 5G',
        unit: '%',
        comparator: 'GTE',
        value: 40,
        milestoneOn: '2025-12-31',
      })
      documentId = toGlobalId('Document', docs.kh359.id)
      for (const [name, code, role] of [
        ['lead', 'QNG.SKHCN', 'REPORTER'],
        ['viewer', 'QNG.SKHCN', 'VIEWER'],
        ['unbound', 'QNG.STTTT', 'REPORTER'],
      ] as const) {
        const organizationId = (await t.chidao.organizationByCode(code))!.id
        keys[name] = (await createApiKey(t.store.db, { organizationId, role })).secret
      }
      served = await serve({ store: t.store })
    })
    afterAll(async () => {
      await served?.close()
      await destroyTest(t)
    })

    const measure = async (key: string, over: Record<string, unknown> = {}, idempotencyKey?: string) => {
      const input = {
        targetId: toGlobalId('Target', target.id),
        organizationCode: 'QNG.SKHCN',
        value: 35,
        measuredOn: '2025-09-30',
        ...over,
      }
      const res = await fetch(served.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${key}`,
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: JSON.stringify({ query: MEASURE, variables: { input } }),
      })
      return ((await res.json()) as any).data.targetMeasure
    }
    const latest = async (asOf: string | null) =>
      (await served.post(LATEST, { id: documentId, a: asOf })).body.data.node.targets.edges[0].node.latestActual

    it('records a bound organisation’s value; latestActual answers it as of a day, met or not', async () => {
      expect(await latest('2025-12-31')).toBeNull()
      expect(await measure(keys.lead!, { unit: '%' })).toEqual({ ok: true, userErrors: [] })
      expect(await latest('2025-12-31')).toEqual({ value: 35, asOf: '2025-09-30', met: false, organization: { code: 'QNG.SKHCN' } })
      expect(await measure(keys.lead!, { value: 41.5, measuredOn: '2025-12-15' })).toEqual({ ok: true, userErrors: [] })
      expect(await latest('2025-12-31')).toMatchObject({ value: 41.5, met: true })
      expect(await latest('2025-10-01')).toMatchObject({ value: 35, met: false })
      expect(await latest(null)).toMatchObject({ value: 41.5 }) // today: after both
      const { body } = await served.post(LATEST, { id: documentId, a: '2025-12-31' })
      expect(body.data.node.targets.edges[0].node.id).toBe(toGlobalId('Target', target.id))
    })

    it('refuses a key the plan does not bind, or below REPORTER, writing nothing', async () => {
      const before = await measurements()
      const unbound = await measure(keys.unbound!, { organizationCode: 'QNG.STTTT', measuredOn: '2025-11-30' })
      expect(unbound).toMatchObject({ ok: false, userErrors: [{ code: 'FORBIDDEN', field: ['input', 'organizationCode'] }] })
      expect(await measure(keys.unbound!, { measuredOn: '2025-11-30' })).toMatchObject({ ok: false, userErrors: [{ code: 'FORBIDDEN' }] })
      expect(await measure(keys.viewer!, { measuredOn: '2025-11-30' })).toMatchObject({ ok: false, userErrors: [{ code: 'FORBIDDEN' }] })
      expect(await measurements()).toBe(before)
    })

    it('answers bad input with coded user errors', async () => {
      const before = await measurements()
      expect(await measure(keys.lead!, { unit: 'km', measuredOn: '2025-11-01' })).toMatchObject({
        ok: false,
        userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'unit'] }],
      })
      expect(await measure(keys.lead!, { targetId: toGlobalId('Task', target.id) })).toMatchObject({
        userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'targetId'] }],
      })
      expect(await measure(keys.lead!, { targetId: toGlobalId('Target', 'nope') })).toMatchObject({
        userErrors: [{ code: 'UNKNOWN_TARGET' }],
      })
      expect(await measure(keys.lead!, { measuredOn: '2099-01-01' })).toMatchObject({ userErrors: [{ code: 'INVALID_DATE' }] })
      expect(await measure(keys.lead!)).toMatchObject({ userErrors: [{ code: 'DUPLICATE_MEASUREMENT' }] }) // 2025-09-30 again
      expect(await measurements()).toBe(before)
    })

    it('gives the first answer again for the same Idempotency-Key, and refuses the key with another body', async () => {
      const before = await measurements()
      const first = await measure(keys.lead!, { value: 38, measuredOn: '2025-10-31' }, 'measure-oct')
      expect(first).toEqual({ ok: true, userErrors: [] })
      expect(await measure(keys.lead!, { value: 38, measuredOn: '2025-10-31' }, 'measure-oct')).toEqual(first)
      expect(await measurements()).toBe(before + 1)
      expect(await measure(keys.lead!, { value: 39, measuredOn: '2025-10-31' }, 'measure-oct')).toMatchObject({
        userErrors: [{ code: 'IDEMPOTENCY_KEY_REUSED' }],
      })
      expect(await measurements()).toBe(before + 1)
    })
  })
}
