/**
 * Look-ahead answers a query from one tree per root field; the resolvers answer it field by field.
 * The two must give the same bytes for every query, planned or not: each query here is sent to a
 * gateway with look-ahead on and to one with it off, on the same store, and the answers compared
 * as text (key order included). The planned ones must also run in one statement per root field
 * (two when a document is found by its symbol first), no more than the resolvers.
 */
import { DIALECTS, destroyTest, initTest, type TestContext } from '@chidao/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AS_OF, PLAN, seedWithReports } from './dashboard-data.js'
import { serve, statementCounter, type Served } from './support.js'

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url')
const cursor = (n: number) => Buffer.from(`offset:${n}`, 'utf8').toString('base64url')

const TASK_FIELDS = `id code content timePhrase output state version __typename
  document { symbol kind issuedOn title status version issuer { code name shortName tier bloc kind scope validFrom validTo } }
  assignments { totalCount edges { cursor node { role note groupCode organization { id code name } } } }
  reports(first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id claimedStatus percent reportedOn completedOn verificationStatus version } } }
  later: reports(after: "${cursor(0)}") { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }`

/** Queries the look-ahead plans, with the statements each may run; `$plan`, `$task`, `$org` are filled in. */
const PLANNED: [string, string, number][] = [
  [
    'a plan by global ID, every column, issuer and a page of tasks with all they hold',
    `query($plan: ID!) { node(id: $plan) {
    __typename id ... on Document { symbol symbolWritten kind issuedOn title status version issuer { id code }
    tasks(first: 30) { __typename totalCount pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
      edges { __typename cursor node { ${TASK_FIELDS} } } } } } }`,
    1,
  ],
  [
    'a plan by symbol, aliases, a named fragment, a page after a cursor',
    `query { plan: document(symbol: "${PLAN}") { ...D
    later: tasks(first: 3, after: "${cursor(4)}") { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code } } }
    none: tasks(first: 0) { totalCount pageInfo { hasNextPage startCursor endCursor } edges { node { code } } }
    beyond: tasks(after: "${cursor(500)}") { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { code } } } } }
    fragment D on Document { symbol t: title }`,
    2,
  ],
  [
    '57-NQ/TW down two levels, up one, with totals only and pages only',
    `{ document(symbol: "57-NQ/TW") { symbol
    implementedBy(first: 7) { totalCount edges { node { symbol issuedOn implements(first: 2) { totalCount edges { node { symbol } } }
      implementedBy { edges { node { symbol tasks(first: 2) { edges { node { code assignments(first: 1) { totalCount } } } } } } } } } }
    implements { totalCount } } }`,
    2,
  ],
  [
    'a task by global ID, through node and task, and two roots side by side',
    `query($task: ID!) { a: node(id: $task) { ... on Task { ${TASK_FIELDS} } }
    b: task(id: $task) { code document { symbol } } __typename }`,
    2,
  ],
  [
    'the tasks an organisation leads, with their documents and reports',
    `query($org: ID!) { tasks(filter: { organization: $org, role: LEAD }, asOf: "${AS_OF}", first: 7) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code document { symbol title } reports { totalCount } } } } }`,
    4,
  ],
  [
    'a plan of 53 tasks in plan order (its codes do not sort as text)',
    `{ document(symbol: "271-KH/TU") { implementedBy(first: 1) {
    edges { node { tasks(first: 100) { totalCount edges { cursor node { code } } } } } } } }`,
    2,
  ],
  ['an unknown ID of a known type', `{ node(id: "${gid('Task', 't:nope')}") { id ... on Task { code } } }`, 1],
  [
    'IDs with quotes, written into the SQL as literals',
    `{ a: node(id: "${gid('Document', "d:x' or '1'='1")}") { id ... on Document { symbol } }
    b: node(id: "${gid('Task', "t:o''brien\\'")}") { id ... on Task { code } } }`,
    2,
  ],
]

/** Queries the look-ahead leaves to the resolvers (their answers and errors must still be the same). */
const UNPLANNED: [string, string][] = [
  [
    'a field with its own resolver',
    `query($plan: ID!) { node(id: $plan) { ... on Document { tasks(first: 3) { edges { node { code status(asOf: "${AS_OF}") } } } } } }`,
  ],
  ['a directive', `query($plan: ID!, $yes: Boolean!) { node(id: $plan) { ... on Document { symbol @include(if: $yes) } } }`],
  ['a last page', `query($plan: ID!) { node(id: $plan) { ... on Document { tasks(last: 2) { edges { node { code } } } } } }`],
  ['a page too large', `query($plan: ID!) { node(id: $plan) { ... on Document { tasks(first: 101) { totalCount } } } }`],
  ['a bad cursor', `query($plan: ID!) { node(id: $plan) { ... on Document { tasks(after: "bm9wZQ") { totalCount } } } }`],
  ['an unknown organisation', `{ organization(code: "QNG.NOPE") { code } }`],
  ['a variable of the wrong type', `query($n: Int) { document(symbol: "${PLAN}") { tasks(first: $n) { totalCount } } }`],
  [
    'an organisation by code (one statement either way)',
    `query($org: ID!) { organization(code: $org) { __typename id code name shortName tier } }`,
  ],
  ['an unknown organisation owing tasks', `{ tasks(filter: { organization: "QNG.NOPE", role: LEAD }) { totalCount } }`],
  ['a status filter', `query($org: ID!) { tasks(filter: { organization: $org, status: OVERDUE }, asOf: "${AS_OF}") { totalCount } }`],
]

for (const dialect of DIALECTS)
  describe(`look-ahead answers as the resolvers do, on ${dialect.name}`, () => {
    let t: TestContext
    let on: Served
    let off: Served
    const plugin = statementCounter()
    const variables: Record<string, unknown> = { yes: true, n: '3' }

    beforeAll(async () => {
      t = await initTest(dialect, { plugins: [plugin] })
      await seedWithReports(t.chidao)
      on = await serve({ store: t.store })
      off = await serve({ store: t.store, lookahead: false })
      const [plan] = await t.chidao.documentsBySymbol(PLAN)
      const tasks = await t.chidao.tasksOf(plan!.id)
      variables.plan = gid('Document', plan!.id)
      variables.task = gid('Task', tasks.find((x) => x.code === 'II.7')!.id)
      variables.org = 'QNG.STC'
    })
    afterAll(async () => {
      await on?.close()
      await off?.close()
      if (t) await destroyTest(t)
    })

    /** The answer as text and the statements it ran. */
    const ask = async (served: Served, query: string) => {
      const used = Object.fromEntries(Object.entries(variables).filter(([k]) => query.includes(`$${k}`)))
      const before = plugin.count
      const res = await fetch(served.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: used }),
      })
      return { status: res.status, text: await res.text(), statements: plugin.count - before }
    }

    it.each(PLANNED)('plans %s: the same answer, in fewer statements', async (_, query, most) => {
      const ahead = await ask(on, query)
      const resolved = await ask(off, query)
      expect(ahead.status, ahead.text.slice(0, 300)).toBe(200)
      expect(ahead.text).not.toContain('"errors"')
      expect(ahead.text).toBe(resolved.text)
      expect(ahead.statements).toBeLessThanOrEqual(Math.min(most, resolved.statements))
    })

    it.each(UNPLANNED)('leaves %s to the resolvers: the same answer or error', async (_, query) => {
      const ahead = await ask(on, query)
      const resolved = await ask(off, query)
      expect(ahead.status).toBe(resolved.status)
      expect(ahead.text).toBe(resolved.text)
    })

    it('answers the same to twelve readers at once on the pool while a writer adds tasks to another plan', async () => {
      const query = PLANNED[0]![1]
      const expected = (await ask(off, query)).text
      const [nq57] = await t.chidao.documentsBySymbol('57-NQ/TW')
      const writer = (async () => {
        for (let i = 1; i <= 6; i++)
          await t.chidao.addTask({ actor: 'test' }, { documentId: nq57!.id, code: `Z.${i}`, content: `Nhiệm vụ thêm ${i}` })
      })()
      // Each pooled PostgreSQL connection prepares the statement for itself; all must answer alike.
      const answers = await Promise.all(Array.from({ length: 12 }, () => ask(on, query)))
      await writer
      for (const answer of answers) expect(answer.text).toBe(expected)
      expect((await t.chidao.tasksOf(nq57!.id)).filter((task) => task.code.startsWith('Z.'))).toHaveLength(6)
    })

    it('reads what it plans, in one statement where the resolvers take several: the pages hold data', async () => {
      const ahead = await ask(on, PLANNED[0]![1])
      expect(ahead.statements).toBe(1)
      expect((await ask(off, PLANNED[0]![1])).statements).toBeGreaterThan(3)
      const data = JSON.parse(ahead.text).data.node
      expect(data.tasks.totalCount).toBeGreaterThan(10)
      expect(data.tasks.edges).toHaveLength(data.tasks.totalCount)
      expect(data.tasks.edges.some((e: { node: { reports: { totalCount: number } } }) => e.node.reports.totalCount > 0)).toBe(true)
      expect(data.tasks.edges.some((e: { node: { assignments: { totalCount: number } } }) => e.node.assignments.totalCount > 1)).toBe(true)
    })
  })
