/** Reads of the cascade: organisations, documents, tasks and the links between them. */
import { formatDeadline, todayInVietnam, validOn, type Deadline, type Document, type Succession } from '@chidao/core'
import { GraphQLError } from 'graphql'
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../context.js'
import { DateScalar } from '../scalars.js'
import { DeadlineType } from '../types/calendar.type.js'
import {
  AlignmentReviewType, AssignmentType, DocumentConnection, DocumentType, ObligationType, OrganizationType, SuccessionType, TargetType, TaskConnection,
  TaskType, ViolationType,
} from '../types/domain.type.js'
import { TaskStatusEnum } from '../types/enums.js'
import { ReportType } from '../types/mutation.type.js'
import { connectionOf, fromGlobalId, Node, pageWindow, paginate } from '../types/relay.js'
import { TaskFilter } from '../types/filter.type.js'

const english = (d: Deadline) => formatDeadline(d, 'en')

@Resolver()
export class LookupResolver {
  @Query(() => DocumentType, { nullable: true, description: 'A document by its number and symbol (any accepted spelling), optionally its issue date.' })
  async document(
    @Arg('symbol', () => String) symbol: string,
    @Arg('issuedOn', () => DateScalar, { nullable: true }) issuedOn: string | null,
    @Ctx() { chidao }: Context,
  ): Promise<DocumentType | null> {
    let found
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
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('issuer', () => ID, { nullable: true }) issuer: string | null,
    @Arg('kind', () => String, { nullable: true }) kind: string | null,
  ) {
    const window = pageWindow(first, after)
    const page = await chidao.listDocuments({ issuerCode: issuer, kind, offset: window.offset, limit: window.first })
    return connectionOf(page.items.map(DocumentType.of), window, page.total)
  }

  @Query(() => TaskConnection, { description: 'Tasks of a plan, or owed by an organisation, optionally with a status on a date.' })
  async tasks(
    @Arg('filter', () => TaskFilter) filter: TaskFilter,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { chidao, loaders }: Context,
  ) {
    const date = asOf ?? todayInVietnam()
    let tasks
    if (filter.documentId) {
      const { type, id } = fromGlobalId(filter.documentId)
      tasks = type === 'Document' ? await chidao.tasksOf(id) : []
    } else if (filter.organization) {
      const org = await chidao.organizationByCode(filter.organization)
      const rows = org ? await chidao.obligations(filter.role ? { organizationId: org.id, role: filter.role as 'LEAD' } : { organizationId: org.id }, date) : []
      const ids = [...new Set(rows.map((r) => r.taskId))]
      tasks = (await Promise.all(ids.map((id) => chidao.taskById(id)))).filter((t) => t !== null)
    } else {
      throw new GraphQLError('Give filter.documentId or filter.organization', { extensions: { code: 'BAD_USER_INPUT' } })
    }
    if (filter.status) {
      const statuses = await loaders.taskStatus.loadMany(tasks.map((t) => `${date}|${t.id}`))
      tasks = tasks.filter((_, i) => {
        const s = statuses[i]
        return s && !(s instanceof Error) && s.status === filter.status
      })
    }
    return paginate(tasks.map(TaskType.of), first, after)
  }

  @Query(() => OrganizationType, { nullable: true })
  async organization(@Arg('code', () => ID) code: string, @Ctx() { chidao }: Context): Promise<OrganizationType | null> {
    const o = await chidao.organizationByCode(code)
    return o ? OrganizationType.of(o) : null
  }

  @Query(() => TaskType, { nullable: true, description: 'A task by its global ID.' })
  async task(@Arg('id', () => ID) id: string, @Ctx() { chidao }: Context): Promise<TaskType | null> {
    const { type, id: raw } = fromGlobalId(id)
    if (type !== 'Task') return null
    const t = await chidao.taskById(raw)
    return t ? TaskType.of(t) : null
  }

  @Query(() => Node, { nullable: true, description: 'Any object by its global ID.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    const { type, id: raw } = fromGlobalId(id)
    if (type === 'Task') {
      const t = await ctx.chidao.taskById(raw)
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

  @FieldResolver(() => [OrganizationType], { description: 'Bodies directly under it; with asOf, only those existing on that date.' })
  async members(@Root() o: OrganizationType, @Ctx() { chidao }: Context, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null): Promise<OrganizationType[]> {
    return (await chidao.membersOf(o.raw.id)).filter((m) => !asOf || validOn(m, asOf)).map(OrganizationType.of)
  }

  @FieldResolver(() => Boolean, { description: 'Whether it exists on a date.' })
  existsOn(@Root() o: OrganizationType, @Arg('date', () => DateScalar) date: string): boolean {
    return validOn(o.raw, date)
  }

  @FieldResolver(() => [SuccessionType], { description: 'Dated successions that pass its duties on (merged into, split into, renamed to).' })
  async successors(@Root() o: OrganizationType, @Ctx() ctx: Context): Promise<SuccessionType[]> {
    return this.#successions(o, ctx, (s) => s.predecessorId === o.raw.id, (s) => s.successorId)
  }

  @FieldResolver(() => [SuccessionType], { description: 'Dated successions whose duties it took over.' })
  async predecessors(@Root() o: OrganizationType, @Ctx() ctx: Context): Promise<SuccessionType[]> {
    return this.#successions(o, ctx, (s) => s.successorId === o.raw.id, (s) => s.predecessorId)
  }

  async #successions(o: OrganizationType, { chidao, loaders }: Context, keep: (s: Succession) => boolean, other: (s: Succession) => string): Promise<SuccessionType[]> {
    const list = (await chidao.successionsOf(o.raw.id)).filter(keep)
    return Promise.all(list.map(async (s) => Object.assign(new SuccessionType(), {
      kind: s.kind, effectiveOn: s.effectiveOn, note: s.note, organization: OrganizationType.of((await loaders.organization.load(other(s)))!),
    })))
  }
}

@Resolver(() => DocumentType)
export class DocumentResolver {
  @FieldResolver(() => OrganizationType)
  async issuer(@Root() d: DocumentType, @Ctx() { loaders }: Context): Promise<OrganizationType> {
    return OrganizationType.of((await loaders.organization.load(d.raw.issuerId))!)
  }

  @FieldResolver(() => DocumentConnection, { description: 'The documents this one implements.' })
  async implements(
    @Root() d: DocumentType, @Ctx() { chidao }: Context,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number, @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return paginate((await chidao.parentsOf(d.raw.id)).map(DocumentType.of), first, after)
  }

  @FieldResolver(() => DocumentConnection, { description: 'The documents implementing this one directly.' })
  async implementedBy(
    @Root() d: DocumentType, @Ctx() { chidao }: Context,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number, @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return paginate((await chidao.childrenOf(d.raw.id)).map(DocumentType.of), first, after)
  }

  @FieldResolver(() => DocumentConnection, { description: 'Every document below this one.' })
  async cascade(
    @Root() d: DocumentType, @Ctx() { chidao }: Context,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number, @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return paginate((await chidao.cascadeBelow(d.raw.id)).map(DocumentType.of), first, after)
  }

  @FieldResolver(() => [AlignmentReviewType], { description: 'Recorded alignment reviews of this plan.' })
  async alignmentReviews(@Root() d: DocumentType, @Ctx() { chidao, loaders }: Context): Promise<AlignmentReviewType[]> {
    return Promise.all((await chidao.alignmentReviewsOf(d.raw.id)).map(async (r) => Object.assign(new AlignmentReviewType(), {
      decision: r.decision, reasons: r.reasons, decidedOn: r.decidedOn,
      newDirection: DocumentType.of((await loaders.document.load(r.newDirectionId))!),
      memo: r.memoId ? DocumentType.of((await loaders.document.load(r.memoId))!) : null,
    })))
  }

  @FieldResolver(() => [DocumentType], { description: 'Later, higher-tier documents on a shared parent that this plan has not yet been reviewed against.' })
  async needsReviewAgainst(@Root() d: DocumentType, @Ctx() { chidao, loaders }: Context): Promise<DocumentType[]> {
    const ids = [...new Set((await chidao.plansNeedingReview()).filter((r) => r.documentId === d.raw.id).map((r) => r.newDirectionId))]
    return (await loaders.document.loadMany(ids)).filter((x): x is Document => x !== null && !(x instanceof Error)).map(DocumentType.of)
  }

  @FieldResolver(() => [TargetType])
  async targets(@Root() d: DocumentType, @Ctx() { chidao }: Context): Promise<TargetType[]> {
    return (await chidao.targetsOf(d.raw.id)).map((x) => Object.assign(new TargetType(), x))
  }

  @FieldResolver(() => TaskConnection)
  async tasks(
    @Root() d: DocumentType, @Ctx() { chidao }: Context,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number, @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return paginate((await chidao.tasksOf(d.raw.id)).map(TaskType.of), first, after)
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
  async effectiveDeadline(@Root() t: TaskType, @Ctx() { chidao }: Context): Promise<DeadlineType> {
    const e = await chidao.effectiveDeadline(t.raw.id)
    const from = e?.source === 'INHERITED' && e.fromTaskId ? await chidao.taskById(e.fromTaskId) : null
    return DeadlineType.of(from ? from.deadline : t.raw.deadline, english)
  }

  @FieldResolver(() => TaskStatusEnum, { description: 'Status on a date (default: today in Vietnam), rolled up from its lead obligations.' })
  async status(
    @Root() t: TaskType, @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
  ): Promise<string> {
    return (await loaders.taskStatus.load(`${asOf ?? todayInVietnam()}|${t.raw.id}`)).status
  }

  @FieldResolver(() => [ObligationType], { description: 'Who owes it on a date (group fan-out and successions applied), and how each stands.' })
  async obligations(
    @Root() t: TaskType, @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
  ): Promise<ObligationType[]> {
    const result = await loaders.taskStatus.load(`${asOf ?? todayInVietnam()}|${t.raw.id}`)
    return Promise.all(result.obligations.map(async (o) => Object.assign(new ObligationType(), {
      organization: OrganizationType.of((await loaders.organization.load(o.organizationId))!),
      role: o.role, status: o.status, effectiveDueDate: o.effectiveDueDate, completedOn: o.completedOn, succeededOn: o.succeededOn,
    })))
  }

  @FieldResolver(() => [TaskType], { description: 'Tasks in lower plans that implement this one.' })
  async childTasks(@Root() t: TaskType, @Ctx() { chidao }: Context): Promise<TaskType[]> {
    const ids = await chidao.childTaskIdsOf(t.raw.id)
    return (await Promise.all(ids.map((id) => chidao.taskById(id)))).filter((x) => x !== null).map(TaskType.of)
  }

  @FieldResolver(() => [ReportType], { description: 'Progress reports on it, oldest first.' })
  async reports(@Root() t: TaskType, @Ctx() { chidao }: Context): Promise<ReportType[]> {
    return (await chidao.reportsOf(t.raw.id)).map(ReportType.of)
  }

  @FieldResolver(() => [TargetType])
  async targets(@Root() t: TaskType, @Ctx() { chidao }: Context): Promise<TargetType[]> {
    return (await chidao.targetsOf(t.raw.documentId)).filter((x) => x.taskId === t.raw.id).map((x) => Object.assign(new TargetType(), x))
  }

  @FieldResolver(() => [ViolationType])
  async violations(@Root() t: TaskType, @Ctx() { chidao }: Context): Promise<ViolationType[]> {
    const out: ViolationType[] = []
    for (const v of await chidao.violationsOf(t.raw.id)) {
      const parent = await chidao.taskById(v.parentTaskId)
      if (parent) out.push(Object.assign(new ViolationType(), { code: v.code, parentTask: TaskType.of(parent), dueDate: v.dueDate, parentDueDate: v.parentDueDate }))
    }
    return out
  }

  @FieldResolver(() => [AssignmentType])
  async assignments(@Root() t: TaskType, @Ctx() { loaders }: Context): Promise<AssignmentType[]> {
    const list = await loaders.assignments.load(t.raw.id)
    return Promise.all(list.map(async (a) => {
      const org = a.organizationId ? await loaders.organization.load(a.organizationId) : null
      const group = a.groupId ? await loaders.group.load(a.groupId) : null
      return Object.assign(new AssignmentType(), { role: a.role, organization: org ? OrganizationType.of(org) : null, groupCode: group?.code ?? null, note: a.note })
    }))
  }

  @FieldResolver(() => [TaskType], { description: 'The tasks this one implements, in higher plans.' })
  async parentTasks(@Root() t: TaskType, @Ctx() { chidao }: Context): Promise<TaskType[]> {
    const ids = await chidao.parentTaskIdsOf(t.raw.id)
    return (await Promise.all(ids.map((id) => chidao.taskById(id)))).filter((x) => x !== null).map(TaskType.of)
  }
}
