/** The façade's reads of tasks, their links, assignments, targets and reports (`queries/tasks.ts`). */
import type { Report } from '../../model/report.js'
import type { Assignment, Target, Task } from '../../model/task.js'
import type { ListPage, PageWindow } from '../../storage/repo/pages.js'
import type { AssignmentsWithAssignees } from '../../storage/repo/tasks.js'
import { readTree, type TreeEntity, type TreeField } from '../../storage/tree-query.js'
import * as taskQueries from '../queries/tasks.js'
import { ChidaoDocuments } from './documents.js'

/** {@link ChidaoDocuments} and the reads of tasks and reports. */
export class ChidaoTasks extends ChidaoDocuments {
  /**
   * Rows of an entity by id, each read as the JSON tree `fields` names — its columns, the rows it
   * points to, pages of its lists, to any depth — in ONE statement built by the store (`readTree`).
   * For a reader that knows in advance all it will ask (a GraphQL gateway looking ahead).
   *
   * @example
   * const trees = await chidao.readTree('document', [plan.id], [
   *   { key: 'tasks', list: 'tasks', window: { offset: 0, limit: 20 }, total: true, fields: [{ key: 'code', column: 'code' }] },
   * ])
   */
  readTree(entity: TreeEntity, ids: readonly string[], fields: readonly TreeField[]): Promise<Map<string, Record<string, unknown>>> {
    return readTree(this.db, entity, ids, fields)
  }

  /**
   * The task with this id, or null.
   *
   * @example
   * const task = await chidao.taskById(id)
   */
  taskById(id: string): Promise<Task | null> {
    return taskQueries.taskById(this.db, id)
  }

  /**
   * Tasks by id, in the order asked (null for unknown ids; one query).
   *
   * @example
   * const parents = await chidao.tasksByIds(await chidao.parentTaskIdsOf(task.id))
   */
  tasksByIds(ids: readonly string[]): Promise<(Task | null)[]> {
    return taskQueries.tasksByIds(this.db, ids)
  }

  /**
   * A document's tasks in plan order.
   *
   * @example
   * for (const task of await chidao.tasksOf(plan.id)) console.log(task.code, task.content)
   */
  tasksOf(documentId: string): Promise<Task[]> {
    return taskQueries.tasksOf(this.db, documentId)
  }

  /**
   * Pages of the tasks of many documents, in plan order (one statement).
   *
   * @example
   * const pages = await chidao.taskPagesOfDocuments([plan.id], { offset: 0, limit: 50 })
   */
  taskPagesOfDocuments(documentIds: readonly string[], window: PageWindow): Promise<Map<string, ListPage<Task>>> {
    return taskQueries.taskPagesOfDocuments(this.db, documentIds, window)
  }

  /**
   * Pages of the reports on many tasks, oldest first (two statements: reports, then their evidence).
   *
   * @example
   * const pages = await chidao.reportPagesOfTasks([task.id], { offset: 0, limit: 10 })
   */
  reportPagesOfTasks(taskIds: readonly string[], window: PageWindow): Promise<Map<string, ListPage<Report>>> {
    return taskQueries.reportPagesOfTasks(this.db, taskIds, window)
  }

  /**
   * Ids of the tasks in lower plans that implement a task directly.
   *
   * @example
   * const below = await chidao.childTaskIdsOf(programmeTask.id)
   */
  childTaskIdsOf(taskId: string): Promise<string[]> {
    return taskQueries.childTaskIdsOf(this.db, taskId)
  }

  /**
   * Ids of the tasks a task implements.
   *
   * @example
   * const above = await chidao.parentTaskIdsOf(communeTask.id)
   */
  parentTaskIdsOf(taskId: string): Promise<string[]> {
    return taskQueries.parentTaskIdsOf(this.db, taskId)
  }

  /**
   * Task links of many tasks at once: the tasks implementing each (`children`) or those each implements (`parents`).
   *
   * @example
   * const childrenByTask = await chidao.taskLinksOf(tasks.map((t) => t.id), 'children')
   */
  taskLinksOf(taskIds: readonly string[], direction: 'children' | 'parents'): Promise<Map<string, string[]>> {
    return taskQueries.taskLinksOf(this.db, taskIds, direction)
  }

  /**
   * Assignments of many tasks at once, by task id (one query).
   *
   * @example
   * const byTask = await chidao.assignmentsOfTasks(tasks.map((t) => t.id))
   */
  assignmentsOfTasks(taskIds: readonly string[]): Promise<Map<string, Assignment[]>> {
    return taskQueries.assignmentsOfTasks(this.db, taskIds)
  }

  /**
   * Assignments of many tasks with the organisations and groups they name (one query).
   *
   * @example
   * const { assignments, organizations, groups } = await chidao.assignmentsWithAssigneesOfTasks(tasks.map((t) => t.id))
   */
  assignmentsWithAssigneesOfTasks(taskIds: readonly string[]): Promise<AssignmentsWithAssignees> {
    return taskQueries.assignmentsWithAssigneesOfTasks(this.db, taskIds)
  }

  /**
   * A task's assignments.
   *
   * @example
   * const lead = (await chidao.assignmentsOf(task.id)).find((a) => a.role === 'LEAD')
   */
  async assignmentsOf(taskId: string): Promise<Assignment[]> {
    return (await this.assignmentsOfTasks([taskId])).get(taskId) ?? []
  }

  /**
   * Targets tied to many tasks at once, by task id (one query).
   *
   * @example
   * const byTask = await chidao.targetsOfTasks([task.id])
   */
  targetsOfTasks(taskIds: readonly string[]): Promise<Map<string, Target[]>> {
    return taskQueries.targetsOfTasks(this.db, taskIds)
  }

  /**
   * The report with this id and its evidence, or null.
   *
   * @example
   * const report = await chidao.reportById(id)
   */
  reportById(id: string): Promise<Report | null> {
    return taskQueries.reportById(this.db, id)
  }

  /**
   * Reports on a task, oldest first.
   *
   * @example
   * const latest = (await chidao.reportsOf(task.id)).at(-1)
   */
  async reportsOf(taskId: string): Promise<Report[]> {
    return (await this.reportsOfTasks([taskId])).get(taskId) ?? []
  }

  /**
   * Reports on many tasks at once, oldest first, by task id (two queries: reports, then their evidence).
   *
   * @example
   * const byTask = await chidao.reportsOfTasks(tasks.map((t) => t.id))
   */
  reportsOfTasks(taskIds: readonly string[]): Promise<Map<string, Report[]>> {
    return taskQueries.reportsOfTasks(this.db, taskIds)
  }
}
