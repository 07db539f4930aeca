/**
 * Public holidays (Labour Code 2019, Art. 112), make-up days (Art. 111(3)), and the dated,
 * overridable facts each year's official notice adds (exact Tết days, swapped working days) or
 * later law adds (24/11, Ngày Văn hóa Việt Nam, a day off from 1/7/2026, not made up on weekends).
 */
import { addDays, dayOfWeek, ymd, type CalendarDate } from './date.js'
import { lunarToSolar } from './lunar.js'

/** Why a day is off (or, for WORKING_WEEKEND, why a weekend day is worked). */
export const HOLIDAY_KINDS = ['STATUTORY', 'MAKE_UP', 'SWAPPED', 'EXTRA', 'WORKING_WEEKEND'] as const
/** One of {@link HOLIDAY_KINDS}. */
export type HolidayKind = (typeof HOLIDAY_KINDS)[number]

/** One day of a year's holiday calendar. */
export interface Holiday {
  readonly date: CalendarDate
  /** Vietnamese name. */
  readonly name: string
  /** English name. */
  readonly nameEn: string
  readonly kind: HolidayKind
}

/** What one year's official notice fixes. Every field is optional; absent ones fall back to the rules. */
export interface YearNotice {
  /** The five statutory Tết days as fixed by the notice (default: the last day of the old year and days 1–4). */
  readonly tet?: readonly CalendarDate[]
  /** The day beside 2 September that is off. */
  readonly nationalDayAdjacent?: CalendarDate
  /** Working days given as days off in exchange for a worked weekend day. */
  readonly swappedDaysOff?: readonly CalendarDate[]
  /** Weekend days worked in exchange. */
  readonly workingWeekendDays?: readonly CalendarDate[]
  /** Make-up days as the notice places them; when given, none are generated. */
  readonly makeUpDays?: readonly CalendarDate[]
}

/** A day off outside Art. 112, in force from a date. */
export interface ExtraDayOff {
  readonly month: number
  readonly day: number
  /** First date on which the rule applies. */
  readonly from: CalendarDate
  readonly name: string
  readonly nameEn: string
  /** Whether a weekend occurrence is made up on the next working day. */
  readonly makeUp: boolean
}

/** The data behind the holiday calendar. */
export interface HolidayRules {
  readonly notices: Readonly<Record<number, YearNotice>>
  readonly extraDaysOff: readonly ExtraDayOff[]
}

/** Facts of the official notices and later law, as DOMAIN.md records them. Override per deployment. */
export const VIETNAM_HOLIDAY_RULES: HolidayRules = Object.freeze({
  notices: Object.freeze({
    2025: Object.freeze({
      tet: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
      swappedDaysOff: ['2025-05-02'],
      workingWeekendDays: ['2025-04-26'],
    }),
  }),
  extraDaysOff: Object.freeze([
    { month: 11, day: 24, from: '2026-07-01', name: 'Ngày Văn hóa Việt Nam', nameEn: 'Vietnamese Culture Day', makeUp: false },
  ]),
})

/**
 * Merges overrides into rules: notices per year replace field by field; extra days are appended.
 *
 * @example
 * withHolidayRules({ notices: { 2026: { nationalDayAdjacent: '2026-09-01' } } })
 */
export function withHolidayRules(overrides: Partial<HolidayRules>, base: HolidayRules = VIETNAM_HOLIDAY_RULES): HolidayRules {
  const notices: Record<number, YearNotice> = { ...base.notices }
  for (const [year, notice] of Object.entries(overrides.notices ?? {})) {
    notices[Number(year)] = { ...notices[Number(year)], ...notice }
  }
  return { notices, extraDaysOff: [...base.extraDaysOff, ...(overrides.extraDaysOff ?? [])] }
}

function isWeekend(date: CalendarDate): boolean {
  const d = dayOfWeek(date)
  return d === 0 || d === 6
}

/** Default Tết: the last day of the old lunar year and days 1–4 of the new one. */
function defaultTet(year: number): CalendarDate[] {
  const tet = lunarToSolar({ year, month: 1, day: 1, isLeapMonth: false })
  return [addDays(tet, -1), tet, addDays(tet, 1), addDays(tet, 2), addDays(tet, 3)]
}

/** Default day beside 2/9: the one that joins the holiday to a weekend where possible. */
function defaultNationalDayAdjacent(year: number): CalendarDate {
  const sept2 = ymd(year, 9, 2)
  const dow = dayOfWeek(sept2)
  // Monday or Thursday: take the day after (Tue joins nothing, but 1/9 would be a Sunday; Fri joins the weekend).
  return dow === 1 || dow === 4 ? addDays(sept2, 1) : addDays(sept2, -1)
}

/**
 * Every holiday of a Gregorian year, in date order: statutory days, make-up days for those that
 * fall on a weekend, swapped days, extra days off, and weekend days worked in exchange.
 *
 * @example
 * holidaysOf(2026).find((h) => h.kind === 'MAKE_UP')?.date //=> '2026-04-27'
 */
export function holidaysOf(year: number, rules: HolidayRules = VIETNAM_HOLIDAY_RULES): Holiday[] {
  const notice = rules.notices[year] ?? {}
  const statutory: Holiday[] = (
    [
      { date: ymd(year, 1, 1), name: 'Tết Dương lịch', nameEn: "New Year's Day", kind: 'STATUTORY' },
      ...(notice.tet ?? defaultTet(year)).map(
        (date): Holiday => ({ date, name: 'Tết Nguyên Đán', nameEn: 'Lunar New Year (Tết)', kind: 'STATUTORY' }),
      ),
      {
        date: lunarToSolar({ year, month: 3, day: 10, isLeapMonth: false }),
        name: 'Giỗ Tổ Hùng Vương',
        nameEn: "Hùng Kings' Commemoration",
        kind: 'STATUTORY',
      },
      { date: ymd(year, 4, 30), name: 'Ngày Chiến thắng', nameEn: 'Reunification Day', kind: 'STATUTORY' },
      { date: ymd(year, 5, 1), name: 'Ngày Quốc tế Lao động', nameEn: "International Workers' Day", kind: 'STATUTORY' },
      { date: ymd(year, 9, 2), name: 'Quốc khánh', nameEn: 'National Day', kind: 'STATUTORY' },
      {
        date: notice.nationalDayAdjacent ?? defaultNationalDayAdjacent(year),
        name: 'Quốc khánh (ngày liền kề)',
        nameEn: 'National Day (adjacent day)',
        kind: 'STATUTORY',
      },
    ] satisfies Holiday[]
  ).sort((a, b) => (a.date < b.date ? -1 : 1))

  const extra: Holiday[] = []
  for (const rule of rules.extraDaysOff) {
    const date = ymd(year, rule.month, rule.day)
    if (date >= rule.from) extra.push({ date, name: rule.name, nameEn: rule.nameEn, kind: 'EXTRA' })
  }
  const swapped: Holiday[] = (notice.swappedDaysOff ?? []).map((date) => ({
    date,
    name: 'Nghỉ hoán đổi',
    nameEn: 'Swapped day off',
    kind: 'SWAPPED',
  }))
  const worked: Holiday[] = (notice.workingWeekendDays ?? []).map((date) => ({
    date,
    name: 'Làm bù',
    nameEn: 'Working weekend day',
    kind: 'WORKING_WEEKEND',
  }))

  const off = new Set([...statutory, ...extra, ...swapped].map((h) => h.date))
  const workedSet = new Set(worked.map((h) => h.date))
  const makeUp: Holiday[] = []
  const needsMakeUp = [...statutory, ...extra.filter((h) => rules.extraDaysOff.find((r) => r.name === h.name)?.makeUp)]
  if (notice.makeUpDays) {
    for (const date of notice.makeUpDays) makeUp.push({ date, name: 'Nghỉ bù', nameEn: 'Make-up day off', kind: 'MAKE_UP' })
  } else {
    for (const h of needsMakeUp) {
      if (!isWeekend(h.date) || workedSet.has(h.date)) continue
      let d = addDays(h.date, 1)
      while ((isWeekend(d) && !workedSet.has(d)) || off.has(d)) d = addDays(d, 1)
      off.add(d)
      makeUp.push({ date: d, name: `Nghỉ bù ${h.name}`, nameEn: `Make-up day for ${h.nameEn}`, kind: 'MAKE_UP' })
    }
  }
  return [...statutory, ...extra, ...swapped, ...makeUp, ...worked].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}
