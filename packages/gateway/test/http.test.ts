import { readFileSync } from 'node:fs'
import { createApiKey } from '@chidao/core'
import { loadFixtures } from '@chidao/fixtures'
import { printSchema } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSchema, GRAPHIQL_ASSETS, LANDING_PAGE } from '../src/index.js'
import { serve, type Served } from './support.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from '@chidao/core/testing'

describe('schema', () => {
  it('matches the committed schema.graphql (run `npm run schema -w @chidao/gateway` after changing it)', async () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8')
    expect(printSchema(await buildSchema()) + '\n').toBe(committed)
  })

  it('serves an offline GraphiQL page: no external URL in it, every script and style from this gateway', () => {
    expect(LANDING_PAGE).not.toMatch(/https?:\/\//)
    const refs = [...LANDING_PAGE.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])
    expect(refs.length).toBe(4)
    for (const ref of refs) expect(Object.keys(GRAPHIQL_ASSETS)).toContain(ref)
  })
})

for (const dialect of DIALECTS) {
  describe(`the gateway over HTTP on ${dialect.name}`, () => {
    let t: TestContext
    let served: Served
    let url: string

    beforeAll(async () => {
      t = await initTest(dialect)
      await loadFixtures(t.chidao)
      served = await serve({ store: t.store })
      url = served.url.replace(/\/graphql$/, '')
    })
    afterAll(async () => {
      await served.close()
      await destroyTest(t)
    })

    const query = (q: string, variables: Record<string, unknown> = {}) => served.post(q, variables)
    const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node)

    it('parses deadlines, with issuedOn for relative phrases', async () => {
      const { body } = await query(
        `query($t: String!, $d: Date) { parseDeadline(text: $t, issuedOn: $d) { kind dueDate effectiveDueDate startDate recurrence condition phases { label deadline { kind dueDate } } normalized text } }`,
        { t: 'Trong 10 ngày làm việc kể từ ngày ban hành', d: '2025-10-17' },
      )
      expect(body.data.parseDeadline).toMatchObject({
        kind: 'RELATIVE',
        dueDate: '2025-10-31',
        startDate: '2025-10-18',
        normalized: 'Trong 10 ngày làm việc kể từ ngày ban hành',
      })
      const phased = await query(
        `{ parseDeadline(text: "Năm 2022 - 2024: Xây dựng quy hoạch. Năm 2025 và những năm tiếp theo: Triển khai thực hiện.") { kind phases { label deadline { kind dueDate } } } }`,
      )
      expect(phased.body.data.parseDeadline.phases).toEqual([
        { label: 'Xây dựng quy hoạch', deadline: { kind: 'YEAR_RANGE', dueDate: '2024-12-31' } },
        { label: 'Triển khai thực hiện', deadline: { kind: 'OPEN_ENDED', dueDate: null } },
      ])
    })

    it('answers the calendar: lunar dates, holidays, working days, reporting periods', async () => {
      const { body } = await query(`{
        lunarDate(date: "2026-04-26") { day month year isLeapMonth }
        holidays(year: 2026, first: 100) { totalCount edges { node { date kind } } }
        addWorkingDays(from: "2025-12-12", days: 2)
        reportingPeriod(kind: QUARTER, year: 2025, index: 1) { dataFrom dataTo sendBy }
      }`)
      expect(body.data.lunarDate).toEqual({ day: 10, month: 3, year: 2026, isLeapMonth: false })
      expect(nodes(body.data.holidays)).toContainEqual({ date: '2026-04-27', kind: 'MAKE_UP' })
      expect(body.data.holidays.totalCount).toBe(body.data.holidays.edges.length)
      expect(body.data.addWorkingDays).toBe('2025-12-16')
      expect(body.data.reportingPeriod).toEqual({ dataFrom: '2024-12-15', dataTo: '2025-03-14', sendBy: '2025-03-18' })
    })

    it('reads a document with its issuer, links and tasks, and pages through them', async () => {
      const q = `query($after: String) { document(symbol: "01-KH/BCD") { symbol issuedOn issuer { code }
        implements { edges { node { symbol } } }
        tasks(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id code timePhrase } } } } }`
      const first = (await query(q)).body.data.document
      expect(first).toMatchObject({
        symbol: '01-KH/BCĐ',
        issuedOn: '2025-10-17',
        issuer: { code: 'QNG.BCD' },
        implements: { edges: [{ node: { symbol: '07-TB/CQTTBCĐ' } }] },
      })
      expect(first.tasks.totalCount).toBe(12)
      expect(first.tasks.edges.map((e: any) => e.node.code)).toEqual(['II', 'II.1', 'II.2', 'II.3'])
      const second = (await query(q, { after: first.tasks.pageInfo.endCursor })).body.data.document.tasks
      expect(second.edges.map((e: any) => e.node.code)).toEqual(['II.4', 'II.5', 'II.6', 'II.7'])
      expect(second.pageInfo.hasNextPage).toBe(true)
    })

    it('reads a task by global id and through node(id:), with its deadline, assignments and status on a date', async () => {
      const doc = (await query(`{ document(symbol: "01-KH/BCĐ") { tasks(first: 20) { edges { node { id code } } } } }`)).body.data.document
      const id = doc.tasks.edges.find((e: any) => e.node.code === 'II.5').node.id
      const { body } = await query(
        `query($id: ID!) {
        task(id: $id) { code deadline { kind dueDate } effectiveDeadline { dueDate } assignments { edges { node { role organization { code } groupCode note } } }
          status(asOf: "2025-11-03") obligations(asOf: "2025-11-03", first: 100) { edges { node { organization { code } role status } } }
          violations { totalCount } childTasks { totalCount } reports { totalCount } }
        node(id: $id) { id ... on Task { code } } }`,
        { id },
      )
      expect(body.data.task).toMatchObject({
        code: 'II.5',
        deadline: { kind: 'MONTH', dueDate: '2025-10-31' },
        effectiveDeadline: { dueDate: '2025-10-31' },
        violations: { totalCount: 0 },
      })
      expect(nodes(body.data.task.assignments)[0]).toMatchObject({ role: 'LEAD', organization: { code: 'QNG.UBND' } })
      expect(body.data.task.status).toBe('OVERDUE')
      expect(nodes(body.data.task.obligations).find((o: any) => o.role === 'LEAD')).toEqual({
        organization: { code: 'QNG.UBND' },
        role: 'LEAD',
        status: 'OVERDUE',
      })
      expect([body.data.task.childTasks, body.data.task.reports]).toEqual([{ totalCount: 0 }, { totalCount: 0 }])
      expect(body.data.node).toEqual({ id, code: 'II.5' })
      const org = await query(`{ organization(code: "QNG.SKHCN") { id name tier parent { code } } }`)
      expect(org.body.data.organization).toMatchObject({ name: 'Sở Khoa học và Công nghệ', tier: 'PROVINCE', parent: { code: 'QNG.UBND' } })
      const tt =
        await query(`{ organization(code: "QNG.STTTT") { existsOn(date: "2025-03-01") successors { edges { node { kind effectiveOn organization { code } } } } }
        ubnd: organization(code: "QNG.UBND") { all: members(first: 100) { totalCount } then: members(asOf: "2025-01-01", first: 100) { totalCount edges { node { code } } } } }`)
      expect(tt.body.data.organization).toEqual({
        existsOn: false,
        successors: { edges: [{ node: { kind: 'MERGED_INTO', effectiveOn: '2025-03-01', organization: { code: 'QNG.SKHCN' } } }] },
      })
      expect(nodes(tt.body.data.ubnd.then).map((o: any) => o.code)).toContain('QNG.STTTT')
      expect(tt.body.data.ubnd.all.totalCount).toBeGreaterThan(tt.body.data.ubnd.then.totalCount)
      const review =
        await query(`{ a: document(symbol: "359-KH/TU") { alignmentReviews { edges { node { decision decidedOn newDirection { symbol } memo { symbol } } } } }
        b: document(symbol: "368-KH/TU") { needsReviewAgainst { edges { node { symbol } } } } c: document(symbol: "09-KH/ĐU") { targets { totalCount } } }`)
      expect(nodes(review.body.data.a.alignmentReviews)).toEqual([
        { decision: 'KEEP', decidedOn: '2025-06-16', newDirection: { symbol: '01-KH/BCĐTW' }, memo: { symbol: '1408/SKHCN-QLKHCN' } },
      ])
      expect(nodes(review.body.data.b.needsReviewAgainst).map((d: any) => d.symbol)).toContain('01-KH/BCĐTW')
      expect(review.body.data.c.targets.totalCount).toBe(11)
    })

    it('pages every connection forwards and backwards (first/after, last/before), in the store or in memory alike', async () => {
      const doc = (await query(`{ document(symbol: "01-KH/BCĐ") { id } }`)).body.data.document
      const lists = {
        // In memory: a plan's tasks; in the store: what an organisation owes, the documents list.
        plan: (args: string) =>
          `query($d: ID!) { c: tasks(filter: { documentId: $d }${args}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code } } } }`,
        owed: (args: string) =>
          `{ c: tasks(filter: { organization: "QNG.SKHCN" }, asOf: "2025-12-31"${args}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`,
        docs: (args: string) =>
          `{ c: documents${args ? `(${args.slice(2)})` : ''} { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`,
      }
      for (const [name, make] of Object.entries(lists)) {
        const get = async (args: string, vars: Record<string, unknown> = {}) => {
          const res = await query(make(args), { d: doc.id, ...vars })
          expect(res.body.errors, name).toBeUndefined()
          return res.body.data.c
        }
        const key = (e: any) => JSON.stringify(e.node)
        const all = await get(', first: 100')
        expect(all.totalCount, name).toBeGreaterThan(8)
        expect(all.edges.length).toBe(all.totalCount)
        // Forwards in pages of 5 gives the whole list, in order.
        const forwards: string[] = []
        let page = await get(', first: 5')
        for (;;) {
          forwards.push(...page.edges.map(key))
          if (!page.pageInfo.hasNextPage) break
          page = await get(', first: 5, after: $a'.replace('$a', JSON.stringify(page.pageInfo.endCursor)))
        }
        expect(forwards, name).toEqual(all.edges.map(key))
        // Backwards from the end in pages of 4 gives it too.
        const backwards: string[] = []
        page = await get(', last: 4')
        expect(page.pageInfo.hasNextPage).toBe(false)
        for (;;) {
          backwards.unshift(...page.edges.map(key))
          if (!page.pageInfo.hasPreviousPage) break
          page = await get(`, last: 4, before: ${JSON.stringify(page.pageInfo.startCursor)}`)
        }
        expect(backwards, name).toEqual(all.edges.map(key))
        // Between two cursors: the items strictly between them.
        const between = await get(`, after: ${JSON.stringify(all.edges[1].cursor)}, before: ${JSON.stringify(all.edges[6].cursor)}`)
        expect(between.edges.map(key), name).toEqual(all.edges.slice(2, 6).map(key))
        const lastTwo = await get(`, last: 2, before: ${JSON.stringify(all.edges[6].cursor)}`)
        expect(lastTwo.edges.map(key)).toEqual(all.edges.slice(4, 6).map(key))
      }
      const refused = async (args: string) => (await query(lists.docs(args))).body.errors?.[0]?.extensions?.code
      expect(await refused(', first: 2, last: 2')).toBe('BAD_USER_INPUT')
      expect(await refused(', last: 101')).toBe('BAD_USER_INPUT')
      expect(await refused(', after: "bm90IGEgY3Vyc29y"')).toBe('BAD_USER_INPUT')
    })

    it('refuses bad input with a user error and a bad request status, never a crash', async () => {
      const bad = await query(`{ lunarDate(date: "2025-02-30") { day } }`)
      expect(bad.status).toBe(400)
      expect(bad.body.errors?.[0]?.message).toMatch(/calendar date/)
      const page = await query(`{ document(symbol: "01-KH/BCĐ") { tasks(first: 500) { totalCount } } }`)
      expect(page.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
      expect((await query(`{ document(symbol: "not a symbol") { title } }`)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    })

    it('lists documents, newest first, by issuer, paging through them', async () => {
      const all = (
        await query(`{ documents(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { symbol issuedOn } } } }`)
      ).body.data.documents
      expect(all.totalCount).toBe(37)
      expect(all.edges[0].node).toEqual({ symbol: '107/KH-UBND', issuedOn: '2025-12-08' })
      const next = (
        await query(`query($a: String) { documents(first: 5, after: $a) { edges { node { symbol } } } }`, { a: all.pageInfo.endCursor })
      ).body.data.documents
      expect(next.edges.map((e: any) => e.node.symbol)).not.toContain('107/KH-UBND')
      const ubnd = (await query(`{ documents(issuer: "QNG.UBND", first: 20) { totalCount edges { node { symbol } } } }`)).body.data
        .documents
      expect(ubnd.edges.map((e: any) => e.node.symbol)).toEqual([
        '107/KH-UBND',
        '3609/UBND-KGVX',
        '327/QĐ-UBND',
        null,
        '151/KH-UBND',
        '61/KH-UBND',
      ])
    })

    it('lists tasks of a plan or owed by an organisation, filtered by status on a date', async () => {
      const doc = (await query(`{ document(symbol: "01-KH/BCĐ") { id } }`)).body.data.document
      const ofPlan = (await query(`query($d: ID!) { tasks(filter: { documentId: $d }, first: 50) { totalCount } }`, { d: doc.id })).body
        .data.tasks
      expect(ofPlan.totalCount).toBe(12)
      const overdue = (
        await query(
          `{ tasks(filter: { organization: "QNG.UBND", role: LEAD, status: OVERDUE }, asOf: "2025-11-03") { edges { node { code } } } }`,
        )
      ).body.data.tasks
      expect(overdue.edges.map((e: any) => e.node.code)).toContain('II.5')
      const skhcn = (await query(`{ tasks(filter: { organization: "QNG.SKHCN" }, asOf: "2025-03-01", first: 100) { totalCount } }`)).body
        .data.tasks
      // From 1/3/2025 Sở KH&CN also owes the 2020 plan's tasks of Sở Thông tin và Truyền thông.
      expect(skhcn.totalCount).toBeGreaterThan(20)
      expect((await query(`{ tasks(filter: {}) { totalCount } }`)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    })

    it('gives an organisation’s and a province’s scorecard on a date', async () => {
      const { body } = await query(`{
        scorecard(organization: "QNG.UBND", asOf: "2025-11-03", role: LEAD) { total onTimeRate counts { status count } overdue(first: 100) { totalCount edges { node { task { code } role } } } }
        provinceScorecard(province: "QNG", asOf: "2025-11-03") { total counts { status count } bottlenecks(first: 3) { totalCount edges { node { task { code } dependentTasks } } } }
      }`)
      expect(body.errors).toBeUndefined()
      const card = body.data.scorecard
      expect(nodes(card.overdue).map((o: any) => o.task.code)).toContain('II.5')
      expect(card.counts.find((c: any) => c.status === 'OVERDUE').count).toBe(card.overdue.totalCount)
      expect(card.overdue.totalCount).toBeGreaterThan(0)
      expect(body.data.provinceScorecard.total).toBeGreaterThan(card.total)
      const bottlenecks = nodes(body.data.provinceScorecard.bottlenecks)
      expect(bottlenecks.length).toBe(Math.min(3, body.data.provinceScorecard.bottlenecks.totalCount))
      expect(bottlenecks.map((b: any) => b.dependentTasks)).toEqual(
        [...bottlenecks.map((b: any) => b.dependentTasks)].sort((a, b) => b - a),
      )
      expect((await query(`{ scorecard(organization: "NOPE", asOf: "2025-11-03") { total } }`)).body.data.scorecard).toBeNull()
    })

    const mutate = (q: string, variables: Record<string, unknown>, key?: string) => served.post(q, variables, key)
    async function countOf(table: 'document' | 'task' | 'report'): Promise<number> {
      return Number(
        (
          await t.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    }
    const key = async (code: string | null, role: string) =>
      (await createApiKey(t.store.db, { organizationId: code ? (await t.chidao.organizationByCode(code))!.id : null, role })).secret
    const REGISTER = `mutation($input: DocumentRegisterInput!) { documentRegister(input: $input) { document { symbol issuer { code } } userErrors { field message code } } }`
    const ADD_TASK = `mutation($input: TaskAddInput!) { taskAdd(input: $input) { task { id code deadline { kind dueDate } } userErrors { field message code } } }`

    it('refuses writes without a key, or with an unknown one, at the top level, writing nothing', async () => {
      const before = await countOf('document')
      const input = { symbol: '12/KH-UBND', issuerCode: 'QNG.UBND', issuedOn: '2026-01-05', title: 'Kế hoạch' }
      const none = await mutate(REGISTER, { input })
      expect(none.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
      const bad = await mutate(REGISTER, { input }, 'chd_not-a-key')
      expect(bad.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
      expect(await countOf('document')).toBe(before)
    })

    it('refuses a commune key’s write to the province’s plan (FORBIDDEN), writing nothing', async () => {
      const commune = await key('QNG.X.THIENTIN.DU', 'EDITOR')
      const doc = (await query(`{ document(symbol: "01-KH/BCĐ") { id } }`)).body.data.document
      const before = await countOf('task')
      const { body } = await mutate(ADD_TASK, { input: { documentId: doc.id, code: 'IV.9', content: 'Không được phép' } }, commune)
      expect(body.data.taskAdd).toEqual({ task: null, userErrors: [{ field: null, message: expect.any(String), code: 'FORBIDDEN' }] })
      expect(await countOf('task')).toBe(before)
      const viewer = await key(null, 'VIEWER')
      expect(
        (await mutate(ADD_TASK, { input: { documentId: doc.id, code: 'IV.9', content: 'x' } }, viewer)).body.data.taskAdd.userErrors[0]
          .code,
      ).toBe('FORBIDDEN')
    })

    it('answers bad input with userErrors naming the field and code, writing nothing', async () => {
      const editor = await key('QNG.UBND', 'EDITOR')
      const before = await countOf('document')
      const { body } = await mutate(
        REGISTER,
        { input: { symbol: 'S6: £ /KI-UBND', issuerCode: 'QNG.UBND', issuedOn: '2026-01-05', title: 'x' } },
        editor,
      )
      expect(body.data.documentRegister).toEqual({
        document: null,
        userErrors: [{ field: ['input', 'symbol'], message: expect.any(String), code: 'ILLEGIBLE_SYMBOL' }],
      })
      const unknown = await mutate(
        REGISTER,
        { input: { symbol: '1/KH-UBND', issuerCode: 'QNG.NOPE', issuedOn: '2026-01-05', title: 'x' } },
        editor,
      )
      expect(unknown.body.data.documentRegister.userErrors[0].code).toBe('UNKNOWN_ORGANIZATION')
      expect(await countOf('document')).toBe(before)
    })

    it('imports a plan from its text: a dry run writes nothing, the import writes it, a second import nothing more', async () => {
      const IMPORT = `mutation($input: ImportPlanInput!) { importPlan(input: $input) {
        document { symbol } dryRun symbol issuer { code } issuedOn implements { symbol known }
        tasks { code parentCode lead { code } coordinating { code text } timePhrase deadlineKind dueDate }
        warnings { code line } created { documents links tasks assignments targets } userErrors { field message code } } }`
      const text = [
        'SỞ KHOA HỌC VÀ CÔNG NGHỆ        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: 21/KH-SKHCN                 Quảng Ngãi, ngày 22 tháng 10 năm 2025',
        '',
        'KẾ HOẠCH',
        'Rà soát bộ phận một cửa cấp xã',
        '',
        'Thực hiện Kế hoạch số 01-KH/BCĐ ngày 17/10/2025 của Ban Chỉ đạo tỉnh, Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:',
        '',
        'I. NHIỆM VỤ',
        '1. Rà soát thiết bị tại bộ phận một cửa các xã.',
        '- Cơ quan chủ trì: Sở Khoa học và Công nghệ.',
        '- Cơ quan phối hợp: Sở Tài chính; Công ty Viễn thông Quảng Ngãi.',
        '- Thời gian hoàn thành: trước ngày 25/10/2025.',
      ].join('\n')
      const editor = await key('QNG.UBND', 'EDITOR')
      const before = await countOf('task')
      const dry = (await mutate(IMPORT, { input: { text, dryRun: true } }, editor)).body.data.importPlan
      expect(dry).toMatchObject({
        document: null,
        dryRun: true,
        symbol: '21/KH-SKHCN',
        issuer: { code: 'QNG.SKHCN' },
        issuedOn: '2025-10-22',
        implements: [{ symbol: '01-KH/BCĐ', known: true }],
        created: { documents: 0, tasks: 0 },
        userErrors: [],
      })
      expect(dry.tasks).toEqual([
        { code: 'I', parentCode: null, lead: [], coordinating: [], timePhrase: null, deadlineKind: null, dueDate: null },
        {
          code: 'I.1',
          parentCode: 'I',
          lead: [{ code: 'QNG.SKHCN' }],
          coordinating: [{ code: 'QNG.STC', text: 'Sở Tài chính' }],
          timePhrase: 'trước ngày 25/10/2025.',
          deadlineKind: 'BEFORE_DATE',
          dueDate: '2025-10-24',
        },
      ])
      expect(dry.warnings).toContainEqual({ code: 'AGENCY_UNMATCHED', line: 12 })
      expect(await countOf('task')).toBe(before)

      const commune = await key('QNG.X.THIENTIN.UBND', 'EDITOR')
      expect((await mutate(IMPORT, { input: { text } }, commune)).body.data.importPlan.userErrors[0].code).toBe('FORBIDDEN')
      expect(await countOf('task')).toBe(before)

      const done = (await mutate(IMPORT, { input: { text } }, editor)).body.data.importPlan
      expect(done).toMatchObject({
        document: { symbol: '21/KH-SKHCN' },
        dryRun: false,
        created: { documents: 1, links: 1, tasks: 2, assignments: 2, targets: 0 },
        userErrors: [],
      })
      expect(await countOf('task')).toBe(before + 2)
      const again = (await mutate(IMPORT, { input: { text } }, editor)).body.data.importPlan
      expect(again.created).toEqual({ documents: 0, links: 0, tasks: 0, assignments: 0, targets: 0 })
      expect(await countOf('task')).toBe(before + 2)
    })

    it('lets a province key register a plan below the province, add a task implementing its parent, and report on it', async () => {
      const editor = await key('QNG.UBND', 'EDITOR')
      const parent = (await query(`{ document(symbol: "01-KH/BCĐ") { id tasks(first: 20) { edges { node { id code } } } } }`)).body.data
        .document
      const ii5 = parent.tasks.edges.find((e: any) => e.node.code === 'II.5').node.id
      const reg = await mutate(
        REGISTER,
        {
          input: {
            symbol: '15/KH-SKHCN',
            issuerCode: 'QNG.SKHCN',
            issuedOn: '2025-10-20',
            title: 'Kế hoạch của Sở KH&CN',
            implements: [parent.id],
          },
        },
        editor,
      )
      expect(reg.body.data.documentRegister).toEqual({ document: { symbol: '15/KH-SKHCN', issuer: { code: 'QNG.SKHCN' } }, userErrors: [] })
      const plan = (await query(`{ document(symbol: "15/KH-SKHCN") { id } }`)).body.data.document
      const added = await mutate(
        ADD_TASK,
        {
          input: {
            documentId: plan.id,
            code: '1',
            content: 'Rà soát bộ phận một cửa',
            timePhrase: 'trước ngày 25/10/2025',
            implements: [ii5],
            assignments: [{ role: 'LEAD', organizationCode: 'QNG.SKHCN' }],
          },
        },
        editor,
      )
      expect(added.body.data.taskAdd).toMatchObject({
        task: { code: '1', deadline: { kind: 'BEFORE_DATE', dueDate: '2025-10-24' } },
        userErrors: [],
      })
      const reporter = await key('QNG.SKHCN', 'REPORTER')
      const report = await mutate(
        `mutation($input: ReportSubmitInput!) { reportSubmit(input: $input) { report { id claimedStatus version } userErrors { code } } }`,
        {
          input: {
            taskId: added.body.data.taskAdd.task.id,
            organizationCode: 'QNG.SKHCN',
            period: 'AD_HOC',
            claimedStatus: 'COMPLETED',
            completedOn: '2025-10-23',
            reportedOn: '2025-10-23',
          },
        },
        reporter,
      )
      expect(report.body.data.reportSubmit).toMatchObject({ report: { claimedStatus: 'COMPLETED', version: 1 }, userErrors: [] })
      const status = await query(
        `query($id: ID!) { task(id: $id) { status(asOf: "2025-11-01") parentTasks { edges { node { code childTasks { edges { node { code } } } } } } reports { edges { node { claimedStatus } } } } }`,
        { id: added.body.data.taskAdd.task.id },
      )
      expect(status.body.data.task).toEqual({
        status: 'COMPLETED_ON_TIME',
        parentTasks: { edges: [{ node: { code: 'II.5', childTasks: { edges: [{ node: { code: '1' } }] } } }] },
        reports: { edges: [{ node: { claimedStatus: 'COMPLETED' } }] },
      })
    })

    it('edits under optimistic concurrency, adds targets, refuses bad links and top-level bodies from a bound key', async () => {
      const editor = await key('QNG.UBND', 'EDITOR')
      const doc = (await query(`{ document(symbol: "107/KH-UBND") { id version tasks(first: 5) { edges { node { id code version } } } } }`))
        .body.data.document
      const UPDATE = `mutation($input: DocumentUpdateInput!) { documentUpdate(input: $input) { document { status version } userErrors { field code } } }`
      expect(
        (await mutate(UPDATE, { input: { id: doc.id, expectedVersion: doc.version, status: 'AMENDED' } }, editor)).body.data.documentUpdate,
      ).toEqual({ document: { status: 'AMENDED', version: doc.version + 1 }, userErrors: [] })
      expect(
        (await mutate(UPDATE, { input: { id: doc.id, expectedVersion: doc.version, title: 'cũ' } }, editor)).body.data.documentUpdate,
      ).toEqual({ document: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'VERSION_CONFLICT' }] })
      const task = doc.tasks.edges.find((e: any) => e.node.code === 'VI.2').node
      const moved = await mutate(
        `mutation($input: TaskUpdateInput!) { taskUpdate(input: $input) { task { timePhrase deadline { dueDate } } userErrors { code } } }`,
        { input: { id: task.id, expectedVersion: task.version, timePhrase: 'trước ngày 11/12/2025' } },
        editor,
      )
      expect(moved.body.data.taskUpdate).toEqual({
        task: { timePhrase: 'trước ngày 11/12/2025', deadline: { dueDate: '2025-12-10' } },
        userErrors: [],
      })
      const target = await mutate(
        `mutation($input: TargetAddInput!) { targetAdd(input: $input) { ok userErrors { code } } }`,
        { input: { documentId: doc.id, metric: 'Số thành viên đoàn', comparator: 'LTE', value: 20, milestoneOn: '2025-12-16' } },
        editor,
      )
      expect(target.body.data.targetAdd).toEqual({ ok: true, userErrors: [] })
      const nq57 = (await query(`{ document(symbol: "57-NQ/TW") { id } }`)).body.data.document
      const link = await mutate(
        `mutation($input: DocumentLinkInput!) { documentLink(input: $input) { document { symbol } userErrors { code } } }`,
        { input: { documentId: nq57.id, parentId: doc.id } },
        await key(null, 'ADMIN'),
      )
      expect(link.body.data.documentLink).toEqual({ document: null, userErrors: [{ code: 'LINK_TO_LOWER_TIER' }] })
      const ORG = `mutation($input: OrganizationRegisterInput!) { organizationRegister(input: $input) { organization { code } userErrors { code } } }`
      const top = { code: 'HNI', name: 'Thành phố Hà Nội', tier: 'PROVINCE', kind: 'TERRITORY', scope: 'HNI' }
      expect((await mutate(ORG, { input: top }, await key('QNG.UBND', 'ADMIN'))).body.data.organizationRegister.userErrors[0].code).toBe(
        'FORBIDDEN',
      )
      expect((await mutate(ORG, { input: top }, await key(null, 'ADMIN'))).body.data.organizationRegister).toEqual({
        organization: { code: 'HNI' },
        userErrors: [],
      })
    })

    it('refuses an over-deep query and hides field suggestions', async () => {
      let q = 'code'
      for (let i = 0; i < 12; i++) q = `parent { ${q} }`
      const deep = await query(`{ organization(code: "QNG.X.THIENTIN.DU") { ${q} } }`)
      expect(deep.body.data).toBeUndefined()
      expect(deep.body.errors?.[0]?.message).toMatch(/too deep/i)
      expect(deep.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP')
      const typo = await query(`{ organization(code: "QNG.UBND") { nam } }`)
      expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/)
    })

    it('serves /healthz and the offline page on GET', async () => {
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' })
      const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } })
      expect(await page.text()).toBe(LANDING_PAGE)
      for (const path of Object.keys(GRAPHIQL_ASSETS)) {
        const asset = await fetch(`${url}${path}`)
        expect([asset.status, (await asset.arrayBuffer()).byteLength > 10_000]).toEqual([200, true])
      }
    })
  })
}

describe('the API guide (docs/api.md)', () => {
  it('shows a curl example that runs as written against the served fixtures', async () => {
    const readme = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8')
    const match = /-d '(\{"query".*\})'\n/.exec(readme)
    expect(match).not.toBeNull()
    const t = await initTest(DIALECTS[0]!)
    await loadFixtures(t.chidao)
    const served = await serve({ store: t.store })
    try {
      const res = await fetch(served.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: match![1]! })
      const body = (await res.json()) as { data: any; errors?: unknown }
      expect(body.errors).toBeUndefined()
      expect(body.data.parseDeadline).toEqual({ kind: 'QUARTER', dueDate: '2025-12-31', normalized: 'Quý IV/2025', english: 'Q4 2025' })
      expect(body.data.document.tasks.edges.map((e: any) => e.node.code)).toEqual(['II', 'II.1', 'II.2'])
      expect(body.data.document.tasks.edges.map((e: any) => e.node.status)).toEqual(['NOT_STARTED', 'NOT_STARTED', 'ONGOING'])
    } finally {
      await served.close()
      await destroyTest(t)
    }
  })
})

describe('closed reads', () => {
  it('needs a valid key for reads when publicReads is false', async () => {
    const t = await initTest(DIALECTS[0]!)
    await loadFixtures(t.chidao)
    const served = await serve({ store: t.store, publicReads: false })
    const ask = async (key?: string) => (await served.post('{ organization(code: "QNG.UBND") { name } }', {}, key)).body
    try {
      expect((await ask()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
      const viewer = (await createApiKey(t.store.db, { organizationId: null, role: 'VIEWER' })).secret
      expect((await ask(viewer)).data.organization.name).toBe('Ủy ban nhân dân tỉnh Quảng Ngãi')
    } finally {
      await served.close()
      await destroyTest(t)
    }
  })
})
