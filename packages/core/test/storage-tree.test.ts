import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TreeQueryError } from '../src/index.js'
import { ctx, registerSmallCascade } from './support/cascade.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'

for (const dialect of DIALECTS)
  describe(`readTree on ${dialect.name}`, () => {
    let t: TestContext
    beforeEach(async () => {
      t = await initTest(dialect)
    })
    afterEach(async () => {
      await destroyTest(t)
    })

    it('reads rows, the rows they point to and pages of their lists in one tree each, as the paged readers page them', async () => {
      const { nq57, kh359, kh09 } = await registerSmallCascade(t.chidao)
      // Twelve tasks entered out of code order: the page follows plan order, not the text of the codes.
      for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
        await t.chidao.addTask(ctx, {
          documentId: kh09.id,
          code: String(n),
          content: `Nhiệm vụ ${n}`,
          assignments:
            n === 2
              ? [
                  { role: 'LEAD', organizationCode: 'QNG.THIENTIN.DU' },
                  { role: 'COORDINATING', organizationCode: 'QNG.UBND', note: 'UBND' },
                ]
              : [],
        })
      const trees = await t.chidao.readTree(
        'document',
        [nq57.id, kh09.id, 'd:none'],
        [
          { key: 'sym', column: 'symbol' },
          { key: 'by', object: 'issuer', fields: [{ key: 'code', column: 'code' }] },
          {
            key: 'below',
            list: 'implementedBy',
            window: { offset: 1, limit: 5 },
            total: true,
            fields: [
              { key: 'symbol', column: 'symbol' },
              { key: 'day', column: 'issuedOn' },
            ],
          },
          {
            key: 'tasks',
            list: 'tasks',
            window: { offset: 8, limit: 3 },
            total: true,
            fields: [
              { key: 'code', column: 'code' },
              { key: 'n', column: 'ordinal' },
              {
                key: 'who',
                list: 'assignments',
                window: { offset: 0, limit: 20 },
                total: false,
                fields: [
                  { key: 'role', column: 'role' },
                  { key: 'org', object: 'organization', fields: [{ key: 'code', column: 'code' }] },
                  { key: 'group', object: 'group', fields: [{ key: 'code', column: 'code' }] },
                ],
              },
            ],
          },
          {
            key: 'first',
            list: 'tasks',
            window: { offset: 1, limit: 1 },
            total: false,
            fields: [{ key: 'who', list: 'assignments', window: { offset: 0, limit: 0 }, total: true, fields: null }],
          },
        ],
      )
      expect([...trees.keys()].sort()).toEqual([kh09.id, nq57.id].sort())
      const below = await t.chidao.linkedDocumentPages([nq57.id], 'children', { offset: 1, limit: 5 })
      expect(trees.get(nq57.id)).toEqual({
        sym: '57-NQ/TW',
        by: { code: 'BCT' },
        below: { total: 3, items: below.get(nq57.id)!.items.map((d) => ({ symbol: d.symbol, day: d.issuedOn })) },
        tasks: { total: 0, items: [] },
        first: { items: [] },
      })
      expect(below.get(nq57.id)!.items.map((d) => d.symbol)).toEqual([kh359.symbol, kh09.symbol])
      const page = await t.chidao.taskPagesOfDocuments([kh09.id], { offset: 8, limit: 3 })
      const kh = trees.get(kh09.id)!
      expect(kh.tasks).toEqual({
        total: 12,
        items: page.get(kh09.id)!.items.map((task) => ({ code: task.code, n: task.ordinal, who: { items: [] } })),
      })
      expect((kh.tasks as { items: { code: string }[] }).items.map((x) => x.code)).toEqual(['9', '10', '11'])
      expect(kh.first).toEqual({ items: [{ who: { total: 2 } }] })
      const two = await t.chidao.readTree(
        'task',
        [(await t.chidao.tasksOf(kh09.id))[1]!.id],
        [
          {
            key: 'who',
            list: 'assignments',
            window: { offset: 0, limit: 20 },
            total: false,
            fields: [
              { key: 'role', column: 'role' },
              { key: 'note', column: 'note' },
              { key: 'org', object: 'organization', fields: [{ key: 'code', column: 'code' }] },
            ],
          },
        ],
      )
      expect([...two.values()][0]).toEqual({
        who: {
          items: [
            { role: 'LEAD', note: null, org: { code: 'QNG.THIENTIN.DU' } },
            { role: 'COORDINATING', note: 'UBND', org: { code: 'QNG.UBND' } },
          ],
        },
      })
    })

    it('refuses what it cannot name before any SQL runs', async () => {
      const { nq57 } = await registerSmallCascade(t.chidao)
      const bad = [
        [{ key: 'a b', column: 'symbol' }],
        [{ key: 'x', column: 'password' }],
        [{ key: 'x', object: 'nothing', fields: [] }],
        [{ key: 'x', list: 'tasks', window: { offset: -1, limit: 2 }, total: true, fields: null }],
        [{ key: 'x', list: 'tasks', window: { offset: 0, limit: 1.5 }, total: true, fields: null }],
        [{ key: 'x', list: 'reports', window: { offset: 0, limit: 1 }, total: true, fields: null }],
      ] as const
      for (const fields of bad) await expect(t.chidao.readTree('document', [nq57.id], fields)).rejects.toBeInstanceOf(TreeQueryError)
      expect(await t.chidao.readTree('document', [], [{ key: 'x', column: 'symbol' }])).toEqual(new Map())
    })
  })
