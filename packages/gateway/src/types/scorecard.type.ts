/** Scorecards and bottlenecks. */
import { Field, Float, Int, ObjectType } from 'type-graphql'
import { DateScalar } from '../scalars.js'
import { AssignmentRoleEnum, TaskStatusEnum } from './enums.js'
import { OrganizationType, TaskType } from './domain.type.js'

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

@ObjectType('Scorecard')
export class ScorecardType {
  @Field(() => DateScalar) asOf!: string
  @Field(() => Int) total!: number
  @Field(() => [StatusCountType]) counts!: StatusCountType[]
  @Field(() => Float, { nullable: true, description: 'Completed ÷ live, %.' }) percentComplete!: number | null
  @Field(() => Float, { nullable: true, description: 'On time ÷ (completed + overdue), %.' }) onTimeRate!: number | null
  @Field(() => [OverdueObligationType], { description: 'The longest overdue first.' }) overdue!: OverdueObligationType[]
  @Field(() => [OverdueObligationType], { description: 'Overdue obligations most lower tasks depend on.' }) bottlenecks!: OverdueObligationType[]
}
