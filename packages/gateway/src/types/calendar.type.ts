/** The calendar and deadline types of the contract. */
import type { Deadline, DeadlineKind, HolidayKind, Recurrence } from '@chidao/core'
import { Field, Int, ObjectType } from 'type-graphql'
import { DateScalar } from '../scalars.js'
import { DeadlineKindEnum, HolidayKindEnum, RecurrenceEnum, ReportingPeriodKindEnum } from './enums.js'
import { Connection } from './relay.js'

@ObjectType('Deadline', { description: "A time phrase parsed (core's parseDeadline)." })
export class DeadlineType {
  @Field(() => DeadlineKindEnum) kind!: DeadlineKind
  @Field(() => DateScalar, { nullable: true, description: 'Last day still on time as written.' }) dueDate!: string | null
  @Field(() => DateScalar, { nullable: true, description: 'dueDate moved past weekends and holidays (Civil Code Art. 148).' })
  effectiveDueDate!: string | null
  @Field(() => DateScalar, { nullable: true }) startDate!: string | null
  @Field(() => RecurrenceEnum, { nullable: true }) recurrence!: Recurrence | null
  @Field(() => String, { nullable: true, description: 'The guidance the time waits for.' }) condition!: string | null
  @Field(() => Boolean) inheritsFromParents!: boolean
  @Field(() => [DeadlinePhaseType]) phases!: DeadlinePhaseType[]
  @Field(() => String, { description: 'Canonical Vietnamese.' }) normalized!: string
  @Field(() => String, { description: 'English label.' }) english!: string
  @Field(() => String, { description: 'The input.' }) text!: string
  @Field(() => String, { nullable: true, description: 'Why it is UNKNOWN, or why a RELATIVE phrase is unresolved.' }) reason!: string | null

  static of(d: Deadline, english: (d: Deadline) => string): DeadlineType {
    return Object.assign(new DeadlineType(), {
      ...d,
      english: english(d),
      phases: d.phases.map((p) =>
        Object.assign(new DeadlinePhaseType(), { label: p.label, deadline: DeadlineType.of(p.deadline, english) }),
      ),
    })
  }
}

// Declared after Deadline: decorator metadata names it, and ESM classes are not hoisted.
@ObjectType({ description: 'A phase of a phased time phrase.' })
class DeadlinePhaseType {
  @Field(() => String) label!: string
  @Field(() => DeadlineType) deadline!: DeadlineType
}

@ObjectType('LunarDate')
export class LunarDateType {
  @Field(() => Int) day!: number
  @Field(() => Int) month!: number
  @Field(() => Int) year!: number
  @Field(() => Boolean) isLeapMonth!: boolean
}

@ObjectType('Holiday')
export class HolidayType {
  @Field(() => DateScalar) date!: string
  @Field(() => String) name!: string
  @Field(() => String) nameEn!: string
  @Field(() => HolidayKindEnum) kind!: HolidayKind
}

export const HolidayConnection = Connection(HolidayType, 'Holiday')

@ObjectType('ReportingPeriod', { description: 'Data window and sending deadline of a periodic report (Decree 09/2019).' })
export class ReportingPeriodType {
  @Field(() => ReportingPeriodKindEnum) kind!: string
  @Field(() => Int) year!: number
  @Field(() => Int) index!: number
  @Field(() => DateScalar) dataFrom!: string
  @Field(() => DateScalar) dataTo!: string
  @Field(() => DateScalar) sendBy!: string
}
