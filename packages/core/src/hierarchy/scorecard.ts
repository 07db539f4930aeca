/**
 * Rollups over obligation statuses: counts per status, percent complete, on-time rate
 * (on time ÷ (completed + overdue)), the overdue list, and bottlenecks (overdue obligations ranked by
 * how many tasks in lower plans depend on them); scopes to select them by; plan coverage; and the
 * plans that new direction asks to review.
 */
import type { CalendarDate } from '../calendar/date.js'
import type { Tier } from '../model/organization.js'
import type { DocumentKind } from '../document/kind.js'
import { tierRank } from '../model/organization.js'
import type { AssignmentRole } from '../model/task.js'
import type { CascadeIndex } from './cascade.js'
import { effectiveDeadlines, type EffectiveDeadline } from './effective-deadline.js'
import { obligationsOfTask } from './obligations.js'
import { obligationStatus, TASK_STATUSES, type ObligationStatus, type StatusOptions, type TaskStatus } from './status.js'

/** A rollup of obligation statuses. */
export interface Scorecard {
  readonly total: number
  readonly counts: Readonly<Record<TaskStatus, number>>
  /** Completed ÷ live (not superseded or cancelled), as a percentage; null when nothing is live. */
  readonly percentComplete: number | null
  /** On time ÷ (completed + overdue), as a percentage; null when nothing is completed or overdue. */
  readonly onTimeRate: number | null
  /** Overdue obligations, the longest overdue first. */
  readonly overdue: readonly ObligationStatus[]
}

/** What a scorecard covers. */
export type ScorecardScope =
  | { readonly organizationId: string; readonly role?: AssignmentRole }
  | { readonly province: string }
  | { readonly tier: Tier }
  | { readonly documentId: string /** Include the plans below it (default true). */; readonly cascade?: boolean }
  | { readonly taskId: string }
  | { readonly taskIds: readonly string[] }
  | { readonly national: true }

/** Every obligation of every task known on a date, with its status. */
export interface CascadeEvaluation {
  readonly asOf: CalendarDate
  readonly effective: Map<string, EffectiveDeadline>
  readonly statuses: readonly ObligationStatus[]
}

/**
 * Evaluates the whole cascade on a date: tasks of documents issued by then, their obligations
 * (fan-out and successions applied) and statuses (reports made by then).
 *
 * @example
 * const evaluation = evaluateCascade(new CascadeIndex(data), '2025-10-28')
 * scorecard(select(index, evaluation, { province: 'QNG' })).onTimeRate //=> 87.5
 */
export function evaluateCascade(index: CascadeIndex, asOf: CalendarDate, options: StatusOptions = {}): CascadeEvaluation {
  const effective = effectiveDeadlines(index)
  const statuses: ObligationStatus[] = []
  for (const task of index.task.values()) {
    if (!index.documentKnownOn(task.documentId, asOf)) continue
    for (const obligation of obligationsOfTask(index, task.id, asOf)) {
      statuses.push(obligationStatus(index, obligation, effective.get(task.id), asOf, options))
    }
  }
  return { asOf, effective, statuses }
}

/** The obligations a scope covers. */
export function select(index: CascadeIndex, evaluation: CascadeEvaluation, scope: ScorecardScope): ObligationStatus[] {
  const { statuses } = evaluation
  if ('national' in scope) return [...statuses]
  if ('organizationId' in scope) {
    return statuses.filter((s) => s.obligation.organizationId === scope.organizationId && (!scope.role || s.obligation.role === scope.role))
  }
  if ('province' in scope) return statuses.filter((s) => index.organization.get(s.obligation.organizationId)?.scope === scope.province)
  if ('tier' in scope) return statuses.filter((s) => index.organization.get(s.obligation.organizationId)?.tier === scope.tier)
  if ('documentId' in scope) {
    const documents = scope.cascade === false ? new Set([scope.documentId]) : index.descendantsOf(scope.documentId).add(scope.documentId)
    return statuses.filter((s) => documents.has(index.task.get(s.obligation.taskId)!.documentId))
  }
  if ('taskIds' in scope) {
    const wanted = new Set(scope.taskIds)
    return statuses.filter((s) => wanted.has(s.obligation.taskId))
  }
  const tasks = taskSubtree(index, scope.taskId)
  return statuses.filter((s) => tasks.has(s.obligation.taskId))
}

/** A task, the tasks under it in its plan, and every task of lower plans implementing any of them. */
function taskSubtree(index: CascadeIndex, taskId: string): Set<string> {
  const under = new Map<string, string[]>()
  for (const t of index.task.values()) if (t.parentId) (under.get(t.parentId) ?? under.set(t.parentId, []).get(t.parentId)!).push(t.id)
  const seen = new Set<string>()
  const stack = [taskId]
  while (stack.length) {
    const id = stack.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    stack.push(...(under.get(id) ?? []), ...(index.taskChildren.get(id) ?? []))
  }
  return seen
}

/**
 * Rolls statuses up.
 *
 * @example
 * scorecard(statuses).counts.OVERDUE //=> 4
 */
export function scorecard(statuses: readonly ObligationStatus[]): Scorecard {
  const counts = emptyCounts()
  for (const s of statuses) counts[s.status]++
  const overdue = statuses.filter((s) => s.status === 'OVERDUE').sort(byDue)
  return { ...rates(counts), overdue }
}

/** A zero count for every status. */
export function emptyCounts(): Record<TaskStatus, number> {
  return Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>
}

/**
 * Total, percent complete (completed ÷ live) and on-time rate (on time ÷ (completed + overdue)) of
 * status counts, as percentages rounded to two places.
 */
export function rates(counts: Readonly<Record<TaskStatus, number>>): Omit<Scorecard, 'overdue'> {
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const completed = counts.COMPLETED_ON_TIME + counts.COMPLETED_LATE
  const live = total - counts.SUPERSEDED - counts.CANCELLED
  const judged = completed + counts.OVERDUE
  return {
    total,
    counts,
    percentComplete: live ? round((100 * completed) / live) : null,
    onTimeRate: judged ? round((100 * counts.COMPLETED_ON_TIME) / judged) : null,
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}

/** Longest overdue first, then by task, organisation and role. */
function byDue(a: ObligationStatus, b: ObligationStatus): number {
  return a.effectiveDueDate! < b.effectiveDueDate! ? -1 : a.effectiveDueDate! > b.effectiveDueDate! ? 1 : compareObligations(a, b)
}

function compareObligations(a: ObligationStatus, b: ObligationStatus): number {
  const x = `${a.obligation.taskId}|${a.obligation.organizationId}|${a.obligation.role}`
  const y = `${b.obligation.taskId}|${b.obligation.organizationId}|${b.obligation.role}`
  return x < y ? -1 : x > y ? 1 : 0
}

/** An overdue obligation and how many tasks in lower plans depend on its task. */
export interface Bottleneck {
  readonly status: ObligationStatus
  readonly dependentTasks: number
}

/**
 * Overdue obligations ranked by how many descendant tasks in lower plans depend on them.
 *
 * @example
 * bottlenecks(index, statuses, 10)[0].dependentTasks //=> 96
 */
export function bottlenecks(index: CascadeIndex, statuses: readonly ObligationStatus[], limit = 20): Bottleneck[] {
  const counts = new Map<string, number>()
  return statuses
    .filter((s) => s.status === 'OVERDUE')
    .map((status) => {
      let n = counts.get(status.obligation.taskId)
      if (n === undefined) counts.set(status.obligation.taskId, (n = index.dependentTaskCount(status.obligation.taskId)))
      return { status, dependentTasks: n }
    })
    .sort((a, b) => b.dependentTasks - a.dependentTasks || byDue(a.status, b.status))
    .slice(0, limit)
}

/** A parent task assigned to a plan's issuer that no task of the plan implements. */
export interface UncoveredParentTask {
  readonly code: 'UNCOVERED_PARENT_TASK'
  readonly planId: string
  readonly parentDocumentId: string
  readonly parentTaskId: string
}

/**
 * Coverage of a plan: for each document it implements, the tasks assigned to the plan's issuer
 * (directly, through a group, or through succession) on the plan's issue date that no task of the
 * plan implements.
 *
 * @example
 * uncoveredParentTasks(index, kh09Id).map((u) => u.parentTaskId)
 */
export function uncoveredParentTasks(index: CascadeIndex, planId: string): UncoveredParentTask[] {
  const plan = index.document.get(planId)
  if (!plan) return []
  const asOf = plan.issuedOn ?? '9999-12-31'
  const covered = new Set((index.tasksOfDocument.get(planId) ?? []).flatMap((t) => index.taskParents.get(t.id) ?? []))
  const out: UncoveredParentTask[] = []
  for (const parentDocumentId of index.documentParents.get(planId) ?? []) {
    // A parent issued after the plan owes nothing yet on the plan's date (as the store reads it).
    const parentIssuedOn = index.document.get(parentDocumentId)?.issuedOn ?? null
    if (parentIssuedOn !== null && parentIssuedOn > asOf) continue
    for (const task of index.tasksOfDocument.get(parentDocumentId) ?? []) {
      if (covered.has(task.id)) continue
      const owed = obligationsOfTask(index, task.id, asOf).some(
        (o) => index.isWithin(plan.issuerId, o.organizationId) || o.organizationId === plan.issuerId,
      )
      if (owed) out.push({ code: 'UNCOVERED_PARENT_TASK', planId, parentDocumentId, parentTaskId: task.id })
    }
  }
  return out
}

/** The kinds of document that are plans, and so may need review after new direction (the SQL is made from this list). */
export const REVIEWABLE_PLAN_KINDS = ['KH', 'CTr', 'QĐ', 'ĐA'] as const satisfies readonly DocumentKind[]
const PLAN_KINDS: ReadonlySet<string> = new Set(REVIEWABLE_PLAN_KINDS)

/** A plan that new direction on one of its parents asks to review, and has not yet been. */
export interface ReviewNeeded {
  readonly documentId: string
  readonly newDirectionId: string
  readonly parentId: string
}

/**
 * Plans needing an alignment review: when a document gives new direction on a parent (it
 * implements the same parent and is issued later by a higher tier), every lower-tier plan
 * implementing that parent and issued before it needs review until a decision is recorded.
 *
 * @example
 * plansNeedingReview(index) //=> [{ documentId: kh368, newDirectionId: kh01BCDTW, parentId: nq57 }]
 */
export function plansNeedingReview(index: CascadeIndex): ReviewNeeded[] {
  const reviewed = new Set(index.data.alignmentReviews.map((r) => `${r.documentId}|${r.newDirectionId}`))
  const out: ReviewNeeded[] = []
  for (const direction of index.document.values()) {
    if (direction.issuedOn === null) continue
    const directionTier = tierRank(index.organization.get(direction.issuerId)!.tier)
    for (const parentId of index.documentParents.get(direction.id) ?? []) {
      for (const planId of index.documentChildren.get(parentId) ?? []) {
        const plan = index.document.get(planId)!
        if (planId === direction.id || !PLAN_KINDS.has(plan.kind)) continue
        if (plan.issuedOn !== null && plan.issuedOn >= direction.issuedOn) continue
        if (tierRank(index.organization.get(plan.issuerId)!.tier) <= directionTier) continue
        if (reviewed.has(`${planId}|${direction.id}`)) continue
        out.push({ documentId: planId, newDirectionId: direction.id, parentId })
      }
    }
  }
  return out
}
