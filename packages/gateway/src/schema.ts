import 'reflect-metadata'
import type { GraphQLSchema } from 'graphql'
import { buildSchema as buildTypeGraphQLSchema } from 'type-graphql'
import { CalendarResolver } from './resolvers/calendar.resolver.js'
import { DocumentResolver, LookupResolver, OrganizationResolver, TaskResolver } from './resolvers/domain.resolver.js'
import { COMMANDS } from '@chidao/core'
import { commandResolvers } from './resolvers/command.resolver.js'
import { ReportInsightResolver, ScorecardInsightResolver, TaskInsightResolver } from './resolvers/insight.resolver.js'
import { MutationResolver } from './resolvers/mutation.resolver.js'
import { ScorecardResolver } from './resolvers/scorecard.resolver.js'

let built: Promise<GraphQLSchema> | undefined

/**
 * The chidao GraphQL schema (built once: type-graphql's metadata is global).
 *
 * @example
 * printSchema(await buildSchema())
 */
export function buildSchema(): Promise<GraphQLSchema> {
  built ??= buildTypeGraphQLSchema({
    resolvers: [CalendarResolver, LookupResolver, OrganizationResolver, DocumentResolver, TaskResolver, ScorecardResolver, MutationResolver,
      ScorecardInsightResolver, TaskInsightResolver, ReportInsightResolver, ...commandResolvers(COMMANDS)],
    validate: true,
  })
  return built
}
