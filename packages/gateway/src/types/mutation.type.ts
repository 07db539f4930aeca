/** Mutation inputs and payloads: one input each, a payload with `userErrors`. */
import type { Report } from '@chidao/core'
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql'
import { DateScalar } from '../scalars.js'
import { DocumentType, TaskType } from './domain.type.js'
import { toGlobalId } from './relay.js'

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
