/**
 * The dashboard in a real browser: Debian's chromium driven by puppeteer-core loads each page from
 * a gateway on the seed data, checks the figures against the API, sorts a table by keyboard, and
 * sees no request leave the gateway. Screenshots go to test-artifacts/ (gitignored; CI keeps them).
 * Skipped, with a message, only when chromium is not installed (CI installs it).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { destroyTest, initTest, type TestContext } from '../../core/test/support/dialects.js'
import { AS_OF, NARRATIVE, PLAN, seedWithReports } from './dashboard-data.js'
import { serve, type Served } from './support.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
if (!CHROMIUM)
  console.warn('[chidao] chromium is not installed (apt-get install -y chromium): the browser tests of the dashboard are skipped.')
const ARTIFACTS = new URL('../test-artifacts/', import.meta.url).pathname

describe.skipIf(!CHROMIUM)('the dashboard in headless Chromium', () => {
  let t: TestContext
  let served: Served
  let base: string
  let browser: Browser
  let profile: string
  const outside: string[] = []

  beforeAll(async () => {
    t = await initTest({ name: 'sqlite', url: ':memory:' })
    await seedWithReports(t.chidao)
    served = await serve({ store: t.store })
    base = served.url.replace(/\/graphql$/, '')
    mkdirSync(ARTIFACTS, { recursive: true })
    profile = mkdtempSync(join(tmpdir(), 'chidao-chromium-'))
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        `--user-data-dir=${profile}`,
      ],
    })
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
    await served?.close()
    await destroyTest(t)
  })

  /** Opens a path with every request checked: anything not for this gateway is refused and recorded. */
  async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await browser.newPage()
    await page.setViewport(viewport)
    await page.setRequestInterception(true)
    page.on('request', (request) => {
      const url = request.url()
      if (url.startsWith(base) || url.startsWith('data:')) void request.continue()
      else {
        outside.push(url)
        void request.abort()
      }
    })
    const response = await page.goto(base + path, { waitUntil: 'networkidle0' })
    expect(response?.status()).toBe(200)
    return page
  }

  const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent?.trim() ?? '')

  it('shows the province with the API’s figures, sorts by keyboard, and fits a phone', async () => {
    const { body } = await served.post(
      'query($a: Date!) { provinceScorecard(province: "QNG", asOf: $a) { total counts { status count } } }',
      { a: AS_OF },
    )
    const card = body.data.provinceScorecard
    const page = await open(`/?unit=QNG&asOf=${AS_OF}`)
    expect(await page.$eval('html', (e) => e.lang)).toBe('vi')
    expect(await text(page, '#total')).toBe(String(card.total))
    for (const { status, count } of card.counts)
      expect(await text(page, `#status-counts tr[data-status="${status}"] td`)).toBe(String(count))
    expect(await page.$$eval('svg.chart g[data-status] text.count', (els) => els.map((e) => e.textContent))).toEqual(
      [
        'COMPLETED_ON_TIME',
        'COMPLETED_LATE',
        'IN_PROGRESS',
        'OVERDUE',
        'NOT_STARTED',
        'ONGOING',
        'AWAITING_GUIDANCE',
        'SUPERSEDED',
        'CANCELLED',
      ].map((s) => String(card.counts.find((c: any) => c.status === s)?.count ?? 0)),
    )
    expect(await page.$('main#main')).not.toBeNull()
    expect(await page.$('header nav')).not.toBeNull()
    // The progressive script turned the headers into buttons: sort the agencies by their total, by keyboard.
    await page.focus('#by-agency + .table-wrap th:nth-child(2) button.sort')
    await page.keyboard.press('Enter')
    const totals = await page.$$eval('#by-agency + .table-wrap tbody tr td:nth-child(2)', (tds) =>
      tds.map((td) => Number(td.getAttribute('data-sort'))),
    )
    expect(totals).toEqual([...totals].sort((a, b) => a - b))
    expect(await page.$eval('#by-agency + .table-wrap th:nth-child(2)', (th) => th.getAttribute('aria-sort'))).toBe('ascending')
    await page.screenshot({ path: `${ARTIFACTS}province.png`, fullPage: true })
    await page.setViewport({ width: 1000, height: 720 })
    await page.screenshot({ path: `${ARTIFACTS}dashboard.png` }) // the README's (docs/dashboard.png)
    // The unit picker by keyboard: focus the labelled list, choose the nation, submit; the URL keeps the choice.
    expect(await page.$eval('#unit', (e) => (e.labels?.[0]?.textContent ?? '').trim())).toMatch(/^Đơn vị/)
    expect(await page.$eval('#unit', (e) => (e as unknown as { value: string }).value)).toBe('QNG')
    await page.focus('#unit')
    await page.select('#unit', 'VN')
    // Tab past the date (Chromium stops on its day, month and year) to the button.
    for (let i = 0; i < 6 && (await page.evaluate('document.activeElement.type')) !== 'submit'; i++) await page.keyboard.press('Tab')
    expect(await page.evaluate('document.activeElement.type')).toBe('submit')
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.keyboard.press('Enter')])
    expect(new URL(page.url()).searchParams.get('unit')).toBe('VN')
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(AS_OF)
    expect(await page.$eval('h1', (e) => e.textContent)).toContain('Toàn quốc')
    const phone = await open(`/?unit=QNG&asOf=${AS_OF}`, { width: 390, height: 844 })
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
    await phone.screenshot({ path: `${ARTIFACTS}province-phone.png` })
  })

  it('shows a document, its tree opened level by level, and a task with its report', async () => {
    const { body } = await served.post(
      'query($s: String!, $a: Date!) { document(symbol: $s) { id tasks(first: 100) { totalCount edges { node { id code status(asOf: $a) } } } } }',
      { s: PLAN, a: AS_OF },
    )
    const doc = body.data.document
    const page = await open(`/d/${doc.id}?asOf=${AS_OF}`)
    expect(await page.$$eval('#tasks-table tbody tr', (rows) => rows.length)).toBe(doc.tasks.totalCount)
    const statuses = await page.$$eval('#tasks-table tbody tr td:nth-child(5)', (tds) => tds.map((td) => td.getAttribute('data-sort')))
    expect(statuses).toEqual(doc.tasks.edges.map((e: any) => e.node.status))
    await page.screenshot({ path: `${ARTIFACTS}document.png`, fullPage: true })
    const root = await served.post('{ document(symbol: "57-NQ/TW") { id } }')
    const tree = await open(`/d/${root.body.data.document.id}?asOf=${AS_OF}`)
    const closed = await tree.$$('details.tree:not([open]) > summary')
    if (closed.length) {
      await closed[0]!.click()
      expect(await tree.evaluate('document.querySelectorAll("details.tree[open]").length')).toBeGreaterThan(0)
    }
    await tree.screenshot({ path: `${ARTIFACTS}cascade.png`, fullPage: true })
    const task = doc.tasks.edges.map((e: any) => e.node).find((x: any) => x.code === 'II.7')
    const taskPage = await open(`/t/${task.id}?asOf=${AS_OF}`)
    expect(await text(taskPage, '#report-list')).toContain(NARRATIVE)
    await taskPage.screenshot({ path: `${ARTIFACTS}task.png`, fullPage: true })
  })

  it('shows a plan’s targets with the latest actual against each, met or not yet, with a bar', async () => {
    const { body } = await served.post(
      `query($a: Date!) { document(symbol: "09-KH/ĐU") { id targets(first: 100) { edges { node { id value
        latestActual(asOf: $a) { value met organization { name } } } } } } }`,
      { a: AS_OF },
    )
    const doc = body.data.document
    const page = await open(`/d/${doc.id}?asOf=${AS_OF}`)
    const rows = await page.$$eval('#targets-table tbody tr', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-target'),
        actual: Number(tr.querySelector('td:nth-child(4)')?.getAttribute('data-sort')),
        by: tr.querySelector('td:nth-child(4) .meta a')?.textContent,
        met: tr.querySelector('td:nth-child(5) span')?.className,
        bar: Number(tr.querySelector('td:nth-child(5) svg.target-bar rect.actual')?.getAttribute('width')),
      })),
    )
    expect(rows.map((r) => r.id)).toEqual(doc.targets.edges.map((e: any) => e.node.id))
    for (const { node } of doc.targets.edges) {
      const row = rows.find((r) => r.id === node.id)!
      expect(row.actual).toBe(node.latestActual.value)
      expect(row.by).toBe(node.latestActual.organization.name)
      expect(row.met).toBe(node.latestActual.met ? 'met' : 'not-met')
      expect(row.bar).toBeGreaterThan(0)
    }
    // Sorted by keyboard on "met or not yet": the met ones together.
    await page.focus('#targets-table th:nth-child(5) button.sort')
    await page.keyboard.press('Enter')
    const met = await page.$$eval('#targets-table tbody td:nth-child(5)', (tds) => tds.map((td) => Number(td.getAttribute('data-sort'))))
    expect(met).toEqual([...met].sort((a, b) => a - b))
    await page.screenshot({ path: `${ARTIFACTS}targets.png`, fullPage: true })
    await (await page.$('#targets-table'))!.screenshot({ path: `${ARTIFACTS}targets-table.png` }) // the README's (docs/targets.png)
  })

  it('shows an organisation in English', async () => {
    const page = await open(`/o/QNG.STC?asOf=${AS_OF}&lang=en`)
    expect(await page.$eval('html', (e) => e.lang)).toBe('en')
    expect(await text(page, '#owes')).toBe('What it owes')
    await page.screenshot({ path: `${ARTIFACTS}organization-en.png`, fullPage: true })
  })

  it('made no request outside the gateway', () => {
    expect(outside).toEqual([])
  })
})
