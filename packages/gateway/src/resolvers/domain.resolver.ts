/** Reads of the cascade: organisations, documents, tasks and the links between them. */
import { formatDeadline, todayInVietnam, validOn, type Deadline, type Succession } from '@chidao/core'
import { GraphQLError } from 'graphql'
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql'
import { loadAll, loadById, type Context, type PageBatch } from '../context.js'
import { DateScalar } from '../scalars.js'
import { DeadlineType } from '../types/calendar.type.js'
import {
  AlignmentReviewConnection,
  AlignmentReviewType,
  AssignmentConnection,
  AssignmentType,
  DocumentConnection,
  DocumentType,
  ObligationConnection,
  ObligationType,
  OrganizationConnection,
  OrganizationType,
  SuccessionConnection,
  SuccessionType,
  TargetConnection,
  TargetType,
  TaskConnection,
  TaskType,
  ViolationConnection,
  ViolationType,
} from '../types/domain.type.js'
import { TaskStatusEnum } from '../types/enums.js'
import { ReportConnection, ReportType } from '../types/mutation.type.js'
import { ConnectionArgs, fromGlobalId, Node, pageFromStore, paginate, type ConnectionShape } from '../types/relay.js'
import { DocumentSourceType } from '../types/document-source.type.js'
import { requireOrganization } from './codes.js'

const english = (d: Deadline) => formatDeadline(d, 'en')

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
  async documents(
    @Ctx() { chidao }: Context,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('issuer', () => ID, { nullable: true }) issuer: string | null,
    @Arg('kind', () => String, { nullable: true }) kind: string | null,
  ) {
    if (issuer != null) await requireOrganization(chidao, issuer, 'issuer') // NOT_FOUND, not an empty list
    return pageFromStore(page, async ({ offset, limit }) => {
      const found = await chidao.listDocuments({ issuerCode: issuer, kind, offset, limit })
      return { items: found.items.map(DocumentType.of), total: found.total }
    })
  }

  // tasks(filter:) is in find.resolver.ts.

  @Query(() => OrganizationType, { nullable: true })
  async organization(@Arg('code', () => ID) code: string, @Ctx() { chidao }: Context): Promise<OrganizationType | null> {
    return OrganizationType.of(await requireOrganization(chidao, code, 'code')) // NOT_FOUND when unknown
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

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @FieldResolver(() => OrganizationType, { nullable: true })
  async parent(@Root() o: OrganizationType, @Ctx() { loaders }: Context): Promise<OrganizationType | null> {
    if (!o.raw.parentId) return null
    const p = await loaders.organization.load(o.raw.parentId)
    return p ? OrganizationType.of(p) : null
  }

  @FieldResolver(() => OrganizationConnection, {
    description: 'Bodies directly under it, by code; with asOf, only those existing on that date.',
  })
  async members(
    @Root() o: OrganizationType,
    @Ctx() { chidao }: Context,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
  ) {
    return paginate((await chidao.membersOf(o.raw.id)).filter((m) => !asOf || validOn(m, asOf)).map(OrganizationType.of), page)
  }

  @FieldResolver(() => Boolean, { description: 'Whether it exists on a date.' })
  existsOn(@Root() o: OrganizationType, @Arg('date', () => DateScalar) date: string): boolean {
    return validOn(o.raw, date)
  }

  @FieldResolver(() => SuccessionConnection, {
    description: 'Dated successions that pass its duties on (merged into, split into, renamed to).',
  })
  async successors(@Root() o: OrganizationType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return paginate(
      await this.#successions(
        o,
        ctx,
        (s) => s.predecessorId === o.raw.id,
        (s) => s.successorId,
      ),
      page,
    )
  }

  @FieldResolver(() => SuccessionConnection, { description: 'Dated successions whose duties it took over.' })
  async predecessors(@Root() o: OrganizationType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return paginate(
      await this.#successions(
        o,
        ctx,
        (s) => s.successorId === o.raw.id,
        (s) => s.predecessorId,
      ),
      page,
    )
  }

  async #successions(
    o: OrganizationType,
    { chidao, loaders }: Context,
    keep: (s: Succession) => boolean,
    other: (s: Succession) => string,
  ): Promise<SuccessionType[]> {
    const list = (await chidao.successionsOf(o.raw.id)).filter(keep)
    const orgs = await loadAll(loaders.organization, list.map(other))
    return list.map((s, i) =>
      Object.assign(new SuccessionType(), {
        kind: s.kind,
        effectiveOn: s.effectiveOn,
        note: s.note,
        organization: OrganizationType.of(orgs[i]!),
      }),
    )
  }
}

@Resolver(() => DocumentType)
export class DocumentResolver {
  @FieldResolver(() => OrganizationType)
  async issuer(@Root() d: DocumentType, @Ctx() { loaders }: Context): Promise<OrganizationType> {
    return OrganizationType.of((await loaders.organization.load(d.raw.issuerId))!)
  }

  @FieldResolver(() => DocumentConnection, { description: 'The documents this one implements.' })
  implements(@Root() d: DocumentType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return pageOf(ctx, 'implements', d.raw.id, page, (c, ids, w) => c.linkedDocumentPages(ids, 'parents', w), DocumentType.of)
  }

  @FieldResolver(() => DocumentConnection, { description: 'The documents implementing this one directly.' })
  implementedBy(@Root() d: DocumentType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return pageOf(ctx, 'implementedBy', d.raw.id, page, (c, ids, w) => c.linkedDocumentPages(ids, 'children', w), DocumentType.of)
  }

  @FieldResolver(() => DocumentConnection, { description: 'Every document below this one.' })
  cascade(@Root() d: DocumentType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return pageOf(ctx, 'cascade', d.raw.id, page, (c, ids, w) => c.cascadePages(ids, w), DocumentType.of)
  }

  @FieldResolver(() => AlignmentReviewConnection, { description: 'Recorded alignment reviews of this plan, oldest first.' })
  async alignmentReviews(@Root() d: DocumentType, @Ctx() { chidao, loaders }: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    const reviews = await chidao.alignmentReviewsOf(d.raw.id)
    const byId = await loadById(
      loaders.document,
      reviews.flatMap((r) => (r.memoId ? [r.newDirectionId, r.memoId] : [r.newDirectionId])),
    )
    return paginate(
      reviews.map((r) =>
        Object.assign(new AlignmentReviewType(), {
          decision: r.decision,
          reasons: r.reasons,
          decidedOn: r.decidedOn,
          newDirection: DocumentType.of(byId.get(r.newDirectionId)!),
          memo: r.memoId ? DocumentType.of(byId.get(r.memoId)!) : null,
        }),
      ),
      page,
    )
  }

  @FieldResolver(() => DocumentConnection, {
    description: 'Later, higher-tier documents on a shared parent that this plan has not yet been reviewed against.',
  })
  async needsReviewAgainst(@Root() d: DocumentType, @Ctx() { chidao, loaders }: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    const ids = [...new Set((await chidao.plansNeedingReview()).filter((r) => r.documentId === d.raw.id).map((r) => r.newDirectionId))]
    return paginate((await loadAll(loaders.document, ids)).filter((x) => x !== null).map(DocumentType.of), page)
  }

  @FieldResolver(() => TargetConnection, { description: 'Its targets, by milestone.' })
  async targets(@Root() d: DocumentType, @Ctx() { chidao }: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return paginate((await chidao.targetsOf(d.raw.id)).map(TargetType.of), page)
  }

  @FieldResolver(() => [DocumentSourceType], {
    description: 'The files it was imported from (a .docx, PDF or scan), oldest first; empty when entered by hand or from text.',
  })
  async sources(@Root() d: DocumentType, @Ctx() { loaders }: Context): Promise<DocumentSourceType[]> {
    return (await loaders.documentSources.load(d.raw.id)).map(DocumentSourceType.of)
  }

  @FieldResolver(() => TaskConnection, { description: 'Its tasks in plan order.' })
  tasks(@Root() d: DocumentType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return pageOf(ctx, 'tasks', d.raw.id, page, (c, ids, w) => c.taskPagesOfDocuments(ids, w), TaskType.of)
  }
}

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

/**
 * A page of one parent's list through the request's batch loader for that list and window: all the
 * parents at one level of the query share one SQL statement, paged per parent.
 */
function pageOf<R, T>(
  ctx: Context,
  list: string,
  parentId: string,
  args: ConnectionArgs,
  batch: PageBatch<R>,
  to: (r: R) => T,
): Promise<ConnectionShape<T>> {
  return pageFromStore(args, async (window) => {
    const found = await ctx.pages(list, window, batch).load(parentId)
    return { items: found.items.map(to), total: found.total }
  })
}

/** Tasks by id through the request's loader, skipping unknown ids. */
async function loadTasks(loaders: Context['loaders'], ids: readonly string[]): Promise<TaskType[]> {
  return (await loadAll(loaders.task, ids)).filter((x) => x !== null).map(TaskType.of)
}
