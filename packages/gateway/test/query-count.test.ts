import { loadFixtures } from '@chidao/fixtures'
import type { KyselyPlugin } from 'kysely'
import { describe, expect, it } from 'vitest'
import { serve } from './support.js'
import { DIALECTS, destroyTest, initTest } from '@chidao/core/testing'

/** Counts every query kysely sends. */
function counter(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
      plugin.count++
      return args.node
    },
    async transformResult(args: Parameters<KyselyPlugin['transformResult']>[0]) {
      return args.result
    },
  }
  return plugin
}

for (const dialect of DIALECTS) describe(`DataLoader keeps a page of tasks to a bounded number of queries on ${dialect.name}`, () => {
  it('costs the same number of queries for 20, 30 or 40 tasks with every field of a task', async () => {
    const plugin = counter()
    const t = await initTest(dialect, { plugins: [plugin] })
    await loadFixtures(t.chidao)
    const served = await serve({ store: t.store })
    const post = async (query: string, variables: Record<string, unknown> = {}) => (await served.post(query, variables)).body
    // The 2020 plan (53 tasks) has no legible symbol: reach it from the plan it implements.
    const plan = (await post(`{ document(symbol: "271-KH/TU") { implementedBy(first: 1) { edges { node { id } } } } }`)).data.document.implementedBy.edges[0].node.id
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
