/**
 * `/o/<organisation>`: what it owes as of a date (overdue, due soon and in progress, done), its
 * scorecard, the plans it issued, and the reports it made on what it owes.
 */
import { addDays } from '@chidao/core'
import { html, type Html } from './html.js'
import type { Translator } from './i18n.js'
import { href, statusBadge } from './layout.js'
import { headline } from './province.page.js'
import { allPages, type Run } from './query.js'

const TASK = 'id code content status(asOf: $asOf) document { id symbol } effectiveDeadline { effectiveDueDate normalized }'
const ORGANIZATION_QUERY = `query OrganizationPage($code: ID!, $asOf: Date!) {
  organization(code: $code) { code name shortName tier kind scope parent { code name } }
  card: scorecard(organization: $code, asOf: $asOf) { total percentComplete onTimeRate counts { status count } }
  plans: documents(issuer: $code, first: 50) { totalCount edges { node { id symbol kind title issuedOn } } } }`
/**
 * Everything it owes, with its own status and the reports on each, page after page (a second
 * operation, read beside the first): the lists by status and its reports are made from it, so the
 * page reads the obligations once rather than once per status.
 */
const ORGANIZATION_OWED_QUERY = `query OrganizationOwed($code: ID!, $asOf: Date!, $after: String) {
  owed: tasks(filter: { organization: $code }, asOf: $asOf, first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${TASK}
    reports(first: 10) { edges { node { reportedOn claimedStatus percent verificationStatus organization { code } } } } } } } }`

interface OwedTask {
  id: string
  code: string
  content: string
  status: string
  document: { id: string; symbol: string | null }
  effectiveDeadline: { effectiveDueDate: string | null; normalized: string }
}
type OwedWithReports = OwedTask & { reports: { edges: { node: any }[] } }

function owedTable(tr: Translator, id: string, caption: string, list: OwedTask[], asOf: string, soon?: string): Html {
  if (!list.length) return html`<h3 id="${id}">${caption} <span class="meta">(0)</span></h3>`
  const rows = [...list]
    .sort((a, b) => (a.effectiveDeadline.effectiveDueDate ?? '9').localeCompare(b.effectiveDeadline.effectiveDueDate ?? '9'))
    .slice(0, 100) // the count above is all of them; the table the first 100 by deadline
    .map((t) => {
      const due = t.effectiveDeadline.effectiveDueDate
      return html`<tr${soon && due && due <= soon ? html` class="due-soon"` : ''}><td><a href="${href(`/t/${t.id}`, tr.lang, { asOf })}">${t.code}</a> ${t.content.slice(0, 160)}</td>
<td><a href="${href(`/d/${t.document.id}`, tr.lang, { asOf })}">${t.document.symbol ?? '—'}</a></td>
<td data-sort="${due ?? ''}">${tr.date(due)}${soon && due && due <= soon ? html` <strong>(${tr.t('dueSoon')})</strong>` : ''}</td><td>${statusBadge(tr, t.status)}</td></tr>`
    })
  return html`<h3 id="${id}">${caption} <span class="meta">(${list.length})</span></h3><div class="table-wrap"><table class="sortable" aria-labelledby="${id}">
<thead><tr><th scope="col">${tr.t('task')}</th><th scope="col">${tr.t('document')}</th><th scope="col">${tr.t('due')}</th><th scope="col">${tr.t('status')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`
}

/** The page body, or null when there is no such organisation. */
export async function organizationPage(
  run: Run,
  tr: Translator,
  code: string,
  asOf: string,
): Promise<{ title: string; body: Html } | null> {
  const [d, r] = await Promise.all([
    run(ORGANIZATION_QUERY, { code, asOf }),
    allPages<OwedWithReports>((after) => run(ORGANIZATION_OWED_QUERY, { code, asOf, after }).then((x) => x.owed)),
  ])
  const owed = r ?? []
  const inStatus = (...statuses: string[]) => owed.filter((t) => statuses.includes(t.status))
  const o = d.organization as {
    code: string
    name: string
    tier: string
    kind: string
    parent: { code: string; name: string } | null
  } | null
  if (!o) return null
  const soon = addDays(asOf, 30)
  const inProgress = inStatus('IN_PROGRESS')
  const dueSoon = inProgress.filter((t) => t.effectiveDeadline.effectiveDueDate && t.effectiveDeadline.effectiveDueDate <= soon)
  const reports = owed
    .flatMap((task) => task.reports.edges.map((x) => ({ task, report: x.node })))
    .filter((x) => x.report.organization?.code === o.code)
    .sort((a, b) => b.report.reportedOn.localeCompare(a.report.reportedOn))
  const plans = d.plans.edges.map((e: { node: any }) => e.node) as {
    id: string
    symbol: string | null
    kind: string
    title: string
    issuedOn: string | null
  }[]
  const body = html`<p class="meta">${tr.t('organization')} · ${o.code}</p><h1>${o.name}</h1>
<p class="meta">${o.parent ? html`${tr.t('parentOrg')}: <a href="${href(`/o/${encodeURIComponent(o.parent.code)}`, tr.lang, { asOf })}">${o.parent.name}</a> · ` : ''}${tr.t('asOf')} ${tr.date(asOf)}</p>
<form class="filters" method="get" action="/o/${encodeURIComponent(o.code)}" aria-label="${tr.t('show')}">
<label for="asOf">${tr.t('asOf')}<input id="asOf" name="asOf" type="date" value="${asOf}" required></label>
${tr.lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button type="submit">${tr.t('show')}</button></form>
${d.card ? headline(tr, d.card) : ''}
<h2 id="owes">${tr.t('owes')}</h2>
${owedTable(tr, 'owes-overdue', tr.status('OVERDUE'), inStatus('OVERDUE'), asOf)}
${owedTable(tr, 'owes-soon', tr.t('dueSoon'), dueSoon, asOf, soon)}
${owedTable(tr, 'owes-progress', tr.t('inProgress'), inProgress, asOf, soon)}
${owedTable(tr, 'owes-done', tr.t('done'), inStatus('COMPLETED_ON_TIME', 'COMPLETED_LATE'), asOf)}
<h2 id="plans">${tr.t('plans')} <span class="meta">(${d.plans.totalCount})</span></h2>
${plans.length ? html`<ul>${plans.map((p) => html`<li><a href="${href(`/d/${p.id}`, tr.lang, { asOf })}">${p.symbol ?? p.kind}</a> ${p.title} <span class="meta">${tr.date(p.issuedOn)}</span></li>`)}</ul>` : html`<p>${tr.t('none')}</p>`}
<h2 id="reports">${tr.t('reports')} <span class="meta">(${reports.length})</span></h2>
${
  reports.length
    ? html`<div class="table-wrap"><table class="sortable" aria-labelledby="reports"><thead><tr><th scope="col">${tr.t('reportedOn')}</th><th scope="col">${tr.t('task')}</th>
<th scope="col">${tr.t('claimed')}</th><th scope="col" class="num">${tr.t('percent')}</th><th scope="col">${tr.t('verification')}</th></tr></thead><tbody>${reports.map(
        ({ task, report: r }) => html`<tr>
<td data-sort="${r.reportedOn}">${tr.date(r.reportedOn)}</td><td><a href="${href(`/t/${task.id}`, tr.lang, { asOf })}">${task.document.symbol ?? ''} ${task.code}</a></td>
<td>${tr.code(r.claimedStatus)}</td><td class="num">${r.percent ?? '—'}</td><td>${tr.code(r.verificationStatus)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${tr.t('none')}</p>`
}`
  return { title: o.name, body }
}
