/**
 * @chidao/gateway — the GraphQL API over @chidao/core, and the `chidao` command.
 *
 * @example
 * import { createGateway } from '@chidao/gateway'
 * const gateway = await createGateway({ databaseUrl: process.env.DATABASE_URL ?? 'chidao.sqlite' })
 */
import 'reflect-metadata'
export { createGateway, HTTP_DEFAULTS, type Gateway, type GatewayOptions } from './gateway.js'
export { createHttpServer, SERVER_TIMEOUTS, type ServerTimeouts } from './http-server.js'
export { buildSchema } from './schema.js'
export { buildSubgraph, subgraphSdl } from './subgraph.js'
export { GRAPHIQL_ASSETS, LANDING_PAGE } from './landing-page.js'
