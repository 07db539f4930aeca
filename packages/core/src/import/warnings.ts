/** What the importer could not read or match, each with the line it came from. */
import type { SourceLine } from './lines.js'

/** Warning codes of the importer. */
export const IMPORT_WARNING_CODES = [
  'SYMBOL_MISSING',
  'SYMBOL_UNREADABLE',
  'ISSUE_DATE_MISSING',
  'ISSUE_DATE_UNREADABLE',
  'ISSUE_DATE_FROM_SIGNATURE',
  'KIND_MISMATCH',
  'TITLE_MISSING',
  'ISSUER_UNMATCHED',
  'NO_OPENING',
  'CITATION_UNRESOLVED',
  'CITATION_ISSUER_UNMATCHED',
  'NO_IMPLEMENTS',
  'NO_TASKS',
  'NOT_A_TASK',
  'AGENCY_UNMATCHED',
  'AGENCY_GENERIC',
  'NO_LEAD_AGENCY',
  'DEADLINE_UNREADABLE',
  'TARGET_UNREADABLE',
  'OUTLINE_REPAIRED',
  'TEXT_IGNORED',
  'NOT_A_PLAN',
  'AGENCY_NEW',
  'ATTACHMENT_READ',
  'LEAD_BY_REFERENCE',
] as const
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number]

/** INFO: noted for the record (a paragraph that orders nothing); WARNING: a person should look. */
export type ImportWarningSeverity = 'INFO' | 'WARNING'

/** One thing the importer could not read or match. */
export interface ImportWarning {
  readonly code: ImportWarningCode
  readonly severity: ImportWarningSeverity
  readonly message: string
  /** 1-based line of the input; null when the warning is about something missing. */
  readonly line: number | null
  /** The text of that line, as written. */
  readonly text: string | null
}

const INFO_CODES: ReadonlySet<ImportWarningCode> = new Set([
  'NOT_A_TASK',
  'OUTLINE_REPAIRED',
  'ISSUE_DATE_FROM_SIGNATURE',
  'TEXT_IGNORED',
  'LEAD_BY_REFERENCE',
])

/** Records a warning. */
export type Warn = (code: ImportWarningCode, message: string, line: SourceLine | null) => void

/** A warning list and the function that adds to it. */
export function warningList(): { warnings: ImportWarning[]; warn: Warn } {
  const warnings: ImportWarning[] = []
  const warn: Warn = (code, message, line) => {
    warnings.push({ code, severity: INFO_CODES.has(code) ? 'INFO' : 'WARNING', message, line: line?.no ?? null, text: line?.text ?? null })
  }
  return { warnings, warn }
}
