/**
 * Federation subgraph mode: the same schema, with `@key(fields: "id")` on Organization, Document
 * and Task, so a provincial supergraph can compose chidao with its own services and extend these
 * entities. Entities are found by their global IDs.
 */
import { buildSubgraphSchema } from '@apollo/subgraph'
import { parse, printSchema, type GraphQLSchema } from 'graphql'
import { createResolversMap } from 'type-graphql'
import type { Context } from './context.js'
import { buildSchema } from './schema.js'
import { DocumentType, OrganizationType, TaskType } from './types/domain.type.js'
import { fromGlobalId } from './types/relay.js'

const ENTITIES = ['Organization', 'Document', 'Task'] as const

let built: Promise<GraphQLSchema> | undefined

/**
 * The subgraph SDL: the schema plus the federation link and the entity keys.
 *
 * @example
 * writeFileSync('chidao.subgraph.graphql', await subgraphSdl())
 */
export async function subgraphSdl(): Promise<string> {
  let sdl = printSchema(await buildSchema())
  for (const entity of ENTITIES)
    sdl = sdl.replace(`type ${entity} implements Node {`, `type ${entity} implements Node @key(fields: "id") {`)
  return `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\n\n${sdl}`
}

/**
 * Builds the federation subgraph schema (once).
 *
 * @example
 * await createGateway({ databaseUrl, subgraph: true })
 */
export function buildSubgraph(): Promise<GraphQLSchema> {
  built ??= (async () => {
    const schema = await buildSchema()
    const map = createResolversMap(schema) as Record<string, Record<string, unknown>>
    const reference = {
      Organization: async (ref: { id: string }, ctx: Context) => {
        const o = await ctx.loaders.organization.load(fromGlobalId(ref.id).id)
        return o ? OrganizationType.of(o) : null
      },
      Document: async (ref: { id: string }, ctx: Context) => {
        const d = await ctx.loaders.document.load(fromGlobalId(ref.id).id)
        return d ? DocumentType.of(d) : null
      },
      Task: async (ref: { id: string }, ctx: Context) => {
        const t = await ctx.loaders.task.load(fromGlobalId(ref.id).id)
        return t ? TaskType.of(t) : null
      },
    }
    const resolvers: Record<string, Record<string, unknown>> = { ...map }
    for (const entity of ENTITIES) resolvers[entity] = { ...(map[entity] ?? {}), __resolveReference: reference[entity] }
    return buildSubgraphSchema([{ typeDefs: parse(await subgraphSdl()), resolvers: resolvers as never }])
  })()
  return built
}
