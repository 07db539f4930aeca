/**
 * Keeping the derived tables (organisation closure, group membership, effective deadlines,
 * violations, obligation spans) in step with the base tables, using the reference rules of `hierarchy/`.
 * Services refresh what a command touched; `refreshDerived` rebuilds everything (after a bulk load).
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import { CascadeIndex, type CascadeData, type Link } from '../hierarchy/cascade.js'
import { deadlineViolations, effectiveDeadlines } from '../hierarchy/effective-deadline.js'
import { groupMembers, matchesGroupRule } from '../hierarchy/obligations.js'
import { ordersPlans } from '../hierarchy/status.js'
import { toAlignmentReview, toAssignment, toDocument, toGroup, toOrganization, toReport, toSuccession, toTask } from './rows.js'
import { bulkInsert } from './bulk-insert.js'
import { refreshObligationSpans, tasksInvolving } from './obligation-span.js'
import type { Database, OrganizationGroupTable, OrganizationTable, TaskTable } from './schema.js'

type Db = Kysely<Database> | Transaction<Database>

/** Ids per `in (…)` list. */
const BATCH = 500

/**
 * Reads a whole cascade into memory (reports without their evidence): what the reference rules
 * take. For tests and small deployments; national-scale questions go to the SQL queries.
 *
 * @example
 * const evaluation = evaluateCascade(await loadCascadeData(store.db), '2025-12-31')
 */
export async function loadCascadeData(db: Db): Promise<CascadeData> {
  const [organizations, successions, groups, documents, documentLinks, tasks, taskLinks, assignments, reports, reviews] = await Promise.all(
    [
      db.selectFrom('organization').selectAll().orderBy('id').execute(),
      db.selectFrom('succession').selectAll().orderBy('id').execute(),
      db.selectFrom('organizationGroup').selectAll().orderBy('id').execute(),
      db.selectFrom('document').selectAll().orderBy('id').execute(),
      db.selectFrom('documentLink').select(['childId', 'parentId']).execute(),
      db.selectFrom('task').selectAll().orderBy('id').execute(),
      db.selectFrom('taskLink').select(['childId', 'parentId']).execute(),
      db.selectFrom('assignment').selectAll().orderBy('taskId').orderBy('ordinal').execute(),
      db.selectFrom('report').selectAll().orderBy('reportedOn').orderBy('id').execute(),
      db.selectFrom('alignmentReview').selectAll().execute(),
    ],
  )
  return {
    organizations: organizations.map(toOrganization),
    successions: successions.map(toSuccession),
    groups: groups.map(toGroup),
    documents: documents.map(toDocument),
    documentLinks: documentLinks as Link[],
    tasks: tasks.map(toTask),
    taskLinks: taskLinks as Link[],
    assignments: assignments.map(toAssignment),
    reports: reports.map((r) => toReport(r, [])),
    alignmentReviews: reviews.map(toAlignmentReview),
  }
}

/**
 * The base rows the derived tables are computed from, for a caller that has just written them and
 * still holds them (a bulk loader): {@link refreshDerived} then reads nothing back.
 */
export interface DerivedBase {
  readonly organizations: readonly Selectable<OrganizationTable>[]
  readonly groups: readonly Selectable<OrganizationGroupTable>[]
  readonly tasks: readonly Selectable<TaskTable>[]
  readonly taskLinks: readonly Link[]
}

/**
 * Rebuilds every derived table from the base tables (read from the store, or given as `base` when
 * the caller holds exactly what it holds); set-based writes.
 *
 * @example
 * await refreshDerived(store.db)
 */
export async function refreshDerived(db: Db, base?: DerivedBase): Promise<void> {
  // Only what the derived tables depend on: not documents, assignments or reports.
  const [organizations, groups, tasks, taskLinks] = base
    ? [base.organizations, base.groups, base.tasks, base.taskLinks]
    : await Promise.all([
        db.selectFrom('organization').selectAll().execute(),
        db.selectFrom('organizationGroup').selectAll().execute(),
        db.selectFrom('task').selectAll().execute(),
        db.selectFrom('taskLink').select(['childId', 'parentId']).execute(),
      ])
  const index = new CascadeIndex({
    organizations: organizations.map(toOrganization),
    successions: [],
    groups: groups.map(toGroup),
    documents: [],
    documentLinks: [],
    tasks: tasks.map(toTask),
    taskLinks: taskLinks as Link[],
    assignments: [],
    reports: [],
    alignmentReviews: [],
  })
  for (const t of ['taskViolation', 'taskEffective', 'organizationGroupMember', 'organizationClosure'] as const)
    await db.deleteFrom(t).execute()
  const closure: Record<string, unknown>[] = []
  for (const o of index.organization.values()) {
    for (let a: typeof o | undefined = o; a; a = a.parentId ? index.organization.get(a.parentId) : undefined)
      closure.push({ ancestorId: a.id, descendantId: o.id })
  }
  await bulkInsert(db, 'organizationClosure', closure)
  const members: Record<string, unknown>[] = []
  for (const g of index.group.values())
    for (const o of groupMembers(index, g.id, null)) members.push({ groupId: g.id, organizationId: o.id })
  await bulkInsert(db, 'organizationGroupMember', members)
  await writeEffective(db, index, [...index.task.keys()])
  await refreshObligationSpans(db, 'all')
}

async function writeEffective(db: Db, index: CascadeIndex, taskIds: string[]): Promise<void> {
  const effective = effectiveDeadlines(index)
  const wanted = new Set(taskIds)
  await bulkInsert(
    db,
    'taskEffective',
    taskIds.map((id) => {
      const e = effective.get(id)!
      const task = index.task.get(id)!
      return {
        taskId: id,
        scope: task.scope,
        source: e.source,
        fromTaskId: e.fromTaskId,
        dueDate: e.dueDate,
        effectiveDueDate: e.effectiveDueDate,
        startDate: e.startDate,
        recurrence: e.recurrence,
        condition: e.condition,
        ordersPlans: ordersPlans(task.content) ? 1 : 0,
        dependentTasks: index.dependentTaskCount(id),
      }
    }),
  )
  await bulkInsert(
    db,
    'taskViolation',
    deadlineViolations(index, effective)
      .filter((v) => wanted.has(v.taskId))
      .map((v) => ({
        taskId: v.taskId,
        parentTaskId: v.parentTaskId,
        code: v.code,
        dueDate: v.dueDate,
        parentDueDate: v.parentDueDate,
      })),
  )
}

/** Ids of a task and every task implementing it, directly or through others. */
async function taskAndDescendants(db: Db, taskId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive below(id) as (
      select ${taskId}
      union
      select l.child_id from task_link l join below b on l.parent_id = b.id
    )
    select id from below`.execute(db)
  return result.rows.map((r) => r.id)
}

/** Ids of every task the given tasks implement, transitively, with the given tasks. */
async function withAncestors(db: Db, taskIds: string[]): Promise<string[]> {
  const out = new Set(taskIds)
  let frontier = taskIds
  while (frontier.length) {
    const rows = await db.selectFrom('taskLink').select('parentId').where('childId', 'in', frontier).execute()
    frontier = rows.map((r) => r.parentId).filter((id) => !out.has(id))
    for (const id of frontier) out.add(id)
  }
  return [...out]
}

/** Recomputes the effective deadline and violations of a task and of every task below it. */
export async function refreshTaskDerived(db: Db, taskId: string): Promise<void> {
  const affected = await taskAndDescendants(db, taskId)
  const needed = await withAncestors(db, affected)
  const tasks: ReturnType<typeof toTask>[] = []
  const links: Link[] = []
  for (let i = 0; i < needed.length; i += BATCH) {
    const part = needed.slice(i, i + BATCH)
    tasks.push(...(await db.selectFrom('task').selectAll().where('id', 'in', part).execute()).map(toTask))
    links.push(...(await db.selectFrom('taskLink').select(['childId', 'parentId']).where('childId', 'in', part).execute()))
  }
  const index = new CascadeIndex({
    organizations: [],
    successions: [],
    groups: [],
    documents: [],
    documentLinks: [],
    tasks,
    taskLinks: links,
    assignments: [],
    reports: [],
    alignmentReviews: [],
  })
  for (let i = 0; i < affected.length; i += BATCH) {
    const part = affected.slice(i, i + BATCH)
    await db.deleteFrom('taskViolation').where('taskId', 'in', part).execute()
    await db.deleteFrom('taskEffective').where('taskId', 'in', part).execute()
  }
  await writeEffective(db, index, affected)
  // The tasks above gained (or kept) dependents: count them again.
  const affectedSet = new Set(affected)
  for (const ancestor of needed.filter((id) => !affectedSet.has(id))) {
    const below = await taskAndDescendants(db, ancestor)
    await db
      .updateTable('taskEffective')
      .set({ dependentTasks: below.length - 1 })
      .where('taskId', '=', ancestor)
      .execute()
  }
  await refreshObligationSpans(db, affected)
}

/** Adds a new organisation to the closure and to the groups whose rule it matches. */
export async function refreshOrganizationDerived(db: Db, organizationId: string): Promise<void> {
  const org = await db.selectFrom('organization').selectAll().where('id', '=', organizationId).executeTakeFirstOrThrow()
  const ancestors = org.parentId
    ? (await db.selectFrom('organizationClosure').select('ancestorId').where('descendantId', '=', org.parentId).execute()).map(
        (r) => r.ancestorId,
      )
    : []
  await bulkInsert(
    db,
    'organizationClosure',
    [organizationId, ...ancestors].map((ancestorId) => ({ ancestorId, descendantId: organizationId })),
  )
  const groups = (await db.selectFrom('organizationGroup').selectAll().execute()).map(toGroup)
  const o = toOrganization(org)
  const ancestorSet = new Set(ancestors)
  const rows: Record<string, unknown>[] = []
  for (const g of groups) {
    const s = g.selector
    const inside = s.withinId !== undefined && ancestorSet.has(s.withinId)
    if ((inside && matchesGroupRule(o, s)) || s.memberIds?.includes(o.id)) rows.push({ groupId: g.id, organizationId: o.id })
  }
  await bulkInsert(db, 'organizationGroupMember', rows)
  // Tasks assigned to those groups now fan out to it too.
  await refreshObligationSpans(db, await tasksInvolving(db, [organizationId]))
}

/** Computes a new group's members (on any date). */
export async function refreshGroupDerived(db: Db, groupId: string): Promise<void> {
  const group = toGroup(await db.selectFrom('organizationGroup').selectAll().where('id', '=', groupId).executeTakeFirstOrThrow())
  const found = new Map<string, Selectable<OrganizationTable>>()
  if (group.selector.withinId) {
    const below = await db
      .selectFrom('organization')
      .innerJoin('organizationClosure', 'organizationClosure.descendantId', 'organization.id')
      .selectAll('organization')
      .where('organizationClosure.ancestorId', '=', group.selector.withinId)
      .execute()
    for (const o of below) found.set(o.id, o)
  }
  if (group.selector.memberIds?.length) {
    for (const o of await db.selectFrom('organization').selectAll().where('id', 'in', group.selector.memberIds).execute())
      found.set(o.id, o)
  }
  const organizations = [...found.values()]
  const index = new CascadeIndex({
    organizations: organizations.map(toOrganization),
    successions: [],
    groups: [group],
    documents: [],
    documentLinks: [],
    tasks: [],
    taskLinks: [],
    assignments: [],
    reports: [],
    alignmentReviews: [],
  })
  await db.deleteFrom('organizationGroupMember').where('groupId', '=', groupId).execute()
  await bulkInsert(
    db,
    'organizationGroupMember',
    groupMembers(index, groupId, null).map((o) => ({ groupId, organizationId: o.id })),
  )
  const assigned = await db.selectFrom('assignment').select('taskId').where('groupId', '=', groupId).execute()
  await refreshObligationSpans(
    db,
    assigned.map((a) => a.taskId),
  )
}
