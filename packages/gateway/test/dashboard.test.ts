/** The dashboard over plain HTTP: pages, figures against the API, languages, keys, and the exports opened back. */
import { createApiKey } from '@chidao/core'
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS, destroyTest, initTest, type TestContext } from '../../core/test/support/dialects.js'
import { AS_OF, BEFORE_MEASURES, EVIDENCE, NARRATIVE, PLAN, seedWithReports } from './dashboard-data.js'
import { serve, type Served } from './support.js'

const nodes = (c: { edges: { node: any }[] }) => c.edges.map((e) => e.node)

/** Every resource a page loads (scripts, styles, images, frames): none may leave the gateway. */
function externalResources(page: string): string[] {
  return [...page.matchAll(/<(?:script|img|iframe|source)[^>]*\ssrc="([^"]+)"|<link[^>]*\shref="([^"]+)"/g)]
    .map((m) => m[1] ?? m[2]!)
    .filter((u) => /^(https?:)?\/\//.test(u))
}

for (const dialect of DIALECTS) {
  describe(`the dashboard on ${dialect.name}`, () => {
    let t: TestContext
    let served: Served
    let base: string
    let planId: string
    let tasks: any[]

    beforeAll(async () => {
      t = await initTest(dialect)
      await seedWithReports(t.chidao)
      served = await serve({ store: t.store })
      base = served.url.replace(/\/graphql$/, '')
      const { body } = await served.post(
        `query($s: String!, $a: Date!) { document(symbol: $s) { id tasks(first: 100) { edges { node { id code status(asOf: $a)
        effectiveDeadline { effectiveDueDate } } } } } }`,
        { s: PLAN, a: AS_OF },
      )
      planId = body.data.document.id
      tasks = nodes(body.data.document.tasks)
      // The lead agencies as core has them (the API would need many small pages under the cost limit).
      const [plan] = await t.chidao.documentsBySymbol(PLAN)
      for (const task of await t.chidao.tasksOf(plan!.id)) {
        const leads = (await t.chidao.assignmentsOf(task.id)).filter((a) => a.role === 'LEAD')
        const [orgs, groups] = await Promise.all([
          t.chidao.organizationsByIds(leads.map((a) => a.organizationId ?? '')),
          t.chidao.groupsByIds(leads.map((a) => a.groupId ?? '')),
        ])
        tasks.find((x) => x.code === task.code).lead = leads.map((a, i) => orgs[i]?.name ?? a.note ?? groups[i]?.code ?? '—').join('; ')
      }
    })
    afterAll(async () => {
      await served?.close()
      await destroyTest(t)
    })

    const get = async (path: string, headers: Record<string, string> = {}) => {
      const res = await fetch(base + path, { headers })
      return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() }
    }

    it('shows the province as of a date with the API’s figures, in Vietnamese, loading nothing from outside', async () => {
      const page = await get(`/?unit=QNG&asOf=${AS_OF}`)
      expect(page.status).toBe(200)
      expect(page.type).toContain('text/html')
      expect(page.text).toContain('<html lang="vi">')
      expect(externalResources(page.text)).toEqual([])
      const { body } = await served.post(
        `query($a: Date!) { provinceScorecard(province: "QNG", asOf: $a) { total onTimeRate counts { status count }
        byOrganization(first: 100) { totalCount edges { node { organization { code } total } } } overdue { totalCount } } }`,
        { a: AS_OF },
      )
      const card = body.data.provinceScorecard
      expect(card.total).toBeGreaterThan(0)
      expect(page.text).toContain(`<div class="big" id="total">${card.total}</div>`)
      for (const { status, count } of card.counts)
        expect(page.text).toMatch(new RegExp(`<tr data-status="${status}">.*?<td class="num">${count}</td>`))
      const overdue = card.counts.find((c: any) => c.status === 'OVERDUE').count
      expect(overdue).toBeGreaterThan(0)
      expect(page.text).toContain(`<div class="big" id="overdue-count">${overdue}</div>`)
      for (const s of nodes(card.byOrganization))
        expect(page.text).toMatch(new RegExp(`<tr data-org="${s.organization.code.replace(/\./g, '\\.')}">.*?data-sort="${s.total}"`, 's'))
      expect(page.text).toMatch(new RegExp(`Hiển thị ${Math.min(50, card.overdue.totalCount)} trên ${card.overdue.totalCount}`))
      // The STC's completion is counted (it holds II.7 as lead and, through "các sở", as coordinator).
      const stc = await served.post('query($a: Date!) { scorecard(organization: "QNG.STC", asOf: $a) { counts { status count } } }', {
        a: AS_OF,
      })
      const done = stc.body.data.scorecard.counts
        .filter((c: any) => c.status.startsWith('COMPLETED'))
        .reduce((a: number, c: any) => a + c.count, 0)
      expect(done).toBeGreaterThan(0)
      expect(page.text).toMatch(
        new RegExp(
          `<tr data-org="QNG\\.STC">[^]*?</td>\n<td class="num" data-sort="\\d+">\\d+ <span[^]*?</td>\n<td class="num" data-sort="${done}">${done}</td>`,
        ),
      )
    })

    it('switches to English with ?lang=en and keeps the language in its links', async () => {
      const page = await get(`/?unit=QNG&asOf=${AS_OF}&lang=en`)
      expect(page.text).toContain('<html lang="en">')
      expect(page.text).toContain('Overdue tasks')
      expect(page.text).toContain(`/o/QNG.STC?asOf=${AS_OF}&amp;lang=en`)
    })

    it('shows the nation and an organisation as units', async () => {
      expect((await get(`/?unit=VN&asOf=${AS_OF}`)).text).toContain('Toàn quốc')
      const org = await get(`/?unit=QNG.UBND&asOf=${AS_OF}`)
      expect(org.status).toBe(200)
      expect(org.text).toContain('Ủy ban nhân dân tỉnh Quảng Ngãi')
      // A unit the picker does not list stays selected, under its own group.
      expect(org.text).toMatch(
        /<optgroup label="Đơn vị đang xem"><option value="QNG\.UBND" selected>Ủy ban nhân dân tỉnh Quảng Ngãi<\/option>/,
      )
    })

    it('picks the unit from a labelled list of the nation, the provinces and the ministries by name, as a GET form', async () => {
      const { body } =
        await served.post(`{ provinces: organizations(tier: PROVINCE, kind: TERRITORY, first: 100) { totalCount edges { node { code name } } }
        ministries: organizations(tier: CENTRAL, kind: MINISTRY, first: 100) { totalCount edges { node { code name } } } }`)
      const provinces = nodes(body.data.provinces)
      const ministries = nodes(body.data.ministries)
      expect(provinces.map((p: any) => p.code)).toContain('QNG')
      expect(ministries.length).toBeGreaterThan(0)
      const page = (await get(`/?unit=QNG&asOf=${AS_OF}`)).text
      const form = page.match(/<form class="filters" method="get" action="\/"[^>]*>(.*?)<\/form>/s)?.[1] ?? ''
      expect(form).toContain('<label for="unit">Đơn vị<select id="unit" name="unit">')
      const options = [...form.matchAll(/<option value="([^"]+)"( selected)?>([^<]*)<\/option>/g)].map((m) => ({
        code: m[1],
        selected: !!m[2],
        label: m[3],
      }))
      expect(options[0]).toMatchObject({ code: 'VN', label: 'Toàn quốc' })
      expect(options.filter((o) => o.selected)).toEqual([{ code: 'QNG', selected: true, label: 'Quảng Ngãi' }])
      expect(options.map((o) => o.code).sort()).toEqual(
        ['VN', ...provinces.map((p: any) => p.code), ...ministries.map((m: any) => m.code)].sort(),
      )
      // The provinces in Vietnamese order of their own names.
      const names = options.slice(1, 1 + provinces.length).map((o) => o.label ?? '')
      expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare))
      expect(form).toContain('<input id="asOf" name="asOf" type="date"')
      // The form is the state: submitting it is a plain GET of /?unit=…&asOf=…
      const nation = await get(`/?unit=VN&asOf=${AS_OF}`)
      expect(nation.text).toContain('<option value="VN" selected>Toàn quốc</option>')
    })

    it('shows a document: its parents, the tree below, every task with lead and status, targets', async () => {
      const page = await get(`/d/${planId}?asOf=${AS_OF}`)
      expect(page.status).toBe(200)
      for (const task of tasks) {
        expect(page.text).toContain(`/t/${task.id}?asOf=${AS_OF}">${task.code}</a>`)
        expect(page.text).toMatch(
          new RegExp(`/t/${task.id}\\?asOf=${AS_OF}">${task.code.replace(/\./g, '\\.')}</a>.*?data-sort="${task.status}"`, 's'),
        )
      }
      expect(page.text).toContain('07-TB/CQTTBCĐ')
      const root = await served.post('{ document(symbol: "57-NQ/TW") { id cascade(first: 100) { totalCount edges { node { id } } } } }')
      const tree = await get(`/d/${root.body.data.document.id}?asOf=${AS_OF}`)
      for (const d of nodes(root.body.data.document.cascade)) expect(tree.text).toContain(`/d/${d.id}?asOf=`)
      expect(tree.text).toContain('<details class="tree" open>')
      const commune = await served.post(
        'query($a: Date!) { document(symbol: "09-KH/ĐU") { id targets(first: 100) { totalCount edges { node { id latestActual(asOf: $a) { value met } } } } } }',
        { a: AS_OF },
      )
      const targets = await get(`/d/${commune.body.data.document.id}?asOf=${AS_OF}`)
      const measured = nodes(commune.body.data.document.targets)
      expect(measured.length).toBeGreaterThan(0)
      for (const target of measured) {
        // Each target's row: the API's latest actual, then met or not yet.
        const row = targets.text.match(new RegExp(`<tr data-target="${target.id}">(.*?)</tr>`, 's'))?.[1] ?? ''
        expect(row).toContain(`<td data-sort="${target.latestActual.value}">`)
        expect(row).toContain(target.latestActual.met ? '<span class="met">Đạt</span>' : '<span class="not-met">Chưa đạt</span>')
      }
      expect(measured.some((x: any) => x.latestActual.met)).toBe(true)
      expect(measured.some((x: any) => !x.latestActual.met)).toBe(true)
      // Before the first measured value, none is shown: the page reads the actuals as of its date.
      const early = await get(`/d/${commune.body.data.document.id}?asOf=${BEFORE_MEASURES}`)
      expect((early.text.match(/chưa có số liệu/g) ?? []).length).toBe(commune.body.data.document.targets.totalCount)
    })

    it('shows an organisation: what it owes, its plans, its reports', async () => {
      const page = await get(`/o/QNG.STC?asOf=${AS_OF}`)
      expect(page.status).toBe(200)
      expect(page.text).toContain('Sở Tài chính')
      expect(page.text).toMatch(/<h2 id="reports">Báo cáo <span class="meta">\(1\)<\/span>/)
      expect(page.text).toContain('21/11/2025')
      const ubnd = await get(`/o/QNG.UBND?asOf=${AS_OF}`)
      const { body } = await served.post(
        'query($a: Date!) { tasks(filter: { organization: "QNG.UBND", status: OVERDUE }, asOf: $a) { totalCount } documents(issuer: "QNG.UBND") { totalCount } }',
        { a: AS_OF },
      )
      expect(ubnd.text).toContain(`<h3 id="owes-overdue">Quá hạn chưa hoàn thành <span class="meta">(${body.data.tasks.totalCount})</span>`)
      expect(ubnd.text).toContain(`(${body.data.documents.totalCount})</span></h2>`)
    })

    it('shows a task: why its deadline, obligations, the report with evidence and verification', async () => {
      const task = tasks.find((x) => x.code === 'II.7')
      const page = await get(`/t/${task.id}?asOf=${AS_OF}`)
      expect(page.status).toBe(200)
      expect(page.text).toContain(NARRATIVE)
      expect(page.text).toContain(`<a href="${EVIDENCE}" rel="noopener noreferrer">`)
      expect(page.text).toContain('Được chấp nhận')
      expect(page.text).toContain('Tự xác định từ thời gian ghi trong văn bản')
      expect(page.text).toMatch(/<tr data-org="QNG\.STC">.*?Hoàn thành đúng hạn/s)
    })

    it('answers 404 for what does not exist, keeps GraphiQL at /graphql and the API at POST /graphql', async () => {
      expect((await get('/o/NO.SUCH.ORG')).status).toBe(404)
      expect((await get(`/export/plan/${Buffer.from('Document:none').toString('base64url')}.xlsx`)).status).toBe(404)
      expect((await get('/nothing-here')).status).toBe(404)
      const graphiql = await get('/graphql', { accept: 'text/html' })
      expect(graphiql.text).toContain('graphiql.min.js')
      expect((await served.post('{ __typename }')).body.data.__typename).toBe('Query')
      expect((await get('/dashboard/app.css')).type).toContain('text/css')
    })

    it('needs a key when the gateway is private, like the API', async () => {
      const closed = await serve({ store: t.store, publicReads: false })
      try {
        const root = closed.url.replace(/\/graphql$/, '')
        expect((await fetch(`${root}/?asOf=${AS_OF}`)).status).toBe(401)
        const { secret } = await createApiKey(t.store.db, { organizationId: null, role: 'VIEWER', label: 'dashboard test' })
        expect((await fetch(`${root}/?asOf=${AS_OF}`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200)
      } finally {
        await closed.gateway.server.stop()
      }
    })

    it('exports the plan’s task table to Excel: Vietnamese headers, dates as dates, a filter, cell by cell', async () => {
      const res = await fetch(`${base}/export/plan/${planId}.xlsx?asOf=${AS_OF}`)
      expect(res.headers.get('content-disposition')).toContain('.xlsx')
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
      const ws = book.getWorksheet('Nhiệm vụ')!
      expect(ws.getRow(2).values).toEqual([
        undefined,
        'TT',
        'Nhiệm vụ',
        'Cơ quan chủ trì',
        'Cơ quan phối hợp',
        'Thời hạn',
        'Trạng thái',
        'Ghi chú',
      ])
      expect(ws.autoFilter).toBeTruthy()
      tasks.forEach((task, i) => {
        const row = ws.getRow(3 + i)
        expect(row.getCell(1).value).toBe(task.code)
        const due = row.getCell(5).value
        if (task.effectiveDeadline.effectiveDueDate)
          expect((due as Date).toISOString().slice(0, 10)).toBe(task.effectiveDeadline.effectiveDueDate)
        else expect(due).toBeNull()
        expect(row.getCell(3).value ?? '').toBe(task.lead)
      })
      expect(ws.getRow(3 + tasks.length).getCell(1).value).toBeNull()
      const statusOf = (code: string) => ws.getRow(3 + tasks.findIndex((x) => x.code === code)).getCell(6).value
      expect(statusOf('II.7')).toBe('Hoàn thành đúng hạn')
      expect(statusOf('II.5')).toBe('Quá hạn chưa hoàn thành')
    })

    it('exports the scorecard per agency and the overdue list, equal to the API', async () => {
      const { body } = await served.post(
        `query($a: Date!) { provinceScorecard(province: "QNG", asOf: $a) { total counts { status count }
        byOrganization(first: 100) { edges { node { organization { code } total } } } overdue(first: 100) { totalCount edges { node { task { code } effectiveDueDate } } } } }`,
        { a: AS_OF },
      )
      const card = body.data.provinceScorecard
      const load = async (path: string) => {
        const book = new ExcelJS.Workbook()
        await book.xlsx.load(Buffer.from(await (await fetch(base + path)).arrayBuffer()) as never)
        return book.worksheets[0]!
      }
      const scores = await load(`/export/scorecard.xlsx?unit=QNG&asOf=${AS_OF}`)
      const agencies = nodes(card.byOrganization)
      agencies.forEach((s, i) => {
        expect(scores.getRow(3 + i).getCell(2).value).toBe(s.organization.code)
        expect(scores.getRow(3 + i).getCell(3).value).toBe(s.total)
      })
      expect(scores.getRow(3 + agencies.length).getCell(1).value).toBe('Tổng cộng')
      expect(scores.getRow(3 + agencies.length).getCell(3).value).toBe(card.total)
      const overdue = await load(`/export/overdue.xlsx?unit=QNG&asOf=${AS_OF}`)
      expect(overdue.rowCount).toBe(2 + card.overdue.totalCount)
      nodes(card.overdue).forEach((o, i) => {
        expect(overdue.getRow(3 + i).getCell(3).value).toBe(o.task.code)
        expect((overdue.getRow(3 + i).getCell(7).value as Date).toISOString().slice(0, 10)).toBe(o.effectiveDueDate)
      })
    })

    it('exports the periodic report to Word in the Decree 30/2020 layout, paragraph by paragraph', async () => {
      const res = await fetch(`${base}/export/report/${planId}.docx?period=QUARTER&year=2025&index=4`)
      expect(res.status).toBe(200)
      const buffer = Buffer.from(await res.arrayBuffer())
      const paragraphs = (await mammoth.extractRawText({ buffer })).value
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean)
      const { body } = await served.post('{ reportingPeriod(kind: QUARTER, year: 2025, index: 4) { dataFrom dataTo } }')
      const { dataFrom, dataTo } = body.data.reportingPeriod
      const d = (x: string) => `${x.slice(8)}/${x.slice(5, 7)}/${x.slice(0, 4)}`
      // A Party body's report: the Party's line, the issuer in capitals, a number to fill in, place and date.
      expect(paragraphs.slice(0, 8)).toEqual(
        expect.arrayContaining([
          'TỈNH ỦY QUẢNG NGÃI',
          'ĐẢNG CỘNG SẢN VIỆT NAM',
          'Số      -BC/…',
          'Quảng Ngãi, ngày     tháng     năm 2025',
        ]),
      )
      expect(paragraphs).toContain('BÁO CÁO')
      expect(paragraphs).toContain('Kết quả thực hiện Kế hoạch số 01-KH/BCĐ ngày 17/10/2025 quý IV năm 2025')
      expect(paragraphs.find((p) => p.startsWith('Thực hiện Kế hoạch số 01-KH/BCĐ'))).toContain(
        `(số liệu từ ngày ${d(dataFrom)} đến ngày ${d(dataTo)})`,
      )
      const statuses = await served.post(
        'query($id: ID!, $a: Date!) { node(id: $id) { ... on Document { tasks(first: 100) { edges { node { status(asOf: $a) } } } } } }',
        { id: planId, a: dataTo },
      )
      const list = nodes(statuses.body.data.node.tasks).map((x) => x.status)
      expect(paragraphs.find((p) => p.startsWith('Tổng số nhiệm vụ'))).toMatch(new RegExp(`^Tổng số nhiệm vụ: ${list.length}; trong đó`))
      expect(paragraphs.find((p) => p.startsWith('Tổng số nhiệm vụ'))).toContain(
        `quá hạn chưa hoàn thành: ${list.filter((s) => s === 'OVERDUE').length}`,
      )
      expect(paragraphs).toContain('Số báo cáo tiến độ nhận được trong kỳ: 2.')
      expect(paragraphs.find((p) => p.startsWith('- Nhiệm vụ II.7: '))).toContain(NARRATIVE)
      expect(paragraphs).toEqual(expect.arrayContaining(['I. KẾT QUẢ THỰC HIỆN', 'II. TỒN TẠI, HẠN CHẾ', 'Nơi nhận:', '- Lưu: VT.']))
      const htmlDoc = (await mammoth.convertToHtml({ buffer })).value
      const taskTable = htmlDoc.split('<table>').find((x) => x.includes('Cơ quan chủ trì'))!
      expect((taskTable.match(/<tr>/g) ?? []).length).toBe(1 + list.length)
    })
  })
}
