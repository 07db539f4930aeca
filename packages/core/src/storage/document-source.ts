/**
 * Provenance of imported documents (table `document_source`, migration 0009): which file, byte
 * for byte, a document's text came from, and which program read it.
 */
import type { Kysely } from 'kysely'
import type { DocumentSource, DocumentSourceRecord } from '../model/document.js'
import type { Database } from './schema.js'

/**
 * Records that `documentId` was imported from `source`, unless that file is recorded for it
 * already. Returns whether a row was written.
 *
 * @example
 * await recordDocumentSource(trx, { id, documentId, source, importedAt: '2026-01-05T03:00:00Z', actor: 'cli' })
 * //=> true (false when the same file was recorded before)
 */
export async function recordDocumentSource(
  db: Kysely<Database>,
  row: { id: string; documentId: string; source: DocumentSource; importedAt: string; actor: string },
): Promise<boolean> {
  const { source } = row
  const there = await db.selectFrom('documentSource').select('id')
    .where('documentId', '=', row.documentId).where('sha256', '=', source.sha256).executeTakeFirst()
  if (there) return false
  await db.insertInto('documentSource').values({
    id: row.id, documentId: row.documentId, fileName: source.fileName, sha256: source.sha256, size: source.size,
    mediaType: source.mediaType, extractor: source.extractor.name, extractorVersion: source.extractor.version,
    pages: source.pages, importedAt: row.importedAt, actor: row.actor,
  }).execute()
  return true
}

/** The sources of many documents, oldest first, by document id (one query). */
export async function documentSourcesOf(db: Kysely<Database>, documentIds: readonly string[]): Promise<Map<string, DocumentSourceRecord[]>> {
  const map = new Map<string, DocumentSourceRecord[]>(documentIds.map((id) => [id, []]))
  if (!documentIds.length) return map
  const rows = await db.selectFrom('documentSource').selectAll()
    .where('documentId', 'in', [...documentIds]).orderBy('importedAt').orderBy('id').execute()
  for (const r of rows) {
    map.get(r.documentId)?.push({
      documentId: r.documentId, fileName: r.fileName, sha256: r.sha256, size: Number(r.size), mediaType: r.mediaType,
      extractor: { name: r.extractor, version: r.extractorVersion }, pages: Number(r.pages), importedAt: r.importedAt, actor: r.actor,
    })
  }
  return map
}
