/**
 * `createGateway`: Apollo Server over core's services, with a request handler for Node's http
 * (Express and Fastify can call it with their raw request and response).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server'
import { ApolloArmor } from '@escape.tech/graphql-armor'
import { Chidao, migrateToLatest, openStore, resolveApiKey, type Store } from '@chidao/core'
import { GraphQLError, type GraphQLSchema } from 'graphql'
import { createContext, type Context } from './context.js'
import { handleImport } from './import-route.js'
import { createDashboard } from './dashboard/router.js'
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
  /** Query limits (graphql-armor); field suggestions are always hidden. */
  readonly limits?: { maxDepth?: number; maxCost?: number; maxAliases?: number; maxTokens?: number }
  /** Development: stack traces in API errors (never otherwise: no server paths reach a client). */
  readonly development?: boolean
  /** The unit the dashboard at `/` shows when its URL names none (default QNG). */
  readonly dashboardUnit?: string
}

export interface Gateway {
  readonly server: ApolloServer<Context>
  readonly schema: GraphQLSchema
  readonly store: Store
  /** Handles one HTTP request: GraphQL on `path`, the offline page on GET, `/healthz`, `POST /import`, the dashboard (`/`, `/d/…`, `/o/…`, `/t/…`, `/export/…`). */
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>
  /** Stops Apollo and closes the store when the gateway opened it. */
  stop(): Promise<void>
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > 1_000_000) throw new Error('request body over 1 MB')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
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
  // Depth 10 fits the deepest useful query (document → tasks → edges → node → parentTasks → edges → node → document → field).
  const limits = options.limits ?? {}
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth ?? 10 },
    // armor multiplies a field's cost by its literal `first`/`last`. Measured: a page of 40 tasks with every task
    // field (document, assignments, status, obligations, deadlines, violations, parent and child tasks, reports)
    // costs ~29,400; 100 of them ~73,500 (refused); 100 with document, assignments and status ~16,700.
    costLimit: { maxCost: limits.maxCost ?? 50_000 },
    maxAliases: { n: limits.maxAliases ?? 15 },
    maxTokens: { n: limits.maxTokens ?? 2000 },
    blockFieldSuggestion: { enabled: true },
  })
  const protection = armor.protect()
  const server = new ApolloServer<Context>({
    schema,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: options.development ?? false,
    validationRules: protection.validationRules,
    // armor's plugins are typed for any context; ours is a superset.
    plugins: [...(protection.plugins as ApolloServerPlugin<Context>[]), { async serverWillStart() { return { async renderLandingPage() { return { html: LANDING_PAGE } } } } }],
  })
  await server.start()

  /** A request's context from its Authorization header; refuses a keyless read when reads are private. */
  async function contextOf(authorization: string | undefined): Promise<Context> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
    const grant = bearer ? await resolveApiKey(store.db, bearer) : null
    if (options.publicReads === false && !grant) {
      throw new GraphQLError('Reads need an API key here (Authorization: Bearer …)', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } })
    }
    return createContext(chidao, grant, bearer !== undefined && grant === null)
  }
  const dashboard = createDashboard({ server, context: contextOf, defaultUnit: options.dashboardUnit })

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await handle(req, res)
    } catch (e) {
      // Never leave a request hanging: an unexpected failure is a 500.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ message: (e as Error).message }] }))
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}')
      return
    }
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
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value)
      const text = req.method === 'POST' ? await readBody(req) : ''
      const body = text && (headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
        context: () => contextOf(headers.get('authorization')),
      })
      res.statusCode = result.status ?? 200
      for (const [key, value] of result.headers) res.setHeader(key, value)
      if (result.body.kind === 'complete') res.end(result.body.string)
      else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk)
        res.end()
      }
    } catch (e) {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ message: (e as Error).message }] }))
    }
  }

  return {
    server, schema, store, handler,
    async stop() {
      await server.stop()
      if (owned) await store.close()
    },
  }
}
