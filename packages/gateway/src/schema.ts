import 'reflect-metadata'
import { getMetadataStorage, validateOrReject, type ValidationError } from 'class-validator'
import type { GraphQLSchema } from 'graphql'
import { ArgumentValidationError, buildSchema as buildTypeGraphQLSchema } from 'type-graphql'
import { CalendarResolver } from './resolvers/calendar.resolver.js'
import { DocumentResolver } from './resolvers/document.resolver.js'
import { LookupResolver } from './resolvers/lookup.resolver.js'
import { OrganizationResolver } from './resolvers/organization.resolver.js'
import { TaskResolver } from './resolvers/task.resolver.js'
import { COMMANDS } from '@chidao/core'
import { commandResolvers } from './resolvers/command.resolver.js'
import { ReportInsightResolver, ScorecardInsightResolver, TaskInsightResolver } from './resolvers/insight.resolver.js'
import { FindResolver } from './resolvers/find.resolver.js'
import { MutationResolver } from './resolvers/mutation.resolver.js'
import { ScorecardResolver } from './resolvers/scorecard.resolver.js'
import { TargetResolver } from './resolvers/target.resolver.js'

let built: Promise<GraphQLSchema> | undefined

// biome-ignore lint/complexity/noBannedTypes: class constructors are the keys, as in class-validator's metadata
const declares = new Map<Function, boolean>()

/** Validates an argument object with class-validator only when its class declares constraints (cached per class). */
async function validateWhereDeclared(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return
  const type = (value as object).constructor
  let has = declares.get(type)
  if (has === undefined) {
    has = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0
    declares.set(type, has)
  }
  if (!has) return
  try {
    await validateOrReject(value, { forbidUnknownValues: false, skipMissingProperties: true })
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[])
  }
}

/**
 * The chidao GraphQL schema (built once: type-graphql's metadata is global).
 *
 * @example
 * printSchema(await buildSchema())
 */
export function buildSchema(): Promise<GraphQLSchema> {
  built ??= buildTypeGraphQLSchema({
    resolvers: [
      CalendarResolver,
      LookupResolver,
      OrganizationResolver,
      DocumentResolver,
      TaskResolver,
      FindResolver,
      ScorecardResolver,
      MutationResolver,
      ScorecardInsightResolver,
      TaskInsightResolver,
      ReportInsightResolver,
      TargetResolver,
      ...commandResolvers(COMMANDS),
    ],
    // class-validator only on argument classes that declare constraints (none today): Relay's paging arguments, on every list
    // field, are checked by relay.ts; validating each of them cost ~2.4% of a flat query's CPU.
    validateFn: validateWhereDeclared,
  })
  return built
}
