/** From stored rows to the domain's plain objects. */
import type { Selectable } from 'kysely'
import type { Deadline } from '../deadline/types.js'
import type { AlignmentReview, Document } from '../model/document.js'
import type { GroupSelector, Organization, OrganizationGroup, Succession } from '../model/organization.js'
import type { AuditEntry, Evidence, Report } from '../model/report.js'
import type { Assignment, Target, Task } from '../model/task.js'
import type {
  AlignmentReviewTable,
  AssignmentTable,
  AuditLogTable,
  DocumentTable,
  OrganizationGroupTable,
  OrganizationTable,
  ReportTable,
  SuccessionTable,
  TargetTable,
  TaskTable,
} from './schema.js'

export function toOrganization(r: Selectable<OrganizationTable>): Organization {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    tier: r.tier,
    bloc: r.bloc,
    kind: r.kind,
    parentId: r.parentId,
    scope: r.scope,
    validFrom: r.validFrom,
    validTo: r.validTo,
    version: Number(r.version),
  }
}

export function toSuccession(r: Selectable<SuccessionTable>): Succession {
  return {
    id: r.id,
    predecessorId: r.predecessorId,
    successorId: r.successorId,
    kind: r.kind,
    effectiveOn: r.effectiveOn,
    note: r.note,
  }
}

export function toGroup(r: Selectable<OrganizationGroupTable>): OrganizationGroup {
  return { id: r.id, code: r.code, name: r.name, scope: r.scope, selector: JSON.parse(r.selector) as GroupSelector }
}

export function toDocument(r: Selectable<DocumentTable>): Document {
  return {
    id: r.id,
    scope: r.scope,
    kind: r.kind,
    symbol: r.symbol,
    symbolWritten: r.symbolWritten,
    issuerId: r.issuerId,
    issuedOn: r.issuedOn,
    title: r.title,
    status: r.status,
    version: Number(r.version),
  }
}

/**
 * A task from its row. Its deadline (stored as JSON) is parsed when first read, not on every row:
 * a page of tasks asked only for codes and documents parses nothing.
 */
export function toTask(r: Selectable<TaskTable>): Task {
  const task = {
    id: r.id,
    scope: r.scope,
    documentId: r.documentId,
    code: r.code,
    parentId: r.parentId,
    ordinal: Number(r.ordinal),
    content: r.content,
    timePhrase: r.timePhrase,
    deadline: undefined as unknown as Deadline,
    output: r.output,
    state: r.state,
    version: Number(r.version),
  }
  const stored = r.deadline
  let parsed: Deadline | undefined
  Object.defineProperty(task, 'deadline', {
    enumerable: true,
    configurable: true,
    get: () => (parsed ??= JSON.parse(stored) as Deadline),
    set: (value: Deadline) => {
      parsed = value
    },
  })
  return task
}

export function toAssignment(r: Selectable<AssignmentTable>): Assignment {
  return {
    id: r.id,
    taskId: r.taskId,
    role: r.role,
    organizationId: r.organizationId,
    groupId: r.groupId,
    note: r.note,
  }
}

export function toTarget(r: Selectable<TargetTable>): Target {
  return {
    id: r.id,
    documentId: r.documentId,
    taskId: r.taskId,
    category: r.category,
    metric: r.metric,
    unit: r.unit,
    comparator: r.comparator,
    value: Number(r.value),
    milestoneOn: r.milestoneOn,
  }
}

export function toReport(r: Selectable<ReportTable>, evidence: readonly Evidence[]): Report {
  return {
    id: r.id,
    scope: r.scope,
    taskId: r.taskId,
    organizationId: r.organizationId,
    period: r.period,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    claimedStatus: r.claimedStatus,
    percent: r.percent === null ? null : Number(r.percent),
    narrative: r.narrative,
    completedOn: r.completedOn,
    reportedOn: r.reportedOn,
    evidence,
    verification: {
      status: r.verificationStatus,
      verifierId: r.verifierId,
      verifiedOn: r.verifiedOn,
      note: r.verificationNote,
    },
    version: Number(r.version),
    ...(r.submittedById ? { submittedById: r.submittedById } : {}),
  }
}

export function toAlignmentReview(r: Selectable<AlignmentReviewTable>): AlignmentReview {
  return {
    id: r.id,
    documentId: r.documentId,
    newDirectionId: r.newDirectionId,
    decision: r.decision,
    reasons: r.reasons,
    memoId: r.memoId,
    decidedOn: r.decidedOn,
  }
}

export function toAuditEntry(r: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    command: r.command,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }
}
