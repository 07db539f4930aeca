/**
 * A cascade as plain data: everything the rules read. The reference rules in this folder are pure
 * functions over it; storage loads one for a scope.
 */
import type { CalendarDate } from '../calendar/date.js'
import type { AlignmentReview, Document } from '../model/document.js'
import type { Organization, OrganizationGroup, Succession } from '../model/organization.js'
import type { Report } from '../model/report.js'
import type { Assignment, Task } from '../model/task.js'

/** One implements link, child → parent. */
export interface Link {
  readonly childId: string
  readonly parentId: string
}

/** The data the cascade rules read. */
export interface CascadeData {
  readonly organizations: readonly Organization[]
  readonly successions: readonly Succession[]
  readonly groups: readonly OrganizationGroup[]
  readonly documents: readonly Document[]
  readonly documentLinks: readonly Link[]
  readonly tasks: readonly Task[]
  readonly taskLinks: readonly Link[]
  readonly assignments: readonly Assignment[]
  readonly reports: readonly Report[]
  readonly alignmentReviews: readonly AlignmentReview[]
}

/**
 * Indexes over a {@link CascadeData}, built once and shared by the rules.
 *
 * @example
 * const index = new CascadeIndex(await loadCascadeData(store.db))
 */
export class CascadeIndex {
  readonly data: CascadeData
  readonly organization = new Map<string, Organization>()
  readonly document = new Map<string, Document>()
  readonly task = new Map<string, Task>()
  readonly group = new Map<string, OrganizationGroup>()
  readonly documentParents = new Map<string, string[]>()
  readonly documentChildren = new Map<string, string[]>()
  readonly taskParents = new Map<string, string[]>()
  readonly taskChildren = new Map<string, string[]>()
  readonly tasksOfDocument = new Map<string, Task[]>()
  readonly assignmentsOfTask = new Map<string, Assignment[]>()
  readonly childrenOfOrganization = new Map<string, Organization[]>()
  readonly successionsFrom = new Map<string, Succession[]>()
  readonly reportsOf = new Map<string, Report[]>()

  constructor(data: CascadeData) {
    this.data = data
    for (const o of data.organizations) {
      this.organization.set(o.id, o)
      if (o.parentId) push(this.childrenOfOrganization, o.parentId, o)
    }
    for (const d of data.documents) this.document.set(d.id, d)
    for (const t of data.tasks) {
      this.task.set(t.id, t)
      push(this.tasksOfDocument, t.documentId, t)
    }
    for (const g of data.groups) this.group.set(g.id, g)
    for (const l of data.documentLinks) {
      push(this.documentParents, l.childId, l.parentId)
      push(this.documentChildren, l.parentId, l.childId)
    }
    for (const l of data.taskLinks) {
      push(this.taskParents, l.childId, l.parentId)
      push(this.taskChildren, l.parentId, l.childId)
    }
    for (const a of data.assignments) push(this.assignmentsOfTask, a.taskId, a)
    for (const s of data.successions) push(this.successionsFrom, s.predecessorId, s)
    for (const r of data.reports) push(this.reportsOf, `${r.taskId}|${r.organizationId}`, r)
    for (const list of this.reportsOf.values())
      list.sort((a, b) => (a.reportedOn < b.reportedOn ? -1 : a.reportedOn > b.reportedOn ? 1 : 0))
    for (const list of this.tasksOfDocument.values()) list.sort((a, b) => a.ordinal - b.ordinal)
  }

  /** Whether a document was known on a date (issued on or before it; unknown dates count as known). */
  documentKnownOn(documentId: string, asOf: CalendarDate): boolean {
    const d = this.document.get(documentId)
    return d !== undefined && (d.issuedOn === null || d.issuedOn <= asOf)
  }

  /** Every document a document implements, transitively. */
  ancestorsOf(documentId: string): Set<string> {
    return reach(documentId, this.documentParents)
  }

  /** Every document implementing a document, transitively. */
  descendantsOf(documentId: string): Set<string> {
    return reach(documentId, this.documentChildren)
  }

  /** Number of tasks in lower plans that implement a task, directly or through others. */
  dependentTaskCount(taskId: string): number {
    return reach(taskId, this.taskChildren).size
  }

  /** Whether `organizationId` is `ancestorId` or lies below it. */
  isWithin(organizationId: string, ancestorId: string): boolean {
    for (let o = this.organization.get(organizationId); o; o = o.parentId ? this.organization.get(o.parentId) : undefined) {
      if (o.id === ancestorId) return true
    }
    return false
  }
}

/** Everything reachable from `start` along `edges`, without `start` itself unless a cycle leads back. */
function reach(start: string, edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>()
  const stack = [...(edges.get(start) ?? [])]
  while (stack.length) {
    const id = stack.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    stack.push(...(edges.get(id) ?? []))
  }
  return seen
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
