import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, assertCalendarDate, dayOfWeek, endOfMonth, fromDayNumber, isCalendarDate, toDayNumber, todayInVietnam } from './date.js'
import { DomainError } from '../errors.js'

describe('calendar dates', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2025-02-29')).toBe(false)
    expect(isCalendarDate('2025-1-01')).toBe(false)
    expect(isCalendarDate(20250101)).toBe(false)
    expect(() => assertCalendarDate('2025-13-01')).toThrow(DomainError)
  })
  it('counts days from 1970-01-01 and back, for any day from year 1 to 9999', () => {
    expect(toDayNumber('1970-01-01')).toBe(0)
    expect(fromDayNumber(-1)).toBe('1969-12-31')
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('0001-01-01'), max: toDayNumber('9999-12-31') }), (n) => {
        const d = fromDayNumber(n)
        expect(isCalendarDate(d)).toBe(true)
        expect(toDayNumber(d)).toBe(n)
      }),
      { numRuns: 5000 },
    )
  })
  it('does arithmetic without time zones', () => {
    expect(addDays('2025-10-28', -1)).toBe('2025-10-27')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(dayOfWeek('2026-04-26')).toBe(0)
    expect(endOfMonth(2100, 2)).toBe('2100-02-28')
  })
  it('knows today in Vietnam from an instant', () => {
    expect(todayInVietnam(new Date('2025-10-27T16:59:59Z'))).toBe('2025-10-27')
    expect(todayInVietnam(new Date('2025-10-27T17:00:00Z'))).toBe('2025-10-28')
  })
})
