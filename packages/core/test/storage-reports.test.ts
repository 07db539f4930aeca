import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { ctx, registerSmallCascade } from './support/cascade.js'
import { count, expectCode } from './support/storage.js'

for (const dialect of DIALECTS) {
  describe(`storage on ${dialect.name}`, () => {
    let t: TestContext

    beforeEach(async () => {
      t = await initTest(dialect)
    })
    afterEach(async () => {
      await destroyTest(t)
    })

    describe('reports', () => {
      it('pages reports per task in one batch, each with its evidence in order', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        const a = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'x' })
        const b = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '2', content: 'y' })
        const submit = (taskId: string, reportedOn: string, evidence: { title: string; uri: string }[]) =>
          t.chidao.submitReport(ctx, {
            taskId,
            organizationCode: 'QNG.THIENTIN.DU',
            period: 'AD_HOC',
            claimedStatus: 'IN_PROGRESS',
            percent: 10,
            reportedOn,
            evidence,
          })
        await submit(a.id, '2025-10-01', [{ title: 'Một', uri: 'file:1' }])
        await submit(a.id, '2025-11-01', [])
        await submit(a.id, '2025-12-01', [
          { title: 'Ba', uri: 'file:3' },
          { title: 'Bốn', uri: 'file:4' },
        ])
        await submit(b.id, '2025-10-05', [{ title: 'Năm', uri: 'file:5' }])
        const all = await t.chidao.reportsOfTasks([a.id, b.id])
        const pages = await t.chidao.reportPagesOfTasks([a.id, b.id], { offset: 1, limit: 2 })
        expect(pages.get(a.id)).toEqual({ items: all.get(a.id)!.slice(1, 3), total: 3 })
        expect(pages.get(a.id)!.items.map((r) => r.evidence.map((e) => e.title))).toEqual([[], ['Ba', 'Bốn']])
        expect(pages.get(b.id)).toEqual({ items: [], total: 1 })
        expect((await t.chidao.reportPagesOfTasks([b.id], { offset: 0, limit: 5 })).get(b.id)!.items[0]!.evidence).toEqual([
          { title: 'Năm', uri: 'file:5', sha256: null },
        ])
      })

      it('keeps the claim and the verification apart, with evidence in order', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        const task = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'x' })
        const sha = 'a'.repeat(64)
        const report = await t.chidao.submitReport(ctx, {
          taskId: task.id,
          organizationCode: 'QNG.THIENTIN.DU',
          period: 'QUARTER',
          periodStart: '2025-09-15',
          periodEnd: '2025-12-14',
          claimedStatus: 'COMPLETED',
          percent: 100,
          completedOn: '2025-12-01',
          reportedOn: '2025-12-10',
          narrative: 'Đã hoàn thành',
          evidence: [
            { title: 'Biên bản', uri: 'https://example.invalid/1.pdf', sha256: sha.toUpperCase() },
            { title: 'Ảnh', uri: 'file:2.jpg' },
          ],
        })
        expect(report).toMatchObject({
          claimedStatus: 'COMPLETED',
          percent: 100,
          scope: 'QNG',
          verification: { status: 'PENDING', verifierId: null },
        })
        expect(report.evidence).toEqual([
          { title: 'Biên bản', uri: 'https://example.invalid/1.pdf', sha256: sha },
          { title: 'Ảnh', uri: 'file:2.jpg', sha256: null },
        ])
        const verified = await t.chidao.verifyReport(ctx, {
          reportId: report.id,
          expectedVersion: 1,
          verifierCode: 'QNG.TU',
          status: 'REJECTED',
          verifiedOn: '2025-12-12',
          note: 'Thiếu minh chứng',
        })
        expect(verified).toMatchObject({
          claimedStatus: 'COMPLETED',
          version: 2,
          verification: { status: 'REJECTED', verifiedOn: '2025-12-12', note: 'Thiếu minh chứng' },
        })
        await expectCode(
          t.chidao.verifyReport(ctx, {
            reportId: report.id,
            expectedVersion: 1,
            verifierCode: 'QNG.TU',
            status: 'ACCEPTED',
            verifiedOn: '2025-12-13',
          }),
          'VERSION_CONFLICT',
        )
        expect(await t.chidao.reportsOf(task.id)).toEqual([verified])
      })

      it('refuses bad claims', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        const task = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'x' })
        const base = {
          taskId: task.id,
          organizationCode: 'QNG.THIENTIN.DU',
          period: 'AD_HOC',
          claimedStatus: 'IN_PROGRESS',
          reportedOn: '2025-12-10',
        }
        await expectCode(t.chidao.submitReport(ctx, { ...base, percent: 101 }), 'INVALID_INPUT')
        await expectCode(t.chidao.submitReport(ctx, { ...base, claimedStatus: 'COMPLETED' }), 'INVALID_INPUT')
        await expectCode(t.chidao.submitReport(ctx, { ...base, claimedStatus: 'COMPLETED', completedOn: '2025-12-11' }), 'INVALID_DATE')
        await expectCode(t.chidao.submitReport(ctx, { ...base, evidence: [{ title: 'x', uri: 'y', sha256: 'abc' }] }), 'INVALID_INPUT')
        await expectCode(t.chidao.submitReport(ctx, { ...base, organizationCode: 'NOPE' }), 'UNKNOWN_ORGANIZATION')
        await expectCode(t.chidao.submitReport(ctx, { ...base, taskId: 'nope' }), 'UNKNOWN_TASK')
        await expectCode(t.chidao.submitReport(ctx, { ...base, reportedOn: '2025-12-32' }), 'INVALID_DATE')
        expect(await count(t, 'report')).toBe(0)
      })
    })
  })
}
