/**
 * The dashboard's routes, served by the gateway beside the API: `/` (a province, the nation or a
 * ministry), `/d/<document>`, `/o/<organisation>`, `/t/<task>`, their downloads under `/export/`,
 * and the stylesheet and script under `/dashboard/`. Every page reads the GraphQL schema with the
 * request's key (see `query.ts`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApolloServer } from '@apollo/server'
import { todayInVietnam } from '@chidao/core'
import type { Context } from '../context.js'
import { exportFile, type ExportRequest } from '../exports/export.js'
import { DASHBOARD_ASSETS } from './assets.js'
import { documentPage } from './document.page.js'
import { html, type Html } from './html.js'
import { langOf, translator, type Translator } from './i18n.js'
import { layout } from './layout.js'
import { organizationPage } from './organization.page.js'
import { provincePage, resolveUnit } from './province.page.js'
import { QueryError, runner, type Run } from './query.js'
import { taskPage } from './task.page.js'

interface DashboardOptions {
  readonly server: ApolloServer<Context>
  /** The context of a request presenting this Authorization header (throws UNAUTHENTICATED when a key is needed). */
  readonly context: (authorization: string | undefined) => Promise<Context>
  /** The unit `/` shows when the URL names none (default QNG, the seed data's province). */
  readonly defaultUnit?: string
}

/** Handles a request when it is the dashboard's; answers false otherwise. */
type DashboardHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The date a URL asks for (`?asOf=YYYY-MM-DD`), else today in Vietnam. */
function asOfOf(url: URL): string {
  const asOf = url.searchParams.get('asOf') ?? ''
  return DATE.test(asOf) ? asOf : todayInVietnam()
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', ...extra }).end(body)
}

function page(res: ServerResponse, tr: Translator, url: URL, status: number, title: string, body: Html): void {
  send(res, status, 'text/html; charset=utf-8', layout(tr, { title, url, body }).value, { 'cache-control': 'no-store' })
}

/** The export a path names, or null. */
function exportRequest(path: string, url: URL, defaultUnit: string): ExportRequest | null {
  const asOf = asOfOf(url)
  const unit = url.searchParams.get('unit') || defaultUnit
  let m: RegExpExecArray | null
  if (path === '/export/scorecard.xlsx') return { kind: 'scorecard', unit, asOf }
  if (path === '/export/overdue.xlsx') return { kind: 'overdue', unit, asOf }
  if ((m = /^\/export\/plan\/([^/]+)\.xlsx$/.exec(path))) return { kind: 'plan', documentId: decodeURIComponent(m[1]!), asOf }
  if ((m = /^\/export\/report\/([^/]+)\.docx$/.exec(path))) {
    const year = Number(url.searchParams.get('year') ?? asOf.slice(0, 4))
    const index = Number(url.searchParams.get('index') ?? 1)
    return {
      kind: 'periodic',
      documentId: decodeURIComponent(m[1]!),
      period: { kind: url.searchParams.get('period') ?? 'QUARTER', year, index },
    }
  }
  return null
}

/**
 * Makes the dashboard's handler.
 *
 * @example
 * const dashboard = createDashboard({ server, context: (auth) => contextOf(auth) })
 * if (await dashboard(req, res, url)) return
 */
export function createDashboard(options: DashboardOptions): DashboardHandler {
  const defaultUnit = options.defaultUnit ?? 'QNG'
  return async (req, res, url) => {
    const path = url.pathname
    const asset = DASHBOARD_ASSETS[path]
    if (asset) {
      send(res, 200, asset.type, asset.body, { 'cache-control': 'public, max-age=3600' })
      return true
    }
    const isPage = path === '/' || /^\/[dot]\/[^/]+$/.test(path)
    const exported = path.startsWith('/export/') ? exportRequest(path, url, defaultUnit) : null
    if (!isPage && !exported) return false
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'GET only', { allow: 'GET, HEAD' })
      return true
    }
    const tr = translator(langOf(url))
    const run: Run = runner(options.server, () => options.context(req.headers.authorization))
    try {
      if (exported) {
        const file = await exportFile(run, exported)
        if (!file) page(res, tr, url, 404, tr.t('notFound'), html`<h1>${tr.t('notFound')}</h1>`)
        else
          send(res, 200, file.type, file.body, {
            'content-disposition': `attachment; filename="${file.filename}"`,
            'cache-control': 'no-store',
          })
        return true
      }
      const asOf = asOfOf(url)
      const id = decodeURIComponent(path.slice(3))
      let result: { title: string; body: Html } | null
      if (path === '/') {
        const unit = await resolveUnit(run, url.searchParams.get('unit') || defaultUnit)
        result = unit ? await provincePage(run, tr, unit, asOf) : null
      } else if (path.startsWith('/d/')) result = await documentPage(run, tr, id, asOf)
      else if (path.startsWith('/o/')) result = await organizationPage(run, tr, id, asOf)
      else result = await taskPage(run, tr, id, asOf)
      if (!result) page(res, tr, url, 404, tr.t('notFound'), html`<h1>${tr.t('notFound')}</h1><p><a href="/">${tr.t('dashboard')}</a></p>`)
      else page(res, tr, url, 200, result.title, result.body)
    } catch (e) {
      const code = e instanceof QueryError ? e.code : ((e as { extensions?: { code?: string } }).extensions?.code ?? null)
      if (code === 'NOT_FOUND') {
        page(res, tr, url, 404, tr.t('notFound'), html`<h1>${tr.t('notFound')}</h1><p><a href="/">${tr.t('dashboard')}</a></p>`)
        return true
      }
      const status = code === 'UNAUTHENTICATED' ? 401 : code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' ? 400 : 500
      const why = status === 401 ? tr.t('needKey') : status === 400 ? (e as Error).message : (code ?? '')
      page(res, tr, url, status, tr.t('errorTitle'), html`<h1>${tr.t('errorTitle')}</h1><p>${why}</p>`)
    }
    return true
  }
}
