import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromDayNumber, toDayNumber } from './date.js'
import { deltaT, newMoonJde, sunLongitude } from './astronomy.js'
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar, tetOf } from './lunar.js'

describe('astronomy (Meeus)', () => {
  it('finds the new moon of example 49.a (1977 February 18, 3:37:42 TD)', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4)
  })
  it('gives the Sun’s apparent longitude of example 25.a (199.90988° on 1992 Oct 13.0 TD)', () => {
    expect(sunLongitude(2448908.5)).toBeCloseTo(199.909, 2)
  })
  it('gives ΔT close to the observed values', () => {
    expect(deltaT(1900)).toBeCloseTo(-2.8, 0)
    expect(deltaT(2000)).toBeCloseTo(63.9, 0)
  })
})

describe('Tết Nguyên Đán in Vietnam (UTC+7)', () => {
  const TET: [number, string][] = [
    [2000, '2000-02-05'],
    [2001, '2001-01-24'],
    [2002, '2002-02-12'],
    [2003, '2003-02-01'],
    [2004, '2004-01-22'],
    [2005, '2005-02-09'],
    [2006, '2006-01-29'],
    [2007, '2007-02-17'],
    [2008, '2008-02-07'],
    [2009, '2009-01-26'],
    [2010, '2010-02-14'],
    [2011, '2011-02-03'],
    [2012, '2012-01-23'],
    [2013, '2013-02-10'],
    [2014, '2014-01-31'],
    [2015, '2015-02-19'],
    [2016, '2016-02-08'],
    [2017, '2017-01-28'],
    [2018, '2018-02-16'],
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2030, '2030-02-02'],
  ]
  it.each(TET)('Tết %i is %s', (year, date) => {
    expect(tetOf(year)).toBe(date)
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, isLeapMonth: false })
  })

  it('differs from China’s (UTC+8) where the new moon falls between 23:00 and midnight', () => {
    expect([tetOf(2007), tetOf(2007, 8)]).toEqual(['2007-02-17', '2007-02-18'])
    expect([tetOf(2030), tetOf(2030, 8)]).toEqual(['2030-02-02', '2030-02-03'])
    expect([tetOf(1968), tetOf(1968, 8)]).toEqual(['1968-01-29', '1968-01-30'])
    // 1985: the month-11 and leap-month rules put Tết a whole month apart.
    expect([tetOf(1985), tetOf(1985, 8)]).toEqual(['1985-01-21', '1985-02-20'])
  })
})

describe('leap months and month lengths', () => {
  it.each([
    [2001, 4],
    [2004, 2],
    [2006, 7],
    [2009, 5],
    [2012, 4],
    [2014, 9],
    [2017, 6],
    [2020, 4],
    [2023, 2],
    [2025, 6],
  ])('lunar year %i has leap month %i', (year, month) => {
    expect(leapMonthOf(year)).toBe(month)
  })
  it('has no leap month in 2024 or 2026', () => {
    expect(leapMonthOf(2024)).toBeNull()
    expect(leapMonthOf(2026)).toBeNull()
  })
  it('starts the leap sixth month of 2025 on 25 July', () => {
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, isLeapMonth: true })
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, isLeapMonth: true })).toBe('2025-07-25')
  })
  it('gives months of 29 or 30 days, and a year of 12 or 13 months summing to 353–385 days', () => {
    for (let y = 1990; y <= 2060; y++) {
      let total = 0
      for (let m = 1; m <= 12; m++) {
        const n = lunarMonthLength(y, m)
        expect([29, 30]).toContain(n)
        total += n
      }
      const leap = leapMonthOf(y)
      if (leap !== null) total += lunarMonthLength(y, leap, true)
      expect(total).toBeGreaterThanOrEqual(353)
      expect(total).toBeLessThanOrEqual(385)
      expect(toDayNumber(tetOf(y + 1)) - toDayNumber(tetOf(y))).toBe(total)
    }
  })
  it('refuses dates that do not exist', () => {
    expect(() => lunarToSolar({ year: 2024, month: 6, day: 1, isLeapMonth: true })).toThrow(RangeError)
    expect(() => lunarToSolar({ year: 2025, month: 12, day: 30, isLeapMonth: false })).toThrow(RangeError)
    expect(() => lunarToSolar({ year: 1800, month: 1, day: 1, isLeapMonth: false })).toThrow(RangeError)
  })
})

describe('Hùng Kings’ Commemoration (10/3 lunar)', () => {
  it('falls on 2025-04-07 and 2026-04-26', () => {
    expect(lunarToSolar({ year: 2025, month: 3, day: 10, isLeapMonth: false })).toBe('2025-04-07')
    expect(lunarToSolar({ year: 2026, month: 3, day: 10, isLeapMonth: false })).toBe('2026-04-26')
  })
})

describe('round trips (fast-check)', () => {
  const day = fc.integer({ min: toDayNumber('1900-03-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber)
  it('solar → lunar → solar is the identity from 1900 to 2100', () => {
    fc.assert(
      fc.property(day, (date) => {
        expect(lunarToSolar(solarToLunar(date))).toBe(date)
      }),
      { numRuns: 3000 },
    )
  })
  it('lunar → solar → lunar is the identity', () => {
    const lunar = fc.record({
      year: fc.integer({ min: 1901, max: 2099 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 29 }),
    })
    fc.assert(
      fc.property(lunar, ({ year, month, day }) => {
        const l = { year, month, day, isLeapMonth: false }
        expect(solarToLunar(lunarToSolar(l))).toEqual(l)
      }),
      { numRuns: 2000 },
    )
  })
  it('consecutive days are consecutive lunar days or the first of the next month', () => {
    fc.assert(
      fc.property(day, (date) => {
        const a = solarToLunar(date)
        const b = solarToLunar(fromDayNumber(toDayNumber(date) + 1))
        if (b.day === 1) expect(a.day === 29 || a.day === 30).toBe(true)
        else expect(b).toEqual({ ...a, day: a.day + 1 })
      }),
      { numRuns: 2000 },
    )
  })
})
