/** API answers carry no stack trace (nor server path) unless the development flag is on; a revoked key is refused at once. */
import { createApiKey, revokeApiKey } from '@chidao/core'
import { describe, expect, it } from 'vitest'
import { serve } from './support.js'

describe('API errors and keys', () => {
  it('no stacktrace in errors by default; with development: true there is one', async () => {
    const quiet = await serve({ databaseUrl: ':memory:' })
    try {
      const { body } = await quiet.post('{ organization(code: ')
      expect(body.errors?.length).toBeGreaterThan(0)
      expect(JSON.stringify(body)).not.toMatch(/stacktrace|\/src\/|node_modules|\.ts:\d+/)
    } finally {
      await quiet.close()
    }
    const dev = await serve({ databaseUrl: ':memory:', development: true })
    try {
      const { body } = await dev.post('{ organization(code: ')
      expect(JSON.stringify(body)).toContain('stacktrace')
    } finally {
      await dev.close()
    }
  })

  it('a revoked key stops working on the next request', async () => {
    const served = await serve({ databaseUrl: ':memory:', publicReads: false })
    try {
      const db = served.gateway.store.db
      const { secret, grant } = await createApiKey(db, { organizationId: null, role: 'VIEWER', label: 'test' })
      const ok = await served.post('{ __typename }', {}, secret)
      expect(ok.status).toBe(200)
      expect(ok.body.data).toEqual({ __typename: 'Query' })
      await revokeApiKey(db, { id: grant.keyId })
      const refused = await served.post('{ __typename }', {}, secret)
      expect(refused.body.data ?? null).toBeNull()
      expect(JSON.stringify(refused.body)).not.toContain(secret)
    } finally {
      await served.close()
    }
  })
})
