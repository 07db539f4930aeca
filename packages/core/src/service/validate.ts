/** Small input checks that throw coded {@link DomainError}s naming the field at fault. */
import { assertCalendarDate, type CalendarDate } from '../calendar/date.js'
import { DomainError } from '../errors.js'

/**
 * Never data in chidao's text: C0 control characters and DEL (except tab, line feed and carriage
 * return); the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 * make a name read differently from what it is (a Vietnamese text never needs them); and a lone
 * UTF-16 surrogate, which no store keeps (it would be written as U+FFFD, silently).
 */
export const CONTROL_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Refuses text carrying NUL or another control character, a bidirectional override or a lone
 * surrogate ({@link CONTROL_CHARACTER}; PostgreSQL cannot store NUL; SQLite would keep it
 * silently), with the coded error INVALID_TEXT. `allowFormFeed` for extracted
 * document text, where a form feed separates pages.
 *
 * @example
 * refuseControlCharacters('a\u0000b', 'title') // throws DomainError INVALID_TEXT
 */
export function refuseControlCharacters(value: string, field: string | readonly string[], allowFormFeed = false): string {
  const found = CONTROL_CHARACTER.exec(allowFormFeed ? value.replaceAll('\f', '\n') : value)
  if (found) {
    const path = typeof field === 'string' ? ['input', field] : [...field]
    const at = found.index
    throw new DomainError(
      'INVALID_TEXT',
      `${path.at(-1)} contains a control character (U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) at ${at} / chứa ký tự điều khiển`,
      {
        field: path,
        details: { index: at },
      },
    )
  }
  return value
}

export function requireText(value: unknown, field: string, max = 20_000): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainError('INVALID_INPUT', `${field} must be a non-empty string`, { field: ['input', field] })
  }
  refuseControlCharacters(value, field)
  if (value.length > max) {
    throw new DomainError('INVALID_INPUT', `${field} is longer than ${max} characters`, { field: ['input', field] })
  }
  return value.normalize('NFC').trim()
}

export function optionalText(value: unknown, field: string, max = 20_000): string | null {
  return value === undefined || value === null ? null : requireText(value, field, max)
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new DomainError('INVALID_INPUT', `${field} must be one of ${allowed.join(', ')}`, { field: ['input', field] })
  }
  return value as T
}

export function requireDate(value: unknown, field: string): CalendarDate {
  return assertCalendarDate(value, ['input', field])
}

export function optionalDate(value: unknown, field: string): CalendarDate | null {
  return value === undefined || value === null ? null : requireDate(value, field)
}

export function requireVersion(value: unknown, field = 'expectedVersion'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new DomainError('INVALID_INPUT', `${field} must be a positive integer`, { field: ['input', field] })
  }
  return value
}

/** Unique-key violations of either store. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null
  if (!e) return false
  return e.code === '23505' || (e.code === 'SQLITE_CONSTRAINT' && /UNIQUE|PRIMARY KEY/i.test(String(e.message)))
}
