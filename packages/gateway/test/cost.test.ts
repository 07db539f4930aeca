import { loadFixtures } from '@chidao/fixtures'
import type { KyselyPlugin } from 'kysely'
import { describe, expect, it } from 'vitest'
import { serve } from './support.js'
import { DIALECTS, destroyTest, initTest } from '@chidao/core/testing'

const WIDE = `query($n: Int) { document(symbol: "57-NQ/TW") { implementedBy(first: $n) { edges { node { symbol
  tasks(first: 100) { edges { node { code reports(first: 100) { totalCount } } } } } } } } }`

describe(`the cost limit counts rows and statements with the variables, before running (${DIALECTS[0]!.name})`, () => {
  it('refuses the variable-first bypass and an absent page counted as the default, accepts reports(first: 50) on a page of tasks', async () => {
    let statements = 0
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        statements++
        return args.node
      },
      transformResult: async (args) => args.result,
    }
    const t = await initTest(DIALECTS[0]!, { plugins: [counter] })
    await loadFixtures(t.chidao)
    const served = await serve({ store: t.store })
    const small = await serve({ store: t.store, limits: { maxRows: 1_000, maxStatements: 5 } })
    try {
      const refused = async (query: string, variables: Record<string, unknown>, via = served) => {
        const before = statements
        const res = await via.post(query, variables)
        expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(res.body)).toBe('QUERY_TOO_COSTLY')
        expect(res.status).toBe(400)
        expect(res.body.data).toBeUndefined()
        expect(statements - before).toBe(0) // refused before anything ran
        return res.body.errors[0].extensions as { rows: number; statements: number }
      }
      // `first: $n` costs like the literal: 100 documents × 100 tasks × 100 reports.
      const byVariable = await refused(WIDE, { n: 100 })
      const byLiteral = await refused(WIDE.replace('first: $n', 'first: 100').replace('($n: Int)', ''), {})
      expect(byVariable).toEqual(byLiteral)
      expect(byVariable.rows).toBe(1 + 100 + 100 * 100 + 100 * 100 * 100) // the document, then each list
      // Absent, it is the default page (20), not nothing.
      expect((await refused(WIDE, {})).rows).toBe(1 + 20 + 20 * 100 + 20 * 100 * 100)
      // A variable's default value counts too.
      expect((await refused(WIDE.replace('$n: Int', '$n: Int = 50'), {})).rows).toBe(1 + 50 + 50 * 100 + 50 * 100 * 100)
      // The same query narrow enough runs.
      const narrow = await served.post(WIDE, { n: 2 })
      expect(narrow.body.errors).toBeUndefined()
      expect(narrow.body.data.document.implementedBy.edges).toHaveLength(2)

      // A page of 100 tasks with 50 reports each (5,100 rows), refused at cost 223,258 by the old limit, runs.
      const plan = (await served.post(`{ document(symbol: "271-KH/TU") { implementedBy(first: 1) { edges { node { id } } } } }`)).body.data
        .document.implementedBy.edges[0].node.id
      const reports = `query($id: ID!) { node(id: $id) { ... on Document { tasks(first: 100) { totalCount edges { node {
        code document { symbol } assignments { edges { node { organization { code } } } } reports(first: 50) { edges { node { claimedStatus } } } } } } } } }`
      const ok = await served.post(reports, { id: plan })
      expect(ok.body.errors).toBeUndefined()
      expect(ok.body.data.node.tasks.edges.length).toBeGreaterThan(40)
      // Introspection (GraphiQL's full query) reads no rows.
      const { getIntrospectionQuery } = await import('graphql')
      const intro = await small.post(getIntrospectionQuery(), {})
      expect(intro.body.errors).toBeUndefined()
      expect(intro.body.data.__schema.types.length).toBeGreaterThan(50)
      // The limits are configurable: rows and statements.
      expect((await refused(reports, { id: plan }, small)).rows).toBeGreaterThan(1_000)
      const manyLists = `{ documents(first: 2) { edges { node { a: tasks(first: 1) { totalCount } b: tasks(first: 1) { totalCount } c: targets { totalCount } } } } }`
      expect((await refused(manyLists, {}, small)).statements).toBeGreaterThan(5)
    } finally {
      await small.close()
      await served.close()
      await destroyTest(t)
    }
  })
})

describe('the shape limits answer as coded validation errors, never "Syntax Error"', () => {
  it('a too-deep query is QUERY_TOO_DEEP, too many aliases TOO_MANY_ALIASES, a too-costly one QUERY_TOO_COSTLY: HTTP 400, vi + en, nothing run', async () => {
    const t = await initTest(DIALECTS[0]!)
    const served = await serve({ store: t.store, limits: { maxDepth: 3, maxAliases: 2, maxRows: 10 } })
    try {
      const answers = {
        QUERY_TOO_DEEP: await served.post('{ documents(first: 1) { edges { node { tasks(first: 1) { edges { node { code } } } } } } }'),
        TOO_MANY_ALIASES: await served.post(
          '{ a: holidays(year: 2025) { totalCount } b: holidays(year: 2025) { totalCount } c: holidays(year: 2025) { totalCount } }',
        ),
        QUERY_TOO_COSTLY: await served.post('{ documents(first: 50) { totalCount } }'),
      }
      for (const [code, res] of Object.entries(answers)) {
        expect(res.status, code).toBe(400)
        expect(res.body.data, code).toBeUndefined()
        const [error] = res.body.errors
        expect(error.extensions.code, JSON.stringify(res.body)).toBe(code)
        expect(error.message).not.toMatch(/syntax/i)
        expect(error.message).toMatch(/ \/ /) // Vietnamese / English
        expect(error.extensions.stacktrace).toBeUndefined()
      }
      expect(answers.QUERY_TOO_DEEP.body.errors[0].extensions).toMatchObject({ limit: 3, found: 7 })
      expect(answers.TOO_MANY_ALIASES.body.errors[0].extensions).toMatchObject({ limit: 2, found: 3 })
      // A real syntax error is still one.
      const broken = await served.post('{ documents(first: 1) { totalCount }')
      expect(broken.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED')
      expect(broken.body.errors[0].message).toMatch(/^Syntax Error/)
    } finally {
      await served.close()
      await destroyTest(t)
    }
  })
})
