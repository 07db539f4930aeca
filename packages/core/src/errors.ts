/**
 * The closed set of error codes core raises for bad input or conflicts.
 * Callers switch on `code`; `message` is for people.
 */
export type DomainErrorCode =
  | 'MALFORMED_SYMBOL'
  | 'ILLEGIBLE_SYMBOL'
  | 'INVALID_DATE'
  | 'INVALID_INPUT'
  | 'UNKNOWN_ORGANIZATION'
  | 'UNKNOWN_DOCUMENT'
  | 'UNKNOWN_TASK'
  | 'UNKNOWN_REPORT'
  | 'UNKNOWN_TARGET'
  | 'DUPLICATE_ORGANIZATION'
  | 'DUPLICATE_DOCUMENT'
  | 'DUPLICATE_TASK'
  | 'DUPLICATE_MEASUREMENT'
  | 'NOT_AN_ANCESTOR'
  | 'LINK_TO_LOWER_TIER'
  | 'LINK_CYCLE'
  | 'LINK_ACROSS_PROVINCES'
  | 'VERSION_CONFLICT'
  | 'IMPORT_INCOMPLETE'
  | 'INVALID_TEXT'
  | 'FORBIDDEN'
  | 'STORE_TIMEOUT'
  | 'STORE_UNAVAILABLE'
  | 'IDEMPOTENCY_KEY_REUSED'

/**
 * An expected failure of a domain command: bad input, an unknown reference, a conflict.
 * The gateway maps these to `userErrors`; anything else is a bug.
 *
 * @example
 * try { parseSymbol('£ /KI-UBND') } catch (e) { if (isDomainError(e)) e.code }
 * //=> 'ILLEGIBLE_SYMBOL'
 */
export class DomainError extends Error {
  override readonly name = 'DomainError'
  readonly code: DomainErrorCode
  /** Path of the input field at fault, e.g. `['input', 'symbol']`. */
  readonly field: readonly string[] | undefined
  /** Extra machine-readable facts (the conflicting version, the rejected link…). */
  readonly details: Readonly<Record<string, unknown>> | undefined

  constructor(
    code: DomainErrorCode,
    message: string,
    options: { field?: readonly string[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.field = options.field
    this.details = options.details
  }
}

/**
 * Tells whether `value` is a {@link DomainError}.
 *
 * @example
 * if (isDomainError(error) && error.code === 'UNKNOWN_TASK') return null
 */
export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError
}
