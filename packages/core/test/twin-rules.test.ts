/**
 * Rules written twice — as reference functions (`hierarchy/`) and over the store — held to each
 * other on random cascades, on every store: plans needing review after new direction, and a plan's
 * uncovered parent tasks. (Status, scorecards and bottlenecks: hierarchy-sql.test.ts.)
 */
import fc from 'fast-check'
import type { Insertable } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DOCUMENT_KINDS, TIERS, type DocumentKind } from '../src/index.js'
import { CascadeIndex } from '../src/hierarchy/cascade.js'
import { plansNeedingReview, REVIEWABLE_PLAN_KINDS, uncoveredParentTasks } from '../src/hierarchy/scorecard.js'
import { uncoveredParentTasks as uncoveredViaStore } from '../src/service/queries/hierarchy.js'
import { loadCascadeData, refreshDerived } from '../src/storage/derived.js'
import { plansNeedingReviewSql } from '../src/storage/review-query.js'
import type { Database } from '../src/storage/schema.js'
import { PLAN_KINDS_SQL, tierRankSql } from '../src/storage/sql-constants.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { CLEAR, DATES, ORDER, prng, randomCascade, type Rows } from './support/random-cascade.js'

const KINDS: DocumentKind[] = ['KH', 'CTr', 'QĐ', 'ĐA', 'NQ', 'CV', 'KL', 'QĐ', 'KH']

/** A random cascade with documents of every kind and a few reviews already recorded. */
function reviewedCascade(seed: number): Rows {
  const rows = randomCascade(seed)
  const r = prng(seed ^ 0x5bd1e995)
  const docs = rows.document!.map((d, i) => (i === 0 ? d : { ...d, kind: KINDS[Math.floor(r() * KINDS.length)]! }))
  const reviews: Insertable<Database['alignmentReview']>[] = []
  for (const [i, plan] of docs.entries()) {
    const direction = docs[Math.floor(r() * docs.length)]!
    if (r() < 0.3 && direction.id !== plan.id) {
      reviews.push({
        id: `rv${i}`,
        scope: 'P',
        documentId: plan.id,
        newDirectionId: direction.id,
        decision: r() < 0.5 ? 'KEEP' : 'AMEND',
        reasons: 'x',
        memoId: null,
        decidedOn: DATES[6]!,
        createdAt: '2025-01-01T00:00:00.000Z',
      })
    }
  }
  return { ...rows, document: docs, alignmentReview: reviews }
}

for (const dialect of DIALECTS) {
  describe(`twin rules agree on ${dialect.name}`, () => {
    let t: TestContext
    beforeAll(async () => {
      t = await initTest(dialect)
    })
    afterAll(async () => {
      await destroyTest(t)
    })

    async function write(rows: Rows): Promise<CascadeIndex> {
      await t.store.db.deleteFrom('alignmentReview').execute()
      for (const table of CLEAR) await t.store.db.deleteFrom(table).execute()
      for (const table of [...ORDER, 'alignmentReview'] as const)
        if (rows[table]?.length)
          await t.store.db
            .insertInto(table)
            .values(rows[table] as never)
            .execute()
      await refreshDerived(t.store.db)
      return new CascadeIndex(await loadCascadeData(t.store.db))
    }

    it('makes its SQL constants from the TypeScript ones: every reviewable plan kind, every tier in its order', () => {
      const kinds = PLAN_KINDS_SQL.compile(t.store.db)
      for (const kind of REVIEWABLE_PLAN_KINDS) expect(kinds.sql).toContain(`'${kind}'`)
      for (const kind of Object.keys(DOCUMENT_KINDS).filter((k) => !(REVIEWABLE_PLAN_KINDS as readonly string[]).includes(k)))
        expect(kinds.sql).not.toContain(`'${kind}'`)
      const rank = tierRankSql('o.tier').compile(t.store.db).sql
      for (const [i, tier] of TIERS.entries()) expect(rank).toContain(`when '${tier}' then ${i}`)
    })

    it('lists the same plans needing review, and the same uncovered parent tasks of every plan', async () => {
      let reviewsSeen = 0
      let uncoveredSeen = 0
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
          const index = await write(reviewedCascade(seed))
          const key = (x: { documentId: string; newDirectionId: string; parentId: string }) =>
            `${x.documentId}|${x.newDirectionId}|${x.parentId}`
          const reference = plansNeedingReview(index).map(key).sort()
          expect((await plansNeedingReviewSql(t.store.db)).map(key).sort(), `seed ${seed}`).toEqual(reference)
          reviewsSeen += reference.length
          for (const documentId of index.document.keys()) {
            const ref = uncoveredParentTasks(index, documentId)
              .map((u) => `${u.parentDocumentId}|${u.parentTaskId}`)
              .sort()
            const viaStore = (await uncoveredViaStore(t.store.db, documentId)).map((u) => `${u.parentDocumentId}|${u.parentTaskId}`).sort()
            expect(viaStore, `seed ${seed}, plan ${documentId}`).toEqual(ref)
            uncoveredSeen += ref.length
          }
        }),
        { numRuns: dialect.name === 'sqlite' ? 25 : 10 },
      )
      // The property must have had something to compare, not only empty lists.
      expect(reviewsSeen).toBeGreaterThan(0)
      expect(uncoveredSeen).toBeGreaterThan(0)
    }, 300_000)
  })
}
