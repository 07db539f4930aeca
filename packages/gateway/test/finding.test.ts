/**
 * Finding things without knowing an ID, on both stores, with the seed cascades and the demo history:
 * organisations by words without diacritics, a commune itself and its bodies, tasks by due date and
 * by a plan's symbol, the agencies holding up the most dependent tasks, and unknown codes answered
 * with NOT_FOUND naming the code (never null, an empty list or zeros).
 */
import { loadDemoHistory, loadFixtures } from '@chidao/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS, destroyTest, initTest, type TestStore } from '@chidao/core/testing'
import { serve, type Served } from './support.js'

for (const dialect of DIALECTS) {
  describe(`finding things (${dialect.name})`, () => {
    let t: TestStore
    let served: Served
    const post = async (query: string, variables: Record<string, unknown> = {}) => (await served.post(query, variables)).body
    const data = async (query: string, variables: Record<string, unknown> = {}) => {
      const body = await post(query, variables)
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
      return body.data
    }

    beforeAll(async () => {
      t = await initTest(dialect)
      await loadFixtures(t.chidao)
      await loadDemoHistory(t.chidao)
      served = await serve({ store: t.store })
    }, 300_000)
    afterAll(async () => {
      await served?.close()
      if (t) await destroyTest(t)
    })

    it('organizations(search:) ignores diacritics and case, takes NFC or NFD, and pages in the store', async () => {
      const q = `query($s: String, $p: String, $tier: Tier, $kind: OrganizationKind, $first: Int, $after: String) {
        organizations(search: $s, province: $p, tier: $tier, kind: $kind, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { code name tier kind } } } }`
      const plain = (await data(q, { s: 'so tai chinh', p: 'QNG' })).organizations
      expect(plain.edges.map((e: any) => e.node.name)).toContain('Sở Tài chính')
      for (const e of plain.edges) expect(e.node.code.startsWith('QNG')).toBe(true)
      const accented = (await data(q, { s: 'SỞ TÀI CHÍNH', p: 'QNG' })).organizations
      const decomposed = (await data(q, { s: 'Sở Tài chính'.normalize('NFD'), p: 'QNG' })).organizations
      expect(accented).toEqual(plain)
      expect(decomposed).toEqual(plain)
      // Every word must match; a code matches too.
      expect((await data(q, { s: 'tai chinh bo' })).organizations.edges.every((e: any) => /tài chính/i.test(e.node.name))).toBe(true)
      expect((await data(q, { s: 'qng.skhcn' })).organizations.edges.map((e: any) => e.node.code)).toContain('QNG.SKHCN')
      // LIKE's wildcards are literal.
      expect((await data(q, { s: '%' })).organizations.totalCount).toBe(0)
      // tier and kind: the communes themselves (territories), paged.
      const communes = (await data(q, { tier: 'COMMUNE', kind: 'TERRITORY', p: 'QNG', first: 1 })).organizations
      expect(communes.totalCount).toBeGreaterThanOrEqual(2)
      expect(communes.edges).toHaveLength(1)
      expect(communes.pageInfo.hasNextPage).toBe(true)
      const next = (await data(q, { tier: 'COMMUNE', kind: 'TERRITORY', p: 'QNG', first: 1, after: communes.pageInfo.endCursor }))
        .organizations
      expect(next.edges[0].node.code).not.toBe(communes.edges[0].node.code)
      expect((await data(q, { s: 'thien tin', kind: 'TERRITORY' })).organizations.edges.map((e: any) => e.node.code)).toEqual([
        'QNG.X.THIENTIN',
      ])
    })

    it('organization(code:) answers for a commune itself, with its bodies as members', async () => {
      const { organization } = await data(
        `{ organization(code: "QNG.X.THIENTIN") { code name tier kind members { edges { node { code } } } } }`,
      )
      expect(organization).toMatchObject({ code: 'QNG.X.THIENTIN', name: 'Xã Thiện Tín', tier: 'COMMUNE', kind: 'TERRITORY' })
      const bodies = organization.members.edges.map((e: any) => e.node.code)
      expect(bodies).toEqual(expect.arrayContaining(['QNG.X.THIENTIN.DU', 'QNG.X.THIENTIN.UBND']))
      expect((await data(`{ organization(code: "QNG.X.THIENTIN.UBND") { name } }`)).organization.name).toBe('Ủy ban nhân dân xã Thiện Tín')
    })

    it('tasks by due-date range (alone, in a plan, for an organisation) and by a plan symbol without an ID', async () => {
      const range = { from: '2025-10-01', to: '2025-12-31' }
      const all = (
        await data(
          `query($r: DateRange!) { tasks(filter: { dueBetween: $r }, first: 100) { totalCount edges { node { code effectiveDeadline { dueDate } document { symbol } } } } }`,
          { r: range },
        )
      ).tasks
      expect(all.totalCount).toBeGreaterThan(0)
      const dues = all.edges.map((e: any) => e.node.effectiveDeadline.dueDate)
      for (const d of dues) expect(d >= range.from && d <= range.to).toBe(true)
      expect([...dues].sort()).toEqual(dues) // by due date
      const symbol = all.edges[0].node.document.symbol
      const bySymbol = (
        await data(
          `query($s: String!, $r: DateRange!) { tasks(filter: { documentSymbol: $s, dueBetween: $r }, first: 100) { totalCount edges { node { document { symbol } effectiveDeadline { dueDate } } } } }`,
          { s: symbol, r: range },
        )
      ).tasks
      expect(bySymbol.totalCount).toBe(all.edges.filter((e: any) => e.node.document.symbol === symbol).length)
      const plan = await data(
        `{ tasks(filter: { documentSymbol: "01-KH/BCĐ" }, first: 100) { totalCount } document(symbol: "01-KH/BCĐ") { tasks { totalCount } } }`,
      )
      expect(plan.tasks.totalCount).toBe(plan.document.tasks.totalCount)
      expect(plan.tasks.totalCount).toBeGreaterThan(0)
      // An organisation's obligations falling due in the range.
      const owed = await data(
        `query($r: DateRange!) { all: tasks(filter: { organization: "QNG.SKHCN" }, asOf: "2025-12-31", first: 100) { totalCount edges { node { effectiveDeadline { dueDate } } } }
             due: tasks(filter: { organization: "QNG.SKHCN", dueBetween: $r }, asOf: "2025-12-31", first: 100) { totalCount } }`,
        { r: range },
      )
      const inRange = owed.all.edges.filter((e: any) => {
        const d = e.node.effectiveDeadline?.dueDate
        return d && d >= range.from && d <= range.to
      }).length
      expect(owed.due.totalCount).toBeLessThan(owed.all.totalCount)
      expect(owed.due.totalCount).toBeGreaterThanOrEqual(inRange > 0 ? 1 : 0)
      // A backwards range is the client's error.
      const backwards = await post(`{ tasks(filter: { dueBetween: { from: "2025-12-31", to: "2025-01-01" } }) { totalCount } }`)
      expect(backwards.errors[0].extensions.code).toBe('INVALID_INPUT')
    })

    it('agencyBottlenecks ranks agencies by the dependent tasks in lower plans waiting on their unfinished lead obligations', async () => {
      const asOf = '2025-12-31'
      const q = `query($o: ID, $p: String) { agencyBottlenecks(organization: $o, province: $p, asOf: "${asOf}", first: 5) {
        totalCount edges { node { organization { code } dependentTasks overdueDependentTasks holdingTasks } } } }`
      // The seed plans link documents, not tasks: nothing below waits on a task yet, so the ranking is empty, not zeros.
      expect((await data(q, { p: 'QNG' })).agencyBottlenecks.totalCount).toBe(0)
      // A commune plan under 01-KH/BCĐ with one task implementing an unfinished lead obligation of it: its holder now holds up one task.
      const [parentPlan] = await t.chidao.documentsBySymbol('01-KH/BCĐ')
      const open = (await t.chidao.obligations({ documentId: parentPlan!.id, cascade: false }, asOf)).find(
        (r) => r.role === 'LEAD' && ['OVERDUE', 'IN_PROGRESS', 'NOT_STARTED'].includes(r.status),
      )
      expect(open).toBeDefined()
      const found = { holder: open!.organizationId, overdue: open!.status === 'OVERDUE' }
      const ctx = { actor: 'test' }
      const plan = await t.chidao.registerDocument(ctx, {
        symbol: '99-KH/BCĐ',
        issuerCode: 'QNG.X.THIENTIN.BCD',
        issuedOn: '2025-09-01',
        title: 'Kế hoạch thử nghiệm của xã',
        implements: [parentPlan!.id],
      })
      await t.chidao.addTask(ctx, { documentId: plan.id, code: '1', content: 'Triển khai ở xã', implements: [open!.taskId] })
      const [holder] = await t.chidao.organizationsByIds([found!.holder])
      const ranked = (await data(q, { o: holder!.code })).agencyBottlenecks
      expect(ranked.totalCount).toBe(1)
      expect(ranked.edges[0].node).toEqual({
        organization: { code: holder!.code },
        dependentTasks: 1,
        overdueDependentTasks: found!.overdue ? 1 : 0,
        holdingTasks: 1,
      })
      if (holder!.scope === 'QNG')
        expect((await data(q, { p: 'QNG' })).agencyBottlenecks.edges[0].node.organization.code).toBe(holder!.code)
    })

    it('unknown codes are NOT_FOUND naming the code, in every argument that takes one', async () => {
      const cases: [string, string][] = [
        ['{ organization(code: "QNG.NOPE") { name } }', 'QNG.NOPE'],
        ['{ scorecard(organization: "QNG.NOPE", asOf: "2025-12-31") { total } }', 'QNG.NOPE'],
        ['{ provinceScorecard(province: "XYZ", asOf: "2025-12-31") { total } }', 'XYZ'],
        ['{ documents(issuer: "QNG.NOPE") { totalCount } }', 'QNG.NOPE'],
        ['{ tasks(filter: { organization: "QNG.NOPE" }) { totalCount } }', 'QNG.NOPE'],
        ['{ tasks(filter: { documentSymbol: "999-KH/UBND" }) { totalCount } }', '999-KH/UBND'],
        ['{ tasks(filter: { documentSymbol: "01-KH/BCĐ", issuer: "QNG.NOPE" }) { totalCount } }', 'QNG.NOPE'],
        ['{ organizations(province: "XYZ") { totalCount } }', 'XYZ'],
        ['{ agencyBottlenecks(province: "XYZ", asOf: "2025-12-31") { totalCount } }', 'XYZ'],
        ['{ agencyBottlenecks(organization: "QNG.NOPE", asOf: "2025-12-31") { totalCount } }', 'QNG.NOPE'],
      ]
      for (const [query, code] of cases) {
        const res = await served.post(query)
        expect(res.body.data?.[Object.keys(res.body.data ?? {})[0] ?? ''] ?? null, query).toBeNull()
        const [error] = res.body.errors ?? []
        expect(error?.extensions?.code, `${query}: ${JSON.stringify(res.body)}`).toBe('NOT_FOUND')
        expect(error.extensions.value).toBe(code)
        expect(error.message).toContain(`"${code}"`)
        expect(error.message).toContain('Không tìm thấy')
      }
      // A province's code that is not a province is not one either.
      expect((await post('{ provinceScorecard(province: "QNG.SKHCN", asOf: "2025-12-31") { total } }')).errors[0].extensions.code).toBe(
        'NOT_FOUND',
      )
    })
  })
}
