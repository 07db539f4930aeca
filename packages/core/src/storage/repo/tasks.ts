/** Tasks, their links and assignments, effective deadlines and violations: the SQL the commands and queries use. */
import { sql, type Insertable } from 'kysely'
import type { DeadlineViolation, EffectiveDeadline } from '../../hierarchy/effective-deadline.js'
import type { Organization, OrganizationGroup } from '../../model/organization.js'
import type { Assignment, AssignmentRole, Task } from '../../model/task.js'
import { distinct, groupBy, inOrderAsked, type Db } from '../db.js'
import { toAssignment, toGroup, toOrganization, toTask } from '../rows.js'
import type { Database } from '../schema.js'

/** Tasks by id, in the order asked (null for unknown ids; one query). */
export async function tasksByIds(db: Db, ids: readonly string[]): Promise<(Task | null)[]> {
  if (!ids.length) return []
  const rows = await db.selectFrom('task').selectAll().where('id', 'in', distinct(ids)).execute()
  return inOrderAsked(ids, rows, (r) => r.id, toTask)
}

/** The task with this id, or null. */
export async function findTask(db: Db, id: string): Promise<Task | null> {
  const row = await db.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toTask(row) : null
}

/** The id of the task with this code in a document, or null. */
export async function findTaskIdByCode(db: Db, documentId: string, code: string): Promise<string | null> {
  const row = await db.selectFrom('task').select('id').where('documentId', '=', documentId).where('code', '=', code).executeTakeFirst()
  return row?.id ?? null
}

/** A document's tasks in plan order. */
export async function tasksOfDocument(db: Db, documentId: string): Promise<Task[]> {
  const rows = await db.selectFrom('task').selectAll().where('documentId', '=', documentId).orderBy('ordinal').execute()
  return rows.map(toTask)
}

/** Ids of the tasks of these documents. */
export async function taskIdsOfDocuments(db: Db, documentIds: readonly string[]): Promise<string[]> {
  if (!documentIds.length) return []
  return (await db.selectFrom('task').select('id').where('documentId', 'in', distinct(documentIds)).execute()).map((t) => t.id)
}

/** How many tasks a document has. */
export async function taskCountOfDocument(db: Db, documentId: string): Promise<number> {
  const row = await db
    .selectFrom('task')
    .select(sql<number>`count(*)`.as('n'))
    .where('documentId', '=', documentId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertTask(db: Db, row: Insertable<Database['task']>): Promise<void> {
  await db.insertInto('task').values(row).execute()
}

export async function taskLinkExists(db: Db, childId: string, parentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('taskLink')
    .select('childId')
    .where('childId', '=', childId)
    .where('parentId', '=', parentId)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertTaskLinks(db: Db, childId: string, parentIds: readonly string[], createdAt: string): Promise<void> {
  if (!parentIds.length) return
  await db
    .insertInto('taskLink')
    .values(parentIds.map((parentId) => ({ childId, parentId, createdAt })))
    .execute()
}

/**
 * Task links of many tasks at once (one query): the tasks in lower plans implementing each
 * (`children`), or the tasks each implements (`parents`), by task id.
 */
export async function taskLinksOf(db: Db, taskIds: readonly string[], direction: 'children' | 'parents'): Promise<Map<string, string[]>> {
  const [self, other] = direction === 'children' ? (['parentId', 'childId'] as const) : (['childId', 'parentId'] as const)
  const rows = taskIds.length
    ? await db
        .selectFrom('taskLink')
        .select(['parentId', 'childId'])
        .where(self, 'in', distinct(taskIds))
        .orderBy(self)
        .orderBy(other)
        .execute()
    : []
  return groupBy(
    taskIds,
    rows,
    (r) => r[self],
    (r) => r[other],
  )
}

/** Ids of the tasks of other plans that the tasks of a document implement. */
export async function parentTaskIdsOfDocument(db: Db, documentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('taskLink')
    .innerJoin('task', 'task.id', 'taskLink.childId')
    .select('taskLink.parentId')
    .where('task.documentId', '=', documentId)
    .execute()
  return rows.map((r) => r.parentId)
}

/** Assignments of many tasks at once, by task id (one query). */
export async function assignmentsOfTasks(db: Db, taskIds: readonly string[]): Promise<Map<string, Assignment[]>> {
  const rows = taskIds.length
    ? await db.selectFrom('assignment').selectAll().where('taskId', 'in', distinct(taskIds)).orderBy('taskId').orderBy('ordinal').execute()
    : []
  return groupBy(taskIds, rows, (r) => r.taskId, toAssignment)
}

/** Assignments of many tasks with the organisations and groups they name, from one statement. */
export interface AssignmentsWithAssignees {
  readonly assignments: Map<string, Assignment[]>
  readonly organizations: Map<string, Organization>
  readonly groups: Map<string, OrganizationGroup>
}

/**
 * Assignments of many tasks at once, by task id, with their assignees joined in the same statement:
 * a page of tasks asked for who leads each costs one query, not three.
 *
 * @example
 * const { assignments, organizations } = await assignmentsWithAssigneesOfTasks(db, taskIds)
 */
export async function assignmentsWithAssigneesOfTasks(db: Db, taskIds: readonly string[]): Promise<AssignmentsWithAssignees> {
  const rows = taskIds.length
    ? await db
        .selectFrom('assignment as a')
        .leftJoin('organization as o', 'o.id', 'a.organizationId')
        .leftJoin('organizationGroup as g', 'g.id', 'a.groupId')
        .selectAll('a')
        .select([
          'o.code as oCode',
          'o.name as oName',
          'o.shortName as oShortName',
          'o.tier as oTier',
          'o.bloc as oBloc',
          'o.kind as oKind',
          'o.parentId as oParentId',
          'o.scope as oScope',
          'o.validFrom as oValidFrom',
          'o.validTo as oValidTo',
          'o.version as oVersion',
          'g.code as gCode',
          'g.name as gName',
          'g.scope as gScope',
          'g.selector as gSelector',
        ])
        .where('a.taskId', 'in', distinct(taskIds))
        .orderBy('a.taskId')
        .orderBy('a.ordinal')
        .execute()
    : []
  const organizations = new Map<string, Organization>()
  const groups = new Map<string, OrganizationGroup>()
  for (const r of rows) {
    if (r.organizationId && r.oCode !== null)
      organizations.set(
        r.organizationId,
        toOrganization({
          id: r.organizationId,
          code: r.oCode,
          name: r.oName!,
          shortName: r.oShortName,
          tier: r.oTier!,
          bloc: r.oBloc,
          kind: r.oKind!,
          parentId: r.oParentId,
          scope: r.oScope!,
          validFrom: r.oValidFrom,
          validTo: r.oValidTo,
          version: r.oVersion!,
          searchKey: null, // not read: toOrganization does not use it
          createdAt: '',
          updatedAt: '',
        }),
      )
    if (r.groupId && r.gCode !== null)
      groups.set(
        r.groupId,
        toGroup({ id: r.groupId, code: r.gCode, name: r.gName!, scope: r.gScope!, selector: r.gSelector!, createdAt: '' }),
      )
  }
  return { assignments: groupBy(taskIds, rows, (r) => r.taskId, toAssignment), organizations, groups }
}

/** Whether an assignee already holds a role on a task. */
export async function assignmentExists(
  db: Db,
  taskId: string,
  assignee: { role: AssignmentRole; organizationId: string | null; groupId: string | null },
): Promise<boolean> {
  const row = await db
    .selectFrom('assignment')
    .select('id')
    .where('taskId', '=', taskId)
    .where('role', '=', assignee.role)
    .where(assignee.organizationId ? 'organizationId' : 'groupId', '=', (assignee.organizationId ?? assignee.groupId)!)
    .executeTakeFirst()
  return row !== undefined
}

/** How many assignments a task has. */
export async function assignmentCountOfTask(db: Db, taskId: string): Promise<number> {
  const row = await db.selectFrom('assignment').select(sql<number>`count(*)`.as('n')).where('taskId', '=', taskId).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertAssignment(db: Db, row: Insertable<Database['assignment']>): Promise<void> {
  await db.insertInto('assignment').values(row).execute()
}

/** Effective deadlines of many tasks, in the order asked (null for unknown ids; one query). */
export async function effectiveDeadlinesOf(db: Db, taskIds: readonly string[]): Promise<(EffectiveDeadline | null)[]> {
  if (!taskIds.length) return []
  const rows = await db.selectFrom('taskEffective').selectAll().where('taskId', 'in', distinct(taskIds)).execute()
  return inOrderAsked(
    taskIds,
    rows,
    (r) => r.taskId,
    (r): EffectiveDeadline => ({
      taskId: r.taskId,
      source: r.source,
      fromTaskId: r.fromTaskId,
      dueDate: r.dueDate,
      effectiveDueDate: r.effectiveDueDate,
      startDate: r.startDate,
      recurrence: r.recurrence,
      condition: r.condition,
    }),
  )
}

/** Violations of many tasks at once, by task id (one query). */
export async function violationsOfTasks(db: Db, taskIds: readonly string[]): Promise<Map<string, DeadlineViolation[]>> {
  const rows = taskIds.length
    ? await db
        .selectFrom('taskViolation')
        .selectAll()
        .where('taskId', 'in', distinct(taskIds))
        .orderBy('taskId')
        .orderBy('parentTaskId')
        .execute()
    : []
  return groupBy(
    taskIds,
    rows,
    (r) => r.taskId,
    (r): DeadlineViolation => ({
      code: 'DEADLINE_AFTER_PARENT',
      taskId: r.taskId,
      parentTaskId: r.parentTaskId,
      dueDate: r.dueDate,
      parentDueDate: r.parentDueDate,
    }),
  )
}
