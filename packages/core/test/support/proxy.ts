import net from 'node:net'
import type { AddressInfo } from 'node:net'

/** A PostgreSQL ErrorResponse message (protocol 3): severity FATAL, a SQLSTATE code and a message. */
function fatal(code: string, message: string): Buffer {
  const field = (type: string, value: string) => Buffer.from(`${type}${value}\0`, 'utf8')
  const body = Buffer.concat([field('S', 'FATAL'), field('V', 'FATAL'), field('C', code), field('M', message), Buffer.from([0])])
  const head = Buffer.alloc(5)
  head.write('E', 0)
  head.writeInt32BE(body.length + 4, 1)
  return Buffer.concat([head, body])
}

/**
 * A TCP proxy in front of PostgreSQL that restarts as the gateway sees a real server restart, in
 * its three phases: `down()` is a fast shutdown (every connection, idle or busy, is told FATAL
 * 57P01 "terminating connection due to administrator command" and closed, its backend with it, so
 * an open transaction rolls back; new connections are refused), `starting()` is the recovery
 * (connections are accepted and answered FATAL 57P03 "the database system is starting up"), and
 * `up()` serves again. It stands in for `pg_ctlcluster restart`, which would break every other
 * suite using the shared server at the same time.
 */
export async function restartableProxy(target: URL) {
  const links = new Set<{ client: net.Socket; upstream: net.Socket }>()
  let recovering = false
  const server = net.createServer((client) => {
    client.on('error', () => client.destroy())
    if (recovering) {
      // The startup packet is answered as a server in recovery answers it.
      client.once('data', () => client.end(fatal('57P03', 'the database system is starting up')))
      return
    }
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    const link = { client, upstream }
    links.add(link)
    for (const s of [client, upstream]) {
      s.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
      s.on('close', () => {
        links.delete(link)
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream).pipe(client)
  })
  const listen = (port = 0) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  await listen()
  const port = (server.address() as AddressInfo).port
  return {
    url: Object.assign(new URL(target.href), { port: String(port), hostname: '127.0.0.1' }).href,
    /** The connections open through the proxy now. */
    get connections() {
      return links.size
    },
    /** A fast shutdown: every connection told 57P01 and closed; new ones refused. */
    async down() {
      await new Promise<void>((resolve) => {
        if (!server.listening) return resolve()
        server.close(() => resolve())
        for (const { client, upstream } of links) {
          upstream.unpipe(client)
          upstream.destroy()
          client.end(fatal('57P01', 'terminating connection due to administrator command'))
          setTimeout(() => client.destroy(), 50).unref()
        }
      })
    },
    /** Recovery: connections accepted and refused with 57P03. */
    async starting() {
      recovering = true
      if (!server.listening) await listen(port)
    },
    /** Serving again. */
    async up() {
      recovering = false
      if (!server.listening) await listen(port)
    },
  }
}
