/** Finding things: organisations by words of their name, tasks by due date, agencies by what waits on them. */
import type { CalendarDate } from '../../calendar/date.js'
import type { ScorecardScope } from '../../hierarchy/scorecard.js'
import type { Organization } from '../../model/organization.js'
import type { Task } from '../../model/task.js'
import type { Db } from '../../storage/db.js'
import { agencyBottlenecks, taskIdsDueBetween, type AgencyBottleneck } from '../../storage/finding-query.js'
import { findOrganizations, type OrganizationSearch } from '../../storage/repo/organization-search.js'
import { tasksByIds } from '../../storage/repo/tasks.js'
import { DomainError } from '../../errors.js'
import { requireDate } from '../validate.js'

export type { AgencyBottleneck } from '../../storage/finding-query.js'
export type { OrganizationSearch as OrganizationSearchInput } from '../../storage/repo/organization-search.js'

/** A page of organisations matching a search, by code. */
export function searchOrganizations(
  db: Db,
  search: OrganizationSearch,
  page: { offset: number; limit: number },
): Promise<{ items: Organization[]; total: number }> {
  return findOrganizations(db, search, page)
}

/** Checks a date range: both dates valid, `from` not after `to`. Errors: INVALID_DATE, INVALID_INPUT. */
export function requireRange(due: { from: unknown; to: unknown }, field: string): { from: CalendarDate; to: CalendarDate } {
  const from = requireDate(due.from, `${field}.from`)
  const to = requireDate(due.to, `${field}.to`)
  if (from > to)
    throw new DomainError('INVALID_INPUT', `${field}: từ ${from} đến ${to} không hợp lệ / from ${from} is after to ${to}`, {
      field: [field],
    })
  return { from, to }
}

/** A page of the tasks falling due between two dates (inclusive), optionally of one plan, by due date. */
export async function tasksDueBetween(
  db: Db,
  due: { from: CalendarDate; to: CalendarDate },
  within: { documentId?: string | null },
  page: { offset: number; limit: number },
): Promise<{ items: Task[]; total: number }> {
  const { taskIds, total } = await taskIdsDueBetween(db, requireRange(due, 'dueBetween'), within, page)
  return { items: (await tasksByIds(db, taskIds)).filter((t) => t !== null), total }
}

/** Agencies of a scope ranked by the tasks in lower plans waiting on their unfinished lead obligations on a date. */
export function bottleneckAgencies(
  db: Db,
  scope: ScorecardScope,
  asOf: CalendarDate,
  page: { offset: number; limit: number },
): Promise<{ items: AgencyBottleneck[]; total: number }> {
  return agencyBottlenecks(db, requireDate(asOf, 'asOf'), scope, page)
}
