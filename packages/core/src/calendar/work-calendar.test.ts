import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from './date.js'
import { holidaysOf, withHolidayRules } from './holidays.js'
import { addWorkingDays, countWorkingDays, createWorkCalendar, isWorkingDay, nextWorkingDay, rollToWorkingDay } from './work-calendar.js'

const off = (year: number) =>
  holidaysOf(year)
    .filter((h) => h.kind !== 'WORKING_WEEKEND')
    .map((h) => h.date)

describe('holidaysOf', () => {
  it('follows the 2025 notice: Tết 27–31/1, 2/5 swapped for Saturday 26/4', () => {
    const days = off(2025)
    for (const d of [
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ]) {
      expect(days).toContain(d)
    }
    expect(isWorkingDay('2025-04-26')).toBe(true)
    expect(isWorkingDay('2025-05-02')).toBe(false)
  })

  it('gives Monday 27/4/2026 off because Hùng Kings’ day falls on Sunday 26/4 (Art. 111(3))', () => {
    const makeUp = holidaysOf(2026).filter((h) => h.kind === 'MAKE_UP')
    expect(makeUp.map((h) => h.date)).toContain('2026-04-27')
    expect(isWorkingDay('2026-04-27')).toBe(false)
    expect(isWorkingDay('2026-04-28')).toBe(true)
  })

  it('generates the five Tết days around lunar New Year when no notice fixes them', () => {
    const tet = holidaysOf(2027)
      .filter((h) => h.name === 'Tết Nguyên Đán')
      .map((h) => h.date)
    expect(tet).toHaveLength(5)
    expect(tet).toContain('2027-02-06') // Tết 2027 is 6 February
  })

  it('makes up a statutory holiday that falls on a weekend on the next free working day', () => {
    // 1/1/2028 is a Saturday → Monday 3/1 off.
    expect(holidaysOf(2028).find((h) => h.kind === 'MAKE_UP' && h.name.includes('Dương lịch'))?.date).toBe('2028-01-03')
    // 30/4/2033 Saturday and 1/5/2033 Sunday → Monday 2/5 and Tuesday 3/5.
    const may = holidaysOf(2033)
      .filter((h) => h.kind === 'MAKE_UP')
      .map((h) => h.date)
    expect(may).toEqual(expect.arrayContaining(['2033-05-02', '2033-05-03']))
  })

  it('adds 24/11 from 1/7/2026 and not before, without make-up on weekends', () => {
    expect(off(2025)).not.toContain('2025-11-24')
    expect(off(2026)).toContain('2026-11-24')
    // 24/11/2029 is a Saturday: no make-up day.
    expect(holidaysOf(2029).some((h) => h.kind === 'MAKE_UP' && h.name.includes('Văn hóa'))).toBe(false)
  })

  it('takes a deployment’s override of a year’s notice', () => {
    const rules = withHolidayRules({ notices: { 2027: { nationalDayAdjacent: '2027-09-03', workingWeekendDays: ['2027-09-11'] } } })
    const calendar = createWorkCalendar(rules)
    expect(calendar.isWorkingDay('2027-09-03')).toBe(false)
    expect(calendar.isWorkingDay('2027-09-11')).toBe(true)
    expect(isWorkingDay('2027-09-11')).toBe(false)
  })
})

describe('working-day arithmetic', () => {
  it('adds working days across a weekend and Tết', () => {
    expect(addWorkingDays('2025-12-12', 2)).toBe('2025-12-16')
    expect(addWorkingDays('2025-01-24', 1)).toBe('2025-02-03')
    expect(addWorkingDays('2025-02-03', -1)).toBe('2025-01-24')
    expect(addWorkingDays('2025-10-25', 0)).toBe('2025-10-27')
  })

  it('finds the next working day and rolls a day off forward (Art. 148)', () => {
    expect(nextWorkingDay('2025-10-24')).toBe('2025-10-27')
    expect(nextWorkingDay('2025-10-27')).toBe('2025-10-28')
    expect(rollToWorkingDay('2025-08-30')).toBe('2025-09-03')
    expect(rollToWorkingDay('2025-10-28')).toBe('2025-10-28')
  })

  it('counts working days between two dates', () => {
    expect(countWorkingDays('2025-12-12', '2025-12-16')).toBe(2)
    expect(countWorkingDays('2025-12-16', '2025-12-12')).toBe(-2)
    expect(countWorkingDays('2025-01-24', '2025-02-03')).toBe(1)
  })

  const start = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2080-12-31') }).map(fromDayNumber)
  const n = fc.integer({ min: -60, max: 60 })

  it('never lands on a day off', () => {
    fc.assert(
      fc.property(start, n, (d, k) => {
        expect(isWorkingDay(addWorkingDays(d, k))).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('is monotonic in the number of days', () => {
    fc.assert(
      fc.property(start, n, n, (d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(addWorkingDays(d, lo) <= addWorkingDays(d, hi)).toBe(true)
        if (lo < hi && lo >= 1) expect(addWorkingDays(d, lo) < addWorkingDays(d, hi)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('agrees with countWorkingDays from a working day', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 60 }), (d, k) => {
        const from = rollToWorkingDay(d)
        expect(countWorkingDays(from, addWorkingDays(from, k))).toBe(k)
      }),
      { numRuns: 1000 },
    )
  })

  it('treats every Saturday and Sunday as off unless a notice makes it a working day', () => {
    fc.assert(
      fc.property(start, (d) => {
        const w = dayOfWeek(d)
        if ((w === 0 || w === 6) && d !== '2025-04-26') expect(isWorkingDay(d)).toBe(false)
        expect(addDays(d, 0)).toBe(d)
      }),
      { numRuns: 1000 },
    )
  })
})
