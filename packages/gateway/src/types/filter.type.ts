import { Field, ID, InputType } from 'type-graphql'
import { AssignmentRoleEnum, TaskStatusEnum } from './enums.js'
import { DateRangeInput } from './finding.type.js'

@InputType('TaskFilter', {
  description:
    'Give documentId, documentSymbol or organization, or only dueBetween; status narrows to tasks with that status on the date ' +
    '(with organization: the status of its own obligation); dueBetween to tasks whose effective deadline falls in the range.',
})
export class TaskFilter {
  @Field(() => ID, { nullable: true, description: 'Global ID of a plan.' }) documentId?: string | null
  @Field(() => ID, { nullable: true, description: 'Code of an organisation owing the tasks (after successions and group fan-out).' })
  organization?: string | null
  @Field(() => AssignmentRoleEnum, { nullable: true, description: 'With organization: only what it owes in this role.' }) role?:
    | string
    | null
  @Field(() => TaskStatusEnum, { nullable: true }) status?: string | null
  @Field(() => String, { nullable: true, description: 'A plan by its number and symbol (any accepted spelling), instead of documentId.' })
  documentSymbol?: string | null
  @Field(() => ID, { nullable: true, description: 'With documentSymbol: the issuer’s code, when several issuers used the symbol.' })
  issuer?: string | null
  @Field(() => DateRangeInput, {
    nullable: true,
    description: 'Only tasks whose effective deadline falls in the range (both ends included).',
  })
  dueBetween?: DateRangeInput | null
}
