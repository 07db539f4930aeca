/** What the dashboard and the exports read beyond the core API: scores per organisation, a report's detail. */
import { Field, Float, Int, ObjectType } from 'type-graphql'
import { OrganizationType } from './domain.type.js'
import { Connection } from './relay.js'
import { StatusCountType } from './scorecard.type.js'

@ObjectType('OrganizationScore', { description: 'One organisation’s counts and rates within a scorecard’s scope.' })
export class OrganizationScoreType {
  @Field(() => OrganizationType) organization!: OrganizationType
  @Field(() => Int) total!: number
  @Field(() => [StatusCountType]) counts!: StatusCountType[]
  @Field(() => Float, { nullable: true, description: 'Completed ÷ live, %.' }) percentComplete!: number | null
  @Field(() => Float, { nullable: true, description: 'On time ÷ (completed + overdue), %.' }) onTimeRate!: number | null
}

export const OrganizationScoreConnection = Connection(OrganizationScoreType, 'OrganizationScore')

@ObjectType('Evidence', { description: 'Evidence (minh chứng) attached to a report.' })
export class EvidenceType {
  @Field(() => String) title!: string
  @Field(() => String) uri!: string
  @Field(() => String, { nullable: true, description: 'Hex SHA-256 of the file, when known.' }) sha256!: string | null
}
