/**
 * Issue 15's shapes: the cascade's own queries, written once for the chidao gateway and once for
 * PostGraphile 5 (its default inflection on the same tables), each with a function that brings both
 * answers to one form so that they can be compared field by field. Used by bench/shapes.ts and
 * bench/versus-postgraphile.ts, on the national cascade (bench/load-national.ts).
 */
import { adminUnits, communeCode, provinceLetters } from '@chidao/fixtures'

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url')
const province = adminUnits().find((u) => u.level === 'PROVINCE')!
/** The first province (by official code) and its first commune. */
export const P = provinceLetters(province.code)
export const C = communeCode(province.code, adminUnits().find((u) => u.level === 'COMMUNE' && u.provinceCode === province.code)!.code)

type Json = any

/** One query in both systems' words, and the common form of their answers. */
export interface Shape {
  readonly chidao: { query: string; variables: Record<string, unknown> }
  /** Absent for a shape PostGraphile is not asked (the scorecard: compared with its own SQL instead). */
  readonly postgraphile?: { query: string; variables: Record<string, unknown>; normalize: (data: Json) => unknown }
  readonly normalize: (data: Json) => unknown
  /** Said next to the comparison when the two cannot pick the same rows (an order PostGraphile cannot express). */
  readonly note?: string
}

const edges = (c: Json) => (c.edges as Json[]).map((e) => e.node)
const nodes = (c: Json) => c.nodes as Json[]
const tasks20 = (c: Json, list: (c: Json) => Json[]) => ({
  total: c.totalCount,
  tasks: list(c).map((t) => ({ code: t.code, content: t.content })),
})

/** chidao orders an organisation's tasks by plan (issue date, plan, position); PostGraphile cannot: both sorted here. */
const byPlan = (rows: { symbol: string; code: string }[]) =>
  [...rows].sort((a, b) => a.symbol.localeCompare(b.symbol) || Number(a.code) - Number(b.code) || a.code.localeCompare(b.code))

const plans = (n: number): Shape => ({
  chidao: {
    query: `query($id: ID!, $n: Int) { node(id: $id) { ... on Document { implementedBy(first: $n) { totalCount edges { node { symbol
      tasks(first: 20) { totalCount edges { node { code content } } } } } } } } }`,
    variables: { id: gid('Document', `d:${P}/QD-UBND`), n },
  },
  normalize: (d) => ({
    total: d.node.implementedBy.totalCount,
    plans: edges(d.node.implementedBy).map((p) => ({ symbol: p.symbol, ...tasks20(p.tasks, edges) })),
  }),
  postgraphile: {
    query: `query($id: String!, $n: Int) { documentByRowId(rowId: $id) { documentLinksByParentId(first: $n, orderBy: CHILD_ID_ASC) {
      totalCount nodes { documentByChildId { symbol tasksByDocumentId(first: 20, orderBy: ORDINAL_ASC) { totalCount nodes { code content } } } } } } }`,
    variables: { id: `d:${P}/QD-UBND`, n },
    normalize: (d) => ({
      total: d.documentByRowId.documentLinksByParentId.totalCount,
      plans: nodes(d.documentByRowId.documentLinksByParentId).map(({ documentByChildId: p }) => ({
        symbol: p.symbol,
        ...tasks20(p.tasksByDocumentId, nodes),
      })),
    }),
  },
})

export const SHAPES: Record<string, Shape> = {
  'a plan by symbol, its 45 tasks with assignments and organisation names': {
    chidao: {
      query: `query($id: ID!) { node(id: $id) { ... on Document { symbol tasks(first: 100) { totalCount edges { node { code content
      assignments { edges { node { role organization { name } } } } } } } } } }`,
      variables: { id: gid('Document', `d:${P}/QD-UBND`) },
    },
    normalize: (d) => ({
      symbol: d.node.symbol,
      total: d.node.tasks.totalCount,
      tasks: edges(d.node.tasks).map((t) => ({
        code: t.code,
        content: t.content,
        assignments: edges(t.assignments).map((a) => ({ role: a.role, organization: a.organization?.name ?? null })),
      })),
    }),
    postgraphile: {
      query: `query($id: String!) { documentByRowId(rowId: $id) { symbol tasksByDocumentId(first: 100, orderBy: ORDINAL_ASC) { totalCount
      nodes { code content assignmentsByTaskId(orderBy: ORDINAL_ASC) { nodes { role organizationByOrganizationId { name } } } } } } }`,
      variables: { id: `d:${P}/QD-UBND` },
      normalize: (d) => ({
        symbol: d.documentByRowId.symbol,
        total: d.documentByRowId.tasksByDocumentId.totalCount,
        tasks: nodes(d.documentByRowId.tasksByDocumentId).map((t) => ({
          code: t.code,
          content: t.content,
          assignments: nodes(t.assignmentsByTaskId).map((a) => ({
            role: a.role,
            organization: a.organizationByOrganizationId?.name ?? null,
          })),
        })),
      }),
    },
  },
  'the tasks an organisation leads, with their documents': {
    chidao: {
      query: `query($org: ID!) { tasks(filter: { organization: $org, role: LEAD }, first: 100) { totalCount edges { node { code content
      document { symbol title } } } } }`,
      variables: { org: `${C}.UBND` },
    },
    normalize: (d) => ({
      total: d.tasks.totalCount,
      tasks: byPlan(edges(d.tasks).map((t) => ({ symbol: t.document.symbol, title: t.document.title, code: t.code, content: t.content }))),
    }),
    postgraphile: {
      query: `query($org: String!) { organizationByCode(code: $org) { assignmentsByOrganizationId(condition: { role: "LEAD" }, first: 100) {
      totalCount nodes { taskByTaskId { code content documentByDocumentId { symbol title } } } } } }`,
      variables: { org: `${C}.UBND` },
      normalize: (d) => ({
        total: d.organizationByCode.assignmentsByOrganizationId.totalCount,
        tasks: byPlan(
          nodes(d.organizationByCode.assignmentsByOrganizationId).map(({ taskByTaskId: t }) => ({
            symbol: t.documentByDocumentId.symbol,
            title: t.documentByDocumentId.title,
            code: t.code,
            content: t.content,
          })),
        ),
      }),
    },
    note: 'all of its tasks (first: 100), compared in one order: PostGraphile cannot order assignments by their plan',
  },
  'a plan → 20 implementing plans → 20 tasks each': plans(20),
  'a plan → all its implementing plans (first: 100) → 20 tasks each': plans(100),
  '57-NQ/TW → first 20 of its implementing documents → 20 tasks each': {
    chidao: {
      query: `{ document(symbol: "57-NQ/TW") { implementedBy(first: 20) { totalCount edges { node { symbol
      tasks(first: 20) { totalCount edges { node { code content } } } } } } } }`,
      variables: {},
    },
    normalize: (d) => ({
      total: d.document.implementedBy.totalCount,
      plans: edges(d.document.implementedBy).map((p) => ({ symbol: p.symbol, ...tasks20(p.tasks, edges) })),
    }),
    postgraphile: {
      query: `{ allDocuments(condition: { symbol: "57-NQ/TW" }, first: 1) { nodes { documentLinksByParentId(first: 20, orderBy: CHILD_ID_ASC) {
      totalCount nodes { documentByChildId { symbol tasksByDocumentId(first: 20, orderBy: ORDINAL_ASC) { totalCount nodes { code content } } } } } } } }`,
      variables: {},
      normalize: (d) => ({
        total: d.allDocuments.nodes[0].documentLinksByParentId.totalCount,
        plans: nodes(d.allDocuments.nodes[0].documentLinksByParentId).map(({ documentByChildId: p }) => ({
          symbol: p.symbol,
          ...tasks20(p.tasksByDocumentId, nodes),
        })),
      }),
    },
    note: 'chidao pages documents by issue date, PostGraphile by id: the two first-20s differ; compared on the total and on the documents both return',
  },
  "one commune plan's 45 tasks with their 180 reports": {
    chidao: {
      query: `query($id: ID!) { node(id: $id) { ... on Document { tasks(first: 100) { totalCount edges { node { code
      reports(first: 10) { totalCount edges { node { claimedStatus percent reportedOn } } } } } } } } }`,
      variables: { id: gid('Document', `d:${C}/KH-UBND`) },
    },
    normalize: (d) => ({
      total: d.node.tasks.totalCount,
      tasks: edges(d.node.tasks).map((t) => ({ code: t.code, reports: t.reports.totalCount, page: edges(t.reports) })),
    }),
    postgraphile: {
      query: `query($id: String!) { documentByRowId(rowId: $id) { tasksByDocumentId(first: 100, orderBy: ORDINAL_ASC) { totalCount nodes { code
      reportsByTaskId(first: 10, orderBy: [REPORTED_ON_ASC, PRIMARY_KEY_ASC]) { totalCount nodes { claimedStatus percent reportedOn } } } } } }`,
      variables: { id: `d:${C}/KH-UBND` },
      normalize: (d) => ({
        total: d.documentByRowId.tasksByDocumentId.totalCount,
        tasks: nodes(d.documentByRowId.tasksByDocumentId).map((t) => ({
          code: t.code,
          reports: t.reportsByTaskId.totalCount,
          page: nodes(t.reportsByTaskId),
        })),
      }),
    },
  },
}

/** The province scorecard through the gateway (compared with the same SQL run in-process). */
export const SCORECARD = {
  query: `query($p: String!, $asOf: Date!) { provinceScorecard(province: $p, asOf: $asOf) { total percentComplete onTimeRate counts { status count } } }`,
  variables: { p: P, asOf: '2025-12-31' },
}
