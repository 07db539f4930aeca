/**
 * `/t/<task>`: its deadline and why (the phrase, the higher task it inherits from, Art. 148
 * shifts), its obligations per holder with status, its reports with evidence and verification,
 * its violations, and the tasks above and below it.
 */
import { html, type Html } from './html.js'
import type { Translator } from './i18n.js'
import { href, statusBadge } from './layout.js'
import type { Run } from './query.js'

const DEADLINE = 'kind dueDate effectiveDueDate normalized english condition text reason'
const TASK_QUERY = `query TaskPage($id: ID!, $asOf: Date!) { task(id: $id) {
  id code content timePhrase output state status(asOf: $asOf)
  document { id symbol title issuedOn issuer { code name } }
  deadline { ${DEADLINE} } effectiveDeadline { ${DEADLINE} }
  deadlineSource inheritsFrom { id code timePhrase document { id symbol } }
  parentTasks(first: 20) { edges { node { id code content document { id symbol } effectiveDeadline { effectiveDueDate normalized } } } }
  childTasks(first: 100) { totalCount edges { node { id code document { id symbol issuer { name } } status(asOf: $asOf) } } }
  obligations(asOf: $asOf, first: 100) { totalCount edges { node { organization { code name } role status effectiveDueDate completedOn succeededOn } } }
  violations(first: 20) { edges { node { code dueDate parentDueDate parentTask { id code document { symbol } } } } } } }`

/** Its reports (a second operation: with the rest they would pass the cost limit). */
const TASK_REPORTS_QUERY = `query TaskReports($id: ID!) { task(id: $id) {
  reports(first: 100) { totalCount edges { node { reportedOn period periodStart periodEnd claimedStatus percent completedOn narrative
    organization { code name } evidence { title uri sha256 } verificationStatus verifier { name } verifiedOn verificationNote } } } } }`

interface Deadline {
  kind: string
  dueDate: string | null
  effectiveDueDate: string | null
  normalized: string
  english: string
  condition: string | null
  text: string
  reason: string | null
}

function why(tr: Translator, t: any, asOf: string): Html {
  const own: Deadline = t.deadline
  const eff: Deadline = t.effectiveDeadline
  const source = t.deadlineSource as string
  const phrase = tr.lang === 'en' ? eff.english : eff.normalized
  return html`<dl id="deadline">
<dt>${tr.t('deadline')}</dt><dd><strong>${tr.date(eff.effectiveDueDate)}</strong> · ${phrase}</dd>
<dt>${tr.t('phrase')}</dt><dd>${t.timePhrase ?? '—'}</dd>
<dt>${tr.t('whyDeadline')}</dt><dd id="deadline-source">${
    source === 'INHERITED' && t.inheritsFrom
      ? html`${tr.t('inherited')}: <a href="${href(`/t/${t.inheritsFrom.id}`, tr.lang, { asOf })}">${t.inheritsFrom.document.symbol ?? ''} ${t.inheritsFrom.code}</a> (${t.inheritsFrom.timePhrase ?? ''})`
      : source === 'OWN'
        ? tr.t('ownDeadline')
        : html`${tr.t('noDeadline')}${own.reason ? html` — ${own.reason}` : ''}`
  }</dd>
${eff.dueDate && eff.effectiveDueDate && eff.dueDate !== eff.effectiveDueDate ? html`<dt>Art. 148</dt><dd id="art148">${tr.date(eff.dueDate)} → ${tr.date(eff.effectiveDueDate)}: ${tr.t('art148')}</dd>` : ''}
${eff.condition ? html`<dt>${tr.t('condition')}</dt><dd>${eff.condition}</dd>` : ''}</dl>`
}

/** The page body, or null when there is no such task. */
export async function taskPage(run: Run, tr: Translator, id: string, asOf: string): Promise<{ title: string; body: Html } | null> {
  const [{ task: t }, { task: withReports }] = await Promise.all([run(TASK_QUERY, { id, asOf }), run(TASK_REPORTS_QUERY, { id })])
  if (!t) return null
  t.reports = withReports.reports
  const title = `${t.document.symbol ?? ''} ${t.code}`.trim()
  const obligations = t.obligations.edges.map((e: any) => e.node)
  const reports = t.reports.edges.map((e: any) => e.node)
  const violations = t.violations.edges.map((e: any) => e.node)
  const parents = t.parentTasks.edges.map((e: any) => e.node)
  const children = t.childTasks.edges.map((e: any) => e.node)
  const body = html`<p class="meta">${tr.t('task')} · <a href="${href(`/d/${t.document.id}`, tr.lang, { asOf })}">${t.document.symbol ?? t.document.title}</a> · ${t.document.issuer.name}</p>
<h1>${title} ${statusBadge(tr, t.status)}</h1><p>${t.content}</p>${t.output ? html`<p class="meta">${t.output}</p>` : ''}
<p class="meta">${tr.t('asOf')} ${tr.date(asOf)}</p>
<h2 id="why">${tr.t('whyDeadline')}</h2>${why(tr, t, asOf)}
<h2 id="obligations">${tr.t('obligations')} <span class="meta">(${t.obligations.totalCount})</span></h2>
${
  obligations.length
    ? html`<div class="table-wrap"><table class="sortable" aria-labelledby="obligations"><thead><tr><th scope="col">${tr.t('holder')}</th><th scope="col">${tr.t('role')}</th>
<th scope="col">${tr.t('status')}</th><th scope="col">${tr.t('due')}</th><th scope="col">${tr.t('completedOn')}</th><th scope="col">${tr.t('succeededOn')}</th></tr></thead>
<tbody>${obligations.map(
        (
          o: any,
        ) => html`<tr data-org="${o.organization.code}"><td><a href="${href(`/o/${encodeURIComponent(o.organization.code)}`, tr.lang, { asOf })}">${o.organization.name}</a></td>
<td>${tr.code(o.role)}</td><td data-sort="${o.status}">${statusBadge(tr, o.status)}</td><td data-sort="${o.effectiveDueDate ?? ''}">${tr.date(o.effectiveDueDate)}</td>
<td>${tr.date(o.completedOn)}</td><td>${o.succeededOn ? tr.date(o.succeededOn) : ''}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${tr.t('none')}</p>`
}
<h2 id="reports">${tr.t('reports')} <span class="meta">(${t.reports.totalCount})</span></h2>
${
  reports.length
    ? html`<ol id="report-list">${reports.map(
        (
          r: any,
        ) => html`<li><p><strong>${tr.date(r.reportedOn)}</strong> · ${r.organization?.name ?? ''} · ${tr.code(r.period)}${r.periodStart ? ` ${tr.date(r.periodStart)}–${tr.date(r.periodEnd)}` : ''}
· ${tr.t('claimed')}: ${tr.code(r.claimedStatus)}${r.percent !== null ? ` (${r.percent}%)` : ''}${r.completedOn ? ` · ${tr.t('completedOn')} ${tr.date(r.completedOn)}` : ''}</p>
${r.narrative ? html`<p>${r.narrative}</p>` : ''}
${r.evidence.length ? html`<p>${tr.t('evidence')}:</p><ul>${r.evidence.map((e: any) => html`<li>${e.title} — ${/^https?:\/\//i.test(e.uri) ? html`<a href="${e.uri}" rel="noopener noreferrer">${e.uri}</a>` : html`<code>${e.uri}</code>`}${e.sha256 ? html` <code>sha256 ${e.sha256.slice(0, 12)}…</code>` : ''}</li>`)}</ul>` : ''}
<p>${tr.t('verification')}: <strong>${tr.code(r.verificationStatus)}</strong>${r.verifier ? ` · ${r.verifier.name}` : ''}${r.verifiedOn ? ` · ${tr.date(r.verifiedOn)}` : ''}${r.verificationNote ? ` · ${r.verificationNote}` : ''}</p></li>`,
      )}</ol>`
    : html`<p>${tr.t('none')}</p>`
}
<h2 id="violations">${tr.t('violations')}</h2>
${violations.length ? html`<ul>${violations.map((v: any) => html`<li>${tr.t('violationText', { due: tr.date(v.dueDate), parent: `${v.parentTask.document.symbol ?? ''} ${v.parentTask.code}`, parentDue: tr.date(v.parentDueDate) })}</li>`)}</ul>` : html`<p>${tr.t('none')}</p>`}
<h2 id="parents">${tr.t('parentTasks')}</h2>
${parents.length ? html`<ul>${parents.map((p: any) => html`<li><a href="${href(`/t/${p.id}`, tr.lang, { asOf })}">${p.document.symbol ?? ''} ${p.code}</a> ${p.content.slice(0, 160)} <span class="meta">${tr.date(p.effectiveDeadline.effectiveDueDate)}</span></li>`)}</ul>` : html`<p>${tr.t('none')}</p>`}
<h2 id="children">${tr.t('childTasks')} <span class="meta">(${t.childTasks.totalCount})</span></h2>
${children.length ? html`<ul>${children.map((c: any) => html`<li><a href="${href(`/t/${c.id}`, tr.lang, { asOf })}">${c.document.symbol ?? ''} ${c.code}</a> · ${c.document.issuer.name} ${statusBadge(tr, c.status)}</li>`)}</ul>` : html`<p>${tr.t('none')}</p>`}`
  return { title, body }
}
