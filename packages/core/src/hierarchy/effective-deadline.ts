/**
 * Task inheritance of time: a task's effective deadline is its own when its phrase gives a date;
 * when it gives none (or says it follows its parents) it is the earliest effective deadline among
 * the tasks it implements; a conditional parent makes an undated child wait on the same condition;
 * a recurring parent makes an undated child recurring. A child whose own due date is after its
 * parent's is a DEADLINE_AFTER_PARENT violation (recorded, not refused).
 */
import type { CalendarDate } from '../calendar/date.js'
import type { Deadline, Recurrence } from '../deadline/types.js'
import type { CascadeIndex } from './cascade.js'

/** Where a task's effective time comes from. */
export type DeadlineSource = 'OWN' | 'INHERITED' | 'NONE'

/** A task's effective time. */
export interface EffectiveDeadline {
  readonly taskId: string
  readonly source: DeadlineSource
  /** The parent task it was inherited from, when inherited. */
  readonly fromTaskId: string | null
  /** Last day on time as written. */
  readonly dueDate: CalendarDate | null
  /** Moved past days off (Art. 148). */
  readonly effectiveDueDate: CalendarDate | null
  readonly startDate: CalendarDate | null
  readonly recurrence: Recurrence | null
  /** The guidance it waits for, when it has no date of its own or its parents'. */
  readonly condition: string | null
}

/** A rule a task breaks without being refused. */
export interface DeadlineViolation {
  readonly code: 'DEADLINE_AFTER_PARENT'
  readonly taskId: string
  readonly parentTaskId: string
  readonly dueDate: CalendarDate
  readonly parentDueDate: CalendarDate
}

function own(taskId: string, d: Deadline): EffectiveDeadline {
  return {
    taskId,
    source: 'OWN',
    fromTaskId: null,
    dueDate: d.dueDate,
    effectiveDueDate: d.effectiveDueDate,
    startDate: d.startDate,
    recurrence: d.kind === 'RECURRING' ? d.recurrence : null,
    condition: d.kind === 'CONDITIONAL' ? d.condition : null,
  }
}

/** Whether a deadline stands on its own (a date, a recurrence, a condition or an open start). */
function standsAlone(d: Deadline): boolean {
  if (d.inheritsFromParents && d.kind !== 'INHERITED') return false
  return d.dueDate !== null || d.kind === 'RECURRING' || d.kind === 'CONDITIONAL' || d.kind === 'OPEN_ENDED' || d.kind === 'PHASED'
}

/**
 * Effective deadlines of every task of the cascade.
 *
 * @example
 * effectiveDeadlines(new CascadeIndex(data)).get(taskId)?.effectiveDueDate //=> '2025-12-31'
 */
export function effectiveDeadlines(index: CascadeIndex): Map<string, EffectiveDeadline> {
  const out = new Map<string, EffectiveDeadline>()
  const visiting = new Set<string>()
  const resolve = (taskId: string): EffectiveDeadline => {
    const done = out.get(taskId)
    if (done) return done
    const task = index.task.get(taskId)!
    if (visiting.has(taskId)) return own(taskId, task.deadline) // links are acyclic; this only guards bad data
    visiting.add(taskId)
    let result: EffectiveDeadline
    if (standsAlone(task.deadline)) {
      result = own(taskId, task.deadline)
    } else {
      const parents = (index.taskParents.get(taskId) ?? []).filter((id) => index.task.has(id)).map(resolve)
      const dated = parents
        .filter((p) => p.dueDate !== null)
        .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : 0))[0]
      const conditional = parents.find((p) => p.condition !== null)
      const recurring = parents.find((p) => p.recurrence !== null)
      const from = dated ?? conditional ?? recurring
      if (from) {
        result = { ...from, taskId, source: 'INHERITED', fromTaskId: from.source === 'INHERITED' ? from.fromTaskId : from.taskId }
      } else if (task.deadline.dueDate !== null || task.deadline.kind !== 'INHERITED') {
        result = own(taskId, task.deadline) // "follows its parents" but they give nothing: its own words stand
      } else {
        result = {
          taskId,
          source: 'NONE',
          fromTaskId: null,
          dueDate: null,
          effectiveDueDate: null,
          startDate: null,
          recurrence: null,
          condition: null,
        }
      }
    }
    visiting.delete(taskId)
    out.set(taskId, result)
    return result
  }
  for (const id of index.task.keys()) resolve(id)
  return out
}

/**
 * DEADLINE_AFTER_PARENT violations: tasks whose own due date is after a parent task's effective due date.
 *
 * @example
 * deadlineViolations(index, effectiveDeadlines(index)) //=> [{ code: 'DEADLINE_AFTER_PARENT', taskId, parentTaskId, … }]
 */
export function deadlineViolations(index: CascadeIndex, effective: Map<string, EffectiveDeadline>): DeadlineViolation[] {
  const out: DeadlineViolation[] = []
  for (const task of index.task.values()) {
    const due = task.deadline.dueDate
    if (due === null) continue
    for (const parentId of index.taskParents.get(task.id) ?? []) {
      const parentDue = effective.get(parentId)?.dueDate
      if (parentDue && due > parentDue) {
        out.push({ code: 'DEADLINE_AFTER_PARENT', taskId: task.id, parentTaskId: parentId, dueDate: due, parentDueDate: parentDue })
      }
    }
  }
  return out
}
