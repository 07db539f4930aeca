/**
 * Text the commands refuse, on both stores: NUL and other control characters, bidirectional
 * overrides and isolates (a name that reads otherwise than it is), lone surrogates (which a store
 * would keep as U+FFFD, silently). Each is INVALID_TEXT naming the field, and nothing is written;
 * Vietnamese in either Unicode form and characters outside the BMP are kept exactly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { ctx, registerSmallCascade } from './support/cascade.js'

const BAD = {
  nul: 'Sở\u0000Tài chính',
  escape: 'Sở\u001bTài chính',
  rightToLeftOverride: 'Sở Tài \u202Echính',
  isolate: 'Sở \u2067Tài\u2069 chính',
  loneHighSurrogate: 'Sở Tài chính\uD800',
  loneLowSurrogate: '\uDC00Sở Tài chính',
}

for (const dialect of DIALECTS) {
  describe(`text inputs on ${dialect.name}`, () => {
    let t: TestContext
    beforeEach(async () => {
      t = await initTest(dialect)
      await registerSmallCascade(t.chidao)
    })
    afterEach(async () => {
      await destroyTest(t)
    })
    const rows = async () => ({
      organizations: (await t.store.db.selectFrom('organization').select('id').execute()).length,
      aliases: (await t.store.db.selectFrom('agencyAlias').select('id').execute()).length,
      documents: (await t.store.db.selectFrom('document').select('id').execute()).length,
    })

    for (const [name, text] of Object.entries(BAD)) {
      it(`refuses ${name} with INVALID_TEXT in a name, an alias and a title, writing nothing`, async () => {
        const before = await rows()
        await expect(
          t.chidao.registerOrganization(ctx, {
            code: 'X',
            name: text,
            tier: 'PROVINCE',
            bloc: 'STATE',
            kind: 'DEPARTMENT',
            parentCode: 'QNG.UBND',
          }),
        ).rejects.toMatchObject({ code: 'INVALID_TEXT', field: ['input', 'name'] })
        await expect(t.chidao.registerAlias(ctx, { code: 'QNG.SKHCN', alias: text })).rejects.toMatchObject({
          code: 'INVALID_TEXT',
          field: ['input', 'alias'],
        })
        await expect(
          t.chidao.registerDocument(ctx, { symbol: '1/KH-UBND', issuerCode: 'QNG.UBND', issuedOn: '2025-09-01', title: text }),
        ).rejects.toMatchObject({ code: 'INVALID_TEXT', field: ['input', 'title'] })
        expect(await rows()).toEqual(before)
      })
    }

    it('refuses a file provenance whose name carries NUL or a bidi override, before reading the plan', async () => {
      const source = { sha256: 'a'.repeat(64), size: 10, mediaType: 'text/plain', extractor: { name: 'text', version: '1' }, pages: 1 }
      const before = await rows()
      for (const fileName of ['kh\u0000.txt', 'kh\u202Etxt.exe']) {
        let read = 0
        await expect(
          t.chidao.importPlan(ctx, 'KẾ HOẠCH', { source: { ...source, fileName }, onProgress: () => read++ }),
        ).rejects.toMatchObject({ code: 'INVALID_TEXT', field: ['input', 'source', 'fileName'] })
        expect(read).toBe(0)
      }
      await expect(t.chidao.importPlan(ctx, 'KẾ HOẠCH', { source: { ...source, fileName: 'kh.txt', sha256: 'x' } })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      })
      expect(await rows()).toEqual(before)
    })

    it('keeps Vietnamese (composed or not) and characters outside the BMP exactly', async () => {
      const composed = 'Sở Tài chính tỉnh Quảng Ngãi 📄'
      const decomposed = composed.normalize('NFD')
      const doc = await t.chidao.registerDocument(ctx, {
        symbol: '2/KH-UBND',
        issuerCode: 'QNG.UBND',
        issuedOn: '2025-09-01',
        title: decomposed,
      })
      expect((await t.chidao.documentById(doc.id))!.title.normalize('NFC')).toBe(composed)
      const alias = await t.chidao.registerAlias(ctx, { code: 'QNG.SKHCN', alias: composed })
      expect(alias).toBeTruthy()
    })
  })
}
