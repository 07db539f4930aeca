import { OperationNodeTransformer, type InsertQueryNode, TableNode, sql, type KyselyPlugin } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DomainError, migrateDown, migrateToLatest, type DomainErrorCode } from '../src/index.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { ctx, registerOrganizations, registerSmallCascade } from './support/cascade.js'

async function expectCode(promise: Promise<unknown>, code: DomainErrorCode): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, `expected ${code}`).toBeInstanceOf(DomainError)
  expect((error as DomainError).code).toBe(code)
  return error as DomainError
}

async function count(
  t: TestContext,
  table: 'document' | 'task' | 'assignment' | 'auditLog' | 'taskLink' | 'report' | 'organization',
): Promise<number> {
  const row = await t.store.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Makes every insert into one table fail: a write that breaks half way through a command. */
function failInsertsInto(table: string): KyselyPlugin {
  class Transformer extends OperationNodeTransformer {
    protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
      if (node.into && TableNode.is(node.into) && node.into.table.identifier.name === table) {
        throw new Error(`injected failure on insert into ${table}`)
      }
      return super.transformInsertQuery(node)
    }
  }
  const transformer = new Transformer()
  return { transformQuery: (args) => transformer.transformNode(args.node), transformResult: async (args) => args.result }
}

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

    describe('organizations and successions', () => {
      it('registers an organization with diacritics kept (NFC) and the parent scope inherited', async () => {
        await registerOrganizations(t.chidao)
        const skhcn = await t.chidao.organizationByCode('QNG.SKHCN')
        expect(skhcn).toMatchObject({ name: 'Sở Khoa học và Công nghệ', tier: 'PROVINCE', bloc: 'STATE', scope: 'QNG', version: 1 })
        const ubnd = await t.chidao.organizationByCode('QNG.UBND')
        expect(skhcn!.parentId).toBe(ubnd!.id)
        const nfd = await t.chidao.registerOrganization(ctx, {
          code: 'X',
          name: 'Ủy ban Mặt trận Tổ quốc'.normalize('NFD'),
          tier: 'PROVINCE',
          bloc: 'FRONT',
          kind: 'FATHERLAND_FRONT',
        })
        expect(nfd.name).toBe('Ủy ban Mặt trận Tổ quốc'.normalize('NFC'))
      })

      it('registers a territory without a bloc, and refuses a body without one', async () => {
        const qng = await t.chidao.registerOrganization(ctx, {
          code: 'QNG',
          name: 'Tỉnh Quảng Ngãi',
          tier: 'PROVINCE',
          kind: 'TERRITORY',
          scope: 'QNG',
        })
        expect(qng).toMatchObject({ bloc: null, kind: 'TERRITORY' })
        await expectCode(
          t.chidao.registerOrganization(ctx, { code: 'QNG.X', name: 'x', tier: 'PROVINCE', kind: 'DEPARTMENT', parentCode: 'QNG' }),
          'INVALID_INPUT',
        )
      })

      it('looks organizations up by ids in the order asked', async () => {
        await registerOrganizations(t.chidao)
        const a = await t.chidao.organizationByCode('BCT')
        const b = await t.chidao.organizationByCode('CP')
        const found = await t.chidao.organizationsByIds([b!.id, 'nope', a!.id])
        expect(found.map((o) => o?.code ?? null)).toEqual(['CP', null, 'BCT'])
      })

      it('refuses a duplicate code, an unknown parent and a bad tier', async () => {
        await registerOrganizations(t.chidao)
        await expectCode(
          t.chidao.registerOrganization(ctx, { code: 'CP', name: 'x', tier: 'CENTRAL', bloc: 'STATE', kind: 'GOVERNMENT' }),
          'DUPLICATE_ORGANIZATION',
        )
        await expectCode(
          t.chidao.registerOrganization(ctx, {
            code: 'Y',
            name: 'y',
            tier: 'COMMUNE',
            bloc: 'STATE',
            kind: 'PEOPLES_COMMITTEE',
            parentCode: 'NOPE',
          }),
          'UNKNOWN_ORGANIZATION',
        )
        await expectCode(
          t.chidao.registerOrganization(ctx, { code: 'Z', name: 'z', tier: 'REGION', bloc: 'STATE', kind: 'OTHER' }),
          'INVALID_INPUT',
        )
        await expectCode(
          t.chidao.registerOrganization(ctx, {
            code: 'W',
            name: 'w',
            tier: 'CENTRAL',
            bloc: 'STATE',
            kind: 'MINISTRY',
            parentCode: 'QNG.UBND',
          }),
          'INVALID_INPUT',
        )
      })

      it('records a dated succession and finds it from both ends', async () => {
        await registerOrganizations(t.chidao)
        const s = await t.chidao.registerSuccession(ctx, {
          predecessorCode: 'QNG.STTTT',
          successorCode: 'QNG.SKHCN',
          kind: 'MERGED_INTO',
          effectiveOn: '2025-03-01',
        })
        const stttt = await t.chidao.organizationByCode('QNG.STTTT')
        const skhcn = await t.chidao.organizationByCode('QNG.SKHCN')
        expect(await t.chidao.successionsOf(stttt!.id)).toEqual([s])
        expect(await t.chidao.successionsOf(skhcn!.id)).toEqual([s])
        expect(s).toMatchObject({ kind: 'MERGED_INTO', effectiveOn: '2025-03-01', predecessorId: stttt!.id, successorId: skhcn!.id })
        await expectCode(
          t.chidao.registerSuccession(ctx, {
            predecessorCode: 'QNG.STTTT',
            successorCode: 'QNG.SKHCN',
            kind: 'MERGED_INTO',
            effectiveOn: '2025-02-30',
          }),
          'INVALID_DATE',
        )
        await expectCode(
          t.chidao.registerSuccession(ctx, {
            predecessorCode: 'QNG.SKHCN',
            successorCode: 'QNG.STTTT',
            kind: 'RENAMED_TO',
            effectiveOn: '2025-04-01',
          }),
          'INVALID_INPUT',
        )
      })

      it('registers a group by rule and refuses one without members', async () => {
        await registerOrganizations(t.chidao)
        const g = await t.chidao.registerGroup(ctx, {
          code: 'QNG.SO',
          name: 'Các sở, ban, ngành',
          withinCode: 'QNG.UBND',
          kinds: ['DEPARTMENT'],
        })
        const ubnd = await t.chidao.organizationByCode('QNG.UBND')
        expect(g.selector).toEqual({ withinId: ubnd!.id, kinds: ['DEPARTMENT'] })
        expect(g.scope).toBe('QNG')
        await expectCode(t.chidao.registerGroup(ctx, { code: 'EMPTY', name: 'Nothing' }), 'INVALID_INPUT')
      })
    })

    describe('documents', () => {
      it('registers a cascade with parsed symbols and implements links', async () => {
        const { nq57, kh359, kh09 } = await registerSmallCascade(t.chidao)
        expect(kh09).toMatchObject({ symbol: '09-KH/ĐU', kind: 'KH', issuedOn: '2025-08-22', status: 'IN_FORCE', version: 1, scope: 'QNG' })
        expect((await t.chidao.parentsOf(kh09.id)).map((d) => d.symbol)).toEqual(['57-NQ/TW', '359-KH/TU'])
        expect((await t.chidao.childrenOf(nq57.id)).map((d) => d.symbol)).toEqual(['71/NQ-CP', '359-KH/TU', '09-KH/ĐU'])
        expect((await t.chidao.ancestorIdsOf(kh09.id)).sort()).toEqual([nq57.id, kh359.id].sort())
      })

      it('finds a document by any spelling of its symbol', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        expect((await t.chidao.documentsBySymbol('09-KH/PU')).map((d) => d.id)).toEqual([kh09.id])
        expect(await t.chidao.documentsBySymbol('09-KH/ĐU', '2025-08-23')).toEqual([])
        expect(await t.chidao.documentById(kh09.id)).toEqual(kh09)
      })

      it('stores the OCR spelling and the canonical symbol side by side', async () => {
        await registerOrganizations(t.chidao)
        const d = await t.chidao.registerDocument(ctx, {
          symbol: 'S6:107 /KH-UBND',
          issuerCode: 'QNG.UBND',
          issuedOn: '2025-12-08',
          title: 'Đoàn công tác',
        })
        expect(d).toMatchObject({ symbol: '107/KH-UBND', symbolWritten: 'S6:107 /KH-UBND' })
      })

      it('registers a document whose number is illegible only without a symbol and with its kind', async () => {
        await registerOrganizations(t.chidao)
        const e = await expectCode(
          t.chidao.registerDocument(ctx, { symbol: 'S6: £ /KI-UBND', issuerCode: 'QNG.UBND', issuedOn: '2020-05-19', title: 'Kế hoạch' }),
          'ILLEGIBLE_SYMBOL',
        )
        expect(e.field).toEqual(['input', 'symbol'])
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: null, issuerCode: 'QNG.UBND', issuedOn: '2020-05-19', title: 'Kế hoạch' }),
          'INVALID_INPUT',
        )
        const d = await t.chidao.registerDocument(ctx, {
          symbol: null,
          kind: 'KH',
          issuerCode: 'QNG.UBND',
          issuedOn: '2020-05-19',
          title: 'Kế hoạch',
        })
        expect(d).toMatchObject({ symbol: null, kind: 'KH' })
      })

      it('refuses malformed symbols, unknown issuers, impossible dates and duplicates with coded errors', async () => {
        await registerSmallCascade(t.chidao)
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: 'KH-UBND', issuerCode: 'QNG.UBND', issuedOn: '2025-01-01', title: 'x' }),
          'MALFORMED_SYMBOL',
        )
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: '1/KH-UBND', issuerCode: 'QNG.NOPE', issuedOn: '2025-01-01', title: 'x' }),
          'UNKNOWN_ORGANIZATION',
        )
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: '1/KH-UBND', issuerCode: 'QNG.UBND', issuedOn: '2025-02-29', title: 'x' }),
          'INVALID_DATE',
        )
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: '1/KH-UBND', issuerCode: 'QNG.UBND', issuedOn: '2025-1-1', title: 'x' }),
          'INVALID_DATE',
        )
        const dup = await expectCode(
          t.chidao.registerDocument(ctx, { symbol: '09-KH/DU', issuerCode: 'QNG.THIENTIN.DU', issuedOn: '2025-08-22', title: 'again' }),
          'DUPLICATE_DOCUMENT',
        )
        expect(dup.details).toHaveProperty('documentId')
        await expectCode(
          t.chidao.registerDocument(ctx, {
            symbol: '2/KH-UBND',
            issuerCode: 'QNG.UBND',
            issuedOn: '2025-01-01',
            title: 'x',
            implements: ['missing'],
          }),
          'UNKNOWN_DOCUMENT',
        )
      })

      it('allows the same symbol from another issuer or on another date (the key is issuer + symbol + date)', async () => {
        await registerSmallCascade(t.chidao)
        await t.chidao.registerDocument(ctx, {
          symbol: '09-KH/ĐU',
          issuerCode: 'QNG.THIENTIN.DU',
          issuedOn: '2026-01-05',
          title: 'next term',
        })
        expect((await t.chidao.documentsBySymbol('09-KH/ĐU')).length).toBe(2)
      })

      it('refuses an implements link to a lower tier and a link that closes a cycle', async () => {
        const { nq57, kh359, kh09 } = await registerSmallCascade(t.chidao)
        await expectCode(t.chidao.linkDocument(ctx, { documentId: kh359.id, parentId: kh09.id }), 'LINK_TO_LOWER_TIER')
        await expectCode(
          t.chidao.registerDocument(ctx, {
            symbol: '9/NQ-CP',
            issuerCode: 'CP',
            issuedOn: '2025-09-01',
            title: 'x',
            implements: [kh359.id],
          }),
          'LINK_TO_LOWER_TIER',
        )
        const kh368 = await t.chidao.registerDocument(ctx, {
          symbol: '368-KH/TU',
          issuerCode: 'QNG.BTVTU',
          issuedOn: '2025-05-24',
          title: 'x',
          implements: [kh359.id],
        })
        await expectCode(t.chidao.linkDocument(ctx, { documentId: kh359.id, parentId: kh368.id }), 'LINK_CYCLE')
        await expectCode(t.chidao.linkDocument(ctx, { documentId: kh359.id, parentId: kh359.id }), 'LINK_CYCLE')
        // Same tier, other direction, no cycle: allowed; linking twice is harmless.
        await t.chidao.linkDocument(ctx, { documentId: kh09.id, parentId: kh368.id })
        await t.chidao.linkDocument(ctx, { documentId: kh09.id, parentId: kh368.id })
        expect((await t.chidao.parentsOf(kh09.id)).map((d) => d.symbol)).toContain('368-KH/TU')
        expect(nq57.symbol).toBe('57-NQ/TW')
      })

      it('keeps an unknown issue date unknown, and still refuses its duplicate', async () => {
        await registerOrganizations(t.chidao)
        const d = await t.chidao.registerDocument(ctx, {
          symbol: '06-CTr/BCĐ',
          issuerCode: 'QNG.TU',
          issuedOn: null,
          title: 'Chương trình công tác năm 2025',
        })
        expect(d.issuedOn).toBeNull()
        await expectCode(
          t.chidao.registerDocument(ctx, { symbol: '06-CTr/BCD', issuerCode: 'QNG.TU', issuedOn: null, title: 'again' }),
          'DUPLICATE_DOCUMENT',
        )
        const dated = await t.chidao.registerDocument(ctx, {
          symbol: '06-CTr/BCĐ',
          issuerCode: 'QNG.TU',
          issuedOn: '2025-02-01',
          title: 'dated',
        })
        expect((await t.chidao.documentsBySymbol('06-CTr/BCĐ')).map((x) => x.id)).toEqual([d.id, dated.id])
      })

      it('records an alignment review decision (seed 004: keep 359-KH/TU after 01-KH/BCĐTW)', async () => {
        const { nq57, kh359 } = await registerSmallCascade(t.chidao)
        await t.chidao.registerOrganization(ctx, {
          code: 'BCDTW',
          name: 'Ban Chỉ đạo Trung ương',
          tier: 'CENTRAL',
          bloc: 'PARTY',
          kind: 'STEERING_COMMITTEE',
        })
        const kh01 = await t.chidao.registerDocument(ctx, {
          symbol: '01-KH/BCĐTW',
          issuerCode: 'BCDTW',
          issuedOn: '2025-06-02',
          title: 'Kế hoạch hành động chiến lược',
          implements: [nq57.id],
        })
        const memo = await t.chidao.registerDocument(ctx, {
          symbol: '1408/SKHCN-QLKHCN',
          issuerCode: 'QNG.SKHCN',
          issuedOn: '2025-06-16',
          title: 'Tham mưu thực hiện Kế hoạch 01-KH/BCĐTW',
        })
        const review = await t.chidao.recordAlignmentReview(ctx, {
          documentId: kh359.id,
          newDirectionId: kh01.id,
          decision: 'KEEP',
          reasons: 'Cơ sở 01-CV/BCĐTW chưa điều chỉnh',
          memoId: memo.id,
          decidedOn: '2025-06-16',
        })
        expect(await t.chidao.alignmentReviewsOf(kh359.id)).toEqual([review])
        expect(review).toMatchObject({ decision: 'KEEP', memoId: memo.id })
        await expectCode(
          t.chidao.recordAlignmentReview(ctx, {
            documentId: kh359.id,
            newDirectionId: kh01.id,
            decision: 'IGNORE',
            reasons: 'x',
            decidedOn: '2025-06-16',
          }),
          'INVALID_INPUT',
        )
        await expectCode(
          t.chidao.recordAlignmentReview(ctx, {
            documentId: kh359.id,
            newDirectionId: 'nope',
            decision: 'KEEP',
            reasons: 'x',
            decidedOn: '2025-06-16',
          }),
          'UNKNOWN_DOCUMENT',
        )
      })

      it('updates under optimistic concurrency and refuses a stale version', async () => {
        const { kh359 } = await registerSmallCascade(t.chidao)
        const v2 = await t.chidao.updateDocument(ctx, { id: kh359.id, expectedVersion: 1, status: 'AMENDED' })
        expect(v2).toMatchObject({ status: 'AMENDED', version: 2 })
        const e = await expectCode(t.chidao.updateDocument(ctx, { id: kh359.id, expectedVersion: 1, title: 'stale' }), 'VERSION_CONFLICT')
        expect(e.details).toEqual({ currentVersion: 2 })
        expect((await t.chidao.documentById(kh359.id))!.title).toBe('Kế hoạch hành động')
      })
    })

    describe('tasks, assignments, targets', () => {
      it('adds tasks with structure, assignments and implements links to ancestor tasks', async () => {
        const { nq57, kh359, kh09 } = await registerSmallCascade(t.chidao)
        const parent = await t.chidao.addTask(ctx, { documentId: nq57.id, code: 'III.1', content: 'Nâng cao nhận thức' })
        const mid = await t.chidao.addTask(ctx, { documentId: kh359.id, code: 'II.1', content: 'Tuyên truyền', implements: [parent.id] })
        const group = await t.chidao.addTask(ctx, { documentId: kh09.id, code: 'II', content: 'Nhiệm vụ' })
        const child = await t.chidao.addTask(ctx, {
          documentId: kh09.id,
          code: 'II.1',
          parentCode: 'II',
          content: 'Quán triệt',
          timePhrase: 'Quý IV/2025',
          implements: [parent.id, mid.id],
          assignments: [
            { role: 'LEAD', organizationCode: 'QNG.THIENTIN.DU' },
            { role: 'COORDINATING', organizationCode: 'QNG.UBND', note: 'UBND' },
          ],
        })
        expect(child).toMatchObject({
          code: 'II.1',
          parentId: group.id,
          ordinal: 2,
          timePhrase: 'Quý IV/2025',
          state: 'ACTIVE',
          version: 1,
        })
        expect(child.deadline).toMatchObject({ kind: 'QUARTER', dueDate: '2025-12-31', normalized: 'Quý IV/2025' })
        expect(group.deadline).toMatchObject({ kind: 'INHERITED', inheritsFromParents: true })
        expect((await t.chidao.parentTaskIdsOf(child.id)).sort()).toEqual([parent.id, mid.id].sort())
        expect((await t.chidao.assignmentsOf(child.id)).map((a) => a.role)).toEqual(['LEAD', 'COORDINATING'])
        expect((await t.chidao.tasksOf(kh09.id)).map((x) => x.code)).toEqual(['II', 'II.1'])
        expect(await t.chidao.taskById(child.id)).toEqual(child)
      })

      it('refuses an implements link to a task outside the ancestors (NOT_AN_ANCESTOR)', async () => {
        const { nq71, kh09 } = await registerSmallCascade(t.chidao)
        const govTask = await t.chidao.addTask(ctx, { documentId: nq71.id, code: '1', content: 'x' })
        const before = await count(t, 'task')
        const e = await expectCode(
          t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'y', implements: [govTask.id] }),
          'NOT_AN_ANCESTOR',
        )
        expect(e.details).toMatchObject({ parentTaskId: govTask.id })
        expect(await count(t, 'task')).toBe(before)
        const own = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'y' })
        await expectCode(t.chidao.linkTask(ctx, { taskId: own.id, parentTaskId: govTask.id }), 'NOT_AN_ANCESTOR')
        await expectCode(t.chidao.linkTask(ctx, { taskId: own.id, parentTaskId: own.id }), 'NOT_AN_ANCESTOR')
      })

      it('links tasks after the fact, once', async () => {
        const { nq57, kh09 } = await registerSmallCascade(t.chidao)
        const p = await t.chidao.addTask(ctx, { documentId: nq57.id, code: '1', content: 'p' })
        const c = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'c' })
        await t.chidao.linkTask(ctx, { taskId: c.id, parentTaskId: p.id })
        await t.chidao.linkTask(ctx, { taskId: c.id, parentTaskId: p.id })
        expect(await t.chidao.parentTaskIdsOf(c.id)).toEqual([p.id])
      })

      it('refuses a duplicate task code, an unknown parent code and an unknown assignee', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'c' })
        await expectCode(t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'again' }), 'DUPLICATE_TASK')
        await expectCode(t.chidao.addTask(ctx, { documentId: kh09.id, code: '2.a', parentCode: '2', content: 'x' }), 'UNKNOWN_TASK')
        await expectCode(
          t.chidao.addTask(ctx, {
            documentId: kh09.id,
            code: '3',
            content: 'x',
            assignments: [{ role: 'LEAD', organizationCode: 'NOPE' }],
          }),
          'UNKNOWN_ORGANIZATION',
        )
        await expectCode(t.chidao.addTask(ctx, { documentId: 'nope', code: '3', content: 'x' }), 'UNKNOWN_DOCUMENT')
      })

      it('assigns to an organization or a group, never both, never twice', async () => {
        const { kh359 } = await registerSmallCascade(t.chidao)
        await t.chidao.registerGroup(ctx, { code: 'QNG.SO', name: 'Các sở, ban, ngành', withinCode: 'QNG.UBND', kinds: ['DEPARTMENT'] })
        const task = await t.chidao.addTask(ctx, { documentId: kh359.id, code: '1', content: 'x' })
        const a = await t.chidao.assign(ctx, { taskId: task.id, role: 'LEAD', groupCode: 'QNG.SO', note: 'Các sở, ban, ngành' })
        expect(a).toMatchObject({ role: 'LEAD', organizationId: null, note: 'Các sở, ban, ngành' })
        await t.chidao.assign(ctx, { taskId: task.id, role: 'COORDINATING', organizationCode: 'QNG.SKHCN' })
        await expectCode(t.chidao.assign(ctx, { taskId: task.id, role: 'COORDINATING', organizationCode: 'QNG.SKHCN' }), 'INVALID_INPUT')
        await expectCode(
          t.chidao.assign(ctx, { taskId: task.id, role: 'LEAD', organizationCode: 'QNG.SKHCN', groupCode: 'QNG.SO' }),
          'INVALID_INPUT',
        )
        await expectCode(t.chidao.assign(ctx, { taskId: task.id, role: 'LEAD', groupCode: 'NOPE' }), 'UNKNOWN_ORGANIZATION')
        expect((await t.chidao.assignmentsOf(task.id)).length).toBe(2)
      })

      it('updates a task under optimistic concurrency', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        const task = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'x', timePhrase: 'Quý IV/2025' })
        const v2 = await t.chidao.updateTask(ctx, { id: task.id, expectedVersion: 1, timePhrase: 'Trong tháng 10/2025', state: 'ACTIVE' })
        expect(v2).toMatchObject({ timePhrase: 'Trong tháng 10/2025', version: 2, deadline: { kind: 'MONTH', dueDate: '2025-10-31' } })
        // A relative phrase resolves against the document's issue date (22/8/2025).
        const v3 = await t.chidao.updateTask(ctx, {
          id: task.id,
          expectedVersion: 2,
          timePhrase: 'Trong 10 ngày làm việc kể từ ngày ban hành',
        })
        expect(v3.deadline).toMatchObject({ kind: 'RELATIVE', dueDate: '2025-09-09' }) // 1–2/9 are off
        await expectCode(t.chidao.updateTask(ctx, { id: task.id, expectedVersion: 1, content: 'stale' }), 'VERSION_CONFLICT')
        await expectCode(t.chidao.updateTask(ctx, { id: task.id, expectedVersion: 0, content: 'bad' }), 'INVALID_INPUT')
        await expectCode(t.chidao.updateTask(ctx, { id: task.id, expectedVersion: 3, state: 'DONE' }), 'INVALID_INPUT')
      })

      it('adds targets with comparator, value and milestone', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        await t.chidao.addTarget(ctx, {
          documentId: kh09.id,
          category: 'Hạ tầng',
          metric: 'Tỷ lệ phủ sóng 5G',
          unit: '%',
          comparator: 'GTE',
          value: 100,
          milestoneOn: '2030-12-31',
        })
        await t.chidao.addTarget(ctx, {
          documentId: kh09.id,
          category: 'Hạ tầng',
          metric: 'Tỷ lệ phủ sóng 5G',
          unit: '%',
          comparator: 'GTE',
          value: 40,
          milestoneOn: '2025-12-31',
        })
        await t.chidao.addTarget(ctx, {
          documentId: kh09.id,
          metric: 'Chỉ số chuyển đổi số cấp xã',
          comparator: 'GT',
          value: 0.6,
          milestoneOn: '2025-12-31',
        })
        const targets = await t.chidao.targetsOf(kh09.id)
        expect(targets.map((x) => [x.milestoneOn, x.value])).toEqual([
          ['2025-12-31', 0.6],
          ['2025-12-31', 40],
          ['2030-12-31', 100],
        ])
        await expectCode(t.chidao.addTarget(ctx, { documentId: kh09.id, metric: 'x', comparator: '>=', value: 1 }), 'INVALID_INPUT')
        await expectCode(
          t.chidao.addTarget(ctx, { documentId: kh09.id, metric: 'x', comparator: 'GT', value: Number.NaN }),
          'INVALID_INPUT',
        )
      })
    })

    describe('reports', () => {
      it('pages reports per task in one batch, each with its evidence in order', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        const a = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'x' })
        const b = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '2', content: 'y' })
        const submit = (taskId: string, reportedOn: string, evidence: { title: string; uri: string }[]) =>
          t.chidao.submitReport(ctx, {
            taskId,
            organizationCode: 'QNG.THIENTIN.DU',
            period: 'AD_HOC',
            claimedStatus: 'IN_PROGRESS',
            percent: 10,
            reportedOn,
            evidence,
          })
        await submit(a.id, '2025-10-01', [{ title: 'Một', uri: 'file:1' }])
        await submit(a.id, '2025-11-01', [])
        await submit(a.id, '2025-12-01', [
          { title: 'Ba', uri: 'file:3' },
          { title: 'Bốn', uri: 'file:4' },
        ])
        await submit(b.id, '2025-10-05', [{ title: 'Năm', uri: 'file:5' }])
        const all = await t.chidao.reportsOfTasks([a.id, b.id])
        const pages = await t.chidao.reportPagesOfTasks([a.id, b.id], { offset: 1, limit: 2 })
        expect(pages.get(a.id)).toEqual({ items: all.get(a.id)!.slice(1, 3), total: 3 })
        expect(pages.get(a.id)!.items.map((r) => r.evidence.map((e) => e.title))).toEqual([[], ['Ba', 'Bốn']])
        expect(pages.get(b.id)).toEqual({ items: [], total: 1 })
        expect((await t.chidao.reportPagesOfTasks([b.id], { offset: 0, limit: 5 })).get(b.id)!.items[0]!.evidence).toEqual([
          { title: 'Năm', uri: 'file:5', sha256: null },
        ])
      })

      it('keeps the claim and the verification apart, with evidence in order', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        const task = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'x' })
        const sha = 'a'.repeat(64)
        const report = await t.chidao.submitReport(ctx, {
          taskId: task.id,
          organizationCode: 'QNG.THIENTIN.DU',
          period: 'QUARTER',
          periodStart: '2025-09-15',
          periodEnd: '2025-12-14',
          claimedStatus: 'COMPLETED',
          percent: 100,
          completedOn: '2025-12-01',
          reportedOn: '2025-12-10',
          narrative: 'Đã hoàn thành',
          evidence: [
            { title: 'Biên bản', uri: 'https://example.invalid/1.pdf', sha256: sha.toUpperCase() },
            { title: 'Ảnh', uri: 'file:2.jpg' },
          ],
        })
        expect(report).toMatchObject({
          claimedStatus: 'COMPLETED',
          percent: 100,
          scope: 'QNG',
          verification: { status: 'PENDING', verifierId: null },
        })
        expect(report.evidence).toEqual([
          { title: 'Biên bản', uri: 'https://example.invalid/1.pdf', sha256: sha },
          { title: 'Ảnh', uri: 'file:2.jpg', sha256: null },
        ])
        const verified = await t.chidao.verifyReport(ctx, {
          reportId: report.id,
          expectedVersion: 1,
          verifierCode: 'QNG.TU',
          status: 'REJECTED',
          verifiedOn: '2025-12-12',
          note: 'Thiếu minh chứng',
        })
        expect(verified).toMatchObject({
          claimedStatus: 'COMPLETED',
          version: 2,
          verification: { status: 'REJECTED', verifiedOn: '2025-12-12', note: 'Thiếu minh chứng' },
        })
        await expectCode(
          t.chidao.verifyReport(ctx, {
            reportId: report.id,
            expectedVersion: 1,
            verifierCode: 'QNG.TU',
            status: 'ACCEPTED',
            verifiedOn: '2025-12-13',
          }),
          'VERSION_CONFLICT',
        )
        expect(await t.chidao.reportsOf(task.id)).toEqual([verified])
      })

      it('refuses bad claims', async () => {
        const { kh09 } = await registerSmallCascade(t.chidao)
        const task = await t.chidao.addTask(ctx, { documentId: kh09.id, code: '1', content: 'x' })
        const base = {
          taskId: task.id,
          organizationCode: 'QNG.THIENTIN.DU',
          period: 'AD_HOC',
          claimedStatus: 'IN_PROGRESS',
          reportedOn: '2025-12-10',
        }
        await expectCode(t.chidao.submitReport(ctx, { ...base, percent: 101 }), 'INVALID_INPUT')
        await expectCode(t.chidao.submitReport(ctx, { ...base, claimedStatus: 'COMPLETED' }), 'INVALID_INPUT')
        await expectCode(t.chidao.submitReport(ctx, { ...base, claimedStatus: 'COMPLETED', completedOn: '2025-12-11' }), 'INVALID_DATE')
        await expectCode(t.chidao.submitReport(ctx, { ...base, evidence: [{ title: 'x', uri: 'y', sha256: 'abc' }] }), 'INVALID_INPUT')
        await expectCode(t.chidao.submitReport(ctx, { ...base, organizationCode: 'NOPE' }), 'UNKNOWN_ORGANIZATION')
        await expectCode(t.chidao.submitReport(ctx, { ...base, taskId: 'nope' }), 'UNKNOWN_TASK')
        await expectCode(t.chidao.submitReport(ctx, { ...base, reportedOn: '2025-12-32' }), 'INVALID_DATE')
        expect(await count(t, 'report')).toBe(0)
      })
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
