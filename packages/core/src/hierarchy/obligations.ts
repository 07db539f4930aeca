/**
 * Obligations: one per task and organisation that owes it on a date. A group assignment fans out to
 * the group's members valid on the plan's issue date; an organisation merged, split or renamed passes its open
 * obligations to its successor(s) from the change, while what it finished before stays its own.
 */
import type { CalendarDate } from '../calendar/date.js'
import type { AssignmentRole } from '../model/task.js'
import type { GroupSelector, Organization } from '../model/organization.js'
import type { CascadeIndex } from './cascade.js'

/** How an obligation reached its holder. */
export type ObligationVia = 'DIRECT' | 'GROUP'

/** Who owes a task on a date. */
export interface Obligation {
  readonly taskId: string
  /** The organisation that owes it on the date. */
  readonly organizationId: string
  readonly role: AssignmentRole
  readonly via: ObligationVia
  /** The organisation the plan named (or the group member), before any succession. */
  readonly assignedOrganizationId: string
  /** The date the assigned organisation passed the obligation on by succession (the first change of a chain), else null. */
  readonly succeededOn: CalendarDate | null
}

/**
 * Whether an organisation exists on a date.
 *
 * @example
 * validOn(district, '2025-07-01') //=> false for a district dissolved on 30/6/2025
 */
export function validOn(o: Organization, date: CalendarDate): boolean {
  return (o.validFrom === null || o.validFrom <= date) && (o.validTo === null || date <= o.validTo)
}

/**
 * Whether an organisation fits a group's rule by itself: not a territory, and of the rule's tiers,
 * kinds and blocs where it names them. (Being below `withinId`, and the date, are checked apart.)
 */
export function matchesGroupRule(o: Organization, s: GroupSelector): boolean {
  return (
    o.kind !== 'TERRITORY' &&
    (!s.tiers || s.tiers.includes(o.tier)) &&
    (!s.kinds || s.kinds.includes(o.kind)) &&
    (!s.blocs || (o.bloc !== null && s.blocs.includes(o.bloc)))
  )
}

/**
 * Members of a group on a date: organisations below `withinId` matching its tiers, kinds and blocs,
 * plus its explicit members, that exist on the date (on any date, when `date` is null).
 *
 * @example
 * const communes = groupMembers(index, group.id, '2025-12-31')
 */
export function groupMembers(index: CascadeIndex, groupId: string, date: CalendarDate | null): Organization[] {
  const group = index.group.get(groupId)
  if (!group) return []
  const s = group.selector
  const out = new Map<string, Organization>()
  if (s.withinId) {
    const stack = [...(index.childrenOfOrganization.get(s.withinId) ?? [])]
    while (stack.length) {
      const o = stack.pop()!
      stack.push(...(index.childrenOfOrganization.get(o.id) ?? []))
      if (matchesGroupRule(o, s) && (date === null || validOn(o, date))) out.set(o.id, o)
    }
  }
  for (const id of s.memberIds ?? []) {
    const o = index.organization.get(id)
    if (o && (date === null || validOn(o, date))) out.set(o.id, o)
  }
  return [...out.values()].sort((a, b) => (a.code < b.code ? -1 : 1))
}

function cmp<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Whether an organisation had completed a task (by its own reports) before a date. */
function completedBefore(index: CascadeIndex, taskId: string, organizationId: string, date: CalendarDate): boolean {
  return (index.reportsOf.get(`${taskId}|${organizationId}`) ?? []).some(
    (r) => r.claimedStatus === 'COMPLETED' && r.reportedOn < date && r.completedOn !== null && r.completedOn < date,
  )
}

/**
 * The holders on `asOf` of an obligation first owed by `organizationId`, following successions in
 * force by then; a succession does not take what the predecessor had completed before it.
 */
function holders(
  index: CascadeIndex,
  taskId: string,
  organizationId: string,
  asOf: CalendarDate,
  seen = new Set<string>(),
): { id: string; on: CalendarDate | null }[] {
  if (seen.has(organizationId)) return [{ id: organizationId, on: null }]
  seen.add(organizationId)
  const passing = (index.successionsFrom.get(organizationId) ?? []).filter(
    (s) => s.effectiveOn <= asOf && !completedBefore(index, taskId, organizationId, s.effectiveOn),
  )
  if (!passing.length) return [{ id: organizationId, on: null }]
  // The date that counts is the first change: when the assigned body passed the duty on.
  return passing.flatMap((s) => holders(index, taskId, s.successorId, asOf, new Set(seen)).map((h) => ({ id: h.id, on: s.effectiveOn })))
}

/**
 * The obligations of a task on a date.
 *
 * @example
 * obligationsOfTask(index, taskId, '2025-12-31') //=> [{ organizationId: 'o:QNG.SKHCN', role: 'LEAD', succeededOn: '2025-03-01', … }]
 */
export function obligationsOfTask(index: CascadeIndex, taskId: string, asOf: CalendarDate): Obligation[] {
  const out = new Map<string, Obligation>()
  // A group is read on the plan's issue date: those were the bodies assigned; later changes reach
  // the obligations through successions.
  const task = index.task.get(taskId)
  const issuedOn = task ? (index.document.get(task.documentId)?.issuedOn ?? null) : null
  const membersOn = issuedOn !== null && issuedOn <= asOf ? issuedOn : asOf
  const candidates: Obligation[] = []
  for (const a of index.assignmentsOfTask.get(taskId) ?? []) {
    const assigned =
      a.organizationId !== null
        ? [{ id: a.organizationId, via: 'DIRECT' as const }]
        : groupMembers(index, a.groupId!, membersOn).map((o) => ({ id: o.id, via: 'GROUP' as const }))
    for (const { id, via } of assigned) {
      for (const h of holders(index, taskId, id, asOf)) {
        candidates.push({ taskId, organizationId: h.id, role: a.role, via, assignedOrganizationId: id, succeededOn: h.on })
      }
    }
  }
  // One obligation per holder and role; reached twice, the direct assignment (then the smaller
  // assigned id, then the earlier succession) is the one kept — the storage query picks the same.
  candidates.sort(
    (a, b) =>
      cmp(a.via === 'DIRECT' ? 0 : 1, b.via === 'DIRECT' ? 0 : 1) ||
      cmp(a.assignedOrganizationId, b.assignedOrganizationId) ||
      cmp(a.succeededOn ?? '', b.succeededOn ?? ''),
  )
  for (const c of candidates) {
    const key = `${c.organizationId}|${c.role}`
    if (!out.has(key)) out.set(key, c)
  }
  return [...out.values()]
}
