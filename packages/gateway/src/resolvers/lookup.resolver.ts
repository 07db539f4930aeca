/** The root queries that read the cascade: a document, documents, tasks, an organisation, a task, any node. */
import { GraphQLError } from 'graphql'
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql'
import { type Context } from '../context.js'
import { DateScalar } from '../scalars.js'
import { DocumentConnection, DocumentType, OrganizationType, TaskType } from '../types/domain.type.js'
import { ReportType } from '../types/mutation.type.js'
import { ConnectionArgs, fromGlobalId, Node, pageFromStore } from '../types/relay.js'
import { requireOrganization } from './codes.js'

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
