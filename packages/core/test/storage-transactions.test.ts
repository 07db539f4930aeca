import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DomainError } from '../src/index.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { ctx, registerOrganizations, registerSmallCascade } from './support/cascade.js'
import { count, expectCode, failInsertsInto } from './support/storage.js'

for (const dialect of DIALECTS) {
  describe(`storage on ${dialect.name}`, () => {
    let t: TestContext

    beforeEach(async () => {
      t = await initTest(dialect)
    })
    afterEach(async () => {
      await destroyTest(t)
    })

    describe('transactions and audit', () => {
      it('leaves nothing behind when a command fails half way through its writes', async () => {
        await destroyTest(t)
        // A store whose inserts into assignment fail: addTask writes the task and its links, then breaks.
        t = await initTest(dialect, { plugins: [failInsertsInto('assignment')] })
        const { kh09 } = await registerSmallCascade(t.chidao)
        const tasksBefore = await count(t, 'task')
        const auditBefore = await count(t, 'auditLog')
        await expect(
          t.chidao.addTask(ctx, {
            documentId: kh09.id,
            code: '1',
            content: 'written, then rolled back',
            assignments: [{ role: 'LEAD', organizationCode: 'QNG.THIENTIN.DU' }],
          }),
        ).rejects.toThrow(/injected failure/)
        expect(await count(t, 'task')).toBe(tasksBefore)
        expect(await count(t, 'auditLog')).toBe(auditBefore)
        // The same command without the failing write goes through.
        await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'ok' })
        expect(await count(t, 'task')).toBe(tasksBefore + 1)
        expect(await count(t, 'auditLog')).toBe(auditBefore + 1)
      })

      it('appends one audit entry per command with actor, before and after', async () => {
        const { kh359 } = await registerSmallCascade(t.chidao)
        await t.chidao.updateDocument(
          { actor: 'key:QNG.TU:editor' },
          { id: kh359.id, expectedVersion: 1, title: 'Kế hoạch hành động (sửa)' },
        )
        const trail = await t.chidao.auditTrail('document', kh359.id)
        expect(trail.map((e) => [e.command, e.actor])).toEqual([
          ['registerDocument', 'test'],
          ['updateDocument', 'key:QNG.TU:editor'],
        ])
        expect(trail[1]!.before).toMatchObject({ title: 'Kế hoạch hành động', version: 1 })
        expect(trail[1]!.after).toMatchObject({ title: 'Kế hoạch hành động (sửa)', version: 2 })
        expect(trail[0]!.at < trail[1]!.at).toBe(true)
      })

      it('writes no audit entry for a refused command', async () => {
        await registerSmallCascade(t.chidao)
        const before = await count(t, 'auditLog')
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: 'x', issuerCode: 'CP', issuedOn: '2025-01-01', title: 'x' }),
          'MALFORMED_SYMBOL',
        )
        expect(await count(t, 'auditLog')).toBe(before)
      })

      it('refuses to change or delete audit entries (append-only in the store itself)', async () => {
        await registerOrganizations(t.chidao)
        await expect(t.store.db.updateTable('auditLog').set({ actor: 'forger' }).execute()).rejects.toThrow(/append-only/)
        await expect(t.store.db.deleteFrom('auditLog').execute()).rejects.toThrow(/append-only/)
        expect(await count(t, 'auditLog')).toBeGreaterThan(0)
      })

      it('requires an actor', async () => {
        await expectCode(
          t.chidao.registerOrganization({ actor: '' }, { code: 'A', name: 'a', tier: 'CENTRAL', bloc: 'STATE', kind: 'OTHER' }),
          'INVALID_INPUT',
        )
        expect(await count(t, 'organization')).toBe(0)
      })

      it('maps a unique-key race lost at commit time to the command’s duplicate code', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        // Two writers both validate before either inserts; the store's unique key decides.
        const results = await Promise.allSettled([
          t.chidao.addTask(ctx, { documentId: kh09.id, code: '9', content: 'a' }),
          t.chidao.addTask(ctx, { documentId: kh09.id, code: '9', content: 'b' }),
        ])
        expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1)
        const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
        expect(rejected.reason).toBeInstanceOf(DomainError)
        expect((rejected.reason as DomainError).code).toBe('DUPLICATE_TASK')
      })
    })
  })
}
