/** Small input checks that throw coded {@link DomainError}s naming the field at fault. */
import { assertCalendarDate, type CalendarDate } from '../calendar/date.js'
import { DomainError } from '../errors.js'

export function requireText(value: unknown, field: string, max = 20_000): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainError('INVALID_INPUT', `${field} must be a non-empty string`, { field: ['input', field] })
  }
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
