/** `organizations(tier, kind)`: the organisations of a tier and/or kind, paged in the store (the dashboard's unit picker reads it). */
import type { OrganizationKind, Tier } from '@chidao/core'
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql'
import type { Context } from '../context.js'
import { OrganizationConnection, OrganizationType } from '../types/domain.type.js'
import { OrganizationKindEnum, TierEnum } from '../types/enums.js'
import { ConnectionArgs, pageFromStore } from '../types/relay.js'

@Resolver()
export class OrganizationListResolver {
  @Query(() => OrganizationConnection, {
    description: 'Organisations of a tier and/or a kind (e.g. PROVINCE and TERRITORY: the provinces), by code.',
  })
  organizations(
    @Ctx() { chidao }: Context,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tier', () => TierEnum, { nullable: true }) tier: Tier | null,
    @Arg('kind', () => OrganizationKindEnum, { nullable: true }) kind: OrganizationKind | null,
  ) {
    return pageFromStore(page, async ({ offset, limit }) => {
      const found = await chidao.listOrganizations({ tier, kind, offset, limit })
      return { items: found.items.map(OrganizationType.of), total: found.total }
    })
  }
}
