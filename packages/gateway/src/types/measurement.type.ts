/** A target's latest measured value, as the API answers it (`Target.latestActual`). */
import { Field, Float, ObjectType } from 'type-graphql'
import { DateScalar } from '../scalars.js'
import { OrganizationType } from './domain.type.js'

@ObjectType('TargetActual', { description: 'A target’s latest measured value on or before a day (số liệu thực hiện), against the target.' })
export class TargetActualType {
  @Field(() => Float, { description: 'The measured value, in the target’s unit.' }) value!: number
  @Field(() => DateScalar, { description: 'The day the value stood at.' }) asOf!: string
  @Field(() => OrganizationType, { nullable: true, description: 'The organisation whose figure it is.' })
  organization!: OrganizationType | null
  @Field(() => Boolean, { description: 'The value meets the target (its comparator against its value).' }) met!: boolean
}
