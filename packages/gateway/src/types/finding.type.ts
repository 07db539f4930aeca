/** Finding things: a date range for task filters, and the per-agency bottleneck ranking. */
import { Field, InputType, Int, ObjectType } from 'type-graphql'
import { DateScalar } from '../scalars.js'
import { OrganizationType } from './domain.type.js'
import { Connection } from './relay.js'

@InputType('DateRange', { description: 'From one calendar date to another, both included.' })
export class DateRangeInput {
  @Field(() => DateScalar) from!: string
  @Field(() => DateScalar) to!: string
}

@ObjectType('AgencyBottleneck', {
  description: 'An agency and the tasks in lower plans waiting on its unfinished lead obligations on a date.',
})
export class AgencyBottleneckType {
  @Field(() => OrganizationType) organization!: OrganizationType
  @Field(() => Int, { description: 'Tasks in lower plans implementing its unfinished lead obligations (directly or through others).' })
  dependentTasks!: number
  @Field(() => Int, { description: 'Of them, those waiting on its overdue obligations.' }) overdueDependentTasks!: number
  @Field(() => Int, { description: 'Its unfinished lead obligations that lower plans depend on.' }) holdingTasks!: number
}

export const AgencyBottleneckConnection = Connection(AgencyBottleneckType, 'AgencyBottleneck')
