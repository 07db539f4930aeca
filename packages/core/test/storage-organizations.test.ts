import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { ctx, registerOrganizations } from './support/cascade.js'
import { expectCode } from './support/storage.js'

for (const dialect of DIALECTS) {
  describe(`storage on ${dialect.name}`, () => {
    let t: TestContext

    beforeEach(async () => {
      t = await initTest(dialect)
    })
    afterEach(async () => {
      await destroyTest(t)
    })

    describe('organizations and successions', () => {
      it('registers an organization with diacritics kept (NFC) and the parent scope inherited', async () => {
        await registerOrganizations(t.chidao)
        const skhcn = await t.chidao.organizationByCode('QNG.SKHCN')
        expect(skhcn).toMatchObject({ name: 'Sở Khoa học và Công nghệ', tier: 'PROVINCE', bloc: 'STATE', scope: 'QNG', version: 1 })
        const ubnd = await t.chidao.organizationByCode('QNG.UBND')
        expect(skhcn!.parentId).toBe(ubnd!.id)
        const nfd = await t.chidao.registerOrganization(ctx, {
          code: 'X',
          name: 'Ủy ban Mặt trận Tổ quốc'.normalize('NFD'),
          tier: 'PROVINCE',
          bloc: 'FRONT',
          kind: 'FATHERLAND_FRONT',
        })
        expect(nfd.name).toBe('Ủy ban Mặt trận Tổ quốc'.normalize('NFC'))
      })

      it('registers a territory without a bloc, and refuses a body without one', async () => {
        const qng = await t.chidao.registerOrganization(ctx, {
          code: 'QNG',
          name: 'Tỉnh Quảng Ngãi',
          tier: 'PROVINCE',
          kind: 'TERRITORY',
          scope: 'QNG',
        })
        expect(qng).toMatchObject({ bloc: null, kind: 'TERRITORY' })
        await expectCode(
          t.chidao.registerOrganization(ctx, { code: 'QNG.X', name: 'x', tier: 'PROVINCE', kind: 'DEPARTMENT', parentCode: 'QNG' }),
          'INVALID_INPUT',
        )
      })

      it('looks organizations up by ids in the order asked', async () => {
        await registerOrganizations(t.chidao)
        const a = await t.chidao.organizationByCode('BCT')
        const b = await t.chidao.organizationByCode('CP')
        const found = await t.chidao.organizationsByIds([b!.id, 'nope', a!.id])
        expect(found.map((o) => o?.code ?? null)).toEqual(['CP', null, 'BCT'])
      })

      it('refuses a duplicate code, an unknown parent and a bad tier', async () => {
        await registerOrganizations(t.chidao)
        await expectCode(
          t.chidao.registerOrganization(ctx, { code: 'CP', name: 'x', tier: 'CENTRAL', bloc: 'STATE', kind: 'GOVERNMENT' }),
          'DUPLICATE_ORGANIZATION',
        )
        await expectCode(
          t.chidao.registerOrganization(ctx, {
            code: 'Y',
            name: 'y',
            tier: 'COMMUNE',
            bloc: 'STATE',
            kind: 'PEOPLES_COMMITTEE',
            parentCode: 'NOPE',
          }),
          'UNKNOWN_ORGANIZATION',
        )
        await expectCode(
          t.chidao.registerOrganization(ctx, { code: 'Z', name: 'z', tier: 'REGION', bloc: 'STATE', kind: 'OTHER' }),
          'INVALID_INPUT',
        )
        await expectCode(
          t.chidao.registerOrganization(ctx, {
            code: 'W',
            name: 'w',
            tier: 'CENTRAL',
            bloc: 'STATE',
            kind: 'MINISTRY',
            parentCode: 'QNG.UBND',
          }),
          'INVALID_INPUT',
        )
      })

      it('records a dated succession and finds it from both ends', async () => {
        await registerOrganizations(t.chidao)
        const s = await t.chidao.registerSuccession(ctx, {
          predecessorCode: 'QNG.STTTT',
          successorCode: 'QNG.SKHCN',
          kind: 'MERGED_INTO',
          effectiveOn: '2025-03-01',
        })
        const stttt = await t.chidao.organizationByCode('QNG.STTTT')
        const skhcn = await t.chidao.organizationByCode('QNG.SKHCN')
        expect(await t.chidao.successionsOf(stttt!.id)).toEqual([s])
        expect(await t.chidao.successionsOf(skhcn!.id)).toEqual([s])
        expect(s).toMatchObject({ kind: 'MERGED_INTO', effectiveOn: '2025-03-01', predecessorId: stttt!.id, successorId: skhcn!.id })
        await expectCode(
          t.chidao.registerSuccession(ctx, {
            predecessorCode: 'QNG.STTTT',
            successorCode: 'QNG.SKHCN',
            kind: 'MERGED_INTO',
            effectiveOn: '2025-02-30',
          }),
          'INVALID_DATE',
        )
        await expectCode(
          t.chidao.registerSuccession(ctx, {
            predecessorCode: 'QNG.SKHCN',
            successorCode: 'QNG.STTTT',
            kind: 'RENAMED_TO',
            effectiveOn: '2025-04-01',
          }),
          'INVALID_INPUT',
        )
      })

      it('registers a group by rule and refuses one without members', async () => {
        await registerOrganizations(t.chidao)
        const g = await t.chidao.registerGroup(ctx, {
          code: 'QNG.SO',
          name: 'Các sở, ban, ngành',
          withinCode: 'QNG.UBND',
          kinds: ['DEPARTMENT'],
        })
        const ubnd = await t.chidao.organizationByCode('QNG.UBND')
        expect(g.selector).toEqual({ withinId: ubnd!.id, kinds: ['DEPARTMENT'] })
        expect(g.scope).toBe('QNG')
        await expectCode(t.chidao.registerGroup(ctx, { code: 'EMPTY', name: 'Nothing' }), 'INVALID_INPUT')
      })
    })
  })
}
