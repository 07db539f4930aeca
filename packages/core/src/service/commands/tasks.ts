/** Commands on tasks: adding them to a plan, linking them to parent tasks, updating and assigning them. */
import { parseDeadline } from '../../deadline/parse.js'
import { DomainError } from '../../errors.js'
import { ASSIGNMENT_ROLES, TASK_STATES, type Assignment, type AssignmentRole, type Task } from '../../model/task.js'
import type { Db } from '../../storage/db.js'
import { refreshTaskDerived } from '../../storage/derived.js'
import { refreshObligationSpans } from '../../storage/obligation-span.js'
import { ancestorDocumentIds } from '../../storage/repo/documents.js'
import {
  assignmentCountOfTask,
  assignmentExists,
  findTaskIdByCode,
  insertAssignment,
  insertTask,
  insertTaskLinks,
  taskCountOfDocument,
  taskLinkExists,
  taskLinksOf,
} from '../../storage/repo/tasks.js'
import { versionedUpdate } from '../../storage/repo/versioned.js'
import { toAssignment } from '../../storage/rows.js'
import { requireAssignable, requireEditor as authorizeEdit } from '../authorize.js'
import { defineCommand } from '../command-tx.js'
import { issuerOfDocument, issuerOfTask } from '../authorize.js'
import { clearable, id, int, list, object, oneOf, optional, required, text, type InputShape } from '../shape.js'
import { requireDocument, requireGroup, requireOrganization, requireTask } from '../lookup.js'
import { optionalText, requireOneOf, requireText, requireVersion } from '../validate.js'

export interface AssignInput {
  taskId: string
  role: string
  organizationCode?: string | null
  groupCode?: string | null
  note?: string | null
}

export interface AddTaskInput {
  documentId: string
  code: string
  parentCode?: string | null
  content: string
  timePhrase?: string | null
  output?: string | null
  /** Ids of tasks in ancestor documents that this task implements. */
  implements?: string[]
  assignments?: Omit<AssignInput, 'taskId'>[]
}

export interface LinkTaskInput {
  taskId: string
  parentTaskId: string
}

export interface UpdateTaskInput {
  id: string
  expectedVersion: number
  content?: string
  timePhrase?: string | null
  output?: string | null
  state?: string
}

/** The fields of one assignment (in `addTask` and `assign`). */
const ASSIGNMENT: InputShape = {
  role: required(oneOf('AssignmentRole', ASSIGNMENT_ROLES)),
  organizationCode: optional(text),
  groupCode: optional(text),
  note: optional(text),
}

/**
 * Adds a task to a document, with its assignments and the parent tasks it implements.
 * Errors: UNKNOWN_DOCUMENT, UNKNOWN_TASK, DUPLICATE_TASK, NOT_AN_ANCESTOR, UNKNOWN_ORGANIZATION.
 */
export const addTask = defineCommand({
  name: 'addTask',
  subject: 'Task',
  description: 'Adds a task to a plan, with its assignments and the parent tasks it implements.',
  input: {
    documentId: required(id('Document')),
    code: required(text),
    parentCode: optional(text),
    content: required(text),
    timePhrase: optional(text),
    output: optional(text),
    implements: optional(list(id('Task')), 'Global IDs of the tasks it implements.'),
    assignments: optional(list(object('Assignment', ASSIGNMENT))),
  },
  role: 'EDITOR',
  actsFor: ({ trx }, input: AddTaskInput) => issuerOfDocument(trx, input.documentId),
  answer: { entity: 'Task' },
  duplicate: 'DUPLICATE_TASK',
  async run({ trx, stamp, newId, grant }, input: AddTaskInput) {
    const document = await requireDocument(trx, input.documentId, 'documentId')
    await authorizeEdit(trx, grant, document.issuerId)
    const code = requireText(input.code, 'code', 50)
    const content = requireText(input.content, 'content')
    const timePhrase = optionalText(input.timePhrase, 'timePhrase', 2000)
    const output = optionalText(input.output, 'output', 2000)
    const taken = await findTaskIdByCode(trx, document.id, code)
    if (taken)
      throw new DomainError('DUPLICATE_TASK', `Task ${code} exists in this document`, {
        field: ['input', 'code'],
        details: { taskId: taken },
      })
    let parentId: string | null = null
    if (input.parentCode) {
      parentId = await findTaskIdByCode(trx, document.id, input.parentCode)
      if (!parentId)
        throw new DomainError('UNKNOWN_TASK', `No task ${input.parentCode} in this document`, { field: ['input', 'parentCode'] })
    }
    const implemented = await checkTaskParents(trx, document.id, input.implements ?? [])
    const assignees = []
    for (const [i, a] of (input.assignments ?? []).entries()) {
      const assignee = await resolveAssignee(trx, a, ['assignments', String(i)])
      await requireAssignable(
        trx,
        grant,
        document.issuerId,
        assignee,
        [...implemented, ...(parentId ? [parentId] : [])],
        ['input', 'assignments', String(i)],
      )
      assignees.push(assignee)
    }
    const row = {
      id: newId(),
      scope: document.scope,
      documentId: document.id,
      parentId,
      code,
      ordinal: (await taskCountOfDocument(trx, document.id)) + 1,
      content,
      timePhrase,
      deadline: JSON.stringify(parseDeadline(timePhrase ?? '', document.issuedOn ? { issuedOn: document.issuedOn } : {})),
      output,
      state: 'ACTIVE' as const,
      createdAt: stamp,
      updatedAt: stamp,
    }
    await insertTask(trx, row)
    await insertTaskLinks(trx, row.id, implemented, stamp)
    for (const [ordinal, a] of assignees.entries()) {
      await insertAssignment(trx, { id: newId(), taskId: row.id, ordinal, ...a, createdAt: stamp })
    }
    await refreshTaskDerived(trx, row.id)
    const created: Task = await requireTask(trx, row.id)
    const after = { ...created, implements: implemented, assignments: assignees }
    return { entity: 'task', entityId: created.id, before: null, after, result: created }
  },
})

/** Records that a task implements a task of an ancestor document. Errors: NOT_AN_ANCESTOR. */
export const linkTask = defineCommand({
  name: 'linkTask',
  subject: 'Task',
  description: 'Records that a task implements a task of an ancestor document.',
  input: {
    taskId: required(id('Task')),
    parentTaskId: required(id('Task')),
  },
  role: 'EDITOR',
  actsFor: ({ trx }, input: LinkTaskInput) => issuerOfTask(trx, input.taskId),
  answer: { entity: 'Task' },
  duplicate: 'INVALID_INPUT',
  async run({ trx, stamp, grant }, input: LinkTaskInput) {
    const task = await requireTask(trx, input.taskId, 'taskId')
    await authorizeEdit(trx, grant, (await requireDocument(trx, task.documentId)).issuerId)
    const [parentId] = await checkTaskParents(trx, task.documentId, [input.parentTaskId], 'parentTaskId')
    if (!(await taskLinkExists(trx, task.id, parentId!))) {
      await insertTaskLinks(trx, task.id, [parentId!], stamp)
      await refreshTaskDerived(trx, task.id)
    }
    return { entity: 'task', entityId: task.id, before: null, after: { implements: parentId }, result: task }
  },
})

/** Changes a task's content, time phrase, output or state under optimistic concurrency. */
export const updateTask = defineCommand({
  name: 'updateTask',
  subject: 'Task',
  description: 'Changes a task’s content, time phrase, output or state, if nobody changed it since expectedVersion.',
  input: {
    id: required(id('Task')),
    expectedVersion: required(int),
    content: optional(text),
    timePhrase: clearable(text),
    output: clearable(text),
    state: optional(oneOf('TaskState', TASK_STATES)),
  },
  role: 'EDITOR',
  actsFor: ({ trx }, input: UpdateTaskInput) => issuerOfTask(trx, input.id),
  answer: { entity: 'Task' },
  duplicate: 'INVALID_INPUT',
  async run({ trx, stamp, grant }, input: UpdateTaskInput) {
    const expected = requireVersion(input.expectedVersion)
    const before = await requireTask(trx, input.id, 'id')
    await authorizeEdit(trx, grant, (await requireDocument(trx, before.documentId)).issuerId)
    const patch = {
      ...(input.content !== undefined ? { content: requireText(input.content, 'content') } : {}),
      ...(input.timePhrase !== undefined
        ? await timePhrasePatch(trx, optionalText(input.timePhrase, 'timePhrase', 2000), before.documentId)
        : {}),
      ...(input.output !== undefined ? { output: optionalText(input.output, 'output', 2000) } : {}),
      ...(input.state !== undefined ? { state: requireOneOf(input.state, TASK_STATES, 'state') } : {}),
    }
    await versionedUpdate(trx, 'task', before.id, expected, before.version, patch, stamp)
    await refreshTaskDerived(trx, before.id)
    const after = await requireTask(trx, before.id)
    return { entity: 'task', entityId: before.id, before, after, result: after }
  },
})

/** Assigns a task to an organisation or a group as lead or coordinator. */
export const assign = defineCommand({
  name: 'assign',
  subject: 'Task',
  description: 'Assigns a task to an organisation or a group, as lead or coordinator.',
  input: { ...ASSIGNMENT, taskId: required(id('Task')) },
  role: 'EDITOR',
  actsFor: ({ trx }, input: AssignInput) => issuerOfTask(trx, input.taskId),
  answer: { entity: 'Task', of: (a: Assignment) => a.taskId },
  duplicate: 'INVALID_INPUT',
  async run({ trx, stamp, newId, grant }, input: AssignInput) {
    const task = await requireTask(trx, input.taskId, 'taskId')
    const issuerId = (await requireDocument(trx, task.documentId)).issuerId
    await authorizeEdit(trx, grant, issuerId)
    const assignee = await resolveAssignee(trx, input, [])
    const bound = grant ? await parentTaskIdsOf(trx, task.id) : []
    await requireAssignable(trx, grant, issuerId, assignee, [...bound, ...(task.parentId ? [task.parentId] : [])], ['input'])
    if (await assignmentExists(trx, task.id, assignee)) {
      throw new DomainError('INVALID_INPUT', 'That assignee already has this role on the task', { field: ['input'] })
    }
    const row = { id: newId(), taskId: task.id, ordinal: await assignmentCountOfTask(trx, task.id), ...assignee, createdAt: stamp }
    await insertAssignment(trx, row)
    await refreshObligationSpans(trx, [row.taskId])
    const created: Assignment = toAssignment(row)
    return { entity: 'assignment', entityId: created.id, before: null, after: created, result: created }
  },
})

async function parentTaskIdsOf(db: Db, taskId: string): Promise<string[]> {
  return (await taskLinksOf(db, [taskId], 'parents')).get(taskId) ?? []
}

/** A changed time phrase and its parse, against the issue date of the task's document. */
async function timePhrasePatch(
  db: Db,
  timePhrase: string | null,
  documentId: string,
): Promise<{ timePhrase: string | null; deadline: string }> {
  const document = await requireDocument(db, documentId)
  return { timePhrase, deadline: JSON.stringify(parseDeadline(timePhrase ?? '', document.issuedOn ? { issuedOn: document.issuedOn } : {})) }
}

/** Checks that each parent task lies in an ancestor document of `documentId`; returns their ids. */
async function checkTaskParents(db: Db, documentId: string, parentIds: readonly string[], field = 'implements'): Promise<string[]> {
  if (!parentIds.length) return []
  const ancestors = new Set(await ancestorDocumentIds(db, documentId))
  const out: string[] = []
  for (const id of new Set(parentIds)) {
    const parent = await requireTask(db, id, field)
    if (!ancestors.has(parent.documentId)) {
      throw new DomainError('NOT_AN_ANCESTOR', `Task ${parent.code} is not in a document this one implements`, {
        field: ['input', field],
        details: { parentTaskId: parent.id, parentDocumentId: parent.documentId },
      })
    }
    out.push(parent.id)
  }
  return out
}

/** The organisation or group an assignment names, its role and note. */
async function resolveAssignee(db: Db, input: Omit<AssignInput, 'taskId'>, path: string[]) {
  const role: AssignmentRole = requireOneOf(input.role, ASSIGNMENT_ROLES, [...path, 'role'].join('.'))
  const note = optionalText(input.note, 'note', 1000)
  if (Boolean(input.organizationCode) === Boolean(input.groupCode)) {
    throw new DomainError('INVALID_INPUT', 'Give exactly one of organizationCode and groupCode', {
      field: ['input', ...path, 'organizationCode'],
    })
  }
  if (input.organizationCode) {
    const org = await requireOrganization(db, input.organizationCode, [...path, 'organizationCode'].join('.'))
    return { role, organizationId: org.id, groupId: null, note }
  }
  const group = await requireGroup(db, input.groupCode!, [...path, 'groupCode'])
  return { role, organizationId: null, groupId: group.id, note }
}
