/**
 * Table types for kysely (column names in camelCase here; snake_case in the database through
 * kysely's CamelCasePlugin). Dates are `YYYY-MM-DD` text and instants ISO text in both stores,
 * so SQLite and PostgreSQL hold exactly the same values; JSON is text too.
 */
import type { ColumnType, Generated } from 'kysely'
import type { DocumentKind } from '../document/kind.js'
import type { AlignmentDecision, DocumentStatus } from '../model/document.js'
import type { Bloc, OrganizationKind, SuccessionKind, Tier } from '../model/organization.js'
import type { ClaimedStatus, ReportPeriod, VerificationStatus } from '../model/report.js'
import type { AssignmentRole, Comparator, TaskState } from '../model/task.js'
import type {
  ObligationSpanTable,
  OrganizationClosureTable,
  OrganizationGroupMemberTable,
  TaskEffectiveTable,
  TaskViolationTable,
} from './schema-derived.js'

export interface OrganizationTable {
  id: string
  code: string
  name: string
  shortName: string | null
  tier: Tier
  bloc: Bloc | null
  kind: OrganizationKind
  parentId: string | null
  scope: string
  validFrom: string | null
  validTo: string | null
  /** Name, short name and code folded (`organizationSearchKey`); written on insert. */
  searchKey: string | null
  version: Generated<number>
  createdAt: string
  updatedAt: string
}

export interface SuccessionTable {
  id: string
  predecessorId: string
  successorId: string
  kind: SuccessionKind
  effectiveOn: string
  note: string | null
  createdAt: string
}

export interface OrganizationGroupTable {
  id: string
  code: string
  name: string
  scope: string
  /** JSON of GroupSelector. */
  selector: string
  createdAt: string
}

export interface DocumentTable {
  id: string
  scope: string
  kind: DocumentKind
  symbol: string | null
  symbolWritten: string | null
  issuerId: string
  issuedOn: string | null
  title: string
  status: DocumentStatus
  version: Generated<number>
  createdAt: string
  updatedAt: string
}

export interface DocumentLinkTable {
  childId: string
  parentId: string
  createdAt: string
}

export interface TaskTable {
  id: string
  scope: string
  documentId: string
  parentId: string | null
  code: string
  ordinal: number
  content: string
  timePhrase: string | null
  /** JSON of the parsed deadline. */
  deadline: string
  output: string | null
  state: TaskState
  version: Generated<number>
  createdAt: string
  updatedAt: string
}

export interface TaskLinkTable {
  childId: string
  parentId: string
  createdAt: string
}

export interface AssignmentTable {
  id: string
  taskId: string
  /** Order within the task, as the plan lists them. */
  ordinal: number
  role: AssignmentRole
  organizationId: string | null
  groupId: string | null
  note: string | null
  createdAt: string
}

export interface TargetTable {
  id: string
  scope: string
  documentId: string
  taskId: string | null
  category: string | null
  metric: string
  unit: string | null
  comparator: Comparator
  value: number
  milestoneOn: string | null
  createdAt: string
}

/** A measured value of a target (migration 0011). */
export interface MeasurementTable {
  id: string
  scope: string
  targetId: string
  organizationId: string
  value: number
  measuredOn: string
  note: string | null
  evidenceUri: string | null
  submittedById: string | null
  createdAt: string
}

export interface ReportTable {
  id: string
  scope: string
  taskId: string
  organizationId: string
  period: ReportPeriod
  periodStart: string | null
  periodEnd: string | null
  claimedStatus: ClaimedStatus
  percent: number | null
  narrative: string | null
  completedOn: string | null
  reportedOn: string
  verificationStatus: VerificationStatus
  verifierId: string | null
  verifiedOn: string | null
  verificationNote: string | null
  /** The body above the reporting one that filed the report for it (migration 0008); null when it filed its own. */
  submittedById: ColumnType<string | null, string | null | undefined, string | null>
  version: Generated<number>
  createdAt: string
  updatedAt: string
}

/** The first answer to a mutation sent with an idempotency key (migration 0008). */
export interface IdempotencyKeyTable {
  owner: string
  key: string
  command: string
  requestHash: string
  response: string
  createdAt: string
}

export interface ReportEvidenceTable {
  id: string
  reportId: string
  ordinal: number
  title: string
  uri: string
  sha256: string | null
}

export interface AuditLogTable {
  id: string
  at: string
  actor: string
  command: string
  entity: string
  entityId: string
  before: string | null
  after: string | null
}

export interface AlignmentReviewTable {
  id: string
  scope: string
  documentId: string
  newDirectionId: string
  decision: AlignmentDecision
  reasons: string
  memoId: string | null
  decidedOn: string
  createdAt: string
}

export interface ApiKeyTable {
  id: string
  keyHash: string
  organizationId: string | null
  role: string
  label: string | null
  createdAt: string
  revokedAt: string | null
  lastUsedAt: Generated<string | null>
  localAdmin: Generated<number>
}

export interface AgencyAliasTable {
  id: string
  alias: string
  aliasKey: string
  organizationId: string | null
  groupId: string | null
  createdAt: string
}

export interface DocumentSourceTable {
  id: string
  documentId: string
  fileName: string
  sha256: string
  /** Bytes (a file over 2 GiB is never read). */
  size: number
  mediaType: string
  extractor: string
  extractorVersion: string
  pages: number
  importedAt: string
  actor: string
}

/** The whole schema, as kysely sees it. */
export interface Database {
  organization: OrganizationTable
  succession: SuccessionTable
  organizationGroup: OrganizationGroupTable
  document: DocumentTable
  documentLink: DocumentLinkTable
  task: TaskTable
  taskLink: TaskLinkTable
  assignment: AssignmentTable
  target: TargetTable
  measurement: MeasurementTable
  report: ReportTable
  reportEvidence: ReportEvidenceTable
  auditLog: AuditLogTable
  alignmentReview: AlignmentReviewTable
  organizationClosure: OrganizationClosureTable
  organizationGroupMember: OrganizationGroupMemberTable
  taskEffective: TaskEffectiveTable
  taskViolation: TaskViolationTable
  obligationSpan: ObligationSpanTable
  apiKey: ApiKeyTable
  agencyAlias: AgencyAliasTable
  idempotencyKey: IdempotencyKeyTable
  documentSource: DocumentSourceTable
}
