/** Mutation inputs and payloads: one input each, a payload with `userErrors`. */
import type { Report } from '@chidao/core'
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql'
import { DateScalar } from '../scalars.js'
import { DocumentType, OrganizationType, TaskType } from './domain.type.js'
import { Connection, toGlobalId } from './relay.js'

@ObjectType('UserError', { description: 'A mistake in the input; nothing was written.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault.' }) field!: string[] | null
  @Field(() => String) message!: string
  @Field(() => String, { description: 'A core error code (MALFORMED_SYMBOL, UNKNOWN_ORGANIZATION, …) or FORBIDDEN.' }) code!: string
}

@ObjectType('Report')
export class ReportType {
  @Field(() => ID) id!: string
  @Field(() => String) claimedStatus!: string
  @Field(() => Int, { nullable: true }) percent!: number | null
  @Field(() => DateScalar) reportedOn!: string
  @Field(() => DateScalar, { nullable: true }) completedOn!: string | null
  @Field(() => String) verificationStatus!: string
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

@InputType('AssignmentInput')
export class AssignmentInput {
  @Field(() => String, { description: 'LEAD or COORDINATING.' }) role!: string
  @Field(() => String, { nullable: true }) organizationCode?: string | null
  @Field(() => String, { nullable: true }) groupCode?: string | null
  @Field(() => String, { nullable: true }) note?: string | null
}

@InputType('DocumentRegisterInput')
export class DocumentRegisterInput {
  @Field(() => String, { nullable: true, description: 'As written; omit when illegible (then give kind).' }) symbol?: string | null
  @Field(() => String, { nullable: true }) kind?: string | null
  @Field(() => String) issuerCode!: string
  @Field(() => DateScalar, { nullable: true }) issuedOn?: string | null
  @Field(() => String) title!: string
  @Field(() => [ID], { nullable: true, description: 'Global IDs of the documents it implements.' }) implements?: string[] | null
}

@InputType('TaskAddInput')
export class TaskAddInput {
  @Field(() => ID) documentId!: string
  @Field(() => String) code!: string
  @Field(() => String, { nullable: true }) parentCode?: string | null
  @Field(() => String) content!: string
  @Field(() => String, { nullable: true }) timePhrase?: string | null
  @Field(() => String, { nullable: true }) output?: string | null
  @Field(() => [ID], { nullable: true, description: 'Global IDs of the tasks it implements.' }) implements?: string[] | null
  @Field(() => [AssignmentInput], { nullable: true }) assignments?: AssignmentInput[] | null
}

@InputType('TaskLinkInput')
export class TaskLinkInput {
  @Field(() => ID) taskId!: string
  @Field(() => ID) parentTaskId!: string
}

@InputType('TaskAssignInput')
export class TaskAssignInput extends AssignmentInput {
  @Field(() => ID) taskId!: string
}

@InputType('EvidenceInput')
export class EvidenceInput {
  @Field(() => String) title!: string
  @Field(() => String) uri!: string
  @Field(() => String, { nullable: true }) sha256?: string | null
}

@InputType('ReportSubmitInput')
export class ReportSubmitInput {
  @Field(() => ID) taskId!: string
  @Field(() => String) organizationCode!: string
  @Field(() => String, { description: 'MONTH, QUARTER, HALF_YEAR, NINE_MONTHS, YEAR or AD_HOC.' }) period!: string
  @Field(() => DateScalar, { nullable: true }) periodStart?: string | null
  @Field(() => DateScalar, { nullable: true }) periodEnd?: string | null
  @Field(() => String, { description: 'NOT_STARTED, IN_PROGRESS or COMPLETED.' }) claimedStatus!: string
  @Field(() => Int, { nullable: true }) percent?: number | null
  @Field(() => String, { nullable: true }) narrative?: string | null
  @Field(() => DateScalar, { nullable: true }) completedOn?: string | null
  @Field(() => DateScalar) reportedOn!: string
  @Field(() => [EvidenceInput], { nullable: true }) evidence?: EvidenceInput[] | null
}

@InputType('ReportVerifyInput')
export class ReportVerifyInput {
  @Field(() => ID) reportId!: string
  @Field(() => Int) expectedVersion!: number
  @Field(() => String) verifierCode!: string
  @Field(() => String, { description: 'ACCEPTED or REJECTED.' }) status!: string
  @Field(() => DateScalar) verifiedOn!: string
  @Field(() => String, { nullable: true }) note?: string | null
}

@InputType('AlignmentReviewRecordInput')
export class AlignmentReviewRecordInput {
  @Field(() => ID) documentId!: string
  @Field(() => ID) newDirectionId!: string
  @Field(() => String, { description: 'KEEP or AMEND.' }) decision!: string
  @Field(() => String) reasons!: string
  @Field(() => ID, { nullable: true }) memoId?: string | null
  @Field(() => DateScalar) decidedOn!: string
}

@InputType('SuccessionRegisterInput')
export class SuccessionRegisterInput {
  @Field(() => String) predecessorCode!: string
  @Field(() => String) successorCode!: string
  @Field(() => String, { description: 'MERGED_INTO, SPLIT_INTO or RENAMED_TO.' }) kind!: string
  @Field(() => DateScalar) effectiveOn!: string
  @Field(() => String, { nullable: true }) note?: string | null
}

@ObjectType('OrganizationPayload')
export class OrganizationPayload {
  @Field(() => OrganizationType, { nullable: true }) organization!: OrganizationType | null
  @Field(() => [UserError]) userErrors!: UserError[]
}

@InputType('OrganizationRegisterInput')
export class OrganizationRegisterInput {
  @Field(() => String) code!: string
  @Field(() => String) name!: string
  @Field(() => String, { nullable: true }) shortName?: string | null
  @Field(() => String, { description: 'CENTRAL, PROVINCE, DISTRICT, COMMUNE or BELOW.' }) tier!: string
  @Field(() => String, { nullable: true, description: 'PARTY, STATE, PEOPLES_COUNCIL or FRONT; none for a TERRITORY.' }) bloc?: string | null
  @Field(() => String) kind!: string
  @Field(() => String, { nullable: true }) parentCode?: string | null
  @Field(() => String, { nullable: true }) scope?: string | null
  @Field(() => DateScalar, { nullable: true }) validFrom?: string | null
  @Field(() => DateScalar, { nullable: true }) validTo?: string | null
}

@InputType('GroupRegisterInput')
export class GroupRegisterInput {
  @Field(() => String) code!: string
  @Field(() => String) name!: string
  @Field(() => String, { nullable: true, description: 'Members are bodies below this organisation…' }) withinCode?: string | null
  @Field(() => [String], { nullable: true, description: '…of these tiers…' }) tiers?: string[] | null
  @Field(() => [String], { nullable: true, description: '…kinds…' }) kinds?: string[] | null
  @Field(() => [String], { nullable: true, description: '…and blocs.' }) blocs?: string[] | null
  @Field(() => [String], { nullable: true, description: 'Explicit members, in addition.' }) memberCodes?: string[] | null
}

@InputType('DocumentLinkInput')
export class DocumentLinkInput {
  @Field(() => ID) documentId!: string
  @Field(() => ID, { description: 'The document it implements.' }) parentId!: string
}

@InputType('DocumentUpdateInput')
export class DocumentUpdateInput {
  @Field(() => ID) id!: string
  @Field(() => Int) expectedVersion!: number
  @Field(() => String, { nullable: true }) title?: string | null
  @Field(() => String, { nullable: true, description: 'IN_FORCE, AMENDED, SUPERSEDED or ANNULLED.' }) status?: string | null
}

@InputType('TaskUpdateInput')
export class TaskUpdateInput {
  @Field(() => ID) id!: string
  @Field(() => Int) expectedVersion!: number
  @Field(() => String, { nullable: true }) content?: string | null
  @Field(() => String, { nullable: true }) timePhrase?: string | null
  @Field(() => String, { nullable: true }) output?: string | null
  @Field(() => String, { nullable: true, description: 'ACTIVE, CANCELLED or SUPERSEDED.' }) state?: string | null
}

@InputType('TargetAddInput')
export class TargetAddInput {
  @Field(() => ID) documentId!: string
  @Field(() => ID, { nullable: true }) taskId?: string | null
  @Field(() => String, { nullable: true }) category?: string | null
  @Field(() => String) metric!: string
  @Field(() => String, { nullable: true }) unit?: string | null
  @Field(() => String, { description: 'GTE, GT, LTE, LT or EQ.' }) comparator!: string
  @Field(() => Float) value!: number
  @Field(() => DateScalar, { nullable: true }) milestoneOn?: string | null
}
