/**
 * Fields the dashboard and the exports need, beside the core API: a scorecard per organisation,
 * the nation's scorecard, where a task's deadline comes from, and a report's detail (who, period,
 * narrative, evidence, verification).
 */
import type { Report, ReportPeriod, Tier } from '@chidao/core'
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql'
import { loadAll, type Context } from '../context.js'
import { DateScalar } from '../scalars.js'
import { OrganizationType, TaskType } from '../types/domain.type.js'
import { ReportPeriodEnum, TierEnum } from '../types/enums.js'
import { EvidenceType, OrganizationScoreConnection, OrganizationScoreType } from '../types/insight.type.js'
import { ReportType } from '../types/mutation.type.js'
import { ConnectionArgs, paginate } from '../types/relay.js'
import { ScorecardType, StatusCountType } from '../types/scorecard.type.js'
import { build } from './scorecard.resolver.js'

@Resolver(() => ScorecardType)
export class ScorecardInsightResolver {
  @Query(() => ScorecardType, { description: 'The whole country’s scorecard on a date.' })
  nationalScorecard(@Arg('asOf', () => DateScalar) asOf: string, @Ctx() ctx: Context): Promise<ScorecardType> {
    return build(ctx, { national: true }, asOf)
  }

  @FieldResolver(() => OrganizationScoreConnection, {
    description: 'The scope’s obligations counted per organisation owing them (optionally of one tier), by code.',
  })
  async byOrganization(
    @Root() card: ScorecardType,
    @Ctx() { chidao, loaders }: Context,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tier', () => TierEnum, { nullable: true }) tier: Tier | null,
  ) {
    const byHolder = await chidao.scorecardsByHolder(card.scope, card.asOf)
    const orgs = await loadAll(loaders.organization, [...byHolder.keys()])
    const scores = [...byHolder.values()].flatMap((c, i) => {
      const org = orgs[i]
      if (!org || (tier && org.tier !== tier)) return []
      return [
        Object.assign(new OrganizationScoreType(), {
          organization: OrganizationType.of(org),
          total: c.total,
          percentComplete: c.percentComplete,
          onTimeRate: c.onTimeRate,
          counts: Object.entries(c.counts).map(([status, count]) => Object.assign(new StatusCountType(), { status, count })),
        }),
      ]
    })
    return paginate(
      scores.sort((a, b) => a.organization.code.localeCompare(b.organization.code)),
      page,
    )
  }
}

@Resolver(() => TaskType)
export class TaskInsightResolver {
  @FieldResolver(() => String, {
    description: 'Where its effective deadline comes from: OWN (its phrase), INHERITED (a task it implements) or NONE.',
  })
  async deadlineSource(@Root() t: TaskType, @Ctx() { loaders }: Context): Promise<string> {
    return (await loaders.effectiveDeadline.load(t.raw.id))?.source ?? 'NONE'
  }

  @FieldResolver(() => TaskType, { nullable: true, description: 'The task in a higher plan whose deadline it inherits, when it does.' })
  async inheritsFrom(@Root() t: TaskType, @Ctx() { loaders }: Context): Promise<TaskType | null> {
    const e = await loaders.effectiveDeadline.load(t.raw.id)
    const from = e?.source === 'INHERITED' && e.fromTaskId ? await loaders.task.load(e.fromTaskId) : null
    return from ? TaskType.of(from) : null
  }
}

/** ReportType is built from a core Report (`ReportType.of` spreads it), so the stored fields are at hand. */
const raw = (r: ReportType) => r as unknown as Report

@Resolver(() => ReportType)
export class ReportInsightResolver {
  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The organisation reporting.' })
  async organization(@Root() r: ReportType, @Ctx() { loaders }: Context): Promise<OrganizationType | null> {
    const o = await loaders.organization.load(raw(r).organizationId)
    return o ? OrganizationType.of(o) : null
  }

  @FieldResolver(() => ReportPeriodEnum, { description: 'The period reported on.' })
  period(@Root() r: ReportType): ReportPeriod {
    return raw(r).period
  }

  @FieldResolver(() => DateScalar, { nullable: true }) periodStart(@Root() r: ReportType): string | null {
    return raw(r).periodStart
  }
  @FieldResolver(() => DateScalar, { nullable: true }) periodEnd(@Root() r: ReportType): string | null {
    return raw(r).periodEnd
  }
  @FieldResolver(() => String, { nullable: true }) narrative(@Root() r: ReportType): string | null {
    return raw(r).narrative
  }

  @FieldResolver(() => [EvidenceType], { description: 'Its evidence (minh chứng).' })
  evidence(@Root() r: ReportType): EvidenceType[] {
    return raw(r).evidence.map((e) => Object.assign(new EvidenceType(), e))
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The supervising organisation that verified it.' })
  async verifier(@Root() r: ReportType, @Ctx() { loaders }: Context): Promise<OrganizationType | null> {
    const id = raw(r).verification.verifierId
    const o = id ? await loaders.organization.load(id) : null
    return o ? OrganizationType.of(o) : null
  }

  @FieldResolver(() => DateScalar, { nullable: true }) verifiedOn(@Root() r: ReportType): string | null {
    return raw(r).verification.verifiedOn
  }
  @FieldResolver(() => String, { nullable: true }) verificationNote(@Root() r: ReportType): string | null {
    return raw(r).verification.note
  }
}
