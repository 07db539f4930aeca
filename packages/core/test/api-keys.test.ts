import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiKey, hasRole, mayActFor, resolveApiKey } from '../src/index.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { registerOrganizations } from './support/cascade.js'

for (const dialect of DIALECTS) {
  describe(`API keys on ${dialect.name}`, () => {
    let t: TestContext
    beforeEach(async () => {
      t = await initTest(dialect)
      await registerOrganizations(t.chidao)
    })
    afterEach(async () => {
      await destroyTest(t)
    })

    it('stores only a hash, resolves the secret to its grant, and forgets revoked keys', async () => {
      const ubnd = (await t.chidao.organizationByCode('QNG.UBND'))!
      const { secret, grant } = await createApiKey(t.store.db, { organizationId: ubnd.id, role: 'EDITOR', label: 'UBND' })
      const stored = await t.store.db.selectFrom('apiKey').selectAll().execute()
      expect(JSON.stringify(stored)).not.toContain(secret)
      expect(await resolveApiKey(t.store.db, secret)).toEqual(grant)
      expect(await resolveApiKey(t.store.db, `${secret}x`)).toBeNull()
      await t.store.db.updateTable('apiKey').set({ revokedAt: '2026-01-01T00:00:00Z' }).execute()
      expect(await resolveApiKey(t.store.db, secret)).toBeNull()
      await expect(createApiKey(t.store.db, { organizationId: null, role: 'ROOT' })).rejects.toThrow(/role/)
    })

    it('audits every key it creates, as the command it is, without the secret or its hash', async () => {
      const ubnd = (await t.chidao.organizationByCode('QNG.UBND'))!
      const { secret, grant } = await createApiKey(t.store.db, { organizationId: ubnd.id, role: 'EDITOR', label: 'UBND', actor: 'cli' })
      const viaService = await t.chidao.createApiKey({ actor: 'admin' }, { organizationId: null, role: 'VIEWER' })
      const [entry] = await t.chidao.auditTrail('apiKey', grant.keyId)
      expect(entry).toMatchObject({ actor: 'cli', command: 'createApiKey', after: { keyId: grant.keyId, role: 'EDITOR', label: 'UBND' } })
      expect(JSON.stringify(await t.store.db.selectFrom('auditLog').selectAll().execute())).not.toContain(secret)
      expect(await t.chidao.auditTrail('apiKey', viaService.grant.keyId)).toHaveLength(1)
      expect(await t.chidao.mayActFor(grant, ubnd.id)).toBe(true)
    })

    it('lets a key act for its organisation and those below, never above or beside', async () => {
      const ubnd = (await t.chidao.organizationByCode('QNG.UBND'))!
      const skhcn = (await t.chidao.organizationByCode('QNG.SKHCN'))!
      const tu = (await t.chidao.organizationByCode('QNG.TU'))!
      const { grant } = await createApiKey(t.store.db, { organizationId: ubnd.id, role: 'REPORTER' })
      expect(await mayActFor(t.store.db, grant, ubnd.id)).toBe(true)
      expect(await mayActFor(t.store.db, grant, skhcn.id)).toBe(true)
      expect(await mayActFor(t.store.db, grant, tu.id)).toBe(false)
      const dept = (await createApiKey(t.store.db, { organizationId: skhcn.id, role: 'EDITOR' })).grant
      expect(await mayActFor(t.store.db, dept, ubnd.id)).toBe(false)
      const admin = (await createApiKey(t.store.db, { organizationId: null, role: 'ADMIN' })).grant
      expect(await mayActFor(t.store.db, admin, tu.id)).toBe(true)
      expect([hasRole(grant, 'REPORTER'), hasRole(grant, 'EDITOR'), hasRole(admin, 'EDITOR')]).toEqual([true, false, true])
    })
  })
}
