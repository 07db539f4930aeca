/**
 * The reference rules and the SQL must agree: random cascades are written to each store, the
 * derived tables rebuilt, and every obligation's status compared on random dates and scopes.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScorecardScope } from '../src/index.js'
import { CascadeIndex } from '../src/hierarchy/cascade.js'
import { bottlenecks, evaluateCascade, scorecard, select } from '../src/hierarchy/scorecard.js'
import { loadCascadeData, refreshDerived } from '../src/storage/derived.js'
import { obligationStatuses, overdueObligations, scorecardCounts, scorecardCountsByHolder } from '../src/storage/status-query.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { CLEAR, DATES, ORDER, randomCascade } from './support/random-cascade.js'

for (const dialect of DIALECTS) {
  describe(`hierarchy: SQL and reference agree on ${dialect.name}`, () => {
    let t: TestContext
    beforeAll(async () => {
      t = await initTest(dialect)
    })
    afterAll(async () => {
      await destroyTest(t)
    })

    it('gives every obligation the same status on random cascades, dates and scopes', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          fc.constantFrom(...DATES, '2025-12-31', '2026-06-30'),
          async (seed, asOf) => {
            for (const table of CLEAR) await t.store.db.deleteFrom(table).execute()
            const rows = randomCascade(seed)
            for (const table of ORDER)
              if (rows[table]?.length)
                await t.store.db
                  .insertInto(table)
                  .values(rows[table] as never)
                  .execute()
            await refreshDerived(t.store.db)
            const index = new CascadeIndex(await loadCascadeData(t.store.db))
            const evaluation = evaluateCascade(index, asOf)
            const scopes: ScorecardScope[] = [
              { national: true },
              { province: 'P' },
              { tier: 'COMMUNE' },
              { organizationId: 'P.B0' },
              { organizationId: 'P.B1', role: 'LEAD' },
              { documentId: 'D1' },
              { documentId: 'D0', cascade: false },
              { taskId: 'D0#0' },
              { taskIds: ['D0#0', 'D2#1', 'D3#0'] },
              { taskIds: [] },
            ]
            for (const scope of scopes) {
              const reference = select(index, evaluation, scope)
                .map(
                  (s) =>
                    `${s.obligation.taskId}|${s.obligation.organizationId}|${s.obligation.role}|${s.status}|${s.effectiveDueDate}|${s.completedOn}`,
                )
                .sort()
              const viaSql = (await obligationStatuses(t.store.db, asOf, scope))
                .map((s) => `${s.taskId}|${s.organizationId}|${s.role}|${s.status}|${s.effectiveDueDate}|${s.completedOn}`)
                .sort()
              expect(viaSql, `seed ${seed}, ${asOf}, ${JSON.stringify(scope)}`).toEqual(reference)
              const { overdue, ...card } = scorecard(select(index, evaluation, scope))
              expect(await scorecardCounts(t.store.db, asOf, scope)).toEqual(card)
              const holders = new Map<string, (typeof evaluation.statuses)[number][]>()
              for (const s of select(index, evaluation, scope))
                holders.set(s.obligation.organizationId, [...(holders.get(s.obligation.organizationId) ?? []), s])
              const perHolder = [...holders]
                .map(([id, list]) => {
                  const { overdue: _, ...c } = scorecard(list)
                  return [id, c] as const
                })
                .sort((a, b) => a[0].localeCompare(b[0]))
              expect([...(await scorecardCountsByHolder(t.store.db, asOf, scope))].sort((a, b) => a[0].localeCompare(b[0]))).toEqual(
                perHolder,
              )
              const key = (x: { taskId: string; organizationId: string; role: string }) => `${x.taskId}|${x.organizationId}|${x.role}`
              expect((await overdueObligations(t.store.db, asOf, scope, { limit: 5 })).map(key)).toEqual(
                overdue.slice(0, 5).map((s) => key(s.obligation)),
              )
              const ranked = bottlenecks(index, select(index, evaluation, scope), 5)
              expect(
                (await overdueObligations(t.store.db, asOf, scope, { limit: 5, order: 'dependents' })).map(
                  (x) => `${key(x)}|${x.dependentTasks}`,
                ),
              ).toEqual(ranked.map((b) => `${key(b.status.obligation)}|${b.dependentTasks}`))
            }
          },
        ),
        { numRuns: dialect.name === 'sqlite' ? 60 : 25 },
      )
    }, 300_000)
  })
}
