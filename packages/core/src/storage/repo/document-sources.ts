/**
 * Provenance of imported documents (table `document_source`, migration 0009): which file, byte
 * for byte, a document's text came from, and which program read it.
 */
import type { DocumentSource, DocumentSourceRecord } from '../../model/document.js'
import { distinct, groupBy, type Db } from '../db.js'

/**
 * Records that `documentId` was imported from `source`, unless that file is recorded for it
 * already. Returns whether a row was written.
 *
 * @example
 * await recordDocumentSource(trx, { id, documentId, source, importedAt: '2026-01-05T03:00:00Z', actor: 'cli' })
 * //=> true (false when the same file was recorded before)
 */
export async function recordDocumentSource(
  db: Db,
  row: { id: string; documentId: string; source: DocumentSource; importedAt: string; actor: string },
): Promise<boolean> {
  const { source } = row
  const there = await db
    .selectFrom('documentSource')
    .select('id')
    .where('documentId', '=', row.documentId)
    .where('sha256', '=', source.sha256)
    .executeTakeFirst()
  if (there) return false
  await db
    .insertInto('documentSource')
    .values({
      id: row.id,
      documentId: row.documentId,
      fileName: source.fileName,
      sha256: source.sha256,
      size: source.size,
      mediaType: source.mediaType,
      extractor: source.extractor.name,
      extractorVersion: source.extractor.version,
      pages: source.pages,
      importedAt: row.importedAt,
      actor: row.actor,
    })
    .execute()
  return true
}

/** The sources of many documents, oldest first, by document id (one query). */
export async function documentSourcesOf(db: Db, documentIds: readonly string[]): Promise<Map<string, DocumentSourceRecord[]>> {
  const rows = documentIds.length
    ? await db
        .selectFrom('documentSource')
        .selectAll()
        .where('documentId', 'in', distinct(documentIds))
        .orderBy('importedAt')
        .orderBy('id')
        .execute()
    : []
  return groupBy(
    documentIds,
    rows,
    (r) => r.documentId,
    (r) => ({
      documentId: r.documentId,
      fileName: r.fileName,
      sha256: r.sha256,
      size: Number(r.size),
      mediaType: r.mediaType,
      extractor: { name: r.extractor, version: r.extractorVersion },
      pages: Number(r.pages),
      importedAt: r.importedAt,
      actor: r.actor,
    }),
  )
}
