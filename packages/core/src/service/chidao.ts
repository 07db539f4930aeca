/**
 * The service façade: one method per command and query, each a line that hands over to the
 * command's description (`commands/`, run by {@link runCommand}) or the query (`queries/`).
 * Every command is one transaction that validates everything first, then writes everything or
 * nothing, and appends one audit entry.
 */
import type { Kysely } from 'kysely'
import type { CalendarDate } from '../calendar/date.js'
import type { DeadlineViolation, EffectiveDeadline } from '../hierarchy/effective-deadline.js'
import type { ReviewNeeded, ScorecardScope, UncoveredParentTask } from '../hierarchy/scorecard.js'
import type { TaskStatus } from '../hierarchy/status.js'
import type { ImportCatalog, ImportPlanOptions, PlanPreview } from '../import/plan.js'
import type { AlignmentReview, Document, DocumentSourceRecord } from '../model/document.js'
import type { Organization, OrganizationGroup, Succession } from '../model/organization.js'
import type { AuditEntry, Report } from '../model/report.js'
import type { Assignment, AssignmentRole, Target, Task } from '../model/task.js'
import type { Store } from '../storage/open-store.js'
import type { ListPage, PageWindow } from '../storage/repo/pages.js'
import type { AssignmentsWithAssignees } from '../storage/repo/tasks.js'
import type { Database } from '../storage/schema.js'
import type { ObligationStatusRow, ScorecardCounts } from '../storage/status-query.js'
import { createApiKeyCommand, type ApiKeyGrant, type CreateApiKeyInput } from './api-keys.js'
import { runCommand, ServiceEnv, type ChidaoOptions, type Command, type CommandContext } from './command-tx.js'
import * as documents from './commands/documents.js'
import { idempotent, type IdempotencyScope } from './idempotency.js'
import { commitImport, importCatalog, previewImport, type ImportOptions, type ImportResult } from './commands/import.js'
import * as organizations from './commands/organizations.js'
import * as reports from './commands/reports.js'
import * as tasks from './commands/tasks.js'
import * as documentQueries from './queries/documents.js'
import * as hierarchy from './queries/hierarchy.js'
import * as organizationQueries from './queries/organizations.js'
import * as taskQueries from './queries/tasks.js'

export type { ChidaoOptions, CommandContext } from './command-tx.js'
export type {
  RegisterAliasInput,
  RegisterGroupInput,
  RegisterOrganizationInput,
  RegisterSuccessionInput,
} from './commands/organizations.js'
export type {
  AddTargetInput,
  LinkDocumentInput,
  RecordAlignmentReviewInput,
  RegisterDocumentInput,
  UpdateDocumentInput,
} from './commands/documents.js'
export type { AddTaskInput, AssignInput, LinkTaskInput, UpdateTaskInput } from './commands/tasks.js'
export type { SubmitReportInput, VerifyReportInput } from './commands/reports.js'

/**
 * chidao's service: commands that change the cascade and queries that read it.
 *
 * @example
 * const chidao = new Chidao(await openStore(':memory:'))
 * await chidao.registerOrganization({ actor: 'setup' }, { code: 'BCT', name: 'Bộ Chính trị', tier: 'CENTRAL', bloc: 'PARTY', kind: 'POLITBURO' })
 */
export class Chidao {
  readonly store: Store
  readonly #env: ServiceEnv

  constructor(store: Store, options: ChidaoOptions = {}) {
    this.store = store
    this.#env = new ServiceEnv(store, options)
  }

  /** The database, or inside {@link Chidao.transaction} its transaction. */
  get db(): Kysely<Database> {
    return this.#env.db
  }

  /**
   * Runs `work` as one transaction: every command it calls joins it, so that either all of them
   * are written or, if any fails, none.
   *
   * @example
   * await chidao.transaction(async () => {
   *   const doc = await chidao.registerDocument(ctx, input)
   *   await chidao.addTask(ctx, { documentId: doc.id, code: 'I', content: '…' })
   * })
   */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.#env.transaction(work)
  }

  /**
   * Runs `work` (commands) once per idempotency key: in one transaction, the first answer is kept;
   * the same key and input give it again without writing; the same key with another input is
   * refused with IDEMPOTENCY_KEY_REUSED. No scope: runs `work` as it is.
   *
   * @example
   * await chidao.idempotently({ owner: grant.keyId, key: 'k-1' }, 'reportSubmit', input, () => chidao.submitReport(ctx, input))
   */
  idempotently<T>(scope: IdempotencyScope | null, command: string, input: unknown, work: () => Promise<T>): Promise<T> {
    if (!scope) return work()
    return this.transaction(() => idempotent(this.db, scope, command, input, work, this.#env.now))
  }

  // ---------------------------------------------------------------- commands (see commands/)

  /**
   * Runs a command described in core (one of `COMMANDS`, or your own `defineCommand`): one
   * transaction, checked against `ctx.grant` when a key acts, audited.
   *
   * @example
   * await chidao.run(addTask, { actor: 'key:…', grant }, { documentId, code: 'I.1', content: '…' })
   */
  run<I, T>(command: Command<I, T>, ctx: CommandContext, input: I): Promise<T> {
    return runCommand(this.#env, ctx, command, input)
  }

  /** Records another name of an organisation or group, for the importer (idempotent). Errors: UNKNOWN_ORGANIZATION, DUPLICATE_ORGANIZATION. */
  registerAlias(ctx: CommandContext, input: { code: string; alias: string }): Promise<{ code: string; alias: string }> {
    return runCommand(this.#env, ctx, organizations.registerAlias, input)
  }

  /** Registers an organisation. Errors: INVALID_INPUT, INVALID_DATE, UNKNOWN_ORGANIZATION (parent), DUPLICATE_ORGANIZATION. */
  registerOrganization(ctx: CommandContext, input: organizations.RegisterOrganizationInput): Promise<Organization> {
    return runCommand(this.#env, ctx, organizations.registerOrganization, input)
  }

  /** Records that one organisation's duties passed to another from a date. */
  registerSuccession(ctx: CommandContext, input: organizations.RegisterSuccessionInput): Promise<Succession> {
    return runCommand(this.#env, ctx, organizations.registerSuccession, input)
  }

  /** Registers a named group of organisations that assignments can name. */
  registerGroup(ctx: CommandContext, input: organizations.RegisterGroupInput): Promise<OrganizationGroup> {
    return runCommand(this.#env, ctx, organizations.registerGroup, input)
  }

  /** Registers a document and the documents it implements (see {@link documents.registerDocument} for the errors). */
  registerDocument(ctx: CommandContext, input: documents.RegisterDocumentInput): Promise<Document> {
    return runCommand(this.#env, ctx, documents.registerDocument, input)
  }

  /** Adds an implements link between two registered documents. Errors: LINK_TO_LOWER_TIER, LINK_CYCLE. */
  linkDocument(ctx: CommandContext, input: { documentId: string; parentId: string }): Promise<Document> {
    return runCommand(this.#env, ctx, documents.linkDocument, input)
  }

  /** Changes a document's title or status, if nobody changed it since `expectedVersion`. */
  updateDocument(ctx: CommandContext, input: documents.UpdateDocumentInput): Promise<Document> {
    return runCommand(this.#env, ctx, documents.updateDocument, input)
  }

  /** Adds a task to a document, with its assignments and the parent tasks it implements. */
  addTask(ctx: CommandContext, input: tasks.AddTaskInput): Promise<Task> {
    return runCommand(this.#env, ctx, tasks.addTask, input)
  }

  /** Records that a task implements a task of an ancestor document. Errors: NOT_AN_ANCESTOR. */
  linkTask(ctx: CommandContext, input: { taskId: string; parentTaskId: string }): Promise<Task> {
    return runCommand(this.#env, ctx, tasks.linkTask, input)
  }

  /** Changes a task's content, time phrase, output or state under optimistic concurrency. */
  updateTask(ctx: CommandContext, input: tasks.UpdateTaskInput): Promise<Task> {
    return runCommand(this.#env, ctx, tasks.updateTask, input)
  }

  /** Assigns a task to an organisation or a group as lead or coordinator. */
  assign(ctx: CommandContext, input: tasks.AssignInput): Promise<Assignment> {
    return runCommand(this.#env, ctx, tasks.assign, input)
  }

  /** Adds a quantitative target to a document (and optionally one of its tasks). */
  addTarget(ctx: CommandContext, input: documents.AddTargetInput): Promise<Target> {
    return runCommand(this.#env, ctx, documents.addTarget, input)
  }

  /** Submits a progress report with its evidence. The claim is kept apart from any verification. */
  submitReport(ctx: CommandContext, input: reports.SubmitReportInput): Promise<Report> {
    return runCommand(this.#env, ctx, reports.submitReport, input)
  }

  /** The supervising organisation accepts or rejects a report. */
  verifyReport(ctx: CommandContext, input: reports.VerifyReportInput): Promise<Report> {
    return runCommand(this.#env, ctx, reports.verifyReport, input)
  }

  /** Records the decision of an alignment review. Errors: UNKNOWN_DOCUMENT, INVALID_INPUT, INVALID_DATE. */
  recordAlignmentReview(ctx: CommandContext, input: documents.RecordAlignmentReviewInput): Promise<AlignmentReview> {
    return runCommand(this.#env, ctx, documents.recordAlignmentReview, input)
  }

  /** Creates an API key (audited; the secret is returned once and never stored). */
  createApiKey(ctx: CommandContext, input: CreateApiKeyInput): Promise<{ secret: string; grant: ApiKeyGrant }> {
    return runCommand(this.#env, ctx, createApiKeyCommand, input)
  }

  /** Whether a key may act for an organisation: its own, or one below it. */
  mayActFor(grant: ApiKeyGrant, organizationId: string): Promise<boolean> {
    return organizationQueries.actsFor(this.db, grant.organizationId, organizationId)
  }

  // ---------------------------------------------------------------- hierarchy queries (see queries/hierarchy.ts)

  /** A task's effective deadline (its own, or inherited from the tasks it implements). */
  async effectiveDeadline(taskId: string): Promise<EffectiveDeadline | null> {
    return (await this.effectiveDeadlinesOf([taskId]))[0] ?? null
  }

  /** Effective deadlines of many tasks, in the order asked (null for unknown ids; one query). */
  effectiveDeadlinesOf(taskIds: readonly string[]): Promise<(EffectiveDeadline | null)[]> {
    return taskQueries.effectiveDeadlinesOf(this.db, taskIds)
  }

  /** The recorded violations of a task (DEADLINE_AFTER_PARENT), per parent task. */
  async violationsOf(taskId: string): Promise<DeadlineViolation[]> {
    return (await this.violationsOfTasks([taskId])).get(taskId) ?? []
  }

  /** Violations of many tasks at once, by task id (one query). */
  violationsOfTasks(taskIds: readonly string[]): Promise<Map<string, DeadlineViolation[]>> {
    return taskQueries.violationsOfTasks(this.db, taskIds)
  }

  /** Every obligation of a scope with its status on a date (group fan-out and successions applied). */
  obligations(scope: ScorecardScope, asOf: CalendarDate): Promise<ObligationStatusRow[]> {
    return hierarchy.obligations(this.db, scope, asOf)
  }

  /** A task's status on a date, rolled up from its lead obligations (all obligations when it has no lead). */
  taskStatus(taskId: string, asOf: CalendarDate): Promise<{ status: TaskStatus; obligations: ObligationStatusRow[] }> {
    return hierarchy.taskStatus(this.db, taskId, asOf)
  }

  /** Counts, rates and the longest-overdue obligations of a scope on a date. */
  scorecard(scope: ScorecardScope, asOf: CalendarDate, overdueLimit = 20): Promise<ScorecardCounts & { overdue: ObligationStatusRow[] }> {
    return hierarchy.scorecard(this.db, scope, asOf, overdueLimit)
  }

  /**
   * Counts and rates of a scope's obligations on a date per holder, by organisation id (one query).
   *
   * @example
   * const byHolder = await chidao.scorecardsByHolder({ province: 'QNG' }, '2025-12-31')
   */
  scorecardsByHolder(scope: ScorecardScope, asOf: CalendarDate): Promise<Map<string, ScorecardCounts>> {
    return hierarchy.scorecardsByHolder(this.db, scope, asOf)
  }

  /** Counts of a scope's obligations by status on a date, with the rates (one query). */
  scorecardCounts(scope: ScorecardScope, asOf: CalendarDate): Promise<ScorecardCounts> {
    return hierarchy.scorecardCountsOf(this.db, scope, asOf)
  }

  /**
   * A page of a scope's overdue obligations on a date: the longest overdue first (`order: 'due'`,
   * the default) or those most tasks in lower plans depend on first (`'dependents'`).
   */
  overdueObligations(
    scope: ScorecardScope,
    asOf: CalendarDate,
    page: { offset?: number; limit?: number; order?: 'due' | 'dependents' } = {},
  ): Promise<(ObligationStatusRow & { dependentTasks: number })[]> {
    return hierarchy.overdueObligationsOf(this.db, scope, asOf, page)
  }

  /** Overdue obligations of a scope ranked by how many tasks in lower plans depend on them. */
  bottlenecks(scope: ScorecardScope, asOf: CalendarDate, limit = 20): Promise<(ObligationStatusRow & { dependentTasks: number })[]> {
    return this.overdueObligations(scope, asOf, { limit, order: 'dependents' })
  }

  /** Tasks of the documents a plan implements, owed by its issuer or a body above it, that none of its tasks implements. */
  uncoveredParentTasks(planId: string): Promise<UncoveredParentTask[]> {
    return hierarchy.uncoveredParentTasks(this.db, planId)
  }

  /** Lower-tier plans implementing a document that a later, higher-tier document also implements, not yet reviewed. */
  plansNeedingReview(): Promise<ReviewNeeded[]> {
    return hierarchy.plansNeedingReview(this.db)
  }

  /** Every document below a document (implementing it, directly or through others). */
  cascadeBelow(documentId: string): Promise<Document[]> {
    return documentQueries.cascadeBelow(this.db, documentId)
  }

  /**
   * A page of the tasks an organisation owes on a date (group fan-out and successions applied),
   * optionally in one role and with its own obligation in one status, in plan order.
   *
   * @example
   * const { items, total } = await chidao.tasksOwedBy({ organizationId: skhcn.id, role: 'LEAD' }, '2025-12-31', { status: 'OVERDUE', offset: 0, limit: 20 })
   */
  tasksOwedBy(
    scope: { organizationId: string; role?: AssignmentRole },
    asOf: CalendarDate,
    page: { status?: TaskStatus | null; offset: number; limit: number },
  ): Promise<{ items: Task[]; total: number }> {
    return hierarchy.tasksOwedBy(this.db, scope, asOf, page)
  }

  // ---------------------------------------------------------------- organisations (see queries/organizations.ts)

  /** The organisation with this code, or null. */
  organizationByCode(code: string): Promise<Organization | null> {
    return organizationQueries.organizationByCode(this.db, code)
  }
  /** Organisations by id, in the order asked (null for unknown ids). */
  organizationsByIds(ids: readonly string[]): Promise<(Organization | null)[]> {
    return organizationQueries.organizationsByIds(this.db, ids)
  }
  /** The group with this code, or null. */
  groupByCode(code: string): Promise<OrganizationGroup | null> {
    return organizationQueries.groupByCode(this.db, code)
  }
  /** Groups by id, in the order asked (null for unknown ids). */
  groupsByIds(ids: readonly string[]): Promise<(OrganizationGroup | null)[]> {
    return organizationQueries.groupsByIds(this.db, ids)
  }
  /** Successions from or to an organisation. */
  successionsOf(organizationId: string): Promise<Succession[]> {
    return organizationQueries.successionsOf(this.db, organizationId)
  }
  /** Organisations directly under an organisation. */
  membersOf(organizationId: string): Promise<Organization[]> {
    return organizationQueries.membersOf(this.db, organizationId)
  }
  /** The audit trail of one entity, oldest first. */
  auditTrail(entity: string, entityId: string): Promise<AuditEntry[]> {
    return organizationQueries.auditTrail(this.db, entity, entityId)
  }

  // ---------------------------------------------------------------- documents (see queries/documents.ts)

  /** Alignment reviews of a plan, oldest first. */
  alignmentReviewsOf(documentId: string): Promise<AlignmentReview[]> {
    return documentQueries.alignmentReviewsOf(this.db, documentId)
  }
  /** The document with this natural key (issuer, symbol in any accepted spelling, issue date; title when it has no symbol), or null. */
  documentByKey(key: documentQueries.DocumentKey): Promise<Document | null> {
    return documentQueries.documentByKey(this.db, key)
  }
  /** Documents with this symbol (any spelling the parser accepts), optionally on one issue date. */
  documentsBySymbol(symbol: string, issuedOn?: CalendarDate): Promise<Document[]> {
    return documentQueries.documentsBySymbol(this.db, symbol, issuedOn)
  }
  /** Documents by id, in the order asked (null for unknown ids; one query). */
  documentsByIds(ids: readonly string[]): Promise<(Document | null)[]> {
    return documentQueries.documentsByIds(this.db, ids)
  }
  /**
   * A page of documents, newest first, optionally of one issuer or kind.
   *
   * @example
   * await chidao.listDocuments({ issuerCode: 'QNG.UBND', offset: 0, limit: 20 })
   */
  listDocuments(filter: {
    issuerCode?: string | null
    kind?: string | null
    offset: number
    limit: number
  }): Promise<{ items: Document[]; total: number }> {
    return documentQueries.listDocuments(this.db, filter)
  }
  /** The document with this id, or null. */
  documentById(id: string): Promise<Document | null> {
    return documentQueries.documentById(this.db, id)
  }
  /** The documents a document implements (its direct parents). */
  parentsOf(documentId: string): Promise<Document[]> {
    return documentQueries.parentsOf(this.db, documentId)
  }
  /** The documents that implement a document (its direct children). */
  childrenOf(documentId: string): Promise<Document[]> {
    return documentQueries.childrenOf(this.db, documentId)
  }
  /**
   * Pages of the documents directly implementing (`children`) or implemented by (`parents`) many documents, by issue date (one statement).
   *
   * @example
   * const pages = await chidao.linkedDocumentPages([nq57.id], 'children', { offset: 0, limit: 20 })
   */
  linkedDocumentPages(
    documentIds: readonly string[],
    direction: 'children' | 'parents',
    window: PageWindow,
  ): Promise<Map<string, ListPage<Document>>> {
    return documentQueries.linkedDocumentPages(this.db, documentIds, direction, window)
  }
  /** Pages of every document below many documents, by issue date (one recursive statement). */
  cascadePages(documentIds: readonly string[], window: PageWindow): Promise<Map<string, ListPage<Document>>> {
    return documentQueries.cascadePages(this.db, documentIds, window)
  }
  /** Ids of every document a document implements, directly or through others. */
  ancestorIdsOf(documentId: string): Promise<string[]> {
    return documentQueries.ancestorIdsOf(this.db, documentId)
  }
  /** A document's targets. */
  targetsOf(documentId: string): Promise<Target[]> {
    return documentQueries.targetsOf(this.db, documentId)
  }

  // ---------------------------------------------------------------- tasks (see queries/tasks.ts)

  /** The task with this id, or null. */
  taskById(id: string): Promise<Task | null> {
    return taskQueries.taskById(this.db, id)
  }
  /** Tasks by id, in the order asked (null for unknown ids; one query). */
  tasksByIds(ids: readonly string[]): Promise<(Task | null)[]> {
    return taskQueries.tasksByIds(this.db, ids)
  }
  /** A document's tasks in plan order. */
  tasksOf(documentId: string): Promise<Task[]> {
    return taskQueries.tasksOf(this.db, documentId)
  }
  /** Pages of the tasks of many documents, in plan order (one statement). */
  taskPagesOfDocuments(documentIds: readonly string[], window: PageWindow): Promise<Map<string, ListPage<Task>>> {
    return taskQueries.taskPagesOfDocuments(this.db, documentIds, window)
  }
  /** Pages of the reports on many tasks, oldest first (two statements: reports, then their evidence). */
  reportPagesOfTasks(taskIds: readonly string[], window: PageWindow): Promise<Map<string, ListPage<Report>>> {
    return taskQueries.reportPagesOfTasks(this.db, taskIds, window)
  }
  /** Ids of the tasks in lower plans that implement a task directly. */
  childTaskIdsOf(taskId: string): Promise<string[]> {
    return taskQueries.childTaskIdsOf(this.db, taskId)
  }
  /** Ids of the tasks a task implements. */
  parentTaskIdsOf(taskId: string): Promise<string[]> {
    return taskQueries.parentTaskIdsOf(this.db, taskId)
  }
  /** Task links of many tasks at once: the tasks implementing each (`children`) or those each implements (`parents`). */
  taskLinksOf(taskIds: readonly string[], direction: 'children' | 'parents'): Promise<Map<string, string[]>> {
    return taskQueries.taskLinksOf(this.db, taskIds, direction)
  }
  /** Assignments of many tasks at once, by task id (one query). */
  assignmentsOfTasks(taskIds: readonly string[]): Promise<Map<string, Assignment[]>> {
    return taskQueries.assignmentsOfTasks(this.db, taskIds)
  }
  /** Assignments of many tasks with the organisations and groups they name (one query). */
  assignmentsWithAssigneesOfTasks(taskIds: readonly string[]): Promise<AssignmentsWithAssignees> {
    return taskQueries.assignmentsWithAssigneesOfTasks(this.db, taskIds)
  }
  /** A task's assignments. */
  async assignmentsOf(taskId: string): Promise<Assignment[]> {
    return (await this.assignmentsOfTasks([taskId])).get(taskId) ?? []
  }
  /** Targets tied to many tasks at once, by task id (one query). */
  targetsOfTasks(taskIds: readonly string[]): Promise<Map<string, Target[]>> {
    return taskQueries.targetsOfTasks(this.db, taskIds)
  }
  /** The report with this id and its evidence, or null. */
  reportById(id: string): Promise<Report | null> {
    return taskQueries.reportById(this.db, id)
  }
  /** Reports on a task, oldest first. */
  async reportsOf(taskId: string): Promise<Report[]> {
    return (await this.reportsOfTasks([taskId])).get(taskId) ?? []
  }
  /** Reports on many tasks at once, oldest first, by task id (two queries: reports, then their evidence). */
  reportsOfTasks(taskIds: readonly string[]): Promise<Map<string, Report[]>> {
    return taskQueries.reportsOfTasks(this.db, taskIds)
  }

  // ---------------------------------------------------------------- import (see commands/import.ts)

  /** The files each document was imported from (`importPlan`'s `source`), oldest first, by document id (one query). */
  documentSources(documentIds: readonly string[]): Promise<Map<string, DocumentSourceRecord[]>> {
    return documentQueries.sourcesOfDocuments(this.db, documentIds)
  }

  /** The organisations, groups, aliases and documents the importer matches against. */
  importCatalog(): Promise<ImportCatalog> {
    return importCatalog(this.#env)
  }

  /** Reads a plan's text against the store, writing nothing. See {@link Chidao.importPlan}. */
  previewImport(text: string, options: ImportPlanOptions = {}): Promise<PlanPreview> {
    return previewImport(this.#env, text, options)
  }

  /**
   * Imports a plan's text: reads it and, unless `dryRun`, writes its document, links, tasks,
   * assignments and targets in one transaction; importing it again writes nothing new.
   *
   * @example
   * const { preview, created } = await chidao.importPlan({ actor: 'xa.thientin' }, text)
   */
  importPlan(ctx: CommandContext, text: string, options: ImportOptions = {}): Promise<ImportResult> {
    return commitImport(this.#env, ctx, text, options)
  }
}
