/**
 * A workload of commands that race on one task and on one plan (assignments, reports, edits of a
 * parent task and its children, tasks added to one plan), run concurrently or one after another,
 * and a dump of what it leaves in the store by natural keys (no ids, no instants, no positions), so
 * that a concurrent run, a serial run and the other store can be compared.
 */
import { refreshDerived, type Chidao, type Store } from '../../src/index.js'
import { ctx, registerSmallCascade } from './cascade.js'

const COMMUNES = ['BINHSON', 'TINHKHE', 'SONTINH', 'NGHIAHANH', 'DUCPHO', 'MODUC', 'BANAN', 'LYSON']

/** Registers the cascade the workload writes into; returns the parent task, its children and the plan they are in. */
export async function setUpWorkload(chidao: Chidao) {
  const docs = await registerSmallCascade(chidao)
  await chidao.registerOrganization(ctx, { code: 'QNG.XA', name: 'Các xã', tier: 'COMMUNE', kind: 'TERRITORY', parentCode: 'QNG.TU' })
  for (const name of COMMUNES) {
    await chidao.registerOrganization(ctx, {
      code: `QNG.${name}.UBND`,
      name: `UBND xã ${name}`,
      tier: 'COMMUNE',
      bloc: 'STATE',
      kind: 'PEOPLES_COMMITTEE',
      parentCode: 'QNG.XA',
    })
  }
  await chidao.registerGroup(ctx, {
    code: 'UBND_XA',
    name: 'UBND các xã',
    withinCode: 'QNG.XA',
    tiers: ['COMMUNE'],
    kinds: ['PEOPLES_COMMITTEE'],
  })
  const parent = await chidao.addTask(ctx, {
    documentId: docs.kh359.id,
    code: '1',
    content: 'Hạ tầng số của tỉnh',
    timePhrase: 'Năm 2026',
    assignments: [{ role: 'LEAD', organizationCode: 'QNG.SKHCN' }],
  })
  const children = []
  for (const i of [1, 2, 3]) {
    children.push(
      await chidao.addTask(ctx, { documentId: docs.kh09.id, code: `${i}`, content: `Phần việc ${i} của xã`, implements: [parent.id] }),
    )
  }
  return { docs, parent, children }
}

type Setup = Awaited<ReturnType<typeof setUpWorkload>>

/** The racing commands, each a thunk; run with Promise.all (concurrent) or in order (serial). */
function workload(chidao: Chidao, { docs, parent, children }: Setup): (() => Promise<unknown>)[] {
  return [
    // Assignments racing on one task: positions and obligation spans of the same task.
    ...COMMUNES.map((name) => () => chidao.assign(ctx, { taskId: parent.id, role: 'COORDINATING', organizationCode: `QNG.${name}.UBND` })),
    () => chidao.assign(ctx, { taskId: parent.id, role: 'COORDINATING', groupCode: 'UBND_XA' }),
    // Reports on it by its holders.
    ...COMMUNES.slice(0, 4).map(
      (name, i) => () =>
        chidao.submitReport(ctx, {
          taskId: parent.id,
          organizationCode: `QNG.${name}.UBND`,
          period: 'AD_HOC',
          claimedStatus: i % 2 ? 'COMPLETED' : 'IN_PROGRESS',
          percent: i % 2 ? 100 : 40,
          completedOn: i % 2 ? '2025-11-20' : null,
          reportedOn: '2025-11-25',
        }),
    ),
    // The parent's deadline and its children's, edited together: effective deadlines derive from both.
    () => chidao.updateTask(ctx, { id: parent.id, expectedVersion: 1, timePhrase: 'Quý IV/2025' }),
    ...children.map(
      (child, i) => () => chidao.updateTask(ctx, { id: child.id, expectedVersion: 1, timePhrase: i === 0 ? 'Năm 2027' : 'Tháng 11/2025' }),
    ),
    ...children.map((child) => () => chidao.assign(ctx, { taskId: child.id, role: 'LEAD', organizationCode: 'QNG.THIENTIN.DU' })),
    // Tasks racing into one plan: positions.
    ...[4, 5, 6, 7, 8, 9].map(
      (i) => () =>
        chidao.addTask(ctx, {
          documentId: docs.kh09.id,
          code: `${i}`,
          content: `Nhiệm vụ ${i}`,
          timePhrase: 'Quý I/2026',
          assignments: [{ role: 'LEAD', organizationCode: 'QNG.BINHSON.UBND' }],
        }),
    ),
  ]
}

/** Runs the workload; returns how many commands failed (none should). */
export async function runWorkload(chidao: Chidao, setup: Setup, concurrent: boolean): Promise<unknown[]> {
  const thunks = workload(chidao, setup)
  if (concurrent) return (await Promise.allSettled(thunks.map((f) => f()))).flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
  const failed: unknown[] = []
  for (const f of thunks) await f().catch((e) => failed.push(e))
  return failed
}

/** What the store holds, by natural keys: tasks, assignments, reports, statuses and the province scorecard. */
export async function dump(chidao: Chidao, asOf = '2026-01-15') {
  const db = chidao.store.db
  const orgs = new Map((await db.selectFrom('organization').select(['id', 'code']).execute()).map((o) => [o.id, o.code]))
  const groups = new Map((await db.selectFrom('organizationGroup').select(['id', 'code']).execute()).map((g) => [g.id, g.code]))
  const tasks = await db
    .selectFrom('task')
    .innerJoin('document', 'document.id', 'task.documentId')
    .select(['task.id', 'task.code', 'task.content', 'task.timePhrase', 'task.state', 'document.symbol', 'document.title'])
    .execute()
  const taskKey = new Map(tasks.map((t) => [t.id, `${t.symbol ?? t.title}#${t.code}`]))
  const assignments = await db.selectFrom('assignment').select(['taskId', 'role', 'organizationId', 'groupId']).execute()
  const reports = await db
    .selectFrom('report')
    .select(['taskId', 'organizationId', 'claimedStatus', 'percent', 'completedOn', 'reportedOn'])
    .execute()
  const obligations = await chidao.obligations({ province: 'QNG' }, asOf)
  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort()
  return {
    tasks: sorted(tasks.map((t) => [taskKey.get(t.id), t.content, t.timePhrase, t.state])),
    assignments: sorted(
      assignments.map((a) => [taskKey.get(a.taskId), a.role, a.organizationId ? orgs.get(a.organizationId) : groups.get(a.groupId!)]),
    ),
    reports: sorted(
      reports.map((r) => [taskKey.get(r.taskId), orgs.get(r.organizationId), r.claimedStatus, r.percent, r.completedOn, r.reportedOn]),
    ),
    obligations: sorted(
      obligations.map((o) => [
        taskKey.get(o.taskId),
        orgs.get(o.organizationId),
        o.role,
        orgs.get(o.assignedOrganizationId),
        o.status,
        o.effectiveDueDate,
      ]),
    ),
    scorecard: await chidao.scorecardCounts({ province: 'QNG' }, asOf),
  }
}

/** The derived tables as they are, and as a full rebuild makes them: equal when every command kept them. */
export async function derivedVersusRebuild(
  store: Store,
): Promise<{ incremental: Record<string, string[]>; rebuilt: Record<string, string[]> }> {
  const snapshot = async () => {
    const out: Record<string, string[]> = {}
    for (const table of ['organizationClosure', 'organizationGroupMember', 'taskEffective', 'taskViolation', 'obligationSpan'] as const) {
      out[table] = (await store.db.selectFrom(table).selectAll().execute()).map((r) => JSON.stringify(r)).sort()
    }
    return out
  }
  const incremental = await snapshot()
  await refreshDerived(store.db)
  return { incremental, rebuilt: await snapshot() }
}

/** Positions of a plan's tasks (or a task's assignments) are 1..n (0..n-1) with none twice. */
export async function positions(store: Store) {
  const tasks = await store.db.selectFrom('task').select(['documentId', 'ordinal']).execute()
  const assignments = await store.db.selectFrom('assignment').select(['taskId', 'ordinal']).execute()
  const dupes = (rows: { key: string; ordinal: number }[]) => {
    const seen = new Set<string>()
    return rows.filter((r) => {
      const key = `${r.key}|${r.ordinal}`
      if (seen.has(key)) return true
      seen.add(key)
      return false
    }).length
  }
  return {
    duplicateTaskPositions: dupes(tasks.map((t) => ({ key: t.documentId, ordinal: Number(t.ordinal) }))),
    duplicateAssignmentPositions: dupes(assignments.map((a) => ({ key: a.taskId, ordinal: Number(a.ordinal) }))),
  }
}
