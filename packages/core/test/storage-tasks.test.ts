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

    describe('tasks, assignments, targets', () => {
      it('adds tasks with structure, assignments and implements links to ancestor tasks', async () => {
        const { nq57, kh359, kh09 } = await registerSmallCascade(t.chidao)
        const parent = await t.chidao.addTask(ctx, { documentId: nq57.id, code: 'III.1', content: 'Nâng cao nhận thức' })
        const mid = await t.chidao.addTask(ctx, { documentId: kh359.id, code: 'II.1', content: 'Tuyên truyền', implements: [parent.id] })
        const group = await t.chidao.addTask(ctx, { documentId: kh09.id, code: 'II', content: 'Nhiệm vụ' })
        const child = await t.chidao.addTask(ctx, {
          documentId: kh09.id,
          code: 'II.1',
          parentCode: 'II',
          content: 'Quán triệt',
          timePhrase: 'Quý IV/2025',
          implements: [parent.id, mid.id],
          assignments: [
            { role: 'LEAD', organizationCode: 'QNG.THIENTIN.DU' },
            { role: 'COORDINATING', organizationCode: 'QNG.UBND', note: 'UBND' },
          ],
        })
        expect(child).toMatchObject({
          code: 'II.1',
          parentId: group.id,
          ordinal: 2,
          timePhrase: 'Quý IV/2025',
          state: 'ACTIVE',
          version: 1,
        })
        expect(child.deadline).toMatchObject({ kind: 'QUARTER', dueDate: '2025-12-31', normalized: 'Quý IV/2025' })
        expect(group.deadline).toMatchObject({ kind: 'INHERITED', inheritsFromParents: true })
        expect((await t.chidao.parentTaskIdsOf(child.id)).sort()).toEqual([parent.id, mid.id].sort())
        expect((await t.chidao.assignmentsOf(child.id)).map((a) => a.role)).toEqual(['LEAD', 'COORDINATING'])
        expect((await t.chidao.tasksOf(kh09.id)).map((x) => x.code)).toEqual(['II', 'II.1'])
        expect(await t.chidao.taskById(child.id)).toEqual(child)
      })

      it('refuses an implements link to a task outside the ancestors (NOT_AN_ANCESTOR)', async () => {
        const { nq71, kh09 } = await registerSmallCascade(t.chidao)
        const govTask = await t.chidao.addTask(ctx, { documentId: nq71.id, code: '1', content: 'x' })
        const before = await count(t, 'task')
        const e = await expectCode(
          t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'y', implements: [govTask.id] }),
          'NOT_AN_ANCESTOR',
        )
        expect(e.details).toMatchObject({ parentTaskId: govTask.id })
        expect(await count(t, 'task')).toBe(before)
        const own = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'y' })
        await expectCode(t.chidao.linkTask(ctx, { taskId: own.id, parentTaskId: govTask.id }), 'NOT_AN_ANCESTOR')
        await expectCode(t.chidao.linkTask(ctx, { taskId: own.id, parentTaskId: own.id }), 'NOT_AN_ANCESTOR')
      })

      it('links tasks after the fact, once', async () => {
        const { nq57, kh09 } = await registerSmallCascade(t.chidao)
        const p = await t.chidao.addTask(ctx, { documentId: nq57.id, code: '1', content: 'p' })
        const c = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'c' })
        await t.chidao.linkTask(ctx, { taskId: c.id, parentTaskId: p.id })
        await t.chidao.linkTask(ctx, { taskId: c.id, parentTaskId: p.id })
        expect(await t.chidao.parentTaskIdsOf(c.id)).toEqual([p.id])
      })

      it('refuses a duplicate task code, an unknown parent code and an unknown assignee', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'c' })
        await expectCode(t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'again' }), 'DUPLICATE_TASK')
        await expectCode(t.chidao.addTask(ctx, { documentId: kh09.id, code: '2.a', parentCode: '2', content: 'x' }), 'UNKNOWN_TASK')
        await expectCode(
          t.chidao.addTask(ctx, {
            documentId: kh09.id,
            code: '3',
            content: 'x',
            assignments: [{ role: 'LEAD', organizationCode: 'NOPE' }],
          }),
          'UNKNOWN_ORGANIZATION',
        )
        await expectCode(t.chidao.addTask(ctx, { documentId: 'nope', code: '3', content: 'x' }), 'UNKNOWN_DOCUMENT')
      })

      it('assigns to an organization or a group, never both, never twice', async () => {
        const { kh359 } = await registerSmallCascade(t.chidao)
        await t.chidao.registerGroup(ctx, { code: 'QNG.SO', name: 'Các sở, ban, ngành', withinCode: 'QNG.UBND', kinds: ['DEPARTMENT'] })
        const task = await t.chidao.addTask(ctx, { documentId: kh359.id, code: '1', content: 'x' })
        const a = await t.chidao.assign(ctx, { taskId: task.id, role: 'LEAD', groupCode: 'QNG.SO', note: 'Các sở, ban, ngành' })
        expect(a).toMatchObject({ role: 'LEAD', organizationId: null, note: 'Các sở, ban, ngành' })
        await t.chidao.assign(ctx, { taskId: task.id, role: 'COORDINATING', organizationCode: 'QNG.SKHCN' })
        await expectCode(t.chidao.assign(ctx, { taskId: task.id, role: 'COORDINATING', organizationCode: 'QNG.SKHCN' }), 'INVALID_INPUT')
        await expectCode(
          t.chidao.assign(ctx, { taskId: task.id, role: 'LEAD', organizationCode: 'QNG.SKHCN', groupCode: 'QNG.SO' }),
          'INVALID_INPUT',
        )
        await expectCode(t.chidao.assign(ctx, { taskId: task.id, role: 'LEAD', groupCode: 'NOPE' }), 'UNKNOWN_ORGANIZATION')
        expect((await t.chidao.assignmentsOf(task.id)).length).toBe(2)
      })

      it('updates a task under optimistic concurrency', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        const task = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'x', timePhrase: 'Quý IV/2025' })
        const v2 = await t.chidao.updateTask(ctx, { id: task.id, expectedVersion: 1, timePhrase: 'Trong tháng 10/2025', state: 'ACTIVE' })
        expect(v2).toMatchObject({ timePhrase: 'Trong tháng 10/2025', version: 2, deadline: { kind: 'MONTH', dueDate: '2025-10-31' } })
        // A relative phrase resolves against the document's issue date (22/8/2025).
        const v3 = await t.chidao.updateTask(ctx, {
          id: task.id,
          expectedVersion: 2,
          timePhrase: 'Trong 10 ngày làm việc kể từ ngày ban hành',
        })
        expect(v3.deadline).toMatchObject({ kind: 'RELATIVE', dueDate: '2025-09-09' }) // 1–2/9 are off
        await expectCode(t.chidao.updateTask(ctx, { id: task.id, expectedVersion: 1, content: 'stale' }), 'VERSION_CONFLICT')
        await expectCode(t.chidao.updateTask(ctx, { id: task.id, expectedVersion: 0, content: 'bad' }), 'INVALID_INPUT')
        await expectCode(t.chidao.updateTask(ctx, { id: task.id, expectedVersion: 3, state: 'DONE' }), 'INVALID_INPUT')
      })

      it('adds targets with comparator, value and milestone', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        await t.chidao.addTarget(ctx, {
          documentId: kh09.id,
          category: 'Hạ tầng',
          metric: 'Tỷ lệ phủ sóng 5G',
          unit: '%',
          comparator: 'GTE',
          value: 100,
          milestoneOn: '2030-12-31',
        })
        await t.chidao.addTarget(ctx, {
          documentId: kh09.id,
          category: 'Hạ tầng',
          metric: 'Tỷ lệ phủ sóng 5G',
          unit: '%',
          comparator: 'GTE',
          value: 40,
          milestoneOn: '2025-12-31',
        })
        await t.chidao.addTarget(ctx, {
          documentId: kh09.id,
          metric: 'Chỉ số chuyển đổi số cấp xã',
          comparator: 'GT',
          value: 0.6,
          milestoneOn: '2025-12-31',
        })
        const targets = await t.chidao.targetsOf(kh09.id)
        expect(targets.map((x) => [x.milestoneOn, x.value])).toEqual([
          ['2025-12-31', 0.6],
          ['2025-12-31', 40],
          ['2030-12-31', 100],
        ])
        await expectCode(t.chidao.addTarget(ctx, { documentId: kh09.id, metric: 'x', comparator: '>=', value: 1 }), 'INVALID_INPUT')
        await expectCode(
          t.chidao.addTarget(ctx, { documentId: kh09.id, metric: 'x', comparator: 'GT', value: Number.NaN }),
          'INVALID_INPUT',
        )
      })
    })
  })
}
