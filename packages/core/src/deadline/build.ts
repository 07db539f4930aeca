/** A working {@link Spec} made into the public {@link Deadline}: effective due date and canonical text. */
import { rollToWorkingDay, type WorkCalendar } from '../calendar/work-calendar.js'
import { formatDeadline } from './format.js'
import type { Spec } from './spec.js'
import type { Deadline } from './types.js'

/**
 * Builds the deadline a spec describes, for the phrase `text` as given.
 *
 * @example
 * build('Quý IV/2025', spec('QUARTER', { startDate: '2025-10-01', dueDate: '2025-12-31' }), VIETNAM_WORK_CALENDAR).normalized
 * //=> 'Quý IV/2025'
 */
export function build(text: string, s: Spec, calendar: WorkCalendar): Deadline {
  const due = s.dueDate
  const deadline: { -readonly [K in keyof Deadline]: Deadline[K] } = {
    kind: s.kind,
    dueDate: due,
    effectiveDueDate: due === null ? null : rollToWorkingDay(due, calendar),
    startDate: s.startDate,
    recurrence: s.recurrence,
    condition: s.condition,
    inheritsFromParents: s.inherits,
    relative: s.relative,
    phases: s.phases,
    text,
    normalized: '',
    reason: s.reason,
  }
  deadline.normalized = formatDeadline(deadline)
  return deadline
}
