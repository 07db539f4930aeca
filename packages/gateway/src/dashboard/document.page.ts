/**
 * `/d/<document>`: a document's place in the cascade (the documents it implements above, the
 * plans implementing it below as a tree opened level by level), its tasks with lead agency,
 * effective deadline and status, and its targets by milestone with the latest actual against each.
 */
import { html, type Html } from './html.js'
import type { Translator } from './i18n.js'
import { targetBar } from './charts.js'
import { href, statusBadge } from './layout.js'
import { allPages, type Run } from './query.js'

const DOC = 'id symbol kind title issuedOn issuer { code name tier }'
const DOCUMENT_QUERY = `query DocumentPage($id: ID!, $asOf: Date!) { node(id: $id) { ... on Document {
  ${DOC} status
  implements(first: 20) { edges { node { ${DOC} } } }
  targets(first: 100) { edges { node { id category metric unit comparator value milestoneOn
    latestActual(asOf: $asOf) { value asOf met organization { code name } } } } } } } }`
/** The cascade below, a page at a time (each with the documents each implements, to draw the tree). */
const CASCADE_QUERY = `query Cascade($id: ID!, $after: String) { node(id: $id) { ... on Document {
  cascade(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${DOC} implements(first: 5) { edges { node { id } } } } } } } } }`
/** The plan's tasks, a page at a time (100: a plan's whole table in one operation, well under the cost limit). */
const TASKS_QUERY = `query PlanTasks($id: ID!, $asOf: Date!, $after: String) { node(id: $id) { ... on Document {
  tasks(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id code content timePhrase status(asOf: $asOf)
    effectiveDeadline { effectiveDueDate normalized }
    assignments(first: 30) { edges { node { role note groupCode organization { code name } } } } } } } } } }`

interface Doc {
  id: string
  symbol: string | null
  kind: string
  title: string
  issuedOn: string | null
  issuer: { code: string; name: string; tier: string }
}
interface Assignment {
  role: string
  note: string | null
  groupCode: string | null
  organization: { code: string; name: string } | null
}
interface PlanTask {
  id: string
  code: string
  content: string
  timePhrase: string | null
  status: string
  effectiveDeadline: { effectiveDueDate: string | null; normalized: string }
  assignments: { edges: { node: Assignment }[] }
}
interface DocumentData extends Doc {
  status: string
  implements: { edges: { node: Doc }[] }
  targets: { edges: { node: TargetRow }[] }
}
interface TargetRow {
  id: string
  category: string | null
  metric: string
  unit: string | null
  comparator: string
  value: number
  milestoneOn: string | null
  latestActual: { value: number; asOf: string; met: boolean; organization: { code: string; name: string } | null } | null
}

const COMPARATORS: Record<string, string> = { GTE: '≥', GT: '>', LTE: '≤', LT: '<', EQ: '=' }

/** An assignee as a name (an organisation, else the plan's own words, else the group's code). */
function assigneeName(a: Assignment): string {
  return a.organization?.name ?? a.note ?? a.groupCode ?? '—'
}

function docLink(tr: Translator, d: Doc, asOf: string): Html {
  return html`<a href="${href(`/d/${d.id}`, tr.lang, { asOf })}">${d.symbol ?? `${d.kind} (${tr.t('none')})`}</a> <span class="meta">${d.issuer.name}, ${tr.date(d.issuedOn)}</span>`
}

/** The plans below as nested `<details>`: the first level open, each deeper one opened by the reader. */
type Below = Doc & { implements: { edges: { node: { id: string } }[] } }

function tree(tr: Translator, root: string, docs: Below[], asOf: string): Html {
  const children = new Map<string, typeof docs>()
  for (const d of docs) for (const p of d.implements.edges) children.set(p.node.id, [...(children.get(p.node.id) ?? []), d])
  const seen = new Set<string>([root])
  const level = (id: string, depth: number): Html => {
    const kids = (children.get(id) ?? []).filter((k) => !seen.has(k.id))
    for (const k of kids) seen.add(k.id)
    if (!kids.length) return html``
    return html`<ul class="plain">${kids.map((k) => {
      const sub = level(k.id, depth + 1)
      return sub.value
        ? html`<li><details class="tree"${depth === 0 ? html` open` : ''}><summary>${docLink(tr, k, asOf)}</summary>${sub}</details></li>`
        : html`<li class="leaf">${docLink(tr, k, asOf)}</li>`
    })}</ul>`
  }
  return level(root, 0)
}

/** The tasks of a plan as a table. */
function taskTable(tr: Translator, tasks: PlanTask[], asOf: string): Html {
  const rows = tasks.map((t) => {
    const lead = t.assignments.edges
      .filter((e) => e.node.role === 'LEAD')
      .map((e) => assigneeName(e.node))
      .join('; ')
    return html`<tr><td><a href="${href(`/t/${t.id}`, tr.lang, { asOf })}">${t.code}</a></td><td>${t.content}</td><td>${lead || '—'}</td>
<td data-sort="${t.effectiveDeadline.effectiveDueDate ?? ''}">${tr.date(t.effectiveDeadline.effectiveDueDate)}<div class="meta">${t.timePhrase ?? ''}</div></td>
<td data-sort="${t.status}">${statusBadge(tr, t.status)}</td></tr>`
  })
  return html`<div class="table-wrap"><table class="sortable" id="tasks-table" aria-labelledby="tasks"><thead><tr><th scope="col">${tr.t('code')}</th><th scope="col">${tr.t('task')}</th>
<th scope="col">${tr.t('lead')}</th><th scope="col">${tr.t('deadline')}</th><th scope="col">${tr.t('status')}</th></tr></thead><tbody>${rows}</tbody></table></div>`
}

function number(tr: Translator, value: number, unit: string | null): string {
  return `${value.toLocaleString(tr.lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 })}${unit ? ` ${unit}` : ''}`
}

/** The targets by milestone: the goal, the latest actual on the page's day (who, as of when), met or not yet, with a bar. */
function targetTable(tr: Translator, targets: TargetRow[], asOf: string): Html {
  const rows = targets.map((t) => {
    const a = t.latestActual
    const actual = a
      ? html`<td data-sort="${a.value}">${number(tr, a.value, t.unit)}<div class="meta">${tr.date(a.asOf)}${a.organization ? html` · <a href="${href(`/o/${encodeURIComponent(a.organization.code)}`, tr.lang, { asOf })}">${a.organization.name}</a>` : ''}</div></td>
<td data-sort="${a.met ? 1 : 0}"><span class="${a.met ? 'met' : 'not-met'}">${tr.t(a.met ? 'met' : 'notYet')}</span> ${targetBar(a.value, t.value, a.met)}</td>`
      : html`<td class="meta" data-sort="">${tr.t('noActual')}</td><td data-sort="-1">—</td>`
    return html`<tr data-target="${t.id}">
<td data-sort="${t.milestoneOn ?? ''}">${tr.date(t.milestoneOn)}</td><td>${t.metric}${t.category ? html`<div class="meta">${t.category}</div>` : ''}</td>
<td>${COMPARATORS[t.comparator] ?? t.comparator} ${number(tr, t.value, t.unit)}</td>${actual}</tr>`
  })
  return html`<div class="table-wrap"><table class="sortable" id="targets-table" aria-labelledby="targets"><thead><tr><th scope="col">${tr.t('milestone')}</th><th scope="col">${tr.t('metric')}</th>
<th scope="col">${tr.t('targetValue')}</th><th scope="col">${tr.t('actual')}</th><th scope="col">${tr.t('against')}</th></tr></thead><tbody>${rows}</tbody></table></div>`
}

/** The page body, or null when there is no such document. */
export async function documentPage(run: Run, tr: Translator, id: string, asOf: string): Promise<{ title: string; body: Html } | null> {
  const { node: d } = await run<{ node: DocumentData | null }>(DOCUMENT_QUERY, { id, asOf })
  if (!d || !('implements' in d)) return null
  const [cascade, tasks] = (await Promise.all([
    allPages<Below>((after) => run(CASCADE_QUERY, { id, after }).then((x) => x.node?.cascade ?? null)),
    allPages<PlanTask>((after) => run(TASKS_QUERY, { id, asOf, after }).then((x) => x.node?.tasks ?? null)),
  ])) as [Below[], PlanTask[]]
  const title = d.symbol ?? d.title
  const parents = d.implements.edges.map((e) => e.node)
  const targets = d.targets.edges.map((e) => e.node)
  const year = Number(asOf.slice(0, 4))
  const quarter = Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1
  const body = html`<p class="meta">${tr.t('document')} · ${d.kind}</p><h1>${title}</h1><p>${d.title}</p>
<p class="meta">${tr.t('issuer')}: <a href="${href(`/o/${encodeURIComponent(d.issuer.code)}`, tr.lang, { asOf })}">${d.issuer.name}</a> · ${tr.t('issuedOn')}: ${tr.date(d.issuedOn)} · ${tr.t('asOf')} ${tr.date(asOf)}</p>
<nav aria-labelledby="above"><h2 id="above">${tr.t('implementsDocs')}</h2>
${parents.length ? html`<ul id="parents">${parents.map((p) => html`<li>${docLink(tr, p, asOf)}</li>`)}</ul>` : html`<p>${tr.t('none')}</p>`}
</nav>
<nav aria-labelledby="below"><h2 id="below">${tr.t('cascadeBelow')} <span class="meta">(${cascade.length})</span></h2>
<div id="cascade">${cascade.length ? tree(tr, d.id, cascade, asOf) : html`<p>${tr.t('none')}</p>`}</div></nav>
<h2 id="tasks">${tr.t('tasks')} <span class="meta">(${tasks.length})</span></h2>
${tasks.length ? taskTable(tr, tasks, asOf) : html`<p>${tr.t('none')}</p>`}
<h2 id="targets">${tr.t('targets')}</h2>
${targets.length ? targetTable(tr, targets, asOf) : html`<p>${tr.t('none')}</p>`}
<h2 id="downloads">${tr.t('downloads')}</h2>
<p class="downloads"><a href="${href(`/export/plan/${d.id}.xlsx`, 'vi', { asOf })}" download>${tr.t('xlsxPlan')}</a></p>
<form class="filters" method="get" action="/export/report/${d.id}.docx" aria-label="${tr.t('docxReport')}">
<label for="period">${tr.t('period')}<select id="period" name="period">${['MONTH', 'QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'].map((k) => html`<option value="${k}"${k === 'QUARTER' ? html` selected` : ''}>${tr.code(k)}</option>`)}</select></label>
<label for="year">${tr.t('year')}<input id="year" name="year" type="number" value="${year}" min="2000" max="2100"></label>
<label for="index">${tr.t('index')}<input id="index" name="index" type="number" value="${quarter}" min="1" max="12"></label>
<button type="submit">${tr.t('docxReport')}</button></form>`
  return { title, body }
}
