import { describe, expect, it } from 'vitest'
import type pg from 'pg'
import { PREPARED, prepareMarked } from '../src/storage/prepared.js'

/** A pool client that records what it is asked, with pg's record of parsed statements. */
function fakeClient() {
  const calls: unknown[][] = []
  const client = {
    connection: { parsedStatements: {} as Record<string, string> },
    query: (...args: unknown[]) => {
      calls.push(args)
      const first = args[0] as { name?: string; text?: string }
      if (first?.name) client.connection.parsedStatements[first.name] = first.text!
      return Promise.resolve({ rows: [] })
    },
  }
  return { client, calls }
}

describe('prepared statements', () => {
  it('names marked statements by their text, passes the rest through, and deallocates the least recently used beyond the limit', async () => {
    const { client, calls } = fakeClient()
    prepareMarked(client as unknown as pg.ClientBase, 2)
    const a = `${PREPARED}select 1`
    const b = `${PREPARED}select 2`
    const c = `${PREPARED}select 3`
    await client.query('select 0', [])
    await client.query(a, [])
    await client.query(b, [1])
    await client.query(a, [])
    expect(calls[0]).toEqual(['select 0', []])
    const named = calls.slice(1).map((call) => call[0] as { name: string; text: string; values: unknown[] })
    expect(named.map((q) => q.text)).toEqual([a, b, a])
    expect(named[0]!.name).toBe(named[2]!.name)
    expect(named[0]!.name).not.toBe(named[1]!.name)
    expect(named[0]!.name).toMatch(/^chidao_[\w-]{27}$/)
    expect(named[1]!.values).toEqual([1])
    // A third statement: b, the least recently used, is forgotten here and deallocated there; a stays.
    await client.query(c, [])
    expect(calls[4]).toEqual([`deallocate "${named[1]!.name}"`])
    expect(Object.keys(client.connection.parsedStatements).sort()).toEqual([named[0]!.name, (calls[5]![0] as { name: string }).name].sort())
  })
})
