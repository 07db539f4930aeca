/**
 * Idempotency keys on both stores: the same key and input give the first answer again and write
 * once (also for five racing twins); the same key with another input is IDEMPOTENCY_KEY_REUSED. An
 * import keeps its first answer in its own write transaction and, replayed, does not read the plan
 * again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Chidao, CommandContext } from '../src/index.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { ctx, registerOrganizations, registerTerritories } from './support/cascade.js'

/** A commune Party committee's plan, written for this test. */
const PLAN = `ĐẢNG BỘ TỈNH QUẢNG NGÃI
ĐẢNG ỦY XÃ THIỆN TÍN
Số: 12-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Thiện Tín, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện chuyển đổi số trên địa bàn xã

I. NHIỆM VỤ
1. Đảng ủy xã Thiện Tín: tổ chức quán triệt kế hoạch.
- Thời gian hoàn thành: Quý IV/2025.
2. Đảng ủy xã Thiện Tín: xây dựng chương trình hành động.
- Thời gian hoàn thành: Quý I/2026.
`

for (const dialect of DIALECTS) {
  describe(`idempotency keys on ${dialect.name}`, () => {
    let t: TestContext
    let editor: CommandContext
    beforeEach(async () => {
      t = await initTest(dialect)
      await registerOrganizations(t.chidao)
      await registerTerritories(t.chidao)
      const commune = (await t.chidao.organizationByCode('QNG.THIENTIN.DU'))!
      editor = { actor: 'key:k1', grant: { keyId: 'k1', organizationId: commune.id, role: 'EDITOR' } }
    })
    afterEach(async () => {
      await destroyTest(t)
    })

    /** What was written: audit entries and tasks. */
    const written = async () => ({
      audit: (await t.store.db.selectFrom('auditLog').select('id').execute()).length,
      tasks: (await t.store.db.selectFrom('task').select('id').execute()).length,
    })
    const importKeyed = (chidao: Chidao, key: string, text = PLAN, options: { dryRun?: boolean; onRead?: () => void } = {}) =>
      chidao.importPlan(editor, text, { dryRun: options.dryRun, idempotency: { owner: 'k1', key }, onProgress: options.onRead })

    it('an import sent again with its key gives the first answer, without reading the plan again or writing', async () => {
      const before = await written()
      const first = await importKeyed(t.chidao, 'imp-1')
      const n = first.preview.tasks.length
      expect(n).toBeGreaterThan(1)
      expect(first.created).toMatchObject({ documents: 1, tasks: n })
      const afterFirst = await written()
      expect(afterFirst.tasks).toBe(before.tasks + n)
      let read = 0
      const again = await importKeyed(t.chidao, 'imp-1', PLAN, { onRead: () => read++ })
      // The first answer exactly, its counts included (a fresh import would say it created nothing).
      expect(JSON.stringify(again)).toBe(JSON.stringify(first))
      expect(again.created.tasks).toBe(n)
      expect(read).toBe(0)
      expect(await written()).toEqual(afterFirst)
      // Without the key, the same plan is idempotent by content only: nothing new, and it says so.
      expect((await t.chidao.importPlan(editor, PLAN)).created.tasks).toBe(0)
    })

    it('five racing imports with one key write once and all give the one first answer', async () => {
      const before = await written()
      const answers = await Promise.all(Array.from({ length: 5 }, () => importKeyed(t.chidao, 'race-1')))
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
      const n = answers[0]!.preview.tasks.length
      expect(answers[0]!.created).toMatchObject({ documents: 1, tasks: n })
      const after = await written()
      expect(after.tasks).toBe(before.tasks + n)
      // One registration and its tasks: one audit entry each, not five times as many.
      expect(after.audit).toBe(before.audit + 1 + n)
      expect(await t.store.db.selectFrom('idempotencyKey').select('key').where('key', '=', 'race-1').execute()).toHaveLength(1)
    })

    it('refuses the key with another plan or other options, writing nothing', async () => {
      await importKeyed(t.chidao, 'imp-2')
      const after = await written()
      const other = PLAN.replace('Số: 12-KH/ĐU', 'Số: 13-KH/ĐU')
      await expect(importKeyed(t.chidao, 'imp-2', other)).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' })
      await expect(importKeyed(t.chidao, 'imp-2', PLAN, { dryRun: true })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' })
      expect(await written()).toEqual(after)
      // Another caller's key of the same name is its own.
      const other2 = await t.chidao.importPlan(ctx, other, { idempotency: { owner: 'k2', key: 'imp-2' } })
      expect(other2.created.documents).toBe(1)
    })

    it('keeps a dry run’s answer too, and refuses a bad key before reading', async () => {
      const dry = await importKeyed(t.chidao, 'dry-1', PLAN, { dryRun: true })
      expect(dry.dryRun).toBe(true)
      await importKeyed(t.chidao, 'other')
      // The plan is now registered; the dry run's key still answers as the first time (no document then).
      const again = await importKeyed(t.chidao, 'dry-1', PLAN, { dryRun: true })
      expect(again.document).toBeNull()
      expect(JSON.stringify(again)).toBe(JSON.stringify(dry))
      let read = 0
      await expect(importKeyed(t.chidao, '', PLAN, { onRead: () => read++ })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
      await expect(importKeyed(t.chidao, 'a\u0000b', PLAN, { onRead: () => read++ })).rejects.toMatchObject({ code: 'INVALID_TEXT' })
      expect(read).toBe(0)
    })

    it('keeps the first answer of any command run idempotently, once for racing twins', async () => {
      const input = { code: 'IDEM', name: 'Cơ quan thử', tier: 'CENTRAL' as const, bloc: 'STATE' as const, kind: 'OTHER' as const }
      const run = () =>
        t.chidao.idempotently({ owner: 'k1', key: 'org-1' }, 'organizationRegister', input, () => t.chidao.registerOrganization(ctx, input))
      const answers = await Promise.all(Array.from({ length: 5 }, run))
      expect(new Set(answers.map((a) => a.id)).size).toBe(1)
      expect(JSON.stringify(await run())).toBe(JSON.stringify(answers[0]))
      await expect(
        t.chidao.idempotently({ owner: 'k1', key: 'org-1' }, 'organizationRegister', { ...input, name: 'Khác' }, () =>
          t.chidao.registerOrganization(ctx, { ...input, name: 'Khác' }),
        ),
      ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' })
    })
  })
}
