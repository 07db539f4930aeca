/**
 * Targets' measured values on both stores: `measureTarget` (recorded, audited, one per target,
 * organisation and day), who may record one (an organisation the plan binds, or a body above it
 * acting for it), what it refuses (nothing written then), and `latestMeasurementsOf` (the latest
 * on or before a day, per target, met or not against the comparator).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { meetsTarget, type ApiKeyGrant, type ApiKeyRole, type Chidao, type CommandContext, type Target } from '../src/index.js'
import { ctx, registerSmallCascade } from './support/cascade.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'

describe('meetsTarget', () => {
  it('compares a value with the target by its comparator', () => {
    expect(meetsTarget('GTE', 40, 40)).toBe(true)
    expect(meetsTarget('GTE', 40, 39.9)).toBe(false)
    expect(meetsTarget('GT', 40, 40)).toBe(false)
    expect(meetsTarget('GT', 40, 40.1)).toBe(true)
    expect(meetsTarget('LTE', 5, 5)).toBe(true)
    expect(meetsTarget('LTE', 5, 5.01)).toBe(false)
    expect(meetsTarget('LT', 5, 5)).toBe(false)
    expect(meetsTarget('LT', 5, 4)).toBe(true)
    expect(meetsTarget('EQ', 100, 100.00001)).toBe(true)
    expect(meetsTarget('EQ', 100, 99)).toBe(false)
  })
})

for (const dialect of DIALECTS) {
  describe(`target measurements on ${dialect.name}`, () => {
    let t: TestContext
    let c: Chidao
    let coverage: Target // 5G coverage ≥ 40 % by 2025-12-31, tied to task 1 led by QNG.SKHCN
    let waste: Target // plan-wide: ≤ 5 days, no task
    let unitless: Target
    const id = async (code: string) => (await c.organizationByCode(code))!.id
    const as = async (code: string | null, role: ApiKeyRole = 'REPORTER'): Promise<CommandContext> => {
      const grant: ApiKeyGrant = { keyId: `key-${code ?? 'national'}-${role}`, organizationId: code === null ? null : await id(code), role }
      return { actor: `key:${grant.keyId}`, grant }
    }
    const count = async () =>
      Number(
        (
          await t.store.db
            .selectFrom('measurement')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const measure = (target: Target, over: Record<string, unknown> = {}) => ({
      targetId: target.id,
      organizationCode: 'QNG.SKHCN',
      value: 42,
      measuredOn: '2025-09-30',
      ...over,
    })

    beforeEach(async () => {
      t = await initTest(dialect)
      c = t.chidao
      const docs = await registerSmallCascade(c)
      await c.registerOrganization(ctx, {
        code: 'DNG.UBND',
        name: 'Ủy ban nhân dân thành phố Đà Nẵng',
        tier: 'PROVINCE',
        bloc: 'STATE',
        kind: 'PEOPLES_COMMITTEE',
        scope: 'DNG',
      })
      const task = await c.addTask(ctx, {
        documentId: docs.kh359.id,
        code: '1',
        content: 'Phủ sóng 5G',
        assignments: [{ role: 'LEAD', organizationCode: 'QNG.SKHCN' }],
      })
      const base = { documentId: docs.kh359.id, milestoneOn: '2025-12-31' }
      coverage = await c.addTarget(ctx, { ...base, taskId: task.id, metric: 'Tỷ lệ phủ sóng 5G', unit: '%', comparator: 'GTE', value: 40 })
      waste = await c.addTarget(ctx, { ...base, metric: 'Thời gian giải quyết hồ sơ', unit: 'ngày', comparator: 'LTE', value: 5 })
      unitless = await c.addTarget(ctx, { ...base, metric: 'Xếp hạng chỉ số DTI', comparator: 'LTE', value: 20 })
    })
    afterEach(async () => {
      await destroyTest(t)
    })

    it('records a measurement, audited, and reads the latest on or before a day, met or not', async () => {
      const m = await c.measureTarget(ctx, measure(coverage, { value: 31.5, measuredOn: '2025-06-30', unit: ' % ', note: 'Quý II' }))
      expect(m).toMatchObject({ targetId: coverage.id, organizationId: await id('QNG.SKHCN'), value: 31.5, measuredOn: '2025-06-30' })
      expect(m.note).toBe('Quý II')
      await c.measureTarget(ctx, measure(coverage, { value: 41, measuredOn: '2025-09-30' }))
      await c.measureTarget(ctx, measure(waste, { organizationCode: 'QNG.BTVTU', value: 6, measuredOn: '2025-09-30' }))

      const trail = await c.auditTrail('measurement', m.id)
      expect(trail).toHaveLength(1)
      expect(trail[0]).toMatchObject({ command: 'measureTarget', actor: 'test' })

      const early = await c.latestMeasurementsOf([coverage.id, waste.id, unitless.id], '2025-07-01')
      expect([...early.keys()]).toEqual([coverage.id])
      expect(early.get(coverage.id)).toMatchObject({ value: 31.5, measuredOn: '2025-06-30', met: false })

      const late = await c.latestMeasurementsOf([coverage.id, waste.id, unitless.id], '2025-12-31')
      expect(late.get(coverage.id)).toMatchObject({ value: 41, measuredOn: '2025-09-30', met: true, organizationId: await id('QNG.SKHCN') })
      expect(late.get(waste.id)).toMatchObject({ value: 6, met: false, organizationId: await id('QNG.BTVTU') })
      expect(late.has(unitless.id)).toBe(false)
      expect((await c.latestMeasurementsOf([], '2025-12-31')).size).toBe(0)
      expect((await c.measurementsOf(coverage.id)).map((x) => x.value)).toEqual([41, 31.5])
    })

    it('two organisations measuring the same day: the one recorded last is the latest', async () => {
      await c.measureTarget(ctx, measure(waste, { organizationCode: 'QNG.BTVTU', value: 6 }))
      await c.measureTarget(ctx, measure(waste, { organizationCode: 'QNG.SKHCN', value: 4 }))
      expect((await c.latestMeasurementsOf([waste.id], '2025-09-30')).get(waste.id)).toMatchObject({ value: 4, met: true })
    })

    it('refuses bad input and writes nothing', async () => {
      const codeOf = async (input: Record<string, unknown>) => {
        try {
          await c.measureTarget(ctx, input as never)
          return 'accepted'
        } catch (e) {
          return (e as { code: string }).code
        }
      }
      expect(await codeOf(measure(coverage, { value: Number.NaN }))).toBe('INVALID_INPUT')
      expect(await codeOf(measure(coverage, { value: Number.POSITIVE_INFINITY }))).toBe('INVALID_INPUT')
      expect(await codeOf(measure(coverage, { value: '42' }))).toBe('INVALID_INPUT')
      expect(await codeOf(measure(coverage, { unit: 'ngày' }))).toBe('INVALID_INPUT')
      expect(await codeOf(measure(unitless, { unit: '%' }))).toBe('INVALID_INPUT')
      expect(await codeOf(measure(coverage, { measuredOn: '2025-02-30' }))).toBe('INVALID_DATE')
      expect(await codeOf(measure(coverage, { measuredOn: '2099-01-01' }))).toBe('INVALID_DATE') // after the command's today
      expect(await codeOf(measure(coverage, { targetId: 'no-such-target' }))).toBe('UNKNOWN_TARGET')
      expect(await codeOf(measure(coverage, { organizationCode: 'NOPE' }))).toBe('UNKNOWN_ORGANIZATION')
      expect(await count()).toBe(0)
      expect(await codeOf(measure(coverage))).toBe('accepted')
      expect(await codeOf(measure(coverage, { value: 50 }))).toBe('DUPLICATE_MEASUREMENT')
      expect(await count()).toBe(1)
    })

    it('authorization: an organisation the plan binds, or a body above acting for it; never another', async () => {
      const forbidden = { code: 'FORBIDDEN' }
      // Bound by the target's task (its lead), with its own key.
      await expect(c.measureTarget(await as('QNG.SKHCN'), measure(coverage))).resolves.toMatchObject({ submittedById: null })
      // A body above acting for it: recorded as filed by that body.
      await expect(c.measureTarget(await as('QNG.UBND'), measure(coverage, { measuredOn: '2025-10-31' }))).resolves.toMatchObject({
        organizationId: await id('QNG.SKHCN'),
        submittedById: await id('QNG.UBND'),
      })
      // The plan's issuer is bound by its targets, plan-wide or tied to a task.
      await expect(c.measureTarget(await as('QNG.BTVTU'), measure(waste, { organizationCode: 'QNG.BTVTU' }))).resolves.toBeTruthy()
      await expect(c.measureTarget(await as('QNG.BTVTU'), measure(coverage, { organizationCode: 'QNG.BTVTU' }))).resolves.toBeTruthy()
      const before = await count()
      // A VIEWER records nothing.
      await expect(c.measureTarget(await as('QNG.SKHCN', 'VIEWER'), measure(coverage, { measuredOn: '2025-11-30' }))).rejects.toMatchObject(
        forbidden,
      )
      // A body the plan does not bind, with its own key: refused.
      await expect(
        c.measureTarget(await as('QNG.STTTT'), measure(coverage, { organizationCode: 'QNG.STTTT', measuredOn: '2025-11-30' })),
      ).rejects.toMatchObject(forbidden)
      // Another province's body cannot act for the bound one.
      await expect(c.measureTarget(await as('DNG.UBND'), measure(coverage, { measuredOn: '2025-11-30' }))).rejects.toMatchObject(forbidden)
      expect(await count()).toBe(before)
      // A national key may act for any bound body.
      await expect(c.measureTarget(await as(null), measure(coverage, { measuredOn: '2025-11-30' }))).resolves.toBeTruthy()
    })
  })
}
