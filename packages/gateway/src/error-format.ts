/**
 * What an API client sees of an error: a message and a code, never a stack, SQL, a path or a
 * driver's text. Core's coded errors keep their code; the store's timeouts and outages become
 * STORE_TIMEOUT / STORE_UNAVAILABLE; the query limits answer as bad requests; anything else is
 * INTERNAL_SERVER_ERROR with a fixed message.
 */
import type { GraphQLFormattedError } from 'graphql'
import { isDomainError, toStoreError } from '@chidao/core'
import { unwrapResolverError } from '@apollo/server/errors'

const LIMIT_CODES_LIST = ['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES']

/** Codes Apollo and graphql-armor give errors that are the client's, kept as they are. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  // An unknown code in an argument (resolvers/codes.ts).
  'NOT_FOUND',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // The cost limit's refusal carries its estimate (rows, statements) for the client to act on.
  'QUERY_TOO_COSTLY',
  ...LIMIT_CODES_LIST,
])

/** Codes of the shape limits (query-limits.ts), which Apollo relabels GRAPHQL_VALIDATION_FAILED: kept as the rule gave them. */
const LIMIT_CODES = new Set(LIMIT_CODES_LIST)

function limitCode(error: unknown): string | null {
  const code = (error as { originalError?: { extensions?: { code?: unknown } } } | null)?.originalError?.extensions?.code
  return typeof code === 'string' && LIMIT_CODES.has(code) ? code : null
}

/**
 * Apollo's `formatError`: masks what is internal and keeps every error coded.
 *
 * @example
 * new ApolloServer({ schema, formatError })
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = toStoreError(unwrapResolverError(error))
  const base = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) }
  if (isDomainError(original)) {
    return { ...base, message: original.message, extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) } }
  }
  const code = limitCode(error) ?? String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR')
  if (CLIENT_CODES.has(code)) {
    // A client's error: its own extensions (a limit's estimate, an HTTP status), never a stack trace.
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {}
    return { ...base, message: formatted.message, extensions: { ...extensions, code } }
  }
  return { ...base, message: 'Lỗi nội bộ của máy chủ / Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }
}

/**
 * The same masking with, in development only, the stack trace Apollo put on the error
 * (`createGateway({ development: true })`, `chidao serve --dev`).
 *
 * @example
 * new ApolloServer({ schema, formatError: developmentFormatError, includeStacktraceInErrorResponses: true })
 */
export function developmentFormatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const masked = formatError(formatted, error)
  const stacktrace = formatted.extensions?.stacktrace
  return stacktrace ? { ...masked, extensions: { ...masked.extensions, stacktrace } } : masked
}
