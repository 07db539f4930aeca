/** The HTTP server the gateway runs in, with timeouts that cut slow clients off. */
import http from 'node:http'

/**
 * Timeouts of {@link createHttpServer}, in ms: the headers must arrive within 10 s, the whole request
 * within 30 s (a client trickling its body is cut off then), an idle keep-alive connection is closed
 * after 5 s, and a socket silent for 60 s is destroyed.
 */
export const SERVER_TIMEOUTS = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  socketTimeoutMs: 60_000,
})

export type ServerTimeouts = { -readonly [K in keyof typeof SERVER_TIMEOUTS]?: number }

/**
 * Node's http server around a gateway handler, with {@link SERVER_TIMEOUTS} (each overridable).
 *
 * @example
 * createHttpServer(gateway.handler).listen(4000, '127.0.0.1')
 */
export function createHttpServer(handler: http.RequestListener, timeouts: ServerTimeouts = {}): http.Server {
  const t = { ...SERVER_TIMEOUTS, ...timeouts }
  const server = http.createServer(
    {
      headersTimeout: t.headersTimeoutMs,
      requestTimeout: t.requestTimeoutMs,
      keepAliveTimeout: t.keepAliveTimeoutMs,
      // How often Node checks the two timeouts above (its default, 30 s, would let a slow client stay that long).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(t.headersTimeoutMs / 2))),
    },
    handler,
  )
  server.setTimeout(t.socketTimeoutMs, (socket) => socket.destroy())
  return server
}
