/** The fields of an organisation: its parent, members, existence on a date and successions. */
import { validOn, type Succession } from '@chidao/core'
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql'
import { loadAll, type Context } from '../context.js'
import { DateScalar } from '../scalars.js'
import { OrganizationConnection, OrganizationType, SuccessionConnection, SuccessionType } from '../types/domain.type.js'
import { ConnectionArgs, paginate } from '../types/relay.js'

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
