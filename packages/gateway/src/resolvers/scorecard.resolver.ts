/** Scorecards of an organisation or a province on a date, with their overdue lists as connections. */
import type { ScorecardScope } from '@chidao/core'
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql'
import { loadAll, type Context } from '../context.js'
import { requireOrganization, requireProvince } from './codes.js'
import { DateScalar } from '../scalars.js'
import { OrganizationType, TaskType } from '../types/domain.type.js'
import { AssignmentRoleEnum } from '../types/enums.js'
import { ConnectionArgs, pageFromStore } from '../types/relay.js'
import { OverdueObligationConnection, OverdueObligationType, ScorecardType, StatusCountType } from '../types/scorecard.type.js'

export async function build(ctx: Context, scope: ScorecardScope, asOf: string): Promise<ScorecardType> {
  const card = await ctx.chidao.scorecardCounts(scope, asOf)
  return Object.assign(new ScorecardType(), {
    scope,
    asOf,
    total: card.total,
    percentComplete: card.percentComplete,
    onTimeRate: card.onTimeRate,
    counts: Object.entries(card.counts).map(([status, count]) => Object.assign(new StatusCountType(), { status, count })),
  })
}

@Resolver(() => ScorecardType)
export class ScorecardResolver {
  @Query(() => ScorecardType, {
    nullable: true,
    description: 'An organisation’s scorecard on a date (as lead and coordinator, or one role).',
  })
  async scorecard(
    @Arg('organization', () => ID, { description: 'Organisation code.' }) code: string,
    @Arg('asOf', () => DateScalar) asOf: string,
    @Arg('role', () => AssignmentRoleEnum, { nullable: true }) role: 'LEAD' | 'COORDINATING' | null,
    @Ctx() ctx: Context,
  ): Promise<ScorecardType | null> {
    const org = await requireOrganization(ctx.chidao, code, 'organization') // NOT_FOUND, not null
    return build(ctx, role ? { organizationId: org.id, role } : { organizationId: org.id }, asOf)
  }

  @Query(() => ScorecardType, { description: 'A province’s scorecard on a date (by its code, e.g. QNG).' })
  async provinceScorecard(
    @Arg('province', () => String) province: string,
    @Arg('asOf', () => DateScalar) asOf: string,
    @Ctx() ctx: Context,
  ): Promise<ScorecardType> {
    // One statement for a province with obligations; only an empty card asks whether the province exists (NOT_FOUND, not zeros).
    const card = await build(ctx, { province }, asOf)
    if (card.total === 0) await requireProvince(ctx.chidao, province, 'province')
    return card
  }

  @FieldResolver(() => OverdueObligationConnection, { description: 'Overdue obligations, the longest overdue first.' })
  overdue(@Root() card: ScorecardType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return overduePage(ctx, card, page, 'due')
  }

  @FieldResolver(() => OverdueObligationConnection, { description: 'Overdue obligations that most tasks in lower plans depend on, first.' })
  bottlenecks(@Root() card: ScorecardType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return overduePage(ctx, card, page, 'dependents')
  }
}

function overduePage(ctx: Context, card: ScorecardType, page: ConnectionArgs, order: 'due' | 'dependents') {
  const total = card.counts.find((c) => c.status === 'OVERDUE')?.count ?? 0
  return pageFromStore(page, async ({ offset, limit }) => {
    const rows = limit ? await ctx.chidao.overdueObligations(card.scope, card.asOf, { offset, limit, order }) : []
    const [tasks, orgs] = await Promise.all([
      loadAll(
        ctx.loaders.task,
        rows.map((o) => o.taskId),
      ),
      loadAll(
        ctx.loaders.organization,
        rows.map((o) => o.organizationId),
      ),
    ])
    const items = rows.flatMap((o, i) => {
      const [task, organization] = [tasks[i], orgs[i]]
      return task && organization
        ? [
            Object.assign(new OverdueObligationType(), {
              task: TaskType.of(task),
              organization: OrganizationType.of(organization),
              role: o.role,
              effectiveDueDate: o.effectiveDueDate,
              dependentTasks: o.dependentTasks,
            }),
          ]
        : []
    })
    return { items, total }
  })
}
