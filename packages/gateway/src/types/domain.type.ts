/** Organisations, documents and tasks as GraphQL objects; their links resolve in the resolvers. */
import type { Document, Organization, Target, Task } from '@chidao/core'
import { Field, Float, ID, Int, ObjectType } from 'type-graphql'
import { DateScalar } from '../scalars.js'
import {
  AlignmentDecisionEnum,
  AssignmentRoleEnum,
  BlocEnum,
  ComparatorEnum,
  DocumentStatusEnum,
  OrganizationKindEnum,
  SuccessionKindEnum,
  TaskStateEnum,
  TaskStatusEnum,
  TierEnum,
} from './enums.js'
import { Connection, Node, toGlobalId } from './relay.js'

@ObjectType('Organization', { implements: Node })
export class OrganizationType extends Node {
  @Field(() => ID, { description: 'Stable code, e.g. QNG.SKHCN.' }) code!: string
  @Field(() => String) name!: string
  @Field(() => String, { nullable: true }) shortName!: string | null
  @Field(() => TierEnum) tier!: string
  @Field(() => BlocEnum, { nullable: true }) bloc!: string | null
  @Field(() => OrganizationKindEnum) kind!: string
  @Field(() => String, { description: 'Province code, VN for central bodies.' }) scope!: string
  @Field(() => DateScalar, { nullable: true }) validFrom!: string | null
  @Field(() => DateScalar, { nullable: true }) validTo!: string | null
  raw!: Organization

  static of(o: Organization): OrganizationType {
    const out = new OrganizationType()
    out.id = toGlobalId('Organization', o.id)
    out.code = o.code
    out.name = o.name
    out.shortName = o.shortName
    out.tier = o.tier
    out.bloc = o.bloc
    out.kind = o.kind
    out.scope = o.scope
    out.validFrom = o.validFrom
    out.validTo = o.validTo
    out.raw = o
    return out
  }
}

@ObjectType('Document', { implements: Node })
export class DocumentType extends Node {
  @Field(() => String, { nullable: true, description: 'Canonical number and symbol; null when illegible.' }) symbol!: string | null
  @Field(() => String, { nullable: true, description: 'As written in the source.' }) symbolWritten!: string | null
  @Field(() => String) kind!: string
  @Field(() => DateScalar, { nullable: true }) issuedOn!: string | null
  @Field(() => String) title!: string
  @Field(() => DocumentStatusEnum) status!: string
  @Field(() => Int) version!: number
  raw!: Document

  static of(d: Document): DocumentType {
    const out = new DocumentType()
    out.id = toGlobalId('Document', d.id)
    out.symbol = d.symbol
    out.symbolWritten = d.symbolWritten
    out.kind = d.kind
    out.issuedOn = d.issuedOn
    out.title = d.title
    out.status = d.status
    out.version = d.version
    out.raw = d
    return out
  }
}

@ObjectType('Task', { implements: Node })
export class TaskType extends Node {
  @Field(() => String, { description: 'Position in the plan, e.g. II.5.' }) code!: string
  @Field(() => String) content!: string
  @Field(() => String, { nullable: true, description: 'The time phrase as written.' }) timePhrase!: string | null
  @Field(() => String, { nullable: true }) output!: string | null
  @Field(() => TaskStateEnum) state!: string
  @Field(() => Int) version!: number
  raw!: Task

  /** Field by field, not a spread: a spread would read the task's deadline, parsing its stored JSON for every row. */
  static of(t: Task): TaskType {
    const out = new TaskType()
    out.id = toGlobalId('Task', t.id)
    out.code = t.code
    out.content = t.content
    out.timePhrase = t.timePhrase
    out.output = t.output
    out.state = t.state
    out.version = t.version
    out.raw = t
    return out
  }
}

@ObjectType('Assignment')
export class AssignmentType {
  @Field(() => AssignmentRoleEnum) role!: string
  @Field(() => OrganizationType, { nullable: true }) organization!: OrganizationType | null
  @Field(() => String, { nullable: true, description: 'The group assigned, by code, when the plan names a group.' }) groupCode!:
    | string
    | null
  @Field(() => String, { nullable: true, description: 'The assignee as the plan writes it.' }) note!: string | null
}

@ObjectType('Violation')
export class ViolationType {
  @Field(() => String) code!: string
  @Field(() => TaskType) parentTask!: TaskType
  @Field(() => DateScalar) dueDate!: string
  @Field(() => DateScalar) parentDueDate!: string
}

@ObjectType('Obligation', { description: 'Who owes a task on a date, and how they stand.' })
export class ObligationType {
  @Field(() => OrganizationType) organization!: OrganizationType
  @Field(() => AssignmentRoleEnum) role!: string
  @Field(() => TaskStatusEnum) status!: string
  @Field(() => DateScalar, { nullable: true }) effectiveDueDate!: string | null
  @Field(() => DateScalar, { nullable: true }) completedOn!: string | null
  @Field(() => DateScalar, { nullable: true, description: 'When the assigned body passed it on by succession.' }) succeededOn!:
    | string
    | null
}

@ObjectType('Succession')
export class SuccessionType {
  @Field(() => SuccessionKindEnum) kind!: string
  @Field(() => DateScalar) effectiveOn!: string
  @Field(() => String, { nullable: true }) note!: string | null
  @Field(() => OrganizationType, { description: 'The other side of the succession.' }) organization!: OrganizationType
}

@ObjectType('AlignmentReview')
export class AlignmentReviewType {
  @Field(() => DocumentType) newDirection!: DocumentType
  @Field(() => AlignmentDecisionEnum) decision!: string
  @Field(() => String) reasons!: string
  @Field(() => DocumentType, { nullable: true }) memo!: DocumentType | null
  @Field(() => DateScalar) decidedOn!: string
}

@ObjectType('Target')
export class TargetType {
  @Field(() => String, { nullable: true }) category!: string | null
  @Field(() => String) metric!: string
  @Field(() => String, { nullable: true }) unit!: string | null
  @Field(() => ComparatorEnum) comparator!: string
  @Field(() => Float) value!: number
  @Field(() => DateScalar, { nullable: true }) milestoneOn!: string | null

  static of(t: Target): TargetType {
    return Object.assign(new TargetType(), t)
  }
}

export const OrganizationConnection = Connection(OrganizationType, 'Organization')
export const DocumentConnection = Connection(DocumentType, 'Document')
export const TaskConnection = Connection(TaskType, 'Task')
export const AssignmentConnection = Connection(AssignmentType, 'Assignment')
export const ViolationConnection = Connection(ViolationType, 'Violation')
export const ObligationConnection = Connection(ObligationType, 'Obligation')
export const SuccessionConnection = Connection(SuccessionType, 'Succession')
export const AlignmentReviewConnection = Connection(AlignmentReviewType, 'AlignmentReview')
export const TargetConnection = Connection(TargetType, 'Target')
