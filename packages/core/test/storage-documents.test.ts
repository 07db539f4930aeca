import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { ctx, registerNewDirection, registerOrganizations, registerSmallCascade } from './support/cascade.js'
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

    describe('documents', () => {
      it('registers a cascade with parsed symbols and implements links', async () => {
        const { nq57, kh359, kh09 } = await registerSmallCascade(t.chidao)
        expect(kh09).toMatchObject({ symbol: '09-KH/ĐU', kind: 'KH', issuedOn: '2025-08-22', status: 'IN_FORCE', version: 1, scope: 'QNG' })
        expect((await t.chidao.parentsOf(kh09.id)).map((d) => d.symbol)).toEqual(['57-NQ/TW', '359-KH/TU'])
        expect((await t.chidao.childrenOf(nq57.id)).map((d) => d.symbol)).toEqual(['71/NQ-CP', '359-KH/TU', '09-KH/ĐU'])
        expect((await t.chidao.ancestorIdsOf(kh09.id)).sort()).toEqual([nq57.id, kh359.id].sort())
      })

      it('finds a document by any spelling of its symbol', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        expect((await t.chidao.documentsBySymbol('09-KH/PU')).map((d) => d.id)).toEqual([kh09.id])
        expect(await t.chidao.documentsBySymbol('09-KH/ĐU', '2025-08-23')).toEqual([])
        expect(await t.chidao.documentById(kh09.id)).toEqual(kh09)
      })

      it('stores the OCR spelling and the canonical symbol side by side', async () => {
        await registerOrganizations(t.chidao)
        const d = await t.chidao.registerDocument(ctx, {
          symbol: 'S6:107 /KH-UBND',
          issuerCode: 'QNG.UBND',
          issuedOn: '2025-12-08',
          title: 'Đoàn công tác',
        })
        expect(d).toMatchObject({ symbol: '107/KH-UBND', symbolWritten: 'S6:107 /KH-UBND' })
      })

      it('registers a document whose number is illegible only without a symbol and with its kind', async () => {
        await registerOrganizations(t.chidao)
        const e = await expectCode(
          t.chidao.registerDocument(ctx, { symbol: 'S6: £ /KI-UBND', issuerCode: 'QNG.UBND', issuedOn: '2020-05-19', title: 'Kế hoạch' }),
          'ILLEGIBLE_SYMBOL',
        )
        expect(e.field).toEqual(['input', 'symbol'])
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: null, issuerCode: 'QNG.UBND', issuedOn: '2020-05-19', title: 'Kế hoạch' }),
          'INVALID_INPUT',
        )
        const d = await t.chidao.registerDocument(ctx, {
          symbol: null,
          kind: 'KH',
          issuerCode: 'QNG.UBND',
          issuedOn: '2020-05-19',
          title: 'Kế hoạch',
        })
        expect(d).toMatchObject({ symbol: null, kind: 'KH' })
      })

      it('refuses malformed symbols, unknown issuers, impossible dates and duplicates with coded errors', async () => {
        await registerSmallCascade(t.chidao)
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: 'KH-UBND', issuerCode: 'QNG.UBND', issuedOn: '2025-01-01', title: 'x' }),
          'MALFORMED_SYMBOL',
        )
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: '1/KH-UBND', issuerCode: 'QNG.NOPE', issuedOn: '2025-01-01', title: 'x' }),
          'UNKNOWN_ORGANIZATION',
        )
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: '1/KH-UBND', issuerCode: 'QNG.UBND', issuedOn: '2025-02-29', title: 'x' }),
          'INVALID_DATE',
        )
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: '1/KH-UBND', issuerCode: 'QNG.UBND', issuedOn: '2025-1-1', title: 'x' }),
          'INVALID_DATE',
        )
        const dup = await expectCode(
          t.chidao.registerDocument(ctx, { symbol: '09-KH/DU', issuerCode: 'QNG.THIENTIN.DU', issuedOn: '2025-08-22', title: 'again' }),
          'DUPLICATE_DOCUMENT',
        )
        expect(dup.details).toHaveProperty('documentId')
        await expectCode(
          t.chidao.registerDocument(ctx, {
            symbol: '2/KH-UBND',
            issuerCode: 'QNG.UBND',
            issuedOn: '2025-01-01',
            title: 'x',
            implements: ['missing'],
          }),
          'UNKNOWN_DOCUMENT',
        )
      })

      it('allows the same symbol from another issuer or on another date (the key is issuer + symbol + date)', async () => {
        await registerSmallCascade(t.chidao)
        await t.chidao.registerDocument(ctx, {
          symbol: '09-KH/ĐU',
          issuerCode: 'QNG.THIENTIN.DU',
          issuedOn: '2026-01-05',
          title: 'next term',
        })
        expect((await t.chidao.documentsBySymbol('09-KH/ĐU')).length).toBe(2)
      })

      it('refuses an implements link to a lower tier and a link that closes a cycle', async () => {
        const { nq57, kh359, kh09 } = await registerSmallCascade(t.chidao)
        await expectCode(t.chidao.linkDocument(ctx, { documentId: kh359.id, parentId: kh09.id }), 'LINK_TO_LOWER_TIER')
        await expectCode(
          t.chidao.registerDocument(ctx, {
            symbol: '9/NQ-CP',
            issuerCode: 'CP',
            issuedOn: '2025-09-01',
            title: 'x',
            implements: [kh359.id],
          }),
          'LINK_TO_LOWER_TIER',
        )
        const kh368 = await t.chidao.registerDocument(ctx, {
          symbol: '368-KH/TU',
          issuerCode: 'QNG.BTVTU',
          issuedOn: '2025-05-24',
          title: 'x',
          implements: [kh359.id],
        })
        await expectCode(t.chidao.linkDocument(ctx, { documentId: kh359.id, parentId: kh368.id }), 'LINK_CYCLE')
        await expectCode(t.chidao.linkDocument(ctx, { documentId: kh359.id, parentId: kh359.id }), 'LINK_CYCLE')
        // Same tier, other direction, no cycle: allowed; linking twice is harmless.
        await t.chidao.linkDocument(ctx, { documentId: kh09.id, parentId: kh368.id })
        await t.chidao.linkDocument(ctx, { documentId: kh09.id, parentId: kh368.id })
        expect((await t.chidao.parentsOf(kh09.id)).map((d) => d.symbol)).toContain('368-KH/TU')
        expect(nq57.symbol).toBe('57-NQ/TW')
      })

      it('keeps an unknown issue date unknown, and still refuses its duplicate', async () => {
        await registerOrganizations(t.chidao)
        const d = await t.chidao.registerDocument(ctx, {
          symbol: '06-CTr/BCĐ',
          issuerCode: 'QNG.TU',
          issuedOn: null,
          title: 'Chương trình công tác năm 2025',
        })
        expect(d.issuedOn).toBeNull()
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: '06-CTr/BCD', issuerCode: 'QNG.TU', issuedOn: null, title: 'again' }),
          'DUPLICATE_DOCUMENT',
        )
        const dated = await t.chidao.registerDocument(ctx, {
          symbol: '06-CTr/BCĐ',
          issuerCode: 'QNG.TU',
          issuedOn: '2025-02-01',
          title: 'dated',
        })
        expect((await t.chidao.documentsBySymbol('06-CTr/BCĐ')).map((x) => x.id)).toEqual([d.id, dated.id])
      })

      it('records an alignment review decision (seed 004: keep 359-KH/TU after 01-KH/BCĐTW)', async () => {
        const { nq57, kh359 } = await registerSmallCascade(t.chidao)
        const kh01 = await registerNewDirection(t.chidao, nq57.id)
        const memo = await t.chidao.registerDocument(ctx, {
          symbol: '1408/SKHCN-QLKHCN',
          issuerCode: 'QNG.SKHCN',
          issuedOn: '2025-06-16',
          title: 'Tham mưu thực hiện Kế hoạch 01-KH/BCĐTW',
        })
        const review = await t.chidao.recordAlignmentReview(ctx, {
          documentId: kh359.id,
          newDirectionId: kh01.id,
          decision: 'KEEP',
          reasons: 'Cơ sở 01-CV/BCĐTW chưa điều chỉnh',
          memoId: memo.id,
          decidedOn: '2025-06-16',
        })
        expect(await t.chidao.alignmentReviewsOf(kh359.id)).toEqual([review])
        expect(review).toMatchObject({ decision: 'KEEP', memoId: memo.id })
        await expectCode(
          t.chidao.recordAlignmentReview(ctx, {
            documentId: kh359.id,
            newDirectionId: kh01.id,
            decision: 'IGNORE',
            reasons: 'x',
            decidedOn: '2025-06-16',
          }),
          'INVALID_INPUT',
        )
        await expectCode(
          t.chidao.recordAlignmentReview(ctx, {
            documentId: kh359.id,
            newDirectionId: 'nope',
            decision: 'KEEP',
            reasons: 'x',
            decidedOn: '2025-06-16',
          }),
          'UNKNOWN_DOCUMENT',
        )
      })

      it('updates under optimistic concurrency and refuses a stale version', async () => {
        const { kh359 } = await registerSmallCascade(t.chidao)
        const v2 = await t.chidao.updateDocument(ctx, { id: kh359.id, expectedVersion: 1, status: 'AMENDED' })
        expect(v2).toMatchObject({ status: 'AMENDED', version: 2 })
        const e = await expectCode(t.chidao.updateDocument(ctx, { id: kh359.id, expectedVersion: 1, title: 'stale' }), 'VERSION_CONFLICT')
        expect(e.details).toEqual({ currentVersion: 2 })
        expect((await t.chidao.documentById(kh359.id))!.title).toBe('Kế hoạch hành động')
      })
    })
  })
}
