import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { refreshDerived, TASK_STATUSES } from '../src/index.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { ctx, registerNewDirection, registerSmallCascade } from './support/cascade.js'

for (const dialect of DIALECTS) {
  describe(`hierarchy services on ${dialect.name}`, () => {
    let t: TestContext
    beforeEach(async () => {
      t = await initTest(dialect)
    })
    afterEach(async () => {
      await destroyTest(t)
    })

    async function setUp() {
      const docs = await registerSmallCascade(t.chidao)
      const c = t.chidao
      await c.registerOrganization(ctx, { code: 'QNG.XA', name: 'Xã Thiện Tín', tier: 'COMMUNE', kind: 'TERRITORY', parentCode: 'QNG.TU' })
      await c.registerOrganization(ctx, {
        code: 'QNG.XA.UBND',
        name: 'UBND xã Thiện Tín',
        tier: 'COMMUNE',
        bloc: 'STATE',
        kind: 'PEOPLES_COMMITTEE',
        parentCode: 'QNG.XA',
      })
      await c.registerGroup(ctx, {
        code: 'UBND_XA',
        name: 'UBND các xã',
        withinCode: 'QNG.TU',
        tiers: ['COMMUNE'],
        kinds: ['PEOPLES_COMMITTEE'],
      })
      await c.registerSuccession(ctx, {
        predecessorCode: 'QNG.STTTT',
        successorCode: 'QNG.SKHCN',
        kind: 'MERGED_INTO',
        effectiveOn: '2025-03-01',
      })
      const root = await c.addTask(ctx, {
        documentId: docs.nq57.id,
        code: '1',
        content: 'Hạ tầng số',
        timePhrase: 'Quý IV/2025',
        assignments: [{ role: 'LEAD', organizationCode: 'CP' }],
      })
      const plan = await c.addTask(ctx, {
        documentId: docs.kh359.id,
        code: '1',
        content: 'Hạ tầng số của tỉnh',
        timePhrase: 'Năm 2026',
        implements: [root.id],
        assignments: [
          { role: 'LEAD', organizationCode: 'QNG.STTTT' },
          { role: 'COORDINATING', groupCode: 'UBND_XA' },
        ],
      })
      const order = await c.addTask(ctx, {
        documentId: docs.kh359.id,
        code: '2',
        content: 'Xây dựng kế hoạch thực hiện, gửi về Văn phòng Tỉnh ủy',
        timePhrase: 'trước ngày 28/10/2025',
        assignments: [{ role: 'LEAD', organizationCode: 'QNG.THIENTIN.DU' }],
      })
      const commune = await c.addTask(ctx, { documentId: docs.kh09.id, code: '1', content: 'Phủ sóng', implements: [plan.id] })
      return { ...docs, root, plan, order, commune }
    }

    it('keeps effective deadlines and DEADLINE_AFTER_PARENT violations as tasks are added and linked', async () => {
      const { root, plan, commune } = await setUp()
      expect(await t.chidao.effectiveDeadline(commune.id)).toMatchObject({
        source: 'INHERITED',
        fromTaskId: plan.id,
        dueDate: '2026-12-31',
      })
      expect(await t.chidao.violationsOf(plan.id)).toEqual([
        { code: 'DEADLINE_AFTER_PARENT', taskId: plan.id, parentTaskId: root.id, dueDate: '2026-12-31', parentDueDate: '2025-12-31' },
      ])
      // Bringing the time forward clears the violation and moves the inherited deadline below it.
      await t.chidao.updateTask(ctx, { id: plan.id, expectedVersion: 1, timePhrase: 'Trong tháng 11/2025' })
      expect(await t.chidao.violationsOf(plan.id)).toEqual([])
      expect((await t.chidao.effectiveDeadline(commune.id))?.dueDate).toBe('2025-11-30')
    })

    it('matches a full rebuild of the derived tables after every kind of write', async () => {
      const { kh359, plan, order, root } = await setUp()
      const c = t.chidao
      // Writes after the tasks exist, each touching the obligations another way: a body joining a group
      // the plan's task is assigned to, a succession of a holder, reports, a plan answering a plan order,
      // a new assignment and a changed deadline.
      await c.registerOrganization(ctx, { code: 'QNG.XA2', name: 'Xã Bình Sơn', tier: 'COMMUNE', kind: 'TERRITORY', parentCode: 'QNG.TU' })
      await c.registerOrganization(ctx, {
        code: 'QNG.XA2.UBND',
        name: 'UBND xã Bình Sơn',
        tier: 'COMMUNE',
        bloc: 'STATE',
        kind: 'PEOPLES_COMMITTEE',
        parentCode: 'QNG.XA',
        validFrom: '2025-01-01',
      })
      await c.submitReport(ctx, {
        taskId: plan.id,
        organizationCode: 'QNG.XA.UBND',
        period: 'AD_HOC',
        claimedStatus: 'COMPLETED',
        completedOn: '2025-06-30',
        reportedOn: '2025-07-01',
      })
      await c.registerOrganization(ctx, {
        code: 'QNG.XA3.UBND',
        name: 'UBND xã Thiện Tín mới',
        tier: 'COMMUNE',
        bloc: 'STATE',
        kind: 'PEOPLES_COMMITTEE',
        parentCode: 'QNG.XA',
      })
      await c.updateTask(ctx, { id: plan.id, expectedVersion: 1, timePhrase: 'Quý I/2026' })
      await c.assign(ctx, { taskId: order.id, role: 'COORDINATING', groupCode: 'UBND_XA' })
      await c.submitReport(ctx, {
        taskId: plan.id,
        organizationCode: 'QNG.SKHCN',
        period: 'AD_HOC',
        claimedStatus: 'IN_PROGRESS',
        percent: 50,
        reportedOn: '2025-10-01',
      })
      await c.registerSuccession(ctx, {
        predecessorCode: 'QNG.XA.UBND',
        successorCode: 'QNG.XA3.UBND',
        kind: 'RENAMED_TO',
        effectiveOn: '2025-12-01',
      })
      await c.registerSuccession(ctx, {
        predecessorCode: 'QNG.SKHCN',
        successorCode: 'QNG.XA3.UBND',
        kind: 'MERGED_INTO',
        effectiveOn: '2026-02-01',
      })
      // Each of these is the last write to touch the tasks it changes, so a missed update shows.
      await c.registerDocument(ctx, {
        symbol: '3/KH-UBND',
        issuerCode: 'QNG.XA2.UBND',
        issuedOn: '2025-10-20',
        title: 'Kế hoạch của UBND xã',
        implements: [kh359.id],
      })
      await c.assign(ctx, { taskId: root.id, role: 'COORDINATING', organizationCode: 'QNG.UBND' })
      const xa2 = (await c.organizationByCode('QNG.XA2.UBND'))!.id
      expect((await c.taskStatus(order.id, '2025-11-01')).obligations.find((o) => o.organizationId === xa2)?.status).toBe(
        'COMPLETED_ON_TIME',
      )
      expect((await c.taskStatus(root.id, '2025-11-01')).obligations.map((o) => o.role).sort()).toEqual(['COORDINATING', 'LEAD'])
      // Sở TT&TT's lead passed to Sở KH&CN (1/3/2025), then on with Sở KH&CN's merger (1/2/2026).
      const lead = (await c.taskStatus(plan.id, '2026-03-01')).obligations.filter((o) => o.role === 'LEAD')
      expect(lead.map((o) => [o.organizationId, o.succeededOn])).toEqual([[(await c.organizationByCode('QNG.XA3.UBND'))!.id, '2025-03-01']])
      const snapshot = async () => {
        const out: Record<string, unknown[]> = {}
        for (const table of [
          'organizationClosure',
          'organizationGroupMember',
          'taskEffective',
          'taskViolation',
          'obligationSpan',
        ] as const) {
          out[table] = (await t.store.db.selectFrom(table).selectAll().execute()).map((r) => JSON.stringify(r)).sort()
        }
        return out
      }
      const incremental = await snapshot()
      await refreshDerived(t.store.db)
      expect(await snapshot()).toEqual(incremental)
    })

    it('answers status, scorecards and bottlenecks from the store, with succession, fan-out and plan orders applied', async () => {
      const { nq57, kh359, kh09, root, plan, order } = await setUp()
      const id = async (code: string) => (await t.chidao.organizationByCode(code))!.id
      await t.chidao.submitReport(ctx, {
        taskId: plan.id,
        organizationCode: 'QNG.SKHCN',
        period: 'AD_HOC',
        claimedStatus: 'IN_PROGRESS',
        percent: 40,
        reportedOn: '2025-09-01',
      })
      const status = await t.chidao.taskStatus(plan.id, '2025-10-01')
      expect(status.status).toBe('IN_PROGRESS')
      // 359-KH/TU came after the merger: Sở TT&TT's lead has passed to Sở KH&CN; the group fans out to the commune UBND.
      expect(status.obligations.map((o) => [o.role, o.organizationId, o.assignedOrganizationId, o.succeededOn, o.status])).toEqual(
        [
          ['COORDINATING', await id('QNG.XA.UBND'), await id('QNG.XA.UBND'), null, 'NOT_STARTED'],
          ['LEAD', await id('QNG.SKHCN'), await id('QNG.STTTT'), '2025-03-01', 'IN_PROGRESS'],
        ].sort((a, b) => (String(a[1]) < String(b[1]) ? -1 : 1)),
      )
      // The plan order is fulfilled by the commune's own plan (09-KH/ĐU, 22/8/2025), before 28/10/2025.
      expect((await t.chidao.taskStatus(order.id, '2025-11-01')).status).toBe('COMPLETED_ON_TIME')

      const card = await t.chidao.scorecard({ province: 'QNG' }, '2026-01-15')
      expect(card.counts).toMatchObject({ COMPLETED_ON_TIME: 1, IN_PROGRESS: 1, NOT_STARTED: 1, OVERDUE: 0 })
      expect([card.total, card.percentComplete, card.onTimeRate]).toEqual([3, 33.33, 100])
      const national = await t.chidao.scorecard({ national: true }, '2026-01-15')
      expect(national.overdue.map((o) => o.taskId)).toEqual([root.id])
      expect(await t.chidao.bottlenecks({ national: true }, '2026-01-15')).toMatchObject([{ taskId: root.id, dependentTasks: 2 }])

      expect((await t.chidao.cascadeBelow(nq57.id)).map((d) => d.symbol)).toEqual(['71/NQ-CP', '359-KH/TU', '09-KH/ĐU'])
      expect(await t.chidao.uncoveredParentTasks(kh09.id)).toEqual([
        { code: 'UNCOVERED_PARENT_TASK', planId: kh09.id, parentDocumentId: kh359.id, parentTaskId: order.id },
      ])
    })

    it("pages the tasks an organisation owes in SQL, in plan order, filtered by its own obligation's status", async () => {
      const { kh359, plan } = await setUp()
      const c = t.chidao
      const skhcn = (await c.organizationByCode('QNG.SKHCN'))!.id
      // Three more leads for Sở KH&CN in 359-KH/TU, one of them done on time.
      const more = []
      for (const [code, phrase] of [
        ['3', 'Quý III/2025'],
        ['4', 'Năm 2026'],
        ['5', 'trước ngày 30/9/2025'],
      ] as const) {
        more.push(
          await c.addTask(ctx, {
            documentId: kh359.id,
            code,
            content: `Nhiệm vụ ${code}`,
            timePhrase: phrase,
            assignments: [{ role: 'LEAD', organizationCode: 'QNG.SKHCN' }],
          }),
        )
      }
      await c.submitReport(ctx, {
        taskId: more[2]!.id,
        organizationCode: 'QNG.SKHCN',
        period: 'AD_HOC',
        claimedStatus: 'COMPLETED',
        completedOn: '2025-09-20',
        reportedOn: '2025-09-21',
      })
      const all = [plan.id, ...more.map((m) => m.id)]
      const page = (offset: number, limit: number, status?: 'OVERDUE' | 'COMPLETED_ON_TIME') =>
        c.tasksOwedBy({ organizationId: skhcn }, '2025-10-15', { offset, limit, status })
      // Plan order (the task's place in 359-KH/TU); the inherited lead of Sở TT&TT counts after the merger.
      expect((await page(0, 10)).items.map((x) => x.id)).toEqual(all)
      expect(await page(1, 2).then((p) => [p.total, p.items.map((x) => x.id)])).toEqual([4, all.slice(1, 3)])
      expect(await page(9, 2).then((p) => [p.total, p.items.length])).toEqual([4, 0])
      expect(await page(0, 10, 'OVERDUE').then((p) => [p.total, p.items.map((x) => x.code)])).toEqual([1, ['3']])
      expect((await page(0, 10, 'COMPLETED_ON_TIME')).items.map((x) => x.code)).toEqual(['5'])
      // Without a status the owed tasks are read from the standing spans alone: the same as every status's together.
      const byStatus = new Set<string>()
      for (const status of TASK_STATUSES)
        for (const task of (await c.tasksOwedBy({ organizationId: skhcn }, '2025-10-15', { offset: 0, limit: 100, status })).items)
          byStatus.add(task.id)
      expect([...byStatus].sort()).toEqual([...all].sort())
      // Before the merger the plan (issued 29/4/2025) was not known; as coordinator Sở KH&CN owes nothing.
      expect((await c.tasksOwedBy({ organizationId: skhcn, role: 'COORDINATING' }, '2025-10-15', { offset: 0, limit: 10 })).total).toBe(0)
    })

    it('answers batched lookups the same as one task at a time', async () => {
      const { root, plan, commune, order } = await setUp()
      const c = t.chidao
      await c.submitReport(ctx, {
        taskId: plan.id,
        organizationCode: 'QNG.SKHCN',
        period: 'AD_HOC',
        claimedStatus: 'IN_PROGRESS',
        percent: 40,
        reportedOn: '2025-09-01',
        evidence: [{ title: 'Biên bản', uri: 'https://example.vn/bb.pdf' }],
      })
      const ids = [commune.id, plan.id, root.id, order.id, 'no-such-task']
      const one = async <T>(f: (id: string) => Promise<T>) => Promise.all(ids.map(f))
      const many = <T>(m: Map<string, T>) => ids.map((id) => m.get(id))
      expect(await c.tasksByIds(ids)).toEqual(await one((id) => c.taskById(id)))
      expect(await c.effectiveDeadlinesOf(ids)).toEqual(await one((id) => c.effectiveDeadline(id)))
      expect(many(await c.violationsOfTasks(ids))).toEqual(await one((id) => c.violationsOf(id)))
      expect(many(await c.taskLinksOf(ids, 'children'))).toEqual(await one((id) => c.childTaskIdsOf(id)))
      expect(many(await c.taskLinksOf(ids, 'parents'))).toEqual(await one((id) => c.parentTaskIdsOf(id)))
      expect(many(await c.reportsOfTasks(ids))).toEqual(await one((id) => c.reportsOf(id)))
      // And the answers are the cascade's: the plan has one report with its evidence, a parent and a child.
      expect((await c.reportsOf(plan.id)).map((r) => [r.percent, r.evidence.map((e) => e.title)])).toEqual([[40, ['Biên bản']]])
      expect(await c.parentTaskIdsOf(plan.id)).toEqual([root.id])
      expect(await c.childTaskIdsOf(plan.id)).toEqual([commune.id])
      expect((await c.tasksByIds(ids))[4]).toBeNull()
    })

    it('lists plans needing review after new direction, until a review is recorded', async () => {
      const { nq57, kh359 } = await setUp()
      expect(await t.chidao.plansNeedingReview()).toEqual([])
      const kh01 = await registerNewDirection(t.chidao, nq57.id)
      expect(await t.chidao.plansNeedingReview()).toEqual([{ documentId: kh359.id, newDirectionId: kh01.id, parentId: nq57.id }])
      await t.chidao.recordAlignmentReview(ctx, {
        documentId: kh359.id,
        newDirectionId: kh01.id,
        decision: 'KEEP',
        reasons: 'Cơ sở chưa thay đổi',
        decidedOn: '2025-06-16',
      })
      expect(await t.chidao.plansNeedingReview()).toEqual([])
    })
  })
}
