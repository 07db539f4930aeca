/**
 * @chidao/core — the domain of directive cascades as a library: organisations, documents and
 * their symbols, tasks and their inheritance, the Vietnamese calendar and deadline rules,
 * and storage on SQLite or PostgreSQL.
 *
 * @example
 * import { openStore, migrateToLatest, Chidao, parseSymbol } from '@chidao/core'
 * parseSymbol('09-KH/ĐU').format //=> 'PARTY'
 */

// ---- Errors: every expected failure is a DomainError with a code.
export { DomainError, isDomainError, type DomainErrorCode } from './errors.js'

// ---- Calendar: dates, the lunar calendar, holidays, working days, Civil Code periods, reporting periods.
// (The astronomy behind the lunar calendar is internal.)
export * from './calendar/date.js'
export {
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  VIETNAM_UTC_OFFSET_HOURS,
  leapMonthOf,
  lunarMonthLength,
  lunarToSolar,
  solarToLunar,
  tetOf,
  type LunarDate,
} from './calendar/lunar.js'
export {
  VIETNAM_HOLIDAY_RULES,
  holidaysOf,
  withHolidayRules,
  type ExtraDayOff,
  type Holiday,
  HOLIDAY_KINDS,
  type HolidayKind,
  type HolidayRules,
  type YearNotice,
} from './calendar/holidays.js'
export {
  VIETNAM_WORK_CALENDAR,
  addWorkingDays,
  countWorkingDays,
  createWorkCalendar,
  isWorkingDay,
  nextWorkingDay,
  rollToWorkingDay,
  type WorkCalendar,
} from './calendar/work-calendar.js'
export {
  dayOfMonthAt,
  dayOfYearAt,
  effectiveLastDay,
  periodLastDay,
  periodStart,
  type PeriodPosition,
  type PeriodUnit,
} from './calendar/civil-code.js'
export {
  REPORTING_PERIOD_KINDS,
  reportingPeriod,
  type ReportingPeriod,
  type ReportingPeriodKind,
  type ReportingPeriodOptions,
} from './calendar/reporting-period.js'

// ---- Deadlines: reading a time phrase, and writing it back.
export {
  DEADLINE_KINDS,
  DEADLINE_KIND_LABELS,
  RECURRENCES,
  type Deadline,
  type DeadlineKind,
  type DeadlinePhase,
  type Recurrence,
  type RelativeAnchor,
  type RelativeSpec,
  type RelativeUnit,
} from './deadline/types.js'
export { parseDeadline, type ParseDeadlineOptions } from './deadline/parse.js'
export { formatDeadline } from './deadline/format.js'
export { isTimePhrase } from './deadline/time-phrase.js'
export { fold, nfc } from './text/fold.js'

// ---- Documents: kinds and numbers (symbols).
export { DOCUMENT_KINDS, type DocumentKind } from './document/kind.js'
export {
  ISSUER_CODES,
  formatSymbol,
  normalizeSymbol,
  parseSymbol,
  type DocumentSymbol,
  type SymbolFormat,
} from './document/symbol.js'

// ---- The model: plain typed data and its closed sets.
export * from './model/organization.js'
export * from './model/document.js'
export * from './model/task.js'
export * from './model/report.js'
export * from './model/measurement.js'

// ---- Storage: opening and migrating a store (SQLite or PostgreSQL).
export type { Database } from './storage/schema.js'
export type { StoreKind } from './storage/store-kind.js'
export { openStore, sqlitePathOf, storeKindOf, type OpenStoreOptions, type Store } from './storage/open-store.js'
export { migrateDown, migrateToLatest, migrations } from './storage/migrate.js'
export { organizationSearchKey, type OrganizationSearch } from './storage/repo/organization-search.js'
export { Sqlite3Dialect } from './storage/sqlite/sqlite3-dialect.js'
export type { Sqlite3DialectConfig } from './storage/sqlite/sqlite3-driver.js'

// ---- The service: the Chidao façade, its inputs, and commands described once (run them with chidao.run).
export {
  Chidao,
  type AddTargetInput,
  type AddTaskInput,
  type AssignInput,
  type ChidaoOptions,
  type CommandContext,
  type RegisterDocumentInput,
  type RegisterGroupInput,
  type RegisterOrganizationInput,
  type RegisterSuccessionInput,
  type RecordAlignmentReviewInput,
  type SubmitReportInput,
  type UpdateDocumentInput,
  type UpdateTaskInput,
  type VerifyReportInput,
  type LinkDocumentInput,
  type LinkTaskInput,
  type RegisterAliasInput,
  type MeasureTargetInput,
} from './service/chidao.js'

// ---- The cascade's rules: the reference functions over plain data, and the store's rebuild and status query.
export { CascadeIndex, type CascadeData, type Link } from './hierarchy/cascade.js'
export {
  deadlineViolations,
  effectiveDeadlines,
  type DeadlineSource,
  type DeadlineViolation,
  type EffectiveDeadline,
} from './hierarchy/effective-deadline.js'
export { groupMembers, obligationsOfTask, validOn, type Obligation, type ObligationVia } from './hierarchy/obligations.js'
export {
  TASK_STATUSES,
  obligationStatus,
  taskStatusOf,
  taskStatusOfObligations,
  type ObligationStatus,
  type StatusOptions,
  type TaskStatus,
} from './hierarchy/status.js'
export {
  bottlenecks,
  evaluateCascade,
  plansNeedingReview,
  scorecard,
  uncoveredParentTasks,
  type Bottleneck,
  type CascadeEvaluation,
  type ReviewNeeded,
  type Scorecard,
  type ScorecardScope,
  type UncoveredParentTask,
} from './hierarchy/scorecard.js'
export { loadCascadeData, refreshDerived, type DerivedBase } from './storage/derived.js'
export {
  obligationStatuses,
  scorecardCounts,
  scorecardCountsByHolder,
  type ObligationStatusRow,
  type ScorecardCounts,
} from './storage/status-query.js'
export type { ListPage, PageWindow as ListWindow } from './storage/repo/pages.js'
export { TreeQueryError, type TreeEntity, type TreeField } from './storage/tree-query.js'
export type { AgencyBottleneck } from './storage/finding-query.js'
export type { AssignmentsWithAssignees } from './storage/repo/tasks.js'

// ---- The importer: reading a plan's text (pure), and committing it through the service.
export {
  AgencyMatcher,
  GENERIC_AGENCY_PHRASES,
  type AgencyMatch,
  type AgencyMatchContext,
  type CatalogGroup,
  type CatalogOrganization,
  type UnmatchedText,
} from './import/agency.js'
export { findCitations, type CatalogDocument, type Citation } from './import/citation.js'
export type { PlanHeader } from './import/header.js'
export {
  importPlan,
  type ImportCatalog,
  type ImportPlanOptions,
  type ImportStats,
  type ImportedTask,
  type PlanPreview,
} from './import/plan.js'
export type { ImportedTarget } from './import/target.js'
export { IMPORT_WARNING_CODES, type ImportWarning, type ImportWarningCode, type ImportWarningSeverity } from './import/warnings.js'
export type { ImportOptions, ImportResult } from './service/commands/import.js'

// ---- API keys and authorization.
export {
  API_KEY_ROLES,
  createApiKey,
  createApiKeyCommand,
  ensureLocalAdminKey,
  listApiKeys,
  revokeApiKey,
  revokeApiKeyCommand,
  type ApiKeyListing,
  hasRole,
  mayActFor,
  resolveApiKey,
  type ApiKeyGrant,
  type ApiKeyRole,
  type CreateApiKeyInput,
} from './service/api-keys.js'
export {
  defineCommand,
  runCommand,
  type AnyCommand,
  type Command,
  type CommandAnswer,
  type CommandOutcome,
  type CommandTx,
} from './service/command-tx.js'
export { authorize, NATIONAL, type ActsFor } from './service/authorize.js'
export * as shape from './service/shape.js'
export type { EntityName, FieldSpec, InputShape, Shape } from './service/shape.js'
export { COMMANDS } from './service/commands/index.js'
export * as commands from './service/commands/index.js'
export { STORE_DEFAULTS } from './storage/open-store.js'
export { isRetryable, isStoreTimeout, isStoreUnavailable, toStoreError } from './storage/store-errors.js'
export { runTransaction, transactionStats, type TransactionOptions } from './storage/transact.js'
export { CONTROL_CHARACTER, refuseControlCharacters } from './service/validate.js'
export { idempotent, type IdempotencyScope } from './service/idempotency.js'
export { requireActFor, requireRole } from './service/authorize.js'
