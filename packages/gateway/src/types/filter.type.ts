import { Field, ID, InputType } from 'type-graphql'
import { AssignmentRoleEnum, TaskStatusEnum } from './enums.js'

@InputType('TaskFilter', {
  description:
    'Give documentId or organization; status narrows to tasks with that status on the date (with organization: the status of its own obligation).',
})
export class TaskFilter {
  @Field(() => ID, { nullable: true, description: 'Global ID of a plan.' }) documentId?: string | null
  @Field(() => ID, { nullable: true, description: 'Code of an organisation owing the tasks (after successions and group fan-out).' })
  organization?: string | null
  @Field(() => AssignmentRoleEnum, { nullable: true, description: 'With organization: only what it owes in this role.' }) role?:
    | string
    | null
  @Field(() => TaskStatusEnum, { nullable: true }) status?: string | null
}
