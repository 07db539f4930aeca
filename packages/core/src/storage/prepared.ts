/**
 * Prepared statements on PostgreSQL for the reads that mark themselves with {@link PREPARED} (the
 * look-ahead's trees, `tree-query.ts` and `owed-query.ts`): each connection parses and plans such a
 * statement once and then runs it from its cache, where PostgreSQL may keep one generic plan after
 * five runs (PostGraphile prepares its statements the same way). Measured on the national data: the
 * tasks an organisation owes, read as trees, 2.5 ms a statement unnamed, 0.8 ms prepared — parsing
 * and planning were two thirds of it.
 *
 * At most {@link MAX_PREPARED} per connection, the least recently used deallocated. Only statements
 * whose rows are ids and JSON text are marked, so that a migration can never change a prepared
 * statement's row type.
 */
import { createHash } from 'node:crypto'
import type pg from 'pg'

/** The comment that opens a statement to be prepared. */
export const PREPARED = '/* prepared */ '

/** Prepared statements kept per connection. */
const MAX_PREPARED = 200

/**
 * Makes a pool client prepare the statements marked {@link PREPARED} (named by a hash of their text),
 * keeping at most `max`.
 *
 * @example
 * pool.on('connect', (client) => prepareMarked(client))
 */
export function prepareMarked(client: pg.ClientBase, max = MAX_PREPARED): void {
  /** Names prepared on this connection, least recently used first. */
  const names = new Map<string, true>()
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  // pg's record of what this connection has parsed (8.x): forgotten with the statement it names.
  const parsed = (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection?.parsedStatements
  // kysely calls query(text, values); anything else (a config object, a callback, a cursor) passes through.
  ;(client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [text, values] = args
    if (args.length !== 2 || typeof text !== 'string' || !text.startsWith(PREPARED) || !Array.isArray(values)) return query(...args)
    const name = `chidao_${createHash('sha1').update(text).digest('base64url')}`
    names.delete(name)
    names.set(name, true)
    if (names.size > max) {
      const oldest = names.keys().next().value as string
      names.delete(oldest)
      if (parsed) delete parsed[oldest]
      // Queued on this connection before the statement below; its failure would only leave it prepared.
      void Promise.resolve(query(`deallocate "${oldest}"`)).catch(() => {})
    }
    return query({ name, text, values })
  }
}
