/** Commands on documents: registering, linking and updating plans (targets: `targets.ts`; alignment reviews: `alignment-reviews.ts`). */
import { isDocumentKind, type DocumentKind } from '../../document/kind.js'
import { parseSymbol } from '../../document/symbol.js'
import { DomainError } from '../../errors.js'
import { DOCUMENT_STATUSES, type Document } from '../../model/document.js'
import { tierRank, type Organization } from '../../model/organization.js'
import type { Db } from '../../storage/db.js'
import { refreshObligationSpans } from '../../storage/obligation-span.js'
import {
  ancestorDocumentIds,
  documentLinkExists,
  findDocumentByKey,
  insertDocument,
  insertDocumentLinks,
} from '../../storage/repo/documents.js'
import { taskIdsOfDocuments } from '../../storage/repo/tasks.js'
import { versionedUpdate } from '../../storage/repo/versioned.js'
import { isInAnotherProvince, requireActFor, requireEditor as authorizeEdit, requireRole } from '../authorize.js'
import { defineCommand } from '../command-tx.js'
import { issuerOfDocument, organizationIdOf } from '../authorize.js'
import { date, id, int, list, oneOf, optional, required, text } from '../shape.js'
import { requireDocument, requireDocuments, requireOrganization, requireOrganizationById } from '../lookup.js'
import { optionalDate, optionalText, requireOneOf, requireText, requireVersion } from '../validate.js'
import { provinceMergedInto } from '../../storage/repo/organizations.js'

export interface RegisterDocumentInput {
  /** Number and symbol as written; null or absent when illegible (then `kind` is required). */
  symbol?: string | null
  /** The kind; defaults to the one in the symbol. */
  kind?: string | null
  issuerCode: string
  /** Issue date; null only when the source does not give it. */
  issuedOn: string | null
  title: string
  status?: string | null
  /** Ids of the documents this one implements. */
  implements?: string[]
}

export interface LinkDocumentInput {
  documentId: string
  parentId: string
}

export interface UpdateDocumentInput {
  id: string
  expectedVersion: number
  title?: string
  status?: string
}

/**
 * Registers a document and the documents it implements.
 * Errors: MALFORMED_SYMBOL, ILLEGIBLE_SYMBOL, INVALID_DATE, UNKNOWN_ORGANIZATION, UNKNOWN_DOCUMENT,
 * DUPLICATE_DOCUMENT, LINK_TO_LOWER_TIER.
 */
export const registerDocument = defineCommand({
  name: 'registerDocument',
  subject: 'Document',
  description: 'Registers a document and the documents it implements.',
  input: {
    symbol: optional(text, 'As written; omit when illegible (then give kind).'),
    kind: optional(text, 'NQ, KH, QĐ, CT, KL, TB, CV, CTr, HD…; defaults to the one in the symbol.'),
    issuerCode: required(text),
    issuedOn: optional(date),
    title: required(text),
    implements: optional(list(id('Document')), 'Global IDs of the documents it implements.'),
    status: optional(oneOf('DocumentStatus', DOCUMENT_STATUSES), 'IN_FORCE when omitted.'),
  },
  role: 'EDITOR',
  actsFor: ({ trx }, input: RegisterDocumentInput) => organizationIdOf(trx, input.issuerCode),
  answer: { entity: 'Document' },
  duplicate: 'DUPLICATE_DOCUMENT',
  async run({ trx, stamp, newId, grant }, input: RegisterDocumentInput) {
    const written = optionalText(input.symbol, 'symbol', 100)
    let parsed: ReturnType<typeof parseSymbol> | null
    try {
      parsed = written === null ? null : parseSymbol(written)
    } catch (e) {
      if (e instanceof DomainError) throw new DomainError(e.code, e.message, { field: ['input', 'symbol'], details: { input: written } })
      throw e
    }
    const kind = (input.kind ?? parsed?.kind ?? null) as DocumentKind | null
    if (!isDocumentKind(kind)) {
      throw new DomainError('INVALID_INPUT', 'kind is required (a known kind code) when the symbol does not give it', {
        field: ['input', 'kind'],
      })
    }
    const issuedOn = optionalDate(input.issuedOn, 'issuedOn')
    const title = requireText(input.title, 'title', 2000)
    const status = input.status ? requireOneOf(input.status, DOCUMENT_STATUSES, 'status') : 'IN_FORCE'
    const issuer = await requireOrganization(trx, input.issuerCode, 'issuerCode')
    requireRole(grant, 'EDITOR')
    await requireActFor(trx, grant, issuer.id, ['input', 'issuerCode'])
    const parents = await requireDocuments(trx, input.implements ?? [], 'implements')
    for (const parent of parents) await checkDocumentLink(trx, issuer, parent, null)
    if (parsed) {
      const dup = await findDocumentByKey(trx, { issuerId: issuer.id, symbol: parsed.text, issuedOn })
      if (dup) {
        throw new DomainError(
          'DUPLICATE_DOCUMENT',
          `${parsed.text} of ${issuer.code} issued ${issuedOn ?? 'on an unknown date'} is already registered`,
          {
            field: ['input', 'symbol'],
            details: { documentId: dup.id },
          },
        )
      }
    }
    const row = {
      id: newId(),
      scope: issuer.scope,
      kind,
      symbol: parsed?.text ?? null,
      symbolWritten: written,
      issuerId: issuer.id,
      issuedOn,
      title,
      status,
      createdAt: stamp,
      updatedAt: stamp,
    }
    await insertDocument(trx, row)
    if (parents.length) {
      await insertDocumentLinks(
        trx,
        row.id,
        parents.map((p) => p.id),
        stamp,
      )
      await refreshSpansOfDocuments(
        trx,
        parents.map((p) => p.id),
      )
    }
    const created: Document = await requireDocument(trx, row.id)
    return {
      entity: 'document',
      entityId: created.id,
      before: null,
      after: { ...created, implements: parents.map((p) => p.id) },
      result: created,
    }
  },
})

/** Adds an implements link between two registered documents. Errors: LINK_TO_LOWER_TIER, LINK_CYCLE. */
export const linkDocument = defineCommand({
  name: 'linkDocument',
  subject: 'Document',
  description: 'Adds an implements link between two registered documents.',
  input: {
    documentId: required(id('Document')),
    parentId: required(id('Document'), 'The document it implements.'),
  },
  role: 'EDITOR',
  actsFor: ({ trx }, input: LinkDocumentInput) => issuerOfDocument(trx, input.documentId),
  answer: { entity: 'Document' },
  duplicate: 'INVALID_INPUT',
  async run({ trx, stamp, grant }, input: LinkDocumentInput) {
    const child = await requireDocument(trx, input.documentId, 'documentId')
    await authorizeEdit(trx, grant, child.issuerId)
    const parent = await requireDocument(trx, input.parentId, 'parentId')
    const issuer = await requireOrganizationById(trx, child.issuerId)
    await checkDocumentLink(trx, issuer, parent, child.id)
    if (!(await documentLinkExists(trx, child.id, parent.id))) {
      await insertDocumentLinks(trx, child.id, [parent.id], stamp)
      await refreshSpansOfDocuments(trx, [parent.id])
    }
    return { entity: 'document', entityId: child.id, before: null, after: { implements: parent.id }, result: child }
  },
})

/** Changes a document's title or status, if nobody changed it since `expectedVersion`. */
export const updateDocument = defineCommand({
  name: 'updateDocument',
  subject: 'Document',
  description: 'Changes a document’s title or status, if nobody changed it since expectedVersion.',
  input: {
    id: required(id('Document')),
    expectedVersion: required(int),
    title: optional(text),
    status: optional(oneOf('DocumentStatus', DOCUMENT_STATUSES)),
  },
  role: 'EDITOR',
  actsFor: ({ trx }, input: UpdateDocumentInput) => issuerOfDocument(trx, input.id),
  answer: { entity: 'Document' },
  duplicate: 'INVALID_INPUT',
  async run({ trx, stamp, grant }, input: UpdateDocumentInput) {
    const expected = requireVersion(input.expectedVersion)
    const before = await requireDocument(trx, input.id, 'id')
    await authorizeEdit(trx, grant, before.issuerId)
    const patch = {
      ...(input.title !== undefined ? { title: requireText(input.title, 'title', 2000) } : {}),
      ...(input.status !== undefined ? { status: requireOneOf(input.status, DOCUMENT_STATUSES, 'status') } : {}),
    }
    await versionedUpdate(trx, 'document', before.id, expected, before.version, patch, stamp)
    const after = await requireDocument(trx, before.id)
    return { entity: 'document', entityId: before.id, before, after, result: after }
  },
})

/** Refuses a link that points to a lower tier or closes a cycle. */
async function checkDocumentLink(
  db: Db,
  child: Pick<Organization, 'tier' | 'scope'>,
  parent: Document,
  childId: string | null,
): Promise<void> {
  const parentIssuer = await requireOrganizationById(db, parent.issuerId)
  // A plan implements central documents and its own province's (or a province merged into its own),
  // never another province's: its tasks would bind, and its plans fulfil, that province's bodies.
  if (await isOfAnotherProvince(db, child, parentIssuer)) {
    throw new DomainError(
      'LINK_ACROSS_PROVINCES',
      `Văn bản của tỉnh này không thực hiện văn bản của tỉnh khác (${parentIssuer.code}) / ` +
        `A ${child.scope} document cannot implement ${parent.symbol ?? parent.title} of another province (${parentIssuer.code})`,
      { field: ['input', childId === null ? 'implements' : 'parentId'], details: { parentId: parent.id } },
    )
  }
  if (tierRank(parentIssuer.tier) > tierRank(child.tier)) {
    throw new DomainError(
      'LINK_TO_LOWER_TIER',
      `A ${child.tier} document cannot implement ${parent.symbol ?? parent.title} of the ${parentIssuer.tier} tier`,
      {
        field: ['input', 'implements'],
        details: { parentId: parent.id },
      },
    )
  }
  if (childId !== null && (parent.id === childId || (await ancestorDocumentIds(db, parent.id)).includes(childId))) {
    throw new DomainError('LINK_CYCLE', `${parent.symbol ?? parent.title} already implements this document`, {
      field: ['input', 'parentId'],
      details: { parentId: parent.id },
    })
  }
}

/**
 * Whether a document of `child` may not implement one of `parentIssuer` for their provinces: the
 * parent's is another province, not merged into the child's (as Kon Tum into Quảng Ngãi, 2025).
 */
export async function isOfAnotherProvince(
  db: Db,
  child: Pick<Organization, 'scope'>,
  parentIssuer: Pick<Organization, 'scope'>,
): Promise<boolean> {
  if (!isInAnotherProvince(child, parentIssuer)) return false
  return !(await provinceMergedInto(db, parentIssuer.scope, child.scope))
}

/** A new plan below these documents may fulfil their tasks that order plans. */
async function refreshSpansOfDocuments(db: Db, documentIds: readonly string[]): Promise<void> {
  if (!documentIds.length) return
  await refreshObligationSpans(db, await taskIdsOfDocuments(db, documentIds))
}
