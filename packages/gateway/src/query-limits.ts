/**
 * The shape limits of a query (depth, aliases), enforced by graphql-armor during validation, reported
 * as coded, bilingual validation errors. armor's own errors read "Syntax Error: Query depth limit…",
 * which tells a client its query is malformed when it is only too large; here the rule reports
 * `QUERY_TOO_DEEP` / `TOO_MANY_ALIASES` with the limit and what was found, and nothing runs.
 */
import type { ApolloArmor } from '@escape.tech/graphql-armor'
import { GraphQLError } from 'graphql'

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>

/** Reads "… limit of 3 exceeded, found 7." out of armor's message (exposeLimits is on). */
function found(message: string): number | null {
  const m = /found (\d+)/.exec(message)
  return m ? Number(m[1]) : null
}

function refusal(code: string, vi: string, en: string, limit: number, seen: number | null): GraphQLError {
  const over = seen === null ? '' : `: ${seen}`
  return new GraphQLError(`${vi}${over} (tối đa ${limit}) / ${en}${over} (at most ${limit})`, {
    extensions: { code, limit, ...(seen === null ? {} : { found: seen }) },
  })
}

/**
 * armor's depth and alias options, reporting chidao's own errors instead of armor's.
 *
 * @example
 * new ApolloArmor({ ...shapeLimits({ maxDepth: 13, maxAliases: 15 }), costLimit: { enabled: false } })
 */
export function shapeLimits(limits: { maxDepth: number; maxAliases: number }): Pick<ArmorConfig, 'maxDepth' | 'maxAliases'> {
  return {
    maxDepth: {
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: [
        (context, error) =>
          context?.reportError(refusal('QUERY_TOO_DEEP', 'Truy vấn lồng quá sâu', 'Query too deep', limits.maxDepth, found(error.message))),
      ],
    },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [
        (context, error) =>
          context?.reportError(
            refusal('TOO_MANY_ALIASES', 'Quá nhiều bí danh (alias)', 'Too many aliases', limits.maxAliases, found(error.message)),
          ),
      ],
    },
  }
}
