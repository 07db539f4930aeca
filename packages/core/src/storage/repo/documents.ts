/** Documents, their implements links, targets and alignment reviews: the SQL the commands and queries use. */
import { sql, type Insertable } from 'kysely'
import type { CalendarDate } from '../../calendar/date.js'
import type { DocumentKind } from '../../document/kind.js'
import type { AlignmentReview, Document } from '../../model/document.js'
import type { Target } from '../../model/task.js'
import { distinct, groupBy, inOrderAsked, type Db } from '../db.js'
import { toAlignmentReview, toDocument, toTarget } from '../rows.js'
import type { Database } from '../schema.js'

/** Issue-date order that puts unknown dates first on both stores (their NULL orders differ). */
const byIssueDate = sql<string>`coalesce(document.issued_on, '')`

/** The document with this id, or null. */
export async function findDocument(db: Db, id: string): Promise<Document | null> {
  const row = await db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toDocument(row) : null
}

/** Documents by id, in the order asked (null for unknown ids; one query). */
export async function documentsByIds(db: Db, ids: readonly string[]): Promise<(Document | null)[]> {
  if (!ids.length) return []
  const rows = await db.selectFrom('document').selectAll().where('id', 'in', distinct(ids)).execute()
  return inOrderAsked(ids, rows, (r) => r.id, toDocument)
}

/**
 * The document with this natural key: issuer, canonical symbol and issue date; for a document
 * without a symbol, issuer, issue date and title.
 */
export async function findDocumentByKey(
  db: Db,
  key: { issuerId: string; symbol: string | null; issuedOn: CalendarDate | null; title?: string },
): Promise<Document | null> {
  let q = db
    .selectFrom('document')
    .selectAll()
    .where('issuerId', '=', key.issuerId)
    .where('issuedOn', key.issuedOn === null ? 'is' : '=', key.issuedOn)
  if (key.symbol !== null) q = q.where('symbol', '=', key.symbol)
  else q = q.where('symbol', 'is', null).where('title', '=', (key.title ?? '').normalize('NFC'))
  const row = await q.executeTakeFirst()
  return row ? toDocument(row) : null
}

/** Documents with this canonical symbol, optionally on one issue date. */
export async function documentsWithSymbol(db: Db, symbol: string, issuedOn?: CalendarDate): Promise<Document[]> {
  let q = db.selectFrom('document').selectAll().where('symbol', '=', symbol)
  if (issuedOn) q = q.where('issuedOn', '=', issuedOn)
  return (await q.orderBy(byIssueDate).orderBy('document.id').execute()).map(toDocument)
}

/** A page of documents, newest first, optionally of one issuer or kind, with the count of all. */
export async function documentPage(
  db: Db,
  filter: { issuerId?: string | null; kind?: string | null; offset: number; limit: number },
): Promise<{ items: Document[]; total: number }> {
  let q = db.selectFrom('document')
  if (filter.issuerId) q = q.where('issuerId', '=', filter.issuerId)
  // A kind outside the closed set matches nothing, as before.
  if (filter.kind) q = q.where('kind', '=', filter.kind as DocumentKind)
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy(sql`coalesce(document.issued_on, '')`, 'desc')
      .orderBy('document.id')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toDocument), total: Number(total.n) }
}

/** The documents a document implements (its direct parents). */
export async function parentDocuments(db: Db, documentId: string): Promise<Document[]> {
  const rows = await db
    .selectFrom('documentLink')
    .innerJoin('document', 'document.id', 'documentLink.parentId')
    .selectAll('document')
    .where('documentLink.childId', '=', documentId)
    .orderBy(byIssueDate)
    .orderBy('document.id')
    .execute()
  return rows.map(toDocument)
}

/** The documents that implement a document (its direct children). */
export async function childDocuments(db: Db, documentId: string): Promise<Document[]> {
  const rows = await db
    .selectFrom('documentLink')
    .innerJoin('document', 'document.id', 'documentLink.childId')
    .selectAll('document')
    .where('documentLink.parentId', '=', documentId)
    .orderBy(byIssueDate)
    .orderBy('document.id')
    .execute()
  return rows.map(toDocument)
}

/** Every document `documentId` implements, transitively (recursive CTE, same SQL on both stores). */
export async function ancestorDocumentIds(db: Db, documentId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive ancestor(id) as (
      select parent_id from document_link where child_id = ${documentId}
      union
      select l.parent_id from document_link l join ancestor a on l.child_id = a.id
    )
    select id from ancestor`.execute(db)
  return result.rows.map((r) => r.id)
}

/** Every document below a document (implementing it, directly or through others), by issue date. */
export async function documentsBelow(db: Db, documentId: string): Promise<Document[]> {
  const result = await sql<{ id: string }>`
    with recursive below(id) as (
      select l.child_id from document_link l where l.parent_id = ${documentId}
      union
      select l.child_id from document_link l join below b on l.parent_id = b.id
    )
    select id from below`.execute(db)
  const ids = result.rows.map((r) => r.id)
  if (!ids.length) return []
  const rows = await db.selectFrom('document').selectAll().where('id', 'in', ids).orderBy(byIssueDate).orderBy('document.id').execute()
  return rows.map(toDocument)
}

export async function insertDocument(db: Db, row: Insertable<Database['document']>): Promise<void> {
  await db.insertInto('document').values(row).execute()
}

export async function documentLinkExists(db: Db, childId: string, parentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('documentLink')
    .select('childId')
    .where('childId', '=', childId)
    .where('parentId', '=', parentId)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertDocumentLinks(db: Db, childId: string, parentIds: readonly string[], createdAt: string): Promise<void> {
  if (!parentIds.length) return
  await db
    .insertInto('documentLink')
    .values(parentIds.map((parentId) => ({ childId, parentId, createdAt })))
    .execute()
}

/** A document's targets, by milestone then metric. */
export async function targetsOfDocument(db: Db, documentId: string): Promise<Target[]> {
  const rows = await db
    .selectFrom('target')
    .selectAll()
    .where('documentId', '=', documentId)
    .orderBy('milestoneOn')
    .orderBy('metric')
    .execute()
  return rows.map(toTarget)
}

/** Targets tied to many tasks at once, by task id (one query). */
export async function targetsOfTasks(db: Db, taskIds: readonly string[]): Promise<Map<string, Target[]>> {
  const rows = taskIds.length
    ? await db.selectFrom('target').selectAll().where('taskId', 'in', distinct(taskIds)).orderBy('milestoneOn').orderBy('metric').execute()
    : []
  return groupBy(taskIds, rows, (r) => r.taskId ?? '', toTarget)
}

export async function insertTarget(db: Db, row: Insertable<Database['target']>): Promise<void> {
  await db.insertInto('target').values(row).execute()
}

/** Alignment reviews of a plan, oldest first. */
export async function alignmentReviewsOfDocument(db: Db, documentId: string): Promise<AlignmentReview[]> {
  const rows = await db
    .selectFrom('alignmentReview')
    .selectAll()
    .where('documentId', '=', documentId)
    .orderBy('decidedOn')
    .orderBy('id')
    .execute()
  return rows.map(toAlignmentReview)
}

export async function insertAlignmentReview(db: Db, row: Insertable<Database['alignmentReview']>): Promise<void> {
  await db.insertInto('alignmentReview').values(row).execute()
}
