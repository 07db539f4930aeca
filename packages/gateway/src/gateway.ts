/**
 * `createGateway`: Apollo Server over core's services, with a request handler for Node's http
 * (Express and Fastify can call it with their raw request and response).
 */
import 'reflect-metadata'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server'
import { ApolloArmor } from '@escape.tech/graphql-armor'
import { Chidao, migrateToLatest, openStore, resolveApiKey, type Store } from '@chidao/core'
import { GraphQLError, Lexer, Source, TokenKind, type GraphQLSchema } from 'graphql'
import { createContext, type Context } from './context.js'
import { shapeLimits } from './query-limits.js'
import { costLimitPlugin, type CostLimits } from './cost.js'
import { createDashboard } from './dashboard/router.js'
import { developmentFormatError, formatError } from './error-format.js'
import { HttpRefusal, parseGraphQLBody, readBody } from './http-body.js'
import { handleImport } from './import-route.js'
import { perfPlugins } from './perf.js'
import { lookaheadPlugin } from './lookahead/answer.js'
import { graphiqlAsset, LANDING_PAGE } from './landing-page.js'
import { buildSchema } from './schema.js'
import { buildSubgraph } from './subgraph.js'

/** Options of {@link createGateway}: a connection string, or an open store. */
export type GatewayOptions = ({ databaseUrl: string } | { store: Store }) & {
  /** The path GraphQL is served on (default `/graphql`). */
  readonly path?: string
  /** Introspection (default on; turn off in production if wanted). */
  readonly introspection?: boolean
  /** Serve as an Apollo Federation subgraph (`@key` on Organization, Document, Task). */
  readonly subgraph?: boolean
  /** Whether reads need no key ("Ba công khai": public by default). When false, every request needs a valid key. */
  readonly publicReads?: boolean
  /** Largest file `POST /import` accepts, bytes (default 20 MiB); larger is 413. */
  readonly maxUploadBytes?: number
  /**
   * Query limits: depth, aliases and tokens (graphql-armor); rows and statements estimated with the
   * variables (see cost.ts; `maxCost` is kept for compatibility and ignored). Field suggestions are always hidden.
   */
  readonly limits?: { maxDepth?: number; maxCost?: number; maxAliases?: number; maxTokens?: number } & CostLimits
  /**
   * Look ahead (default on): a query that selects only the cascade's columns, objects and pages of
   * lists is answered from one tree per root field read in one statement (see lookahead/plan.ts);
   * off, every query runs through the resolvers (the tests compare the two).
   */
  readonly lookahead?: boolean
  /** Development: stack traces in API errors (never otherwise: no server paths reach a client). */
  readonly development?: boolean
  /** The unit the dashboard at `/` shows when its URL names none (default QNG). */
  readonly dashboardUnit?: string
  /** HTTP limits: the largest body (413 above it) and how long `/readyz` waits for the store. See {@link HTTP_DEFAULTS}. */
  readonly http?: { maxBodyBytes?: number; readyTimeoutMs?: number }
}

export interface Gateway {
  readonly server: ApolloServer<Context>
  readonly schema: GraphQLSchema
  readonly store: Store
  /** Handles one HTTP request: GraphQL on `path`, the offline page on GET, `/healthz` (alive), `/readyz` (the store answers), `POST /import`, the dashboard (`/`, `/d/…`, `/o/…`, `/t/…`, `/export/…`). */
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>
  /** Stops Apollo and closes the store when the gateway opened it. */
  stop(): Promise<void>
}

/** The defaults of {@link GatewayOptions.http}: 1 MB bodies, 2 s for the readiness probe. */
export const HTTP_DEFAULTS = Object.freeze({ maxBodyBytes: 1_000_000, readyTimeoutMs: 2_000 })

/** Counts a query's tokens with graphql's own lexer; null when it does not lex (Apollo reports that). */
function tokenCount(query: string, stopAfter: number): number | null {
  try {
    const lexer = new Lexer(new Source(query))
    let n = 0
    while (lexer.advance().kind !== TokenKind.EOF) if (++n > stopAfter) return n
    return n
  } catch {
    return null
  }
}

/**
 * Makes the gateway: migrates the store, builds the schema, starts Apollo.
 *
 * @example
 * const gateway = await createGateway({ databaseUrl: 'chidao.sqlite' })
 * http.createServer(gateway.handler).listen(4000, '127.0.0.1')
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const owned = 'databaseUrl' in options
  const store = owned ? await openStore(options.databaseUrl) : options.store
  await migrateToLatest(store)
  const chidao = new Chidao(store)
  const schema = options.subgraph ? await buildSubgraph() : await buildSchema()
  const path = options.path ?? '/graphql'
  // Depth 13 fits three nested connections (document → implementedBy → edges → node → tasks → edges → node → reports → edges → node → field);
  // what a query costs is bounded by the row and statement limits, not by its depth.
  const limits = options.limits ?? {}
  const armor = new ApolloArmor({
    // Depth and aliases report QUERY_TOO_DEEP / TOO_MANY_ALIASES (armor's own errors say "Syntax Error").
    ...shapeLimits({ maxDepth: limits.maxDepth ?? 13, maxAliases: limits.maxAliases ?? 15 }),
    // armor's cost multiplies every nested field by literal pages only (a `first: $n` went uncounted); cost.ts counts rows and statements.
    costLimit: { enabled: false },
    // Tokens are counted before Apollo (armor's count throws where Apollo answers 500).
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  })
  const protection = armor.protect()
  const server = new ApolloServer<Context>({
    schema,
    introspection: options.introspection ?? true,
    formatError: options.development ? developmentFormatError : formatError,
    includeStacktraceInErrorResponses: options.development ?? false,
    validationRules: protection.validationRules,
    // armor's plugins are typed for any context; ours is a superset.
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<Context>[]),
      costLimitPlugin<Context>(limits),
      ...perfPlugins<Context>(),
      ...(options.lookahead === false ? [] : [lookaheadPlugin()]),
      {
        async serverWillStart() {
          return {
            async renderLandingPage() {
              return { html: LANDING_PAGE }
            },
          }
        },
      },
    ],
  })
  await server.start()

  /** A request's context from its Authorization header; refuses a keyless read when reads are private. */
  async function contextOf(authorization: string | undefined, idempotencyKey: string | null = null): Promise<Context> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
    const grant = bearer ? await resolveApiKey(store.db, bearer) : null
    if (options.publicReads === false && !grant) {
      throw new GraphQLError('Reads need an API key here (Authorization: Bearer …)', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      })
    }
    return createContext(chidao, grant, bearer !== undefined && grant === null, idempotencyKey)
  }
  const dashboard = createDashboard({ server, context: contextOf, defaultUnit: options.dashboardUnit })

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await handle(req, res)
    } catch {
      // Never leave a request hanging, never show what failed inside: an unexpected failure is a coded 500.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          errors: [{ message: 'Lỗi nội bộ của máy chủ / Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        }),
      )
    }
  }

  const maxBody = options.http?.maxBodyBytes ?? HTTP_DEFAULTS.maxBodyBytes
  const maxTokens = limits.maxTokens ?? 2000

  async function ready(res: ServerResponse): Promise<void> {
    try {
      await store.ping(options.http?.readyTimeoutMs ?? HTTP_DEFAULTS.readyTimeoutMs)
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ready"}')
    } catch {
      res
        .writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' })
        .end('{"status":"unavailable","code":"STORE_UNAVAILABLE"}')
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}')
      return
    }
    if (url.pathname === '/readyz') return ready(res)
    if (url.pathname === '/import') {
      await handleImport(req, res, { server, chidao, store, maxBytes: options.maxUploadBytes ?? 20 * 1024 * 1024 })
      return
    }
    const asset = graphiqlAsset(url.pathname)
    if (asset) {
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' }).end(asset.body)
      return
    }
    if (url.pathname !== path && (await dashboard(req, res, url))) return
    if (url.pathname !== path) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    try {
      const headers = new HeaderMap()
      for (const [key, value] of Object.entries(req.headers))
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value)
      const body = req.method === 'POST' ? parseGraphQLBody(headers.get('content-type'), await readBody(req, maxBody)) : ''
      const query = (body as { query?: unknown } | null)?.query ?? url.searchParams.get('query')
      if (typeof query === 'string' && (tokenCount(query, maxTokens) ?? 0) > maxTokens) {
        throw new HttpRefusal(
          400,
          'GRAPHQL_PARSE_FAILED',
          `Truy vấn quá dài (hơn ${maxTokens} token) / Token limit of ${maxTokens} exceeded`,
        )
      }
      const idempotencyKey = headers.get('idempotency-key') ?? null
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
        context: () => contextOf(headers.get('authorization'), idempotencyKey),
      })
      res.statusCode = result.status ?? 200
      for (const [key, value] of result.headers) res.setHeader(key, value)
      if (result.body.kind === 'complete') res.end(result.body.string)
      else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk)
        res.end()
      }
    } catch (e) {
      if (!(e instanceof HttpRefusal)) throw e
      if (!res.headersSent)
        res.writeHead(e.status, { 'content-type': 'application/json', ...(e.status === 413 ? { connection: 'close' } : {}) })
      res.end(e.body())
    }
  }

  return {
    server,
    schema,
    store,
    handler,
    async stop() {
      await server.stop()
      if (owned) await store.close()
    },
  }
}
