/**
 * What a store's own failures mean to a caller: a timeout (statement or lock), the store being
 * unreachable, or a transaction that lost a race and may simply run again. Both drivers' codes are
 * read here and nowhere else.
 */
import { DomainError } from '../errors.js'

interface DriverError {
  readonly code?: unknown
  readonly errno?: unknown
  readonly message?: unknown
}

function codeOf(error: unknown): string {
  const e = error as DriverError | null
  return e && typeof e === 'object' && e.code !== undefined ? String(e.code) : ''
}

/**
 * A transaction the store aborted because another one raced it: PostgreSQL's serialization
 * failure (40001) or deadlock (40P01), SQLite's busy database. Running it again is safe.
 *
 * @example
 * isRetryable({ code: '40001' }) //=> true
 */
export function isRetryable(error: unknown): boolean {
  const code = codeOf(error)
  return code === '40001' || code === '40P01'
}

/**
 * A statement or lock timeout: PostgreSQL's query_canceled (57014, statement_timeout) and
 * lock_not_available (55P03, lock_timeout); SQLite's SQLITE_BUSY after busy_timeout.
 *
 * @example
 * isStoreTimeout({ code: '55P03' }) //=> true
 */
export function isStoreTimeout(error: unknown): boolean {
  const code = codeOf(error)
  return code === '57014' || code === '55P03' || code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
}

/**
 * The store cannot be reached or dropped the connection: refused or reset sockets, a terminated
 * backend (57P01–57P03), a connection that ended, pg's connection timeout.
 *
 * @example
 * isStoreUnavailable({ code: 'ECONNREFUSED' }) //=> true
 */
export function isStoreUnavailable(error: unknown): boolean {
  const code = codeOf(error)
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'EPIPE',
      'ETIMEDOUT',
      'ENOTFOUND',
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08003',
      '08006',
      '08001',
      '08004',
    ].includes(code)
  )
    return true
  const message = String((error as DriverError | null)?.message ?? '')
  return /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed|cannot use a pool after calling end|SQLITE_MISUSE: Database is closed/i.test(
    message,
  )
}

/**
 * The coded error a caller sees for a store failure, or the error itself when it is not one:
 * STORE_TIMEOUT or STORE_UNAVAILABLE, with a message in Vietnamese and English and nothing of
 * the driver's text (which may carry SQL).
 *
 * @example
 * toStoreError({ code: '57014' }).code //=> 'STORE_TIMEOUT'
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof DomainError) return error
  // PostgreSQL refuses NUL in text (22021, 22P05): the input's fault, said without the driver's words.
  if (['22021', '22P05'].includes(codeOf(error))) {
    return new DomainError('INVALID_TEXT', 'Văn bản chứa ký tự không hợp lệ (NUL) / Text contains a character the store refuses (NUL)', {
      cause: error,
    })
  }
  if (isStoreTimeout(error)) {
    return new DomainError(
      'STORE_TIMEOUT',
      'Cơ sở dữ liệu bận, hết thời gian chờ; hãy thử lại / The store timed out (busy or locked); try again',
      { cause: error },
    )
  }
  if (isStoreUnavailable(error)) {
    return new DomainError(
      'STORE_UNAVAILABLE',
      'Không kết nối được cơ sở dữ liệu; hãy thử lại sau / The store is unreachable; try again later',
      { cause: error },
    )
  }
  return error
}
