/** The root queries that read the cascade: a document, documents, tasks, an organisation, a task, any node. */
import { todayInVietnam, type AssignmentRole, type TaskStatus } from '@chidao/core'
import { GraphQLError } from 'graphql'
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql'
import { type Context } from '../context.js'
import { DateScalar } from '../scalars.js'
import { DocumentConnection, DocumentType, OrganizationType, TaskConnection, TaskType } from '../types/domain.type.js'
import { ReportType } from '../types/mutation.type.js'
import { ConnectionArgs, fromGlobalId, Node, pageFromStore, paginate } from '../types/relay.js'
import { TaskFilter } from '../types/filter.type.js'

@Resolver()
export class LookupResolver {
  @Query(() => DocumentType, {
    nullable: true,
    description: 'A document by its number and symbol (any accepted spelling), optionally its issue date.',
  })
  async document(
    @Arg('symbol', () => String) symbol: string,
    @Arg('issuedOn', () => DateScalar, { nullable: true }) issuedOn: string | null,
    @Ctx() { chidao }: Context,
  ): Promise<DocumentType | null> {
    let found: Awaited<ReturnType<typeof chidao.documentsBySymbol>>
    try {
      found = await chidao.documentsBySymbol(symbol, issuedOn ?? undefined)
    } catch (e) {
      throw new GraphQLError((e as Error).message, { extensions: { code: 'BAD_USER_INPUT' } })
    }
    return found[0] ? DocumentType.of(found[0]) : null
  }

  @Query(() => DocumentConnection, { description: 'Documents, newest first, optionally of one issuer (code) or kind.' })
  documents(
    @Ctx() { chidao }: Context,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('issuer', () => ID, { nullable: true }) issuer: string | null,
    @Arg('kind', () => String, { nullable: true }) kind: string | null,
  ) {
    return pageFromStore(page, async ({ offset, limit }) => {
      const found = await chidao.listDocuments({ issuerCode: issuer, kind, offset, limit })
      return { items: found.items.map(DocumentType.of), total: found.total }
    })
  }

  @Query(() => TaskConnection, {
    description:
      "Tasks of a plan (in plan order; status: the task's), or owed by an organisation on a date (in plan order, paged in the store; " +
      "status: the organisation's own obligation, since a task shared by a group may stand differently for each member).",
  })
  async tasks(
    @Arg('filter', () => TaskFilter) filter: TaskFilter,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() { chidao, loaders }: Context,
  ) {
    const date = asOf ?? todayInVietnam()
    const status = (filter.status ?? null) as TaskStatus | null
    if (filter.organization) {
      const org = await chidao.organizationByCode(filter.organization)
      if (!org) return paginate([], page)
      const scope = filter.role ? { organizationId: org.id, role: filter.role as AssignmentRole } : { organizationId: org.id }
      return pageFromStore(page, async ({ offset, limit }) => {
        const found = await chidao.tasksOwedBy(scope, date, { status, offset, limit })
        return { items: found.items.map(TaskType.of), total: found.total }
      })
    }
    if (!filter.documentId)
      throw new GraphQLError('Give filter.documentId or filter.organization', { extensions: { code: 'BAD_USER_INPUT' } })
    const { type, id } = fromGlobalId(filter.documentId)
    if (!status) {
      if (type !== 'Document') return paginate([], page)
      return pageFromStore(page, async (w) => {
        const found = (await chidao.taskPagesOfDocuments([id], w)).get(id)!
        return { items: found.items.map(TaskType.of), total: found.total }
      })
    }
    let tasks = type === 'Document' ? await chidao.tasksOf(id) : []
    if (status) {
      // A plan's tasks are a bounded list: one status query for all of them, then the page.
      const statuses = await loaders.taskStatus.loadMany(tasks.map((t) => `${date}|${t.id}`))
      tasks = tasks.filter((_, i) => {
        const s = statuses[i]
        return s && !(s instanceof Error) && s.status === status
      })
    }
    return paginate(tasks.map(TaskType.of), page)
  }

  @Query(() => OrganizationType, { nullable: true })
  async organization(@Arg('code', () => ID) code: string, @Ctx() { chidao }: Context): Promise<OrganizationType | null> {
    const o = await chidao.organizationByCode(code)
    return o ? OrganizationType.of(o) : null
  }

  @Query(() => TaskType, { nullable: true, description: 'A task by its global ID.' })
  async task(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<TaskType | null> {
    const { type, id: raw } = fromGlobalId(id)
    if (type !== 'Task') return null
    const t = await loaders.task.load(raw)
    return t ? TaskType.of(t) : null
  }

  @Query(() => Node, { nullable: true, description: 'Any object by its global ID.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    const { type, id: raw } = fromGlobalId(id)
    if (type === 'Task') {
      const t = await ctx.loaders.task.load(raw)
      return t ? TaskType.of(t) : null
    }
    if (type === 'Document') {
      const d = await ctx.loaders.document.load(raw)
      return d ? DocumentType.of(d) : null
    }
    if (type === 'Organization') {
      const o = await ctx.loaders.organization.load(raw)
      return o ? OrganizationType.of(o) : null
    }
    if (type === 'Report') {
      const r = await ctx.chidao.reportById(raw)
      return r ? ReportType.of(r) : null
    }
    return null
  }
}
