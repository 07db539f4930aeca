/** Mutation payloads, each with `userErrors` (the inputs are made from core's command descriptions). */
import type { Report } from '@chidao/core'
import { Field, Int, ObjectType } from 'type-graphql'
import { DateScalar } from '../scalars.js'
import { DocumentType, OrganizationType, TaskType } from './domain.type.js'
import { ClaimedStatusEnum, VerificationStatusEnum } from './enums.js'
import { Connection, Node, toGlobalId } from './relay.js'

@ObjectType('UserError', { description: 'A mistake in the input; nothing was written.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault.' }) field!: string[] | null
  @Field(() => String) message!: string
  @Field(() => String, { description: 'A core error code (MALFORMED_SYMBOL, UNKNOWN_ORGANIZATION, …) or FORBIDDEN.' }) code!: string
}

@ObjectType('Report', { implements: Node })
export class ReportType extends Node {
  @Field(() => ClaimedStatusEnum) claimedStatus!: string
  @Field(() => Int, { nullable: true }) percent!: number | null
  @Field(() => DateScalar) reportedOn!: string
  @Field(() => DateScalar, { nullable: true }) completedOn!: string | null
  @Field(() => VerificationStatusEnum) verificationStatus!: string
  @Field(() => Int) version!: number

  static of(r: Report): ReportType {
    return Object.assign(new ReportType(), { ...r, id: toGlobalId('Report', r.id), verificationStatus: r.verification.status })
  }
}

export const ReportConnection = Connection(ReportType, 'Report')

@ObjectType('DocumentPayload')
export class DocumentPayload {
  @Field(() => DocumentType, { nullable: true }) document!: DocumentType | null
  @Field(() => [UserError]) userErrors!: UserError[]
}

@ObjectType('TaskPayload')
export class TaskPayload {
  @Field(() => TaskType, { nullable: true }) task!: TaskType | null
  @Field(() => [UserError]) userErrors!: UserError[]
}

@ObjectType('ReportPayload')
export class ReportPayload {
  @Field(() => ReportType, { nullable: true }) report!: ReportType | null
  @Field(() => [UserError]) userErrors!: UserError[]
}

@ObjectType('RecordPayload', { description: 'For commands whose result is only that they happened.' })
export class RecordPayload {
  @Field(() => Boolean) ok!: boolean
  @Field(() => [UserError]) userErrors!: UserError[]
}

@ObjectType('OrganizationPayload')
export class OrganizationPayload {
  @Field(() => OrganizationType, { nullable: true }) organization!: OrganizationType | null
  @Field(() => [UserError]) userErrors!: UserError[]
}
