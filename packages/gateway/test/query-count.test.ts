import { loadFixtures } from '@chidao/fixtures'
import { describe, expect, it } from 'vitest'
import { serve, statementCounter } from './support.js'
import { DIALECTS, destroyTest, initTest } from '@chidao/core/testing'

for (const dialect of DIALECTS)
  describe(`DataLoader keeps a page of tasks to a bounded number of queries on ${dialect.name}`, () => {
    it('costs the same number of queries for 20, 30 or 40 tasks with every field of a task', async () => {
      const plugin = statementCounter()
      const t = await initTest(dialect, { plugins: [plugin] })
      await loadFixtures(t.chidao)
      const served = await serve({ store: t.store })
      const post = async (query: string, variables: Record<string, unknown> = {}) => (await served.post(query, variables)).body
      // The 2020 plan (53 tasks) has no legible symbol: reach it from the plan it implements.
      const plan = (await post(`{ document(symbol: "271-KH/TU") { implementedBy(first: 1) { edges { node { id } } } } }`)).data.document
        .implementedBy.edges[0].node.id
      const cost = async (first: number) => {
        const q = `query($id: ID!) { node(id: $id) { ... on Document { tasks(first: ${first}) { edges { node {
        code document { symbol issuer { code } } assignments { edges { node { role organization { code } groupCode } } }
        status(asOf: "2025-12-31") obligations(asOf: "2025-12-31") { edges { node { organization { code } } } }
        deadline { dueDate } effectiveDeadline { dueDate } violations { edges { node { parentTask { code } } } }
        parentTasks { edges { node { code document { symbol } } } } childTasks { edges { node { code } } }
        reports { edges { node { claimedStatus } } } targets { totalCount } } } } } } }`
        const before = plugin.count
        const res = await post(q, { id: plan })
        expect(res.errors).toBeUndefined()
        expect(res.data.node.tasks.edges.length).toBe(first)
        return plugin.count - before
      }
      try {
        // Pages this size all include direct and group assignments; the cost must not grow with N.
        const costs = [await cost(20), await cost(30), await cost(40)]
        expect(new Set(costs).size).toBe(1)
        expect(costs[0]).toBeLessThanOrEqual(14)
      } finally {
        await served.close()
        await destroyTest(t)
      }
    })
  })

for (const dialect of DIALECTS)
  describe(`nested lists cost at most 2 statements per level, whatever their width, on ${dialect.name}`, () => {
    it('pages implementedBy → tasks → reports and cascade → implements → tasks in SQL, one batch per level', async () => {
      const plugin = statementCounter()
      const t = await initTest(dialect, { plugins: [plugin] })
      await loadFixtures(t.chidao)
      const served = await serve({ store: t.store })
      const run = async (query: string, variables: Record<string, unknown>) => {
        const before = plugin.count
        const res = (await served.post(query, variables)).body
        expect(res.errors).toBeUndefined()
        return { data: res.data, statements: plugin.count - before }
      }
      const twoLevels = `query($n: Int) { document(symbol: "57-NQ/TW") { implementedBy(first: $n) { totalCount edges { node { symbol
      tasks(first: 5) { totalCount edges { node { code } } } } } } } }`
      // The last documents of 57-NQ/TW's cascade (by issue date) are the plans with tasks.
      const threeLevels = `query($n: Int) { document(symbol: "57-NQ/TW") { cascade(last: $n) { edges { node { symbol
      tasks(first: 5) { totalCount edges { node { code reports(first: 3) { totalCount edges { node { claimedStatus } } } } } } } } } } }`
      const rootPage = `query($n: Int) { documents(first: $n) { totalCount edges { node { symbol
      implements(first: 3) { totalCount edges { node { symbol tasks(last: 2) { totalCount edges { node { code } } } } } } } } } }`
      try {
        for (const [query, levels] of [
          [twoLevels, 2],
          [threeLevels, 3],
          [rootPage, 3],
        ] as const) {
          const counts: number[] = []
          for (const n of [2, 5, 12]) {
            const { data, statements } = await run(query, { n })
            const outer = data.documents ?? data.document.implementedBy ?? data.document.cascade
            expect(outer.edges.length).toBe(n)
            if (query === threeLevels) expect(JSON.stringify(outer)).toContain('"reports"') // the innermost level is reached
            counts.push(statements)
          }
          // The document lookup, then at most 2 per list level (`last` without `before` counts first; a root page counts too).
          console.log(`statements per width 2/5/12 at ${levels} levels: ${counts}`)
          expect(new Set(counts).size, `${counts}`).toBe(1)
          expect(counts[0]).toBeLessThanOrEqual(1 + 2 * levels)
        }
        // The pages hold what the whole lists hold, in order: the last 12 documents below 57-NQ/TW and each one's first 5 tasks.
        const { data } = await run(threeLevels, { n: 12 })
        expect(
          data.document.cascade.edges.filter((e: { node: { tasks: { totalCount: number } } }) => e.node.tasks.totalCount > 5).length,
        ).toBeGreaterThan(0)
        for (const edge of data.document.cascade.edges) {
          const all = await t.chidao.tasksOf((await t.chidao.documentsBySymbol(edge.node.symbol))[0]!.id)
          expect(edge.node.tasks.totalCount).toBe(all.length)
          expect(edge.node.tasks.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(all.slice(0, 5).map((x) => x.code))
        }
      } finally {
        await served.close()
        await destroyTest(t)
      }
    })
  })
