/**
 * `/`: a province (`?unit=QNG`), the nation (`?unit=VN`) or an organisation such as a ministry
 * (`?unit=<code>`) as of a date (`?asOf=`): on-time rate, counts per status, per agency and per
 * commune, the overdue list and the bottlenecks.
 */
import { inlineBar, rateRing, statusChart } from './charts.js'
import { html, type Html } from './html.js'
import { STATUS_ORDER, type Translator } from './i18n.js'
import { href, statusBadge } from './layout.js'
import type { Run } from './query.js'

const OVERDUE_FIELDS = `totalCount edges { node { task { id code content document { id symbol } } organization { code name } role effectiveDueDate dependentTasks } }`
const SCORE_FIELDS = `totalCount edges { node { organization { code name tier } total percentComplete onTimeRate counts { status count } } }`
const CARD = `fragment Card on Scorecard { asOf total percentComplete onTimeRate counts { status count }
  agencies: byOrganization(first: 100) { ${SCORE_FIELDS} }
  overdue(first: 50) { ${OVERDUE_FIELDS} }
  bottlenecks(first: 10) { ${OVERDUE_FIELDS} } }`

/** The GraphQL operation for a unit: a province, the nation or one organisation. */
function scorecardQuery(kind: 'province' | 'nation' | 'organization'): string {
  const field =
    kind === 'province'
      ? 'card: provinceScorecard(province: $unit, asOf: $asOf)'
      : kind === 'nation'
        ? 'card: nationalScorecard(asOf: $asOf)'
        : 'card: scorecard(organization: $unit, asOf: $asOf)'
  const vars = kind === 'nation' ? '$asOf: Date!' : kind === 'province' ? '$unit: String!, $asOf: Date!' : '$unit: ID!, $asOf: Date!'
  return `query Dashboard(${vars}) { ${field} { ...Card } } ${CARD}`
}

export interface Unit {
  kind: 'province' | 'nation' | 'organization'
  code: string
  name: string
}

/** What a unit code names: VN the nation, a province's territory, or another organisation. */
export async function resolveUnit(run: Run, code: string): Promise<Unit | null> {
  if (code.toUpperCase() === 'VN') return { kind: 'nation', code: 'VN', name: '' }
  const { organization: o } = await run<{ organization: { code: string; name: string; tier: string; kind: string } | null }>(
    'query Unit($code: ID!) { organization(code: $code) { code name tier kind } }',
    { code },
  )
  if (!o) return null
  return { kind: o.tier === 'PROVINCE' && o.kind === 'TERRITORY' ? 'province' : 'organization', code: o.code, name: o.name }
}

interface Score {
  organization: { code: string; name: string; tier: string }
  total: number
  percentComplete: number | null
  onTimeRate: number | null
  counts: { status: string; count: number }[]
}
interface Overdue {
  task: { id: string; code: string; content: string; document: { id: string; symbol: string | null } }
  organization: { code: string; name: string }
  role: string
  effectiveDueDate: string | null
  dependentTasks: number
}
interface Card {
  asOf: string
  total: number
  percentComplete: number | null
  onTimeRate: number | null
  counts: { status: string; count: number }[]
  agencies: { totalCount: number; edges: { node: Score }[] }
  overdue: { totalCount: number; edges: { node: Overdue }[] }
  bottlenecks: { totalCount: number; edges: { node: Overdue }[] }
}

const countOf = (counts: { status: string; count: number }[], s: string) => counts.find((c) => c.status === s)?.count ?? 0

function scoreTable(tr: Translator, id: string, caption: string, scores: Score[], asOf: string): Html {
  if (!scores.length) return html`<h2 id="${id}">${caption}</h2><p>${tr.t('none')}</p>`
  const max = Math.max(...scores.map((s) => s.total))
  const maxOverdue = Math.max(...scores.map((s) => countOf(s.counts, 'OVERDUE')))
  const rows = [...scores]
    .sort(
      (a, b) => countOf(b.counts, 'OVERDUE') - countOf(a.counts, 'OVERDUE') || a.organization.name.localeCompare(b.organization.name, 'vi'),
    )
    .map((s) => {
      const overdue = countOf(s.counts, 'OVERDUE')
      const done = countOf(s.counts, 'COMPLETED_ON_TIME') + countOf(s.counts, 'COMPLETED_LATE')
      return html`<tr data-org="${s.organization.code}"><td><a href="${href(`/o/${encodeURIComponent(s.organization.code)}`, tr.lang, { asOf })}">${s.organization.name}</a></td>
<td class="num" data-sort="${s.total}">${s.total} ${inlineBar(s.total, max)}</td>
<td class="num" data-sort="${done}">${done}</td>
<td class="num" data-sort="${overdue}">${overdue} ${inlineBar(overdue, maxOverdue, true)}</td>
<td class="num" data-sort="${s.onTimeRate ?? -1}">${tr.percent(s.onTimeRate)}</td></tr>`
    })
  return html`<h2 id="${id}">${caption}</h2><div class="table-wrap"><table class="sortable" aria-labelledby="${id}">
<thead><tr><th scope="col">${tr.t('organization')}</th><th scope="col" class="num">${tr.t('total')}</th><th scope="col" class="num">${tr.t('done')}</th>
<th scope="col" class="num">${tr.status('OVERDUE')}</th><th scope="col" class="num">${tr.t('onTimeRate')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`
}

/** The overdue obligations as a table (the overdue list or the bottlenecks). */
function overdueTable(
  tr: Translator,
  id: string,
  caption: string,
  list: { totalCount: number; edges: { node: Overdue }[] },
  asOf: string,
  withDependents: boolean,
): Html {
  const items = list.edges.map((e) => e.node)
  if (!items.length) return html`<h2 id="${id}">${caption}</h2><p>${tr.t('none')}</p>`
  const rows = items.map(
    (
      o,
    ) => html`<tr><td><a href="${href(`/t/${o.task.id}`, tr.lang, { asOf })}">${o.task.code}</a> ${o.task.content.slice(0, 140)}${o.task.content.length > 140 ? '…' : ''}</td>
<td><a href="${href(`/d/${o.task.document.id}`, tr.lang, { asOf })}">${o.task.document.symbol ?? '—'}</a></td>
<td><a href="${href(`/o/${encodeURIComponent(o.organization.code)}`, tr.lang, { asOf })}">${o.organization.name}</a></td>
<td>${tr.code(o.role)}</td><td data-sort="${o.effectiveDueDate ?? ''}">${tr.date(o.effectiveDueDate)}</td>
${withDependents ? html`<td class="num">${o.dependentTasks}</td>` : ''}</tr>`,
  )
  return html`<h2 id="${id}">${caption}</h2><p class="meta">${tr.t('shown', { n: items.length, total: list.totalCount })}</p>
<div class="table-wrap"><table class="sortable" aria-labelledby="${id}"><thead><tr><th scope="col">${tr.t('task')}</th><th scope="col">${tr.t('document')}</th>
<th scope="col">${tr.t('holder')}</th><th scope="col">${tr.t('role')}</th><th scope="col">${tr.t('due')}</th>
${withDependents ? html`<th scope="col" class="num">${tr.t('dependents')}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table></div>`
}

/** The scorecard's headline: rates, total, the chart and the counts as a table. */
export function headline(tr: Translator, card: Pick<Card, 'total' | 'onTimeRate' | 'percentComplete' | 'counts'>): Html {
  const counts = STATUS_ORDER.map(
    (s) => html`<tr data-status="${s}"><th scope="row">${statusBadge(tr, s)}</th><td class="num">${countOf(card.counts, s)}</td></tr>`,
  )
  return html`<div class="cards">
<div class="card" id="on-time-rate">${rateRing(tr.t('onTimeRate'), card.onTimeRate, tr.percent(card.onTimeRate))}<div>${tr.t('onTimeRate')}</div></div>
<div class="card"><div class="big" id="percent-complete">${tr.percent(card.percentComplete)}</div><div>${tr.t('percentComplete')}</div></div>
<div class="card"><div class="big" id="total">${card.total}</div><div>${tr.t('total')}</div></div>
<div class="card"><div class="big" id="overdue-count">${countOf(card.counts, 'OVERDUE')}</div><div>${tr.status('OVERDUE')}</div></div></div>
<div class="grid2"><figure style="margin:0">${statusChart(tr, card.counts)}</figure>
<div class="table-wrap"><table id="status-counts"><caption class="meta">${tr.t('byStatus')}</caption><thead><tr><th scope="col">${tr.t('status')}</th><th scope="col" class="num">${tr.t('count')}</th></tr></thead>
<tbody>${counts}</tbody></table></div></div>`
}

/** The units the picker lists: the provinces and the ministries (the nation is always first). */
const UNITS_QUERY = `query Units { provinces: organizations(tier: PROVINCE, kind: TERRITORY, first: 100) { edges { node { code name } } }
  ministries: organizations(tier: CENTRAL, kind: MINISTRY, first: 100) { edges { node { code name } } } }`

interface Named {
  code: string
  name: string
}
interface Units {
  provinces: { edges: { node: Named }[] }
  ministries: { edges: { node: Named }[] }
}

const collator = new Intl.Collator('vi')
/** A province by its own name: "Tỉnh Quảng Ngãi" under Q, "Thành phố Hà Nội" under H. */
const placeName = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/u, '')

/**
 * The unit picker: a labelled `<select>` of the nation, the provinces and the ministries by name
 * (a unit shown by code that the lists do not hold stays selected under its own group), submitted
 * as a plain GET so the URL stays the state and it works without a script.
 */
function unitPicker(tr: Translator, units: Units, current: Unit): Html {
  const option = (o: Named, label = o.name) =>
    html`<option value="${o.code}"${o.code === current.code ? html` selected` : ''}>${label}</option>`
  const provinces = units.provinces.edges.map((e) => e.node).sort((a, b) => collator.compare(placeName(a.name), placeName(b.name)))
  const ministries = units.ministries.edges.map((e) => e.node).sort((a, b) => collator.compare(a.name, b.name))
  const listed = current.kind === 'nation' || [...provinces, ...ministries].some((o) => o.code === current.code)
  return html`<label for="unit">${tr.t('unit')}<select id="unit" name="unit">
${option({ code: 'VN', name: tr.t('nation') })}
<optgroup label="${tr.t('provinces')}">${provinces.map((o) => option(o, placeName(o.name)))}</optgroup>
${ministries.length ? html`<optgroup label="${tr.t('ministries')}">${ministries.map((o) => option(o))}</optgroup>` : ''}
${listed ? '' : html`<optgroup label="${tr.t('otherUnit')}">${option(current)}</optgroup>`}</select></label>`
}

/** The page body. */
export async function provincePage(run: Run, tr: Translator, unit: Unit, asOf: string): Promise<{ title: string; body: Html }> {
  const [{ card }, units] = await Promise.all([
    run<{ card: Card | null }>(scorecardQuery(unit.kind), unit.kind === 'nation' ? { asOf } : { unit: unit.code, asOf }),
    run<Units>(UNITS_QUERY),
  ])
  const name = unit.kind === 'nation' ? tr.t('nation') : unit.name
  if (!card) return { title: name, body: html`<h1>${name}</h1><p>${tr.t('notFound')}</p>` }
  const scores = card.agencies.edges.map((e) => e.node)
  const communes = scores.filter((s) => s.organization.tier === 'COMMUNE')
  const agencies = scores.filter((s) => s.organization.tier !== 'COMMUNE')
  const q = { unit: unit.code, asOf }
  const body = html`<h1>${name} <span class="meta">· ${tr.t('asOf')} ${tr.date(asOf)}</span></h1>
<form class="filters" method="get" action="/" aria-label="${tr.t('show')}">
${unitPicker(tr, units, unit)}
<label for="asOf">${tr.t('asOf')}<input id="asOf" name="asOf" type="date" value="${asOf}" required></label>
${tr.lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button type="submit">${tr.t('show')}</button></form>
${headline(tr, card)}
${card.agencies.totalCount > scores.length ? html`<p class="meta">${tr.t('shown', { n: scores.length, total: card.agencies.totalCount })}</p>` : ''}
${scoreTable(tr, 'by-agency', tr.t('byAgency'), agencies, asOf)}
${scoreTable(tr, 'by-commune', tr.t('byCommune'), communes, asOf)}
${overdueTable(tr, 'overdue', tr.t('overdueList'), card.overdue, asOf, false)}
${overdueTable(tr, 'bottlenecks', tr.t('bottlenecks'), card.bottlenecks, asOf, true)}
<h2 id="downloads">${tr.t('downloads')}</h2><p class="downloads">
<a href="${href('/export/scorecard.xlsx', 'vi', q)}" download>${tr.t('xlsxScorecard')}</a>
<a href="${href('/export/overdue.xlsx', 'vi', q)}" download>${tr.t('xlsxOverdue')}</a></p>`
  return { title: name, body }
}
