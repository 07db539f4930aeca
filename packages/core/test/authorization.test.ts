/**
 * The authorization model (service/authorize.ts), one test per rule per store: each asserts a
 * refusal (FORBIDDEN, nothing written) that disappears if the rule is removed, beside a permitted
 * case that shows the refusal is the rule's and not an accident of the data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiKeyGrant, ApiKeyRole, Chidao, CommandContext } from '../src/index.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { ctx, registerSmallCascade, type SmallCascade } from './support/cascade.js'

const forbidden = { code: 'FORBIDDEN' }

/** A commune plan citing a Politburo resolution nobody registered, issued by the commune's Party committee. */
const COMMUNE_PLAN = `ĐẢNG BỘ TỈNH QUẢNG NGÃI
ĐẢNG ỦY XÃ THIỆN TÍN
Số 11-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Thiện Tín, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện chuyển đổi số trên địa bàn xã

Thực hiện Nghị quyết số 99-NQ/TW ngày 01/02/2025 của Bộ Chính trị về chuyển đổi số, Đảng ủy xã ban hành Kế hoạch thực hiện như sau:

I. NHIỆM VỤ
1. Đảng ủy xã Thiện Tín: tổ chức quán triệt Nghị quyết.
- Thời gian hoàn thành: Quý IV/2025.
`

for (const dialect of DIALECTS) {
  describe(`authorization in core on ${dialect.name}`, () => {
    let t: TestContext
    let docs: SmallCascade
    let c: Chidao
    const id = async (code: string) => (await c.organizationByCode(code))!.id
    const as = async (code: string | null, role: ApiKeyRole = 'EDITOR'): Promise<CommandContext> => {
      const grant: ApiKeyGrant = { keyId: `key-${code ?? 'national'}-${role}`, organizationId: code === null ? null : await id(code), role }
      return { actor: `key:${grant.keyId}`, grant }
    }
    const count = async (table: 'document' | 'task' | 'assignment' | 'report' | 'organizationGroup' | 'succession' | 'organization') =>
      Number(
        (
          await t.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )

    beforeEach(async () => {
      t = await initTest(dialect)
      c = t.chidao
      docs = await registerSmallCascade(c)
      // The province's territory: the importer places a plan by it, as the real catalogs allow.
      await c.registerOrganization(ctx, { code: 'QNG', name: 'Tỉnh Quảng Ngãi', tier: 'PROVINCE', kind: 'TERRITORY', scope: 'QNG' })
      await c.registerOrganization(ctx, { code: 'QNG.XA', name: 'Xã Thiện Tín', tier: 'COMMUNE', kind: 'TERRITORY', parentCode: 'QNG.TU' })
      await c.registerOrganization(ctx, {
        code: 'QNG.XA.UBND',
        name: 'UBND xã Thiện Tín',
        tier: 'COMMUNE',
        bloc: 'STATE',
        kind: 'PEOPLES_COMMITTEE',
        parentCode: 'QNG.THIENTIN.DU',
      })
      await c.registerOrganization(ctx, {
        code: 'DNG.UBND',
        name: 'Ủy ban nhân dân thành phố Đà Nẵng',
        tier: 'PROVINCE',
        bloc: 'STATE',
        kind: 'PEOPLES_COMMITTEE',
        scope: 'DNG',
      })
      await c.registerOrganization(ctx, {
        code: 'DNG.SKHCN',
        name: 'Sở Khoa học và Công nghệ Đà Nẵng',
        tier: 'PROVINCE',
        bloc: 'STATE',
        kind: 'DEPARTMENT',
        parentCode: 'DNG.UBND',
      })
    })
    afterEach(async () => {
      await destroyTest(t)
    })

    it('a key below the role a command needs is refused (a VIEWER registers nothing)', async () => {
      const input = { symbol: '12-KH/ĐU', issuerCode: 'QNG.THIENTIN.DU', issuedOn: '2025-09-01', title: 'Kế hoạch' }
      await expect(c.registerDocument(await as('QNG.THIENTIN.DU', 'VIEWER'), input)).rejects.toMatchObject(forbidden)
      await expect(c.registerDocument(await as('QNG.THIENTIN.DU'), input)).resolves.toMatchObject({ symbol: '12-KH/ĐU' })
    })

    it('issues a document only as the key’s organisation or a body below it', async () => {
      const before = await count('document')
      await expect(
        c.registerDocument(await as('QNG.THIENTIN.DU'), { symbol: '98-NQ/TW', issuerCode: 'BCT', issuedOn: '2025-09-01', title: 'Giả' }),
      ).rejects.toMatchObject(forbidden)
      await expect(
        c.registerDocument(await as('QNG.TU'), { symbol: '5-KH/BTV', issuerCode: 'QNG.BTVTU', issuedOn: '2025-09-01', title: 'Kế hoạch' }),
      ).resolves.toMatchObject({ issuerId: await id('QNG.BTVTU') })
      expect(await count('document')).toBe(before + 1)
    })

    it('edits a plan only for its issuer or above: a commune key cannot change the province’s plan', async () => {
      const task = await c.addTask(ctx, { documentId: docs.kh359.id, code: '1', content: 'Nhiệm vụ của tỉnh' })
      await expect(c.updateTask(await as('QNG.THIENTIN.DU'), { id: task.id, expectedVersion: 1, content: 'Sửa' })).rejects.toMatchObject(
        forbidden,
      )
      await expect(c.addTask(await as('QNG.THIENTIN.DU'), { documentId: docs.kh359.id, code: '2', content: 'Thêm' })).rejects.toMatchObject(
        forbidden,
      )
      await expect(c.updateTask(await as('QNG.TU'), { id: task.id, expectedVersion: 1, content: 'Sửa' })).resolves.toMatchObject({
        content: 'Sửa',
      })
    })

    it('imports a plan only as an issuer the key acts for, refused before the text is read', async () => {
      // Not a plan at all: the refusal comes from the permission, checked first, not from reading it.
      await expect(c.importPlan(await as('QNG.THIENTIN.DU'), 'not a plan', { issuerCode: 'QNG.UBND' })).rejects.toMatchObject(forbidden)
      await expect(c.importPlan(await as('QNG.THIENTIN.DU'), 'not a plan', { issuerCode: 'QNG.THIENTIN.DU' })).rejects.toMatchObject({
        code: 'IMPORT_INCOMPLETE',
      })
      // A plan whose header names another body than the one it is imported as.
      await expect(c.importPlan(await as('QNG.TU'), COMMUNE_PLAN, { issuerCode: 'QNG.BTVTU' })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      })
    })

    it('registers no cited parent as issued by a body above the importing key (the Politburo stays unregistered)', async () => {
      const before = await count('document')
      const commune = await c.importPlan(await as('QNG.THIENTIN.DU'), COMMUNE_PLAN)
      expect(commune.document?.issuerId).toBe(await id('QNG.THIENTIN.DU'))
      expect(await count('document')).toBe(before + 1)
      expect(await c.documentsBySymbol('99-NQ/TW')).toEqual([])
      // A national key may register it.
      await c.importPlan(await as(null), COMMUNE_PLAN.replace('Số 11-KH/ĐU', 'Số 12-KH/ĐU'))
      expect((await c.documentsBySymbol('99-NQ/TW')).map((d) => d.issuerId)).toEqual([await id('BCT')])
    })

    it('assigns obligations down the hierarchy, never up to a ministry nor sideways into another province', async () => {
      const key = await as('QNG.THIENTIN.DU')
      await expect(
        c.addTask(key, { documentId: docs.kh09.id, code: '1', content: 'Việc', assignments: [{ role: 'LEAD', organizationCode: 'CP' }] }),
      ).rejects.toMatchObject({ ...forbidden, field: ['input', 'assignments', '0'] })
      const task = await c.addTask(key, {
        documentId: docs.kh09.id,
        code: '1',
        content: 'Việc',
        assignments: [{ role: 'LEAD', organizationCode: 'QNG.XA.UBND' }],
      })
      await expect(c.assign(key, { taskId: task.id, role: 'COORDINATING', organizationCode: 'DNG.UBND' })).rejects.toMatchObject(forbidden)
      await expect(
        c.assign(await as('QNG.TU'), { taskId: task.id, role: 'COORDINATING', organizationCode: 'QNG.SKHCN' }),
      ).rejects.toMatchObject(forbidden)
      await expect(c.assign(key, { taskId: task.id, role: 'COORDINATING', organizationCode: 'QNG.THIENTIN.DU' })).resolves.toMatchObject({
        role: 'COORDINATING',
      })
      expect((await c.assignmentsOf(task.id)).length).toBe(2)
    })

    it('assigns to a body above when a parent task already binds it', async () => {
      const root = await c.addTask(ctx, {
        documentId: docs.nq57.id,
        code: '1',
        content: 'Gốc',
        assignments: [{ role: 'LEAD', organizationCode: 'QNG.TU' }],
      })
      const key = await as('QNG.THIENTIN.DU')
      await expect(
        c.addTask(key, {
          documentId: docs.kh09.id,
          code: '2',
          content: 'Phối hợp',
          assignments: [{ role: 'COORDINATING', organizationCode: 'QNG.TU' }],
        }),
      ).rejects.toMatchObject(forbidden)
      await expect(
        c.addTask(key, {
          documentId: docs.kh09.id,
          code: '2',
          content: 'Phối hợp',
          implements: [root.id],
          assignments: [{ role: 'COORDINATING', organizationCode: 'QNG.TU' }],
        }),
      ).resolves.toMatchObject({ code: '2' })
    })

    it('never obliges a body of another province, even one a central parent task binds', async () => {
      // The Politburo's task binds both provinces' committees; each province's plan repeats it for its own only.
      const root = await c.addTask(ctx, {
        documentId: docs.nq57.id,
        code: '9',
        content: 'Gốc',
        assignments: [
          { role: 'LEAD', organizationCode: 'QNG.UBND' },
          { role: 'LEAD', organizationCode: 'DNG.UBND' },
        ],
      })
      const dngPlan = await c.registerDocument(await as('DNG.UBND'), {
        symbol: '5/KH-UBND',
        issuerCode: 'DNG.UBND',
        issuedOn: '2025-09-01',
        title: 'Kế hoạch Đà Nẵng',
        implements: [docs.nq57.id],
      })
      const key = await as('DNG.UBND')
      const task = { documentId: dngPlan.id, code: '1', content: 'Việc', timePhrase: 'trước ngày 01/01/2025', implements: [root.id] }
      const before = await count('assignment')
      await expect(c.addTask(key, { ...task, assignments: [{ role: 'LEAD', organizationCode: 'QNG.UBND' }] })).rejects.toMatchObject(
        forbidden,
      )
      expect(await count('assignment')).toBe(before)
      await expect(c.addTask(key, { ...task, assignments: [{ role: 'LEAD', organizationCode: 'DNG.UBND' }] })).resolves.toMatchObject({
        code: '1',
      })
    })

    it('links no plan to another province’s plan (LINK_ACROSS_PROVINCES), whoever asks; a merged province’s it may', async () => {
      const dng = { symbol: '6/KH-UBND', issuerCode: 'DNG.UBND', issuedOn: '2025-09-01', title: 'Kế hoạch Đà Nẵng' }
      const across = { code: 'LINK_ACROSS_PROVINCES' }
      await expect(c.registerDocument(await as('DNG.UBND'), { ...dng, implements: [docs.kh359.id] })).rejects.toMatchObject(across)
      await expect(c.registerDocument(ctx, { ...dng, implements: [docs.kh359.id] })).rejects.toMatchObject(across)
      const plan = await c.registerDocument(await as('DNG.UBND'), { ...dng, implements: [docs.nq57.id] })
      await expect(c.linkDocument(await as(null), { documentId: plan.id, parentId: docs.kh359.id })).rejects.toMatchObject(across)
      expect((await c.childrenOf(docs.kh359.id)).some((d) => d.id === plan.id)).toBe(false)
      // Once Đà Nẵng's bodies are merged into Quảng Ngãi's, Quảng Ngãi's plans may implement Đà Nẵng's.
      await c.registerSuccession(ctx, {
        predecessorCode: 'DNG.UBND',
        successorCode: 'QNG.UBND',
        kind: 'MERGED_INTO',
        effectiveOn: '2025-07-01',
      })
      await expect(c.linkDocument(ctx, { documentId: docs.kh359.id, parentId: plan.id })).resolves.toBeTruthy()
    })

    it('reports only for an organisation holding an obligation on the task, recording a body above that files for it', async () => {
      const task = await c.addTask(ctx, {
        documentId: docs.kh09.id,
        code: '1',
        content: 'Việc',
        assignments: [{ role: 'LEAD', organizationCode: 'QNG.XA.UBND' }],
      })
      const other = await c.addTask(ctx, {
        documentId: docs.kh09.id,
        code: '2',
        content: 'Việc khác',
        assignments: [{ role: 'LEAD', organizationCode: 'QNG.THIENTIN.DU' }],
      })
      const report = {
        organizationCode: 'QNG.XA.UBND',
        period: 'AD_HOC',
        claimedStatus: 'IN_PROGRESS',
        percent: 10,
        reportedOn: '2025-10-01',
      }
      await expect(c.submitReport(await as('QNG.XA.UBND', 'REPORTER'), { ...report, taskId: other.id })).rejects.toMatchObject(forbidden)
      await expect(c.submitReport(await as('DNG.UBND', 'REPORTER'), { ...report, taskId: task.id })).rejects.toMatchObject(forbidden)
      expect(await count('report')).toBe(0)
      expect((await c.submitReport(await as('QNG.XA.UBND', 'REPORTER'), { ...report, taskId: task.id })).submittedById).toBeUndefined()
      expect((await c.submitReport(await as('QNG.TU', 'REPORTER'), { ...report, taskId: task.id })).submittedById).toBe(await id('QNG.TU'))
    })

    it('verifies a report only as the plan’s issuer or above, never as the reporter nor another province', async () => {
      const task = await c.addTask(ctx, {
        documentId: docs.kh09.id,
        code: '1',
        content: 'Việc',
        assignments: [
          { role: 'LEAD', organizationCode: 'QNG.XA.UBND' },
          { role: 'COORDINATING', organizationCode: 'QNG.THIENTIN.DU' },
        ],
      })
      const byCommune = await c.submitReport(ctx, {
        taskId: task.id,
        organizationCode: 'QNG.XA.UBND',
        period: 'AD_HOC',
        claimedStatus: 'IN_PROGRESS',
        percent: 10,
        reportedOn: '2025-10-01',
      })
      const byIssuer = await c.submitReport(ctx, {
        taskId: task.id,
        organizationCode: 'QNG.THIENTIN.DU',
        period: 'AD_HOC',
        claimedStatus: 'IN_PROGRESS',
        percent: 10,
        reportedOn: '2025-10-01',
      })
      const verify = (reportId: string, verifierCode: string) => ({
        reportId,
        expectedVersion: 1,
        verifierCode,
        status: 'ACCEPTED',
        verifiedOn: '2025-10-02',
      })
      await expect(c.verifyReport(await as('QNG.XA.UBND'), verify(byCommune.id, 'QNG.XA.UBND'))).rejects.toMatchObject(forbidden)
      await expect(c.verifyReport(await as('DNG.UBND'), verify(byCommune.id, 'DNG.UBND'))).rejects.toMatchObject(forbidden)
      await expect(c.verifyReport(await as('QNG.THIENTIN.DU'), verify(byIssuer.id, 'QNG.THIENTIN.DU'))).rejects.toMatchObject(forbidden)
      await expect(c.verifyReport(await as('QNG.THIENTIN.DU'), verify(byCommune.id, 'QNG.THIENTIN.DU'))).resolves.toMatchObject({
        verification: { status: 'ACCEPTED' },
      })
      await expect(c.verifyReport(await as('QNG.TU'), verify(byIssuer.id, 'QNG.TU'))).resolves.toMatchObject({
        verification: { status: 'ACCEPTED' },
      })
    })

    it('registers groups only of bodies within the key’s subtree', async () => {
      const key = await as('QNG.THIENTIN.DU')
      await expect(c.registerGroup(key, { code: 'G1', name: 'Nhóm', memberCodes: ['QNG.XA.UBND', 'DNG.UBND'] })).rejects.toMatchObject(
        forbidden,
      )
      await expect(c.registerGroup(key, { code: 'G1', name: 'Nhóm', withinCode: 'QNG.TU', tiers: ['COMMUNE'] })).rejects.toMatchObject(
        forbidden,
      )
      await expect(
        c.registerGroup(key, { code: 'G1', name: 'Nhóm', withinCode: 'QNG.THIENTIN.DU', memberCodes: ['QNG.XA.UBND'] }),
      ).resolves.toMatchObject({ code: 'G1' })
    })

    it('registers successions and organisations only within an ADMIN key’s subtree', async () => {
      const admin = await as('QNG.SKHCN', 'ADMIN')
      const before = { succession: await count('succession'), organization: await count('organization') }
      await expect(
        c.registerSuccession(admin, {
          predecessorCode: 'QNG.SKHCN',
          successorCode: 'DNG.UBND',
          kind: 'MERGED_INTO',
          effectiveOn: '2026-01-01',
        }),
      ).rejects.toMatchObject(forbidden)
      await expect(
        c.registerOrganization(admin, {
          code: 'DNG.SKHCN.P1',
          name: 'Phòng',
          tier: 'PROVINCE',
          bloc: 'STATE',
          kind: 'OTHER',
          parentCode: 'DNG.SKHCN',
        }),
      ).rejects.toMatchObject(forbidden)
      await expect(
        c.registerOrganization(admin, { code: 'TOP', name: 'Cơ quan mới', tier: 'CENTRAL', bloc: 'STATE', kind: 'OTHER' }),
      ).rejects.toMatchObject(forbidden)
      expect({ succession: await count('succession'), organization: await count('organization') }).toEqual(before)
      await c.registerOrganization(admin, {
        code: 'QNG.SKHCN.P1',
        name: 'Phòng Quản lý khoa học',
        tier: 'PROVINCE',
        bloc: 'STATE',
        kind: 'OTHER',
        parentCode: 'QNG.SKHCN',
      })
      await c.registerOrganization(admin, {
        code: 'QNG.SKHCN.P2',
        name: 'Phòng Kế hoạch',
        tier: 'PROVINCE',
        bloc: 'STATE',
        kind: 'OTHER',
        parentCode: 'QNG.SKHCN',
      })
      await expect(
        c.registerSuccession(admin, {
          predecessorCode: 'QNG.SKHCN.P1',
          successorCode: 'QNG.SKHCN.P2',
          kind: 'MERGED_INTO',
          effectiveOn: '2026-01-01',
        }),
      ).resolves.toMatchObject({ kind: 'MERGED_INTO' })
    })
  })
}
