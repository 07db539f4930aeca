/** Reading documents, their links, targets and alignment reviews (nullable readers; no writes). */
import type { CalendarDate } from '../../calendar/date.js'
import { parseSymbol } from '../../document/symbol.js'
import type { Document } from '../../model/document.js'
import type { Db } from '../../storage/db.js'
import { documentPage, documentsWithSymbol, findDocumentByKey } from '../../storage/repo/documents.js'
export { documentSourcesOf as sourcesOfDocuments } from '../../storage/repo/document-sources.js'
import { findOrganizationByCode } from '../../storage/repo/organizations.js'

export { cascadePages, linkedDocumentPages } from '../../storage/repo/pages.js'
export {
  alignmentReviewsOfDocument as alignmentReviewsOf,
  ancestorDocumentIds as ancestorIdsOf,
  childDocuments as childrenOf,
  documentsBelow as cascadeBelow,
  documentsByIds,
  findDocument as documentById,
  parentDocuments as parentsOf,
  targetsOfDocument as targetsOf,
} from '../../storage/repo/documents.js'

/** The natural key of a document: issuer, symbol (any accepted spelling) and issue date; title when it has no symbol. */
export interface DocumentKey {
  issuerCode: string
  symbol: string | null
  issuedOn: CalendarDate | null
  title?: string
}

/** The document with this natural key, or null. */
export async function documentByKey(db: Db, key: DocumentKey): Promise<Document | null> {
  const issuer = await findOrganizationByCode(db, key.issuerCode)
  if (!issuer) return null
  return findDocumentByKey(db, {
    issuerId: issuer.id,
    symbol: key.symbol === null ? null : parseSymbol(key.symbol).text,
    issuedOn: key.issuedOn,
    ...(key.title !== undefined ? { title: key.title } : {}),
  })
}

/** Documents with this symbol (any spelling the parser accepts), optionally on one issue date. */
export function documentsBySymbol(db: Db, symbol: string, issuedOn?: CalendarDate): Promise<Document[]> {
  return documentsWithSymbol(db, parseSymbol(symbol).text, issuedOn)
}

/** A page of documents, newest first, optionally of one issuer (by code) or kind. */
export async function listDocuments(
  db: Db,
  filter: { issuerCode?: string | null; kind?: string | null; offset: number; limit: number },
): Promise<{ items: Document[]; total: number }> {
  let issuerId: string | null = null
  if (filter.issuerCode) {
    const org = await findOrganizationByCode(db, filter.issuerCode)
    if (!org) return { items: [], total: 0 }
    issuerId = org.id
  }
  return documentPage(db, { issuerId, kind: filter.kind ?? null, offset: filter.offset, limit: filter.limit })
}
