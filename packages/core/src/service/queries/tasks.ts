/** Reading tasks, their links, assignments, targets and reports (nullable readers; no writes). */
import type { Db } from '../../storage/db.js'
import { taskLinksOf } from '../../storage/repo/tasks.js'

export { findReport as reportById, reportPagesOfTasks, reportsOfTasks } from '../../storage/repo/reports.js'
export { taskPagesOfDocuments } from '../../storage/repo/pages.js'
export { targetsOfTasks } from '../../storage/repo/documents.js'
export {
  assignmentsOfTasks,
  assignmentsWithAssigneesOfTasks,
  effectiveDeadlinesOf,
  findTask as taskById,
  taskLinksOf,
  tasksByIds,
  tasksOfDocument as tasksOf,
  violationsOfTasks,
} from '../../storage/repo/tasks.js'

/** Ids of the tasks in lower plans that implement a task directly. */
export async function childTaskIdsOf(db: Db, taskId: string): Promise<string[]> {
  return (await taskLinksOf(db, [taskId], 'children')).get(taskId) ?? []
}

/** Ids of the tasks a task implements. */
export async function parentTaskIdsOf(db: Db, taskId: string): Promise<string[]> {
  return (await taskLinksOf(db, [taskId], 'parents')).get(taskId) ?? []
}
