import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrateDown, migrateToLatest } from '../src/index.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'

for (const dialect of DIALECTS) {
  describe(`storage on ${dialect.name}`, () => {
    let t: TestContext

    beforeEach(async () => {
      t = await initTest(dialect)
    })
    afterEach(async () => {
      await destroyTest(t)
    })

    describe('migrations', () => {
      it('creates every table from empty and removes them all going down', async () => {
        const tables = (await t.store.db.introspection.getTables()).map((x) => x.name).sort()
        expect(tables).toEqual(
          expect.arrayContaining([
            'alignment_review',
            'assignment',
            'audit_log',
            'document',
            'document_link',
            'organization',
            'organization_group',
            'report',
            'report_evidence',
            'succession',
            'target',
            'task',
            'task_link',
          ]),
        )
        await migrateDown(t.store)
        const after = (await t.store.db.introspection.getTables()).map((x) => x.name)
        expect(after.filter((n) => !n.startsWith('kysely_'))).toEqual([])
        await migrateToLatest(t.store)
        expect((await t.store.db.introspection.getTables()).length).toBe(tables.length)
      })

      it('is idempotent: migrating an up-to-date schema does nothing', async () => {
        const result = await migrateToLatest(t.store)
        expect(result.results).toEqual([])
      })
    })
  })
}
