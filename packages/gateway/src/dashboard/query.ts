/**
 * Pages and exports read the gateway's own GraphQL schema, through Apollo's request pipeline with
 * the request's context: the same key, authorization, limits (graphql-armor) and loaders as any
 * client. One context per page, so the loaders batch across a page's operations.
 */
import type { ApolloServer } from '@apollo/server'
import type { Context } from '../context.js'

/** Runs one operation and returns its data; GraphQL errors become a {@link QueryError}. */
export type Run = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<T>

/** An operation failed; `code` is the first error's extension code (UNAUTHENTICATED, …). */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message)
  }
}

/**
 * A runner over a server and a context made once, on first use.
 *
 * @example
 * const run = runner(gateway.server, () => Promise.resolve(createContext(chidao)))
 * const { provinceScorecard } = await run('query($a: Date!) { provinceScorecard(province: "QNG", asOf: $a) { total } }', { a: '2025-12-31' })
 */
export function runner(server: ApolloServer<Context>, context: () => Promise<Context>): Run {
  let made: Promise<Context> | undefined
  return async (query, variables = {}) => {
    made ??= context()
    const contextValue = await made
    const response = await server.executeOperation({ query, variables }, { contextValue })
    if (response.body.kind !== 'single') throw new QueryError('unexpected incremental response', null)
    const { data, errors } = response.body.singleResult
    if (errors?.length)
      throw new QueryError(errors.map((e) => e.message).join('; '), (errors[0]?.extensions?.code as string | undefined) ?? null)
    return data as any
  }
}

/** A connection page as the API returns it. */
interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  edges: { node: T }[]
}

/**
 * Every node of a connection, fetching page after page (small pages keep each operation under the
 * cost limit); null when the first fetch finds nothing.
 *
 * @example
 * const tasks = await allPages((after) => run(Q, { id, after }).then((d) => d.node?.tasks ?? null))
 */
export async function allPages<T>(fetch: (after: string | null) => Promise<Page<T> | null>): Promise<T[] | null> {
  const out: T[] = []
  let after: string | null = null
  for (;;) {
    const page: Page<T> | null = await fetch(after)
    if (!page) return after === null ? null : out
    out.push(...page.edges.map((e) => e.node))
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return out
    after = page.pageInfo.endCursor
  }
}
