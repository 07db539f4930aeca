/** Calendar and deadline queries: pure functions of core, no store. */
import {
  addWorkingDays,
  formatDeadline,
  holidaysOf,
  isCalendarDate,
  parseDeadline,
  reportingPeriod,
  solarToLunar,
  type ReportingPeriodKind,
} from '@chidao/core'
import { GraphQLError } from 'graphql'
import { Arg, Args, Int, Query, Resolver } from 'type-graphql'
import { DateScalar } from '../scalars.js'
import { DeadlineType, HolidayConnection, HolidayType, LunarDateType, ReportingPeriodType } from '../types/calendar.type.js'
import { ReportingPeriodKindEnum } from '../types/enums.js'
import { ConnectionArgs, paginate } from '../types/relay.js'

function userError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } })
}

@Resolver()
export class CalendarResolver {
  @Query(() => DeadlineType, { description: 'Parses a time phrase (with or without diacritics, OCR damage tolerated).' })
  parseDeadline(
    @Arg('text', () => String) text: string,
    @Arg('issuedOn', () => DateScalar, { nullable: true }) issuedOn?: string | null,
  ): DeadlineType {
    return DeadlineType.of(parseDeadline(text, issuedOn ? { issuedOn } : {}), (d) => formatDeadline(d, 'en'))
  }

  @Query(() => LunarDateType, { description: 'The Vietnamese lunar date (UTC+7) of a day.' })
  lunarDate(@Arg('date', () => DateScalar) date: string): LunarDateType {
    try {
      return Object.assign(new LunarDateType(), solarToLunar(date))
    } catch (e) {
      throw userError((e as Error).message)
    }
  }

  @Query(() => HolidayConnection, { description: 'Public holidays, make-up and swapped days of a year, in date order.' })
  holidays(@Arg('year', () => Int) year: number, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    if (year < 1901 || year > 2099) throw userError('year must be 1901–2099')
    return paginate(
      holidaysOf(year).map((h) => Object.assign(new HolidayType(), h)),
      page,
    )
  }

  @Query(() => DateScalar, { description: 'Adds (or subtracts) working days.' })
  addWorkingDays(@Arg('from', () => DateScalar) from: string, @Arg('days', () => Int) days: number): string {
    if (Math.abs(days) > 10_000) throw userError('days must be within ±10,000')
    const out = addWorkingDays(from, days)
    if (!isCalendarDate(out)) throw userError('out of range')
    return out
  }

  @Query(() => ReportingPeriodType, { description: 'Data window and sending deadline of a periodic report.' })
  reportingPeriod(
    @Arg('kind', () => ReportingPeriodKindEnum) kind: ReportingPeriodKind,
    @Arg('year', () => Int) year: number,
    @Arg('index', () => Int, { defaultValue: 1 }) index: number,
    @Arg('sendWithinWorkingDays', () => Int, { defaultValue: 2 }) sendWithinWorkingDays: number,
  ): ReportingPeriodType {
    try {
      return Object.assign(new ReportingPeriodType(), reportingPeriod(kind, year, index, { sendWithinWorkingDays }))
    } catch (e) {
      throw userError((e as Error).message)
    }
  }
}
