/** Documents (văn bản) and the links by which one implements another. */
import type { CalendarDate } from '../calendar/date.js'
import type { DocumentKind } from '../document/kind.js'

/** Legal state of a document. */
export const DOCUMENT_STATUSES = ['IN_FORCE', 'AMENDED', 'SUPERSEDED', 'ANNULLED'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

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
  readonly issuedOn: CalendarDate
  readonly title: string
  readonly status: DocumentStatus
  readonly version: number
}
