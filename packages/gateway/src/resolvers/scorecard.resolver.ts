/** Scorecards of an organisation or a province on a date. */
import type { ScorecardScope } from '@chidao/core'
import { GraphQLError } from 'graphql'
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql'
import type { Context } from '../context.js'
import { DateScalar } from '../scalars.js'
import { OrganizationType, TaskType } from '../types/domain.type.js'
import { AssignmentRoleEnum } from '../types/enums.js'
import { OverdueObligationType, ScorecardType, StatusCountType } from '../types/scorecard.type.js'

async function build(ctx: Context, scope: ScorecardScope, asOf: string, limit: number): Promise<ScorecardType> {
  if (limit < 0 || limit > 100) throw new GraphQLError('limit must be 0–100', { extensions: { code: 'BAD_USER_INPUT' } })
  const [card, bottlenecks] = await Promise.all([ctx.chidao.scorecard(scope, asOf, limit), ctx.chidao.bottlenecks(scope, asOf, limit)])
  const rows = async (list: typeof bottlenecks | typeof card.overdue) => Promise.all(list.map(async (o) => Object.assign(new OverdueObligationType(), {
    task: TaskType.of((await ctx.chidao.taskById(o.taskId))!), organization: OrganizationType.of((await ctx.loaders.organization.load(o.organizationId))!),
    role: o.role, effectiveDueDate: o.effectiveDueDate, dependentTasks: 'dependentTasks' in o ? (o.dependentTasks as number) : 0,
  })))
  return Object.assign(new ScorecardType(), {
    asOf, total: card.total, percentComplete: card.percentComplete, onTimeRate: card.onTimeRate,
    counts: Object.entries(card.counts).map(([status, count]) => Object.assign(new StatusCountType(), { status, count })),
    overdue: await rows(card.overdue), bottlenecks: await rows(bottlenecks),
  })
}

@Resolver()
export class ScorecardResolver {
  @Query(() => ScorecardType, { nullable: true, description: 'An organisation’s scorecard on a date (as lead and coordinator, or one role).' })
  async scorecard(
    @Arg('organization', () => ID, { description: 'Organisation code.' }) code: string,
    @Arg('asOf', () => DateScalar) asOf: string,
    @Arg('role', () => AssignmentRoleEnum, { nullable: true }) role: 'LEAD' | 'COORDINATING' | null,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<ScorecardType | null> {
    const org = await ctx.chidao.organizationByCode(code)
    if (!org) return null
    return build(ctx, role ? { organizationId: org.id, role } : { organizationId: org.id }, asOf, limit)
  }

  @Query(() => ScorecardType, { description: 'A province’s scorecard on a date (by its code, e.g. QNG).' })
  provinceScorecard(
    @Arg('province', () => String) province: string,
    @Arg('asOf', () => DateScalar) asOf: string,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<ScorecardType> {
    return build(ctx, { province }, asOf, limit)
  }
}
