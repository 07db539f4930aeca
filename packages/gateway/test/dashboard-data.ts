/** The seed cascades plus a few reports made through core and the demo's measured values of targets, so the dashboard's figures are not all zero. */
import type { Chidao } from '@chidao/core'
import { loadDemoMeasurements, loadFixtures } from '@chidao/fixtures'

export const AS_OF = '2025-12-31'
export const PLAN = '01-KH/BCĐ'
export const NARRATIVE = 'Đã trình UBND tỉnh bố trí kinh phí chuyển đổi số năm 2026.'
export const EVIDENCE = 'https://quangngai.gov.vn/bao-cao-stc.pdf'

/** A day before any measured value of the seed's targets (the demo's first is the quarter after 09-KH/ĐU's issue). */
export const BEFORE_MEASURES = '2025-09-01'

/**
 * Loads the fixtures, the demo's measured values of the seed targets (09-KH/ĐU's), and files two
 * reports on 01-KH/BCĐ: II.7 done and accepted, II.5 in progress (late).
 */
export async function seedWithReports(chidao: Chidao): Promise<void> {
  await loadFixtures(chidao)
  await loadDemoMeasurements(chidao)
  const [plan] = await chidao.documentsBySymbol(PLAN)
  const tasks = await chidao.tasksOf(plan!.id)
  const task = (code: string) => tasks.find((t) => t.code === code)!
  const ctx = { actor: 'test' }
  const done = await chidao.submitReport(ctx, {
    taskId: task('II.7').id,
    organizationCode: 'QNG.STC',
    period: 'AD_HOC',
    claimedStatus: 'COMPLETED',
    percent: 100,
    narrative: NARRATIVE,
    completedOn: '2025-11-20',
    reportedOn: '2025-11-21',
    evidence: [{ title: 'Báo cáo của Sở Tài chính', uri: EVIDENCE }],
  })
  await chidao.verifyReport(ctx, {
    reportId: done.id,
    expectedVersion: done.version,
    verifierCode: 'QNG.BCD',
    status: 'ACCEPTED',
    verifiedOn: '2025-11-25',
  })
  await chidao.submitReport(ctx, {
    taskId: task('II.5').id,
    organizationCode: 'QNG.UBND',
    period: 'MONTH',
    periodStart: '2025-09-15',
    periodEnd: '2025-10-14',
    claimedStatus: 'IN_PROGRESS',
    percent: 40,
    reportedOn: '2025-10-20',
  })
}
