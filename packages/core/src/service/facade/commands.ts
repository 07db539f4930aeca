/**
 * The façade's commands: one method per command described in `commands/`, each run by
 * `run` (one transaction, checked, audited).
 */
import type { AlignmentReview, Document } from '../../model/document.js'
import type { Organization, OrganizationGroup, Succession } from '../../model/organization.js'
import type { Measurement } from '../../model/measurement.js'
import type { Report } from '../../model/report.js'
import type { Assignment, Target, Task } from '../../model/task.js'
import { createApiKeyCommand, type ApiKeyGrant, type CreateApiKeyInput } from '../api-keys.js'
import type { CommandContext } from '../command-tx.js'
import * as reviews from '../commands/alignment-reviews.js'
import * as documents from '../commands/documents.js'
import * as targets from '../commands/targets.js'
import * as organizations from '../commands/organizations.js'
import * as measurements from '../commands/measurements.js'
import * as reports from '../commands/reports.js'
import * as tasks from '../commands/tasks.js'
import * as organizationQueries from '../queries/organizations.js'
import { ChidaoBase } from './base.js'

/** {@link ChidaoBase} and the commands that change the cascade. */
export class ChidaoCommands extends ChidaoBase {
  /**
   * Records another name of an organisation or group, for the importer (idempotent). Errors: UNKNOWN_ORGANIZATION, DUPLICATE_ORGANIZATION.
   *
   * @example
   * await chidao.registerAlias({ actor: 'setup' }, { code: 'QNG.SKHCN', alias: 'Sở KH&CN' })
   */
  registerAlias(ctx: CommandContext, input: organizations.RegisterAliasInput): Promise<{ code: string; alias: string }> {
    return this.run(organizations.registerAlias, ctx, input)
  }

  /**
   * Registers an organisation. Errors: INVALID_INPUT, INVALID_DATE, UNKNOWN_ORGANIZATION (parent), DUPLICATE_ORGANIZATION.
   *
   * @example
   * await chidao.registerOrganization({ actor: 'setup' }, { code: 'BCT', name: 'Bộ Chính trị', tier: 'CENTRAL', bloc: 'PARTY', kind: 'POLITBURO' })
   */
  registerOrganization(ctx: CommandContext, input: organizations.RegisterOrganizationInput): Promise<Organization> {
    return this.run(organizations.registerOrganization, ctx, input)
  }

  /**
   * Records that one organisation's duties passed to another from a date.
   *
   * @example
   * await chidao.registerSuccession(ctx, { predecessorCode: 'QNG.SKHCN', successorCode: 'QNG.SKHCN2', kind: 'RENAMED_TO', effectiveOn: '2025-07-01' })
   */
  registerSuccession(ctx: CommandContext, input: organizations.RegisterSuccessionInput): Promise<Succession> {
    return this.run(organizations.registerSuccession, ctx, input)
  }

  /**
   * Registers a named group of organisations that assignments can name.
   *
   * @example
   * await chidao.registerGroup(ctx, { code: 'QNG.XA', name: 'UBND các xã', withinCode: 'QNG', tiers: ['COMMUNE'], kinds: ['PEOPLES_COMMITTEE'] })
   */
  registerGroup(ctx: CommandContext, input: organizations.RegisterGroupInput): Promise<OrganizationGroup> {
    return this.run(organizations.registerGroup, ctx, input)
  }

  /**
   * Registers a document and the documents it implements (see {@link documents.registerDocument} for the errors).
   *
   * @example
   * const plan = await chidao.registerDocument(ctx, { symbol: '150/KH-UBND', issuerCode: 'QNG.UBND', issuedOn: '2025-03-20', title: 'Kế hoạch …', implements: [nq57.id] })
   */
  registerDocument(ctx: CommandContext, input: documents.RegisterDocumentInput): Promise<Document> {
    return this.run(documents.registerDocument, ctx, input)
  }

  /**
   * Adds an implements link between two registered documents. Errors: LINK_TO_LOWER_TIER, LINK_CYCLE.
   *
   * @example
   * await chidao.linkDocument(ctx, { documentId: plan.id, parentId: nq57.id })
   */
  linkDocument(ctx: CommandContext, input: documents.LinkDocumentInput): Promise<Document> {
    return this.run(documents.linkDocument, ctx, input)
  }

  /**
   * Changes a document's title or status, if nobody changed it since `expectedVersion`.
   *
   * @example
   * await chidao.updateDocument(ctx, { id: plan.id, expectedVersion: plan.version, status: 'SUPERSEDED' })
   */
  updateDocument(ctx: CommandContext, input: documents.UpdateDocumentInput): Promise<Document> {
    return this.run(documents.updateDocument, ctx, input)
  }

  /**
   * Adds a task to a document, with its assignments and the parent tasks it implements.
   *
   * @example
   * await chidao.addTask(ctx, { documentId: plan.id, code: 'II.1', content: 'Ban hành quy chế …', timePhrase: 'Quý IV/2025', assignments: [{ role: 'LEAD', organizationCode: 'QNG.SKHCN' }] })
   */
  addTask(ctx: CommandContext, input: tasks.AddTaskInput): Promise<Task> {
    return this.run(tasks.addTask, ctx, input)
  }

  /**
   * Records that a task implements a task of an ancestor document. Errors: NOT_AN_ANCESTOR.
   *
   * @example
   * await chidao.linkTask(ctx, { taskId: task.id, parentTaskId: parentTask.id })
   */
  linkTask(ctx: CommandContext, input: tasks.LinkTaskInput): Promise<Task> {
    return this.run(tasks.linkTask, ctx, input)
  }

  /**
   * Changes a task's content, time phrase, output or state under optimistic concurrency.
   *
   * @example
   * await chidao.updateTask(ctx, { id: task.id, expectedVersion: task.version, timePhrase: 'Trước ngày 30/6/2026' })
   */
  updateTask(ctx: CommandContext, input: tasks.UpdateTaskInput): Promise<Task> {
    return this.run(tasks.updateTask, ctx, input)
  }

  /**
   * Assigns a task to an organisation or a group as lead or coordinator.
   *
   * @example
   * await chidao.assign(ctx, { taskId: task.id, role: 'COORDINATING', organizationCode: 'QNG.STC' })
   */
  assign(ctx: CommandContext, input: tasks.AssignInput): Promise<Assignment> {
    return this.run(tasks.assign, ctx, input)
  }

  /**
   * Adds a quantitative target to a document (and optionally one of its tasks).
   *
   * @example
   * await chidao.addTarget(ctx, { documentId: plan.id, metric: 'Tỷ lệ hồ sơ trực tuyến', unit: '%', comparator: 'GTE', value: 80, milestoneOn: '2025-12-31' })
   */
  addTarget(ctx: CommandContext, input: targets.AddTargetInput): Promise<Target> {
    return this.run(targets.addTarget, ctx, input)
  }

  /**
   * Submits a progress report with its evidence. The claim is kept apart from any verification.
   *
   * @example
   * await chidao.submitReport(ctx, { taskId: task.id, organizationCode: 'QNG.SKHCN', period: 'QUARTER', claimedStatus: 'COMPLETED', reportedOn: '2025-09-30' })
   */
  submitReport(ctx: CommandContext, input: reports.SubmitReportInput): Promise<Report> {
    return this.run(reports.submitReport, ctx, input)
  }

  /**
   * Records a measured value of a target as of a day (see {@link measurements.measureTarget} for its errors).
   *
   * @example
   * await chidao.measureTarget(ctx, { targetId: target.id, organizationCode: 'QNG.SKHCN', value: 42, measuredOn: '2025-12-31' })
   */
  measureTarget(ctx: CommandContext, input: measurements.MeasureTargetInput): Promise<Measurement> {
    return this.run(measurements.measureTarget, ctx, input)
  }

  /**
   * The supervising organisation accepts or rejects a report.
   *
   * @example
   * await chidao.verifyReport(ctx, { reportId: report.id, expectedVersion: report.version, verifierCode: 'QNG.UBND', status: 'ACCEPTED', verifiedOn: '2025-10-05' })
   */
  verifyReport(ctx: CommandContext, input: reports.VerifyReportInput): Promise<Report> {
    return this.run(reports.verifyReport, ctx, input)
  }

  /**
   * Records the decision of an alignment review. Errors: UNKNOWN_DOCUMENT, INVALID_INPUT, INVALID_DATE.
   *
   * @example
   * await chidao.recordAlignmentReview(ctx, { documentId: plan.id, newDirectionId: nq193.id, decision: 'KEEP', reasons: '…', decidedOn: '2025-09-15' })
   */
  recordAlignmentReview(ctx: CommandContext, input: reviews.RecordAlignmentReviewInput): Promise<AlignmentReview> {
    return this.run(reviews.recordAlignmentReview, ctx, input)
  }

  /**
   * Creates an API key (audited; the secret is returned once and never stored).
   *
   * @example
   * const { secret, grant } = await chidao.createApiKey({ actor: 'cli' }, { organizationId: skhcn.id, role: 'EDITOR', label: 'báo cáo quý' })
   */
  createApiKey(ctx: CommandContext, input: CreateApiKeyInput): Promise<{ secret: string; grant: ApiKeyGrant }> {
    return this.run(createApiKeyCommand, ctx, input)
  }

  /**
   * Whether a key may act for an organisation: its own, or one below it.
   *
   * @example
   * if (!(await chidao.mayActFor(grant, commune.id))) throw new DomainError('FORBIDDEN', '…')
   */
  mayActFor(grant: ApiKeyGrant, organizationId: string): Promise<boolean> {
    return organizationQueries.actsFor(this.db, grant.organizationId, organizationId)
  }
}
