/** Scorecards and bottlenecks. */
import type { ScorecardScope } from '@chidao/core'
import { Field, Float, Int, ObjectType } from 'type-graphql'
import { DateScalar } from '../scalars.js'
import { AssignmentRoleEnum, TaskStatusEnum } from './enums.js'
import { OrganizationType, TaskType } from './domain.type.js'
import { Connection } from './relay.js'

@ObjectType('StatusCount')
export class StatusCountType {
  @Field(() => TaskStatusEnum) status!: string
  @Field(() => Int) count!: number
}

@ObjectType('OverdueObligation')
export class OverdueObligationType {
  @Field(() => TaskType) task!: TaskType
  @Field(() => OrganizationType) organization!: OrganizationType
  @Field(() => AssignmentRoleEnum) role!: string
  @Field(() => DateScalar, { nullable: true }) effectiveDueDate!: string | null
  @Field(() => Int, { description: 'Tasks in lower plans that depend on this one.' }) dependentTasks!: number
}

export const OverdueObligationConnection = Connection(OverdueObligationType, 'OverdueObligation')

@ObjectType('Scorecard', { description: 'Where a scope stands on a date; `overdue` and `bottlenecks` are paged in the store.' })
export class ScorecardType {
  /** What it counts; its overdue lists are fetched for this scope when asked for. */
  scope!: ScorecardScope
  @Field(() => DateScalar) asOf!: string
  @Field(() => Int) total!: number
  @Field(() => [StatusCountType]) counts!: StatusCountType[]
  @Field(() => Float, { nullable: true, description: 'Completed ÷ live, %.' }) percentComplete!: number | null
  @Field(() => Float, { nullable: true, description: 'On time ÷ (completed + overdue), %.' }) onTimeRate!: number | null
}
