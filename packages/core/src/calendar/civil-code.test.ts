import { describe, expect, it } from 'vitest'
import { dayOfMonthAt, dayOfYearAt, effectiveLastDay, periodLastDay, periodStart } from './civil-code.js'
import { reportingPeriod } from './reporting-period.js'

describe('Civil Code Arts. 146–148', () => {
  it('reads đầu/giữa/cuối tháng as day 1, 15 and the last day (Art. 146)', () => {
    expect(dayOfMonthAt('START', 2026, 3)).toBe('2026-03-01')
    expect(dayOfMonthAt('MIDDLE', 2026, 3)).toBe('2026-03-15')
    expect(dayOfMonthAt('END', 2028, 2)).toBe('2028-02-29')
    expect(dayOfMonthAt('END', 2027, 2)).toBe('2027-02-28')
  })
  it('reads đầu/giữa/cuối năm as 1/1, 30/6 and 31/12 (Art. 146)', () => {
    expect([dayOfYearAt('START', 2026), dayOfYearAt('MIDDLE', 2026), dayOfYearAt('END', 2026)]).toEqual([
      '2026-01-01',
      '2026-06-30',
      '2026-12-31',
    ])
  })
  it('starts a period on the day after its event (Art. 147)', () => {
    expect(periodStart('2025-12-31')).toBe('2026-01-01')
  })
  it('ends a month period on the matching day, or the month’s last day when there is none (Art. 148)', () => {
    expect(periodLastDay('2025-01-31', 1, 'MONTH')).toBe('2025-02-28')
    expect(periodLastDay('2024-01-31', 1, 'MONTH')).toBe('2024-02-29')
    expect(periodLastDay('2025-10-17', 3, 'MONTH')).toBe('2026-01-17')
    expect(periodLastDay('2024-02-29', 1, 'YEAR')).toBe('2025-02-28')
    expect(periodLastDay('2025-10-17', 10, 'DAY')).toBe('2025-10-27')
    expect(periodLastDay('2025-10-17', 2, 'WEEK')).toBe('2025-10-31')
  })
  it('moves a last day that is a weekend or holiday to the next working day (Art. 148)', () => {
    expect(effectiveLastDay('2025-10-26')).toBe('2025-10-27')
    expect(effectiveLastDay('2025-04-30')).toBe('2025-05-05')
    expect(effectiveLastDay('2025-10-28')).toBe('2025-10-28')
  })
})

describe('reporting periods (Decree 09/2019)', () => {
  it('gives each kind its data window from the 15th to the 14th', () => {
    expect(reportingPeriod('MONTH', 2025, 1)).toMatchObject({ dataFrom: '2024-12-15', dataTo: '2025-01-14' })
    expect(reportingPeriod('MONTH', 2025, 7)).toMatchObject({ dataFrom: '2025-06-15', dataTo: '2025-07-14' })
    expect(reportingPeriod('QUARTER', 2025, 1)).toMatchObject({ dataFrom: '2024-12-15', dataTo: '2025-03-14' })
    expect(reportingPeriod('QUARTER', 2025, 3)).toMatchObject({ dataFrom: '2025-06-15', dataTo: '2025-09-14' })
    expect(reportingPeriod('HALF_YEAR', 2025)).toMatchObject({ dataFrom: '2024-12-15', dataTo: '2025-06-14' })
    expect(reportingPeriod('NINE_MONTHS', 2025)).toMatchObject({ dataFrom: '2024-12-15', dataTo: '2025-09-14' })
    expect(reportingPeriod('YEAR', 2025)).toMatchObject({ dataFrom: '2024-12-15', dataTo: '2025-12-14' })
  })
  it('sets the sending deadline N working days after the cut-off', () => {
    // Cut-off Saturday 14/6/2025: +2 working days is Tuesday 17/6.
    expect(reportingPeriod('HALF_YEAR', 2025).sendBy).toBe('2025-06-17')
    expect(reportingPeriod('YEAR', 2025, 1, { sendWithinWorkingDays: 5 }).sendBy).toBe('2025-12-19')
  })
  it('refuses an index the kind does not have', () => {
    expect(() => reportingPeriod('QUARTER', 2025, 5)).toThrow(RangeError)
    expect(() => reportingPeriod('HALF_YEAR', 2025, 2)).toThrow(RangeError)
    expect(() => reportingPeriod('MONTH', 2025, 0)).toThrow(RangeError)
  })
})
