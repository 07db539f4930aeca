/**
 * Finding things without knowing an ID: organisations by words of their name (diacritics ignored),
 * tier, kind and province; tasks of a plan, of an organisation or of the whole store by due date
 * or by the plan's symbol; the agencies holding up the most dependent tasks. Thin over core's
 * queries, paged in the store; unknown codes are NOT_FOUND (codes.ts).
 */
import { todayInVietnam, type AssignmentRole, type ScorecardScope, type TaskStatus } from '@chidao/core'
import { GraphQLError } from 'graphql'
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql'
import { loadAll, type Context } from '../context.js'
import { DateScalar } from '../scalars.js'
import { OrganizationConnection, OrganizationType, TaskConnection, TaskType } from '../types/domain.type.js'
import { OrganizationKindEnum, TierEnum } from '../types/enums.js'
import { TaskFilter } from '../types/filter.type.js'
import { AgencyBottleneckConnection, AgencyBottleneckType } from '../types/finding.type.js'
import { ConnectionArgs, fromGlobalId, pageFromStore, paginate } from '../types/relay.js'
import { requireDocumentBySymbol, requireOrganization, requireProvince } from './codes.js'

@Resolver()
export class FindResolver {
  @Query(() => OrganizationConnection, {
    description:
      'Organisations by words of their name, short name or code (diacritics and case ignored: "so tai chinh" finds "Sở Tài chính"), ' +
      'tier, kind and province (its code, e.g. QNG; VN: the central bodies), by code. A commune is a TERRITORY of tier COMMUNE; ' +
      'its bodies are its members.',
  })
  async organizations(
    @Ctx() { chidao }: Context,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('tier', () => TierEnum, { nullable: true }) tier: string | null,
    @Arg('province', () => String, { nullable: true }) province: string | null,
    @Arg('kind', () => OrganizationKindEnum, { nullable: true }) kind: string | null,
  ) {
    if (province != null && province !== 'VN') await requireProvince(chidao, province, 'province')
    const criteria = { search: search ?? null, tier: tier ?? null, kind: kind ?? null, province: province ?? null } as Parameters<
      typeof chidao.findOrganizations
    >[0]
    return pageFromStore(page, async (window) => {
      const found = await chidao.findOrganizations(criteria, window)
      return { items: found.items.map(OrganizationType.of), total: found.total }
    })
  }

  @Query(() => AgencyBottleneckConnection, {
    description:
      'Agencies ranked by the tasks in lower plans waiting on their unfinished lead obligations on a date (those held up by overdue ' +
      'work first): "which agency holds up the most dependent tasks". Give a province (e.g. QNG) or an organisation (its code: ' +
      'the bodies it owes through).',
  })
  async agencyBottlenecks(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('asOf', () => DateScalar) asOf: string,
    @Arg('province', () => String, { nullable: true }) province: string | null,
    @Arg('organization', () => ID, { nullable: true }) organization: string | null,
  ) {
    const { chidao } = ctx
    let scope: ScorecardScope
    if (province != null) scope = { province: await requireProvince(chidao, province, 'province') }
    else if (organization != null) scope = { organizationId: (await requireOrganization(chidao, organization, 'organization')).id }
    else throw new GraphQLError('Give province or organization', { extensions: { code: 'BAD_USER_INPUT' } })
    return pageFromStore(page, async (window) => {
      const found = await chidao.bottleneckAgencies(scope, asOf, window)
      const orgs = await loadAll(
        ctx.loaders.organization,
        found.items.map((b) => b.organizationId),
      )
      const items = found.items.flatMap((b, i) => {
        const org = orgs[i]
        return org ? [Object.assign(new AgencyBottleneckType(), { ...b, organization: OrganizationType.of(org) })] : []
      })
      return { items, total: found.total }
    })
  }

  @Query(() => TaskConnection, {
    description:
      "Tasks of a plan (by documentId or documentSymbol; in plan order; status: the task's), owed by an organisation on a date (in plan " +
      "order, paged in the store; status: the organisation's own obligation, since a task shared by a group may stand differently for " +
      'each member), or, with only dueBetween, every task falling due in the range (by due date).',
  })
  async tasks(
    @Arg('filter', () => TaskFilter) filter: TaskFilter,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() { chidao, loaders }: Context,
  ) {
    const date = asOf ?? todayInVietnam()
    const status = (filter.status ?? null) as TaskStatus | null
    const due = filter.dueBetween ? { from: filter.dueBetween.from, to: filter.dueBetween.to } : null
    if (filter.organization) {
      const org = await requireOrganization(chidao, filter.organization, 'filter.organization')
      const scope = filter.role ? { organizationId: org.id, role: filter.role as AssignmentRole } : { organizationId: org.id }
      return pageFromStore(page, async ({ offset, limit }) => {
        const found = await chidao.tasksOwedBy(scope, date, { status, due, offset, limit })
        return { items: found.items.map(TaskType.of), total: found.total }
      })
    }
    let documentId: string | null = null
    if (filter.documentSymbol) {
      documentId = (await requireDocumentBySymbol(chidao, filter.documentSymbol, filter.issuer ?? null, 'filter.documentSymbol')).id
    } else if (filter.documentId) {
      const { type, id } = fromGlobalId(filter.documentId)
      if (type !== 'Document' || !(await loaders.document.load(id)))
        throw new GraphQLError(`No document with ID "${filter.documentId}" (filter.documentId)`, {
          extensions: { code: 'NOT_FOUND', argument: 'filter.documentId', value: filter.documentId },
        })
      documentId = id
    } else if (!due) {
      throw new GraphQLError('Give filter.documentId, filter.documentSymbol, filter.organization or filter.dueBetween', {
        extensions: { code: 'BAD_USER_INPUT' },
      })
    }
    if (!status) {
      if (due)
        return pageFromStore(page, async (w) => {
          const found = await chidao.tasksDueBetween(due, { documentId }, w)
          return { items: found.items.map(TaskType.of), total: found.total }
        })
      const id = documentId!
      return pageFromStore(page, async (w) => {
        const found = (await chidao.taskPagesOfDocuments([id], w)).get(id)!
        return { items: found.items.map(TaskType.of), total: found.total }
      })
    }
    if (!documentId) throw new GraphQLError('filter.status needs a plan or an organisation', { extensions: { code: 'BAD_USER_INPUT' } })
    // A plan's tasks are a bounded list: one status query for all of them, then the page.
    let tasks = due
      ? (await chidao.tasksDueBetween(due, { documentId }, { offset: 0, limit: 100_000 })).items
      : await chidao.tasksOf(documentId)
    const statuses = await loaders.taskStatus.loadMany(tasks.map((t) => `${date}|${t.id}`))
    tasks = tasks.filter((_, i) => {
      const s = statuses[i]
      return s && !(s instanceof Error) && s.status === status
    })
    return paginate(tasks.map(TaskType.of), page)
  }
}
