/**
 * What the exports read, through the gateway's GraphQL schema like any client (see
 * `dashboard/query.ts`): a plan's tasks, a unit's scorecard per agency, the overdue list, and what a
 * periodic report needs.
 */
import { allPages, type Run } from '../dashboard/query.js'
import { resolveUnit, type Unit } from '../dashboard/province.page.js'

export interface ExportTask {
  code: string
  content: string
  lead: string[]
  coordinating: string[]
  dueDate: string | null
  deadlineText: string
  timePhrase: string | null
  status: string
  reports: {
    reportedOn: string
    organization: string
    claimedStatus: string
    percent: number | null
    narrative: string | null
    verificationStatus: string
  }[]
}
export interface ExportPlan {
  id: string
  symbol: string | null
  kind: string
  title: string
  issuedOn: string | null
  issuer: { code: string; name: string; bloc: string | null; scope: string; parentName: string | null }
  place: string
  parents: { symbol: string | null; issuer: string }[]
  asOf: string
  tasks: ExportTask[]
}

const assignee = (a: { note: string | null; groupCode: string | null; organization: { name: string } | null }) =>
  a.organization?.name ?? a.note ?? a.groupCode ?? '—'

/** A plan's tasks with their assignees, deadlines, status on a date and reports (every page of them). */
export async function planData(run: Run, documentId: string, asOf: string): Promise<ExportPlan | null> {
  const tasks: ExportTask[] = []
  let head: any = null
  // The task table and the reports are read side by side (one context: their loaders batch together).
  const [pages, reports] = await Promise.all([
    allPages<any>((after) =>
      run<{ node: any }>(
        `query PlanExport($id: ID!, $asOf: Date!, $after: String) { node(id: $id) { ... on Document {
      id symbol kind title issuedOn issuer { code name bloc scope parent { name } } implements(first: 20) { edges { node { symbol issuer { name } } } }
      tasks(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { code content timePhrase status(asOf: $asOf)
        effectiveDeadline { effectiveDueDate normalized }
        assignments(first: 30) { edges { node { role note groupCode organization { name } } } } } } } } } }`,
        { id: documentId, asOf, after },
      ).then(({ node }) => {
        if (!node || !('tasks' in node)) return null
        head ??= node
        return node.tasks
      }),
    ),
    allPages<any>((after) =>
      run(
        `query PlanReports($id: ID!, $after: String) { node(id: $id) { ... on Document {
    tasks(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { code
      reports(first: 10) { edges { node { reportedOn claimedStatus percent narrative verificationStatus organization { name } } } } } } } } } }`,
        { id: documentId, after },
      ).then((x) => x.node?.tasks ?? null),
    ),
  ])
  if (!pages || !head) return null
  for (const t of pages) {
    const as = t.assignments.edges.map((e: any) => e.node)
    tasks.push({
      code: t.code,
      content: t.content,
      timePhrase: t.timePhrase,
      status: t.status,
      lead: as.filter((a: any) => a.role === 'LEAD').map(assignee),
      coordinating: as.filter((a: any) => a.role === 'COORDINATING').map(assignee),
      dueDate: t.effectiveDeadline.effectiveDueDate,
      deadlineText: t.effectiveDeadline.normalized,
      reports: [],
    })
  }
  const byCode = new Map(tasks.map((t) => [t.code, t]))
  for (const t of reports ?? []) {
    byCode.get(t.code)?.reports.push(...t.reports.edges.map(({ node: r }: any) => ({ ...r, organization: r.organization?.name ?? '' })))
  }
  // A central issuer's scope is VN, no organisation (organization(code:) answers NOT_FOUND for it).
  const { organization: province } =
    head.issuer.scope === 'VN'
      ? { organization: null }
      : await run<{ organization: { name: string } | null }>('query Place($code: ID!) { organization(code: $code) { name } }', {
          code: head.issuer.scope,
        })
  return {
    id: head.id,
    symbol: head.symbol,
    kind: head.kind,
    title: head.title,
    issuedOn: head.issuedOn,
    asOf,
    tasks,
    issuer: {
      code: head.issuer.code,
      name: head.issuer.name,
      bloc: head.issuer.bloc,
      scope: head.issuer.scope,
      parentName: head.issuer.parent?.name ?? null,
    },
    place: placeName(province?.name ?? null),
    parents: head.implements.edges.map((e: any) => ({ symbol: e.node.symbol, issuer: e.node.issuer.name })),
  }
}

/** "Tỉnh Quảng Ngãi" → "Quảng Ngãi" (the place line of a document); Hà Nội for central bodies. */
function placeName(territory: string | null): string {
  return territory ? territory.replace(/^(Tỉnh|Thành phố|Xã|Phường|Đặc khu)\s+/u, '') : 'Hà Nội'
}

export interface ExportScore {
  code: string
  name: string
  tier: string
  total: number
  counts: Record<string, number>
  percentComplete: number | null
  onTimeRate: number | null
}
export interface ExportOverdue {
  taskCode: string
  task: string
  document: string
  organization: string
  role: string
  dueDate: string | null
  dependentTasks: number
}
export interface ExportScorecard {
  unit: Unit
  asOf: string
  total: number
  counts: Record<string, number>
  percentComplete: number | null
  onTimeRate: number | null
  scores: ExportScore[]
  overdue: ExportOverdue[]
}

const FIELD = {
  province: 'provinceScorecard(province: $unit, asOf: $asOf)',
  nation: 'nationalScorecard(asOf: $asOf)',
  organization: 'scorecard(organization: $unit, asOf: $asOf)',
}
const VARS = { province: '$unit: String!, $asOf: Date!', nation: '$asOf: Date!', organization: '$unit: ID!, $asOf: Date!' }

/** A unit's scorecard with every agency's score and every overdue obligation (paged through). */
export async function scorecardData(
  run: Run,
  unitCode: string,
  asOf: string,
  what: { scores?: boolean; overdue?: boolean } = { scores: true, overdue: true },
): Promise<ExportScorecard | null> {
  const unit = await resolveUnit(run, unitCode)
  if (!unit) return null
  const scores: ExportScore[] = []
  const overdue: ExportOverdue[] = []
  let scoreAfter: string | null = null
  let overdueAfter: string | null = null
  let head: any
  let moreScores: boolean = what.scores ?? false
  let moreOverdue: boolean = what.overdue ?? false
  do {
    const card: any = (
      await run<{ card: unknown }>(
        `query ScorecardExport(${VARS[unit.kind]}, $sa: String, $oa: String, $s: Boolean!, $o: Boolean!) { card: ${FIELD[unit.kind]} {
      total percentComplete onTimeRate counts { status count }
      byOrganization(first: 100, after: $sa) @include(if: $s) { pageInfo { hasNextPage endCursor } edges { node { organization { code name tier } total percentComplete onTimeRate counts { status count } } } }
      overdue(first: 100, after: $oa) @include(if: $o) { pageInfo { hasNextPage endCursor } edges { node { task { code content document { symbol } } organization { name } role effectiveDueDate dependentTasks } } } } }`,
        { ...(unit.kind === 'nation' ? {} : { unit: unit.code }), asOf, sa: scoreAfter, oa: overdueAfter, s: moreScores, o: moreOverdue },
      )
    ).card
    if (!card) return null
    head = card
    if (moreScores) {
      for (const { node: s } of card.byOrganization.edges) {
        scores.push({
          ...s.organization,
          total: s.total,
          percentComplete: s.percentComplete,
          onTimeRate: s.onTimeRate,
          counts: Object.fromEntries(s.counts.map((c: any) => [c.status, c.count])),
        })
      }
      moreScores = card.byOrganization.pageInfo.hasNextPage
      scoreAfter = card.byOrganization.pageInfo.endCursor
    }
    if (moreOverdue) {
      for (const { node: o } of card.overdue.edges) {
        overdue.push({
          taskCode: o.task.code,
          task: o.task.content,
          document: o.task.document.symbol ?? '',
          organization: o.organization.name,
          role: o.role,
          dueDate: o.effectiveDueDate,
          dependentTasks: o.dependentTasks,
        })
      }
      moreOverdue = card.overdue.pageInfo.hasNextPage
      overdueAfter = card.overdue.pageInfo.endCursor
    }
  } while (moreScores || moreOverdue)
  return {
    unit,
    asOf,
    total: head.total,
    percentComplete: head.percentComplete,
    onTimeRate: head.onTimeRate,
    counts: Object.fromEntries(head.counts.map((c: any) => [c.status, c.count])),
    scores,
    overdue,
  }
}

export interface Period {
  kind: string
  year: number
  index: number
  dataFrom: string
  dataTo: string
  sendBy: string
}

/** A reporting period's window (Decree 09/2019), from the API's `reportingPeriod`. */
export async function periodData(run: Run, kind: string, year: number, index: number): Promise<Period> {
  const { reportingPeriod } = await run<{ reportingPeriod: Period }>(
    'query Period($k: ReportingPeriodKind!, $y: Int!, $i: Int!) { reportingPeriod(kind: $k, year: $y, index: $i) { kind year index dataFrom dataTo sendBy } }',
    { k: kind, y: year, i: index },
  )
  return reportingPeriod
}

/** The global ID of a document by its number and symbol (for the CLI), or null. */
export async function documentIdOf(run: Run, symbol: string): Promise<string | null> {
  const { document } = await run<{ document: { id: string } | null }>('query Doc($s: String!) { document(symbol: $s) { id } }', {
    s: symbol,
  })
  return document?.id ?? null
}
