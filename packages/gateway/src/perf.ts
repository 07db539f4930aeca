/** Apollo plugins chosen for speed: no per-field hooks that do nothing for this schema. */
import type { ApolloServerPlugin } from '@apollo/server'
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled'

/**
 * The plugins that turn off Apollo's per-field work this schema does not use: cache control hooks
 * every field's resolution, but no type or field here sets a cache hint.
 *
 * @example
 * new ApolloServer({ schema, plugins: [...perfPlugins()] })
 */
export function perfPlugins<C extends object>(): ApolloServerPlugin<C>[] {
  return [ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<C>]
}
