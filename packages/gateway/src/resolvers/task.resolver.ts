/** The fields of a task: document, deadlines, status, obligations, links, reports, targets, violations, assignments. */
import { formatDeadline, todayInVietnam, type Deadline } from '@chidao/core'
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql'
import { loadAll, loadById, type Context } from '../context.js'
import { DateScalar } from '../scalars.js'
import { DeadlineType } from '../types/calendar.type.js'
import {
  AssignmentConnection,
  AssignmentType,
  DocumentType,
  ObligationConnection,
  ObligationType,
  OrganizationType,
  TargetConnection,
  TargetType,
  TaskConnection,
  TaskType,
  ViolationConnection,
  ViolationType,
} from '../types/domain.type.js'
import { TaskStatusEnum } from '../types/enums.js'
import { ReportConnection, ReportType } from '../types/mutation.type.js'
import { ConnectionArgs, paginate } from '../types/relay.js'
import { loadTasks, pageOf } from './paging.js'

const english = (d: Deadline) => formatDeadline(d, 'en')

@Resolver(() => TaskType)
export class TaskResolver {
  @FieldResolver(() => DocumentType)
  async document(@Root() t: TaskType, @Ctx() { loaders }: Context): Promise<DocumentType> {
    return DocumentType.of((await loaders.document.load(t.raw.documentId))!)
  }

  @FieldResolver(() => DeadlineType, { description: 'Its own time phrase, parsed.' })
  deadline(@Root() t: TaskType): DeadlineType {
    return DeadlineType.of(t.raw.deadline, english)
  }

  @FieldResolver(() => DeadlineType, { description: 'The time it is held to: its own, or inherited from the tasks it implements.' })
  async effectiveDeadline(@Root() t: TaskType, @Ctx() { loaders }: Context): Promise<DeadlineType> {
    const e = await loaders.effectiveDeadline.load(t.raw.id)
    const from = e?.source === 'INHERITED' && e.fromTaskId ? await loaders.task.load(e.fromTaskId) : null
    return DeadlineType.of(from ? from.deadline : t.raw.deadline, english)
  }

  @FieldResolver(() => TaskStatusEnum, {
    description: 'Status on a date (default: today in Vietnam), rolled up from its lead obligations.',
  })
  async status(
    @Root() t: TaskType,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
  ): Promise<string> {
    return (await loaders.taskStatus.load(`${asOf ?? todayInVietnam()}|${t.raw.id}`)).status
  }

  @FieldResolver(() => ObligationConnection, {
    description: 'Who owes it on a date (group fan-out and successions applied), and how each stands.',
  })
  async obligations(
    @Root() t: TaskType,
    @Ctx() { loaders }: Context,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
  ) {
    const { obligations } = await loaders.taskStatus.load(`${asOf ?? todayInVietnam()}|${t.raw.id}`)
    const orgs = await loadAll(
      loaders.organization,
      obligations.map((o) => o.organizationId),
    )
    return paginate(
      obligations.map((o, i) =>
        Object.assign(new ObligationType(), {
          organization: OrganizationType.of(orgs[i]!),
          role: o.role,
          status: o.status,
          effectiveDueDate: o.effectiveDueDate,
          completedOn: o.completedOn,
          succeededOn: o.succeededOn,
        }),
      ),
      page,
    )
  }

  @FieldResolver(() => TaskConnection, { description: 'Tasks in lower plans that implement this one.' })
  async childTasks(@Root() t: TaskType, @Ctx() { loaders }: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return paginate(await loadTasks(loaders, await loaders.childTaskIds.load(t.raw.id)), page)
  }

  @FieldResolver(() => TaskConnection, { description: 'The tasks this one implements, in higher plans.' })
  async parentTasks(@Root() t: TaskType, @Ctx() { loaders }: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return paginate(await loadTasks(loaders, await loaders.parentTaskIds.load(t.raw.id)), page)
  }

  @FieldResolver(() => ReportConnection, { description: 'Progress reports on it, oldest first.' })
  reports(@Root() t: TaskType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return pageOf(ctx, 'reports', t.raw.id, page, (c, ids, w) => c.reportPagesOfTasks(ids, w), ReportType.of)
  }

  @FieldResolver(() => TargetConnection, { description: 'Targets tied to it, by milestone.' })
  async targets(@Root() t: TaskType, @Ctx() { loaders }: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return paginate((await loaders.targets.load(t.raw.id)).map(TargetType.of), page)
  }

  @FieldResolver(() => ViolationConnection, {
    description: 'Rules it breaks without being refused (DEADLINE_AFTER_PARENT), per parent task.',
  })
  async violations(@Root() t: TaskType, @Ctx() { loaders }: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    const list = await loaders.violations.load(t.raw.id)
    const parents = await loadAll(
      loaders.task,
      list.map((v) => v.parentTaskId),
    )
    return paginate(
      list.flatMap((v, i) => {
        const parent = parents[i]
        return parent
          ? [
              Object.assign(new ViolationType(), {
                code: v.code,
                parentTask: TaskType.of(parent),
                dueDate: v.dueDate,
                parentDueDate: v.parentDueDate,
              }),
            ]
          : []
      }),
      page,
    )
  }

  @FieldResolver(() => AssignmentConnection, { description: 'Who it is assigned to, as written in the plan.' })
  async assignments(@Root() t: TaskType, @Ctx() { loaders }: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    const list = await loaders.assignments.load(t.raw.id)
    const [org, group] = await Promise.all([
      loadById(
        loaders.organization,
        list.flatMap((a) => (a.organizationId ? [a.organizationId] : [])),
      ),
      loadById(
        loaders.group,
        list.flatMap((a) => (a.groupId ? [a.groupId] : [])),
      ),
    ])
    return paginate(
      list.map((a) => {
        const o = a.organizationId ? org.get(a.organizationId) : undefined
        return Object.assign(new AssignmentType(), {
          role: a.role,
          organization: o ? OrganizationType.of(o) : null,
          groupCode: a.groupId ? (group.get(a.groupId)?.code ?? null) : null,
          note: a.note,
        })
      }),
      page,
    )
  }
}
