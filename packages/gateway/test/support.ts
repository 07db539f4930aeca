/** Serving a gateway over a real HTTP port for tests. */
import type { AddressInfo } from 'node:net'
import type { KyselyPlugin } from 'kysely'
import { createGateway, createHttpServer, type Gateway, type GatewayOptions } from '../src/index.js'

export interface Served {
  readonly gateway: Gateway
  /** The GraphQL endpoint, http://127.0.0.1:PORT/graphql. */
  readonly url: string
  /** POSTs a query; returns the JSON answer and status. */
  post(query: string, variables?: Record<string, unknown>, key?: string): Promise<{ status: number; body: any }>
  close(): Promise<void>
}

export async function serve(options: GatewayOptions): Promise<Served> {
  const gateway = await createGateway(options)
  const server = createHttpServer((req, res) => void gateway.handler(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`
  return {
    gateway,
    url,
    async post(query, variables = {}, key) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      })
      return { status: res.status, body: await res.json() }
    },
    async close() {
      await new Promise((resolve) => server.close(resolve))
      await gateway.stop()
    },
  }
}

/** A kysely plugin that counts the statements a store sends (pass it to `initTest(dialect, { plugins: [plugin] })`). */
export function statementCounter(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
      plugin.count++
      return args.node
    },
    async transformResult(args: Parameters<KyselyPlugin['transformResult']>[0]) {
      return args.result
    },
  }
  return plugin
}
