/**
 * The façade's reads of organisations (`queries/organizations.ts`) and documents
 * (`queries/documents.ts`).
 */
import type { CalendarDate } from '../../calendar/date.js'
import type { AlignmentReview, Document, DocumentSourceRecord } from '../../model/document.js'
import type { TargetActual, Measurement } from '../../model/measurement.js'
import type { Organization, OrganizationGroup, Succession } from '../../model/organization.js'
import type { AuditEntry } from '../../model/report.js'
import type { Target } from '../../model/task.js'
import type { ListPage, PageWindow } from '../../storage/repo/pages.js'
import * as documentQueries from '../queries/documents.js'
import * as measurementQueries from '../queries/measurements.js'
import * as organizationQueries from '../queries/organizations.js'
import { ChidaoHierarchy } from './hierarchy.js'

/** {@link ChidaoHierarchy} and the reads of organisations and documents. */
export class ChidaoDocuments extends ChidaoHierarchy {
  /**
   * The organisation with this code, or null.
   *
   * @example
   * const skhcn = await chidao.organizationByCode('QNG.SKHCN')
   */
  organizationByCode(code: string): Promise<Organization | null> {
    return organizationQueries.organizationByCode(this.db, code)
  }

  /**
   * Each target's latest measured value on or before `asOf` and whether it meets the target, by target id (one statement).
   *
   * @example
   * const actuals = await chidao.latestMeasurementsOf([target.id], '2025-12-31')
   */
  latestMeasurementsOf(targetIds: readonly string[], asOf: CalendarDate): Promise<Map<string, TargetActual>> {
    return measurementQueries.latestMeasurementsOf(this.db, targetIds, asOf)
  }

  /**
   * A target's measured values, newest first.
   *
   * @example
   * const history = await chidao.measurementsOf(target.id)
   */
  measurementsOf(targetId: string): Promise<Measurement[]> {
    return measurementQueries.measurementsOf(this.db, targetId)
  }

  /**
   * Organisations by id, in the order asked (null for unknown ids).
   *
   * @example
   * const [issuer] = await chidao.organizationsByIds([plan.issuerId])
   */
  organizationsByIds(ids: readonly string[]): Promise<(Organization | null)[]> {
    return organizationQueries.organizationsByIds(this.db, ids)
  }

  /**
   * The group with this code, or null.
   *
   * @example
   * const communes = await chidao.groupByCode('QNG.XA')
   */
  groupByCode(code: string): Promise<OrganizationGroup | null> {
    return organizationQueries.groupByCode(this.db, code)
  }

  /**
   * Groups by id, in the order asked (null for unknown ids).
   *
   * @example
   * const groups = await chidao.groupsByIds(assignments.flatMap((a) => (a.groupId ? [a.groupId] : [])))
   */
  groupsByIds(ids: readonly string[]): Promise<(OrganizationGroup | null)[]> {
    return organizationQueries.groupsByIds(this.db, ids)
  }

  /**
   * Successions from or to an organisation.
   *
   * @example
   * const merges = await chidao.successionsOf(oldDistrict.id)
   */
  successionsOf(organizationId: string): Promise<Succession[]> {
    return organizationQueries.successionsOf(this.db, organizationId)
  }

  /**
   * Organisations directly under an organisation.
   *
   * @example
   * const departments = await chidao.membersOf(ubndQng.id)
   */
  membersOf(organizationId: string): Promise<Organization[]> {
    return organizationQueries.membersOf(this.db, organizationId)
  }

  /**
   * The audit trail of one entity, oldest first.
   *
   * @example
   * const trail = await chidao.auditTrail('Task', task.id) // [{ command: 'addTask', actor: 'import', … }, …]
   */
  auditTrail(entity: string, entityId: string): Promise<AuditEntry[]> {
    return organizationQueries.auditTrail(this.db, entity, entityId)
  }

  /**
   * Alignment reviews of a plan, oldest first.
   *
   * @example
   * const reviews = await chidao.alignmentReviewsOf(plan.id)
   */
  alignmentReviewsOf(documentId: string): Promise<AlignmentReview[]> {
    return documentQueries.alignmentReviewsOf(this.db, documentId)
  }

  /**
   * The document with this natural key (issuer, symbol in any accepted spelling, issue date; title when it has no symbol), or null.
   *
   * @example
   * const plan = await chidao.documentByKey({ issuerCode: 'QNG.UBND', symbol: '150/KH-UBND', issuedOn: '2025-03-20' })
   */
  documentByKey(key: documentQueries.DocumentKey): Promise<Document | null> {
    return documentQueries.documentByKey(this.db, key)
  }

  /**
   * Documents with this symbol (any spelling the parser accepts), optionally on one issue date.
   *
   * @example
   * const [nq57] = await chidao.documentsBySymbol('57-NQ/TW', '2024-12-22')
   */
  documentsBySymbol(symbol: string, issuedOn?: CalendarDate): Promise<Document[]> {
    return documentQueries.documentsBySymbol(this.db, symbol, issuedOn)
  }

  /**
   * Documents by id, in the order asked (null for unknown ids; one query).
   *
   * @example
   * const parents = await chidao.documentsByIds(await chidao.ancestorIdsOf(plan.id))
   */
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

  /**
   * The document with this id, or null.
   *
   * @example
   * const doc = await chidao.documentById(task.documentId)
   */
  documentById(id: string): Promise<Document | null> {
    return documentQueries.documentById(this.db, id)
  }

  /**
   * The documents a document implements (its direct parents).
   *
   * @example
   * const parents = await chidao.parentsOf(plan.id) // [nq57, …]
   */
  parentsOf(documentId: string): Promise<Document[]> {
    return documentQueries.parentsOf(this.db, documentId)
  }

  /**
   * The documents that implement a document (its direct children).
   *
   * @example
   * const provincePlans = await chidao.childrenOf(programme.id)
   */
  childrenOf(documentId: string): Promise<Document[]> {
    return documentQueries.childrenOf(this.db, documentId)
  }

  /**
   * Every document below a document (implementing it, directly or through others).
   *
   * @example
   * const cascade = await chidao.cascadeBelow(nq57.id)
   */
  cascadeBelow(documentId: string): Promise<Document[]> {
    return documentQueries.cascadeBelow(this.db, documentId)
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

  /**
   * Pages of every document below many documents, by issue date (one recursive statement).
   *
   * @example
   * const { items, total } = (await chidao.cascadePages([nq57.id], { offset: 0, limit: 50 })).get(nq57.id)!
   */
  cascadePages(documentIds: readonly string[], window: PageWindow): Promise<Map<string, ListPage<Document>>> {
    return documentQueries.cascadePages(this.db, documentIds, window)
  }

  /**
   * Ids of every document a document implements, directly or through others.
   *
   * @example
   * const above = await chidao.ancestorIdsOf(communePlan.id) // the province plan, the programme, the resolution
   */
  ancestorIdsOf(documentId: string): Promise<string[]> {
    return documentQueries.ancestorIdsOf(this.db, documentId)
  }

  /**
   * A document's targets.
   *
   * @example
   * const targets = await chidao.targetsOf(plan.id)
   */
  targetsOf(documentId: string): Promise<Target[]> {
    return documentQueries.targetsOf(this.db, documentId)
  }

  /**
   * The files each document was imported from (`importPlan`'s `source`), oldest first, by document id (one query).
   *
   * @example
   * const [source] = (await chidao.documentSources([plan.id])).get(plan.id) ?? []
   */
  documentSources(documentIds: readonly string[]): Promise<Map<string, DocumentSourceRecord[]>> {
    return documentQueries.sourcesOfDocuments(this.db, documentIds)
  }
}
