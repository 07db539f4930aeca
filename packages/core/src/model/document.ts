/** Documents (văn bản) and the links by which one implements another. */
import type { CalendarDate } from '../calendar/date.js'
import type { DocumentKind } from '../document/kind.js'

/** Legal state of a document. */
export const DOCUMENT_STATUSES = ['IN_FORCE', 'AMENDED', 'SUPERSEDED', 'ANNULLED'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

/** What a review of a plan against new direction decided. */
export const ALIGNMENT_DECISIONS = ['KEEP', 'AMEND'] as const
export type AlignmentDecision = (typeof ALIGNMENT_DECISIONS)[number]

/**
 * A recorded alignment review: plan `documentId` was reviewed against the new direction
 * `newDirectionId`, and kept or marked for amendment, with reasons and the memo that decided it
 * (e.g. 1408/SKHCN-QLKHCN keeping 359-KH/TU after 01-KH/BCĐTW).
 */
export interface AlignmentReview {
  readonly id: string
  readonly documentId: string
  readonly newDirectionId: string
  readonly decision: AlignmentDecision
  readonly reasons: string
  readonly memoId: string | null
  readonly decidedOn: CalendarDate
}

/** A document as stored. Natural key: issuer + symbol + issue date. */
export interface Document {
  readonly id: string
  readonly scope: string
  readonly kind: DocumentKind
  /** Canonical number-and-symbol (`09-KH/ĐU`); null when the number is illegible. */
  readonly symbol: string | null
  /** The symbol as written in the source, OCR damage and all. */
  readonly symbolWritten: string | null
  readonly issuerId: string
  /** Issue date; null only when the sources do not give it (never guessed). */
  readonly issuedOn: CalendarDate | null
  readonly title: string
  readonly status: DocumentStatus
  readonly version: number
}

/** The file a document was imported from, and the program that read its text. */
export interface DocumentSource {
  readonly fileName: string
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string
  /** Bytes. */
  readonly size: number
  readonly mediaType: string
  /** The extractor (`pdfjs-dist`, `tesseract`…) and its version. */
  readonly extractor: { readonly name: string; readonly version: string }
  readonly pages: number
}

/** A stored {@link DocumentSource}: when and by whom the document was imported from it. */
export interface DocumentSourceRecord extends DocumentSource {
  readonly documentId: string
  readonly importedAt: string
  readonly actor: string
}
