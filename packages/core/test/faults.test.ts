/**
 * The fault suite: concurrent writers on one task and one plan, concurrent imports of one plan
 * (one without a legible number), concurrent registrations without an issue date, a locked table,
 * and on PostgreSQL killed connections (idle, and inside an import). Each checks that the rows
 * equal a serial run's and the derived tables a full rebuild's; the workload's scorecard on each
 * store equals the serial run's on SQLite, so both stores give identical scorecards.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Chidao, migrateToLatest, openStore, transactionStats } from '../src/index.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { ctx, registerOrganizations as registerBodies, registerTerritories } from './support/cascade.js'
import { restartableProxy } from './support/proxy.js'
import { derivedVersusRebuild, dump, positions, runWorkload, setUpWorkload } from './support/workload.js'

/** A plan of the commune Party committee whose number is illegible ("Số: £ /KH-ĐU"). */
const UNNUMBERED_PLAN = `ĐẢNG BỘ TỈNH QUẢNG NGÃI
ĐẢNG ỦY XÃ THIỆN TÍN
Số: £ /KH-ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Thiện Tín, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện chuyển đổi số trên địa bàn xã

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Đảng ủy xã ban hành Kế hoạch thực hiện như sau:

I. NHIỆM VỤ
1. Đảng ủy xã Thiện Tín: tổ chức quán triệt Nghị quyết.
- Thời gian hoàn thành: Quý IV/2025.
2. Đảng ủy xã Thiện Tín: xây dựng chương trình hành động.
- Thời gian hoàn thành: Quý I/2026.
`

/** The bodies of the small cascade and the territories the importer places a plan by. */
async function registerOrganizations(chidao: Parameters<typeof registerBodies>[0]): Promise<void> {
  await registerBodies(chidao)
  await registerTerritories(chidao)
}

/** The serial run's dump on SQLite, the reference every concurrent run is held to. */
let reference: Awaited<ReturnType<typeof dump>> | undefined
async function serialReference() {
  if (!reference) {
    const store = await openStore(':memory:')
    await migrateToLatest(store)
    const chidao = new Chidao(store)
    const setup = await setUpWorkload(chidao)
    expect(await runWorkload(chidao, setup, false)).toEqual([])
    reference = await dump(chidao)
    await store.close()
  }
  return reference
}

for (const dialect of DIALECTS) {
  describe(`faults on ${dialect.name}`, () => {
    let t: TestContext
    beforeEach(async () => {
      t = await initTest(dialect)
    })
    afterEach(async () => {
      await destroyTest(t)
    })

    it('concurrent writers on one task and one plan leave the rows of a serial run and derived tables equal to a rebuild', async () => {
      const setup = await setUpWorkload(t.chidao)
      const retriesBefore = transactionStats.retries
      const started = performance.now()
      const failed = await runWorkload(t.chidao, setup, true)
      const ms = Math.round(performance.now() - started)
      expect(failed.map((e) => String((e as Error).message ?? e))).toEqual([])
      expect(await positions(t.store)).toEqual({ duplicateTaskPositions: 0, duplicateAssignmentPositions: 0 })
      const { incremental, rebuilt } = await derivedVersusRebuild(t.store)
      expect(incremental).toEqual(rebuilt)
      // Same rows, statuses and scorecard as the serial run on SQLite: the two stores agree.
      expect(await dump(t.chidao)).toEqual(await serialReference())
      console.info(`[faults] ${dialect.name}: concurrent workload in ${ms} ms, ${transactionStats.retries - retriesBefore} retries`)
    })

    it('ten concurrent registrations of one document without an issue date make one row', async () => {
      await registerOrganizations(t.chidao)
      const input = { symbol: '359-KH/TU', issuerCode: 'QNG.BTVTU', issuedOn: null, title: 'Kế hoạch hành động' }
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => t.chidao.registerDocument(ctx, input)))
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'DUPLICATE_DOCUMENT' })
      expect(await t.chidao.documentsBySymbol('359-KH/TU')).toHaveLength(1)
    })

    it('five concurrent imports of a plan with an illegible number make one document and its tasks once; again in a row, nothing new', async () => {
      await registerOrganizations(t.chidao)
      await t.chidao.registerDocument(ctx, { symbol: '57-NQ/TW', issuerCode: 'BCT', issuedOn: '2024-12-22', title: 'Nghị quyết 57' })
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => t.chidao.importPlan(ctx, UNNUMBERED_PLAN)))
      expect(results.map((r) => r.status)).toEqual(Array(5).fill('fulfilled'))
      const written = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<Chidao['importPlan']>>>).value)
      expect(written[0]!.preview.header.symbol).toBeNull()
      expect(written.reduce((n, r) => n + r.created.documents, 0)).toBe(1)
      const documents = await t.store.db
        .selectFrom('document')
        .select(['id', 'symbol'])
        .where('issuerId', '=', (await t.chidao.organizationByCode('QNG.THIENTIN.DU'))!.id)
        .execute()
      expect(documents).toHaveLength(1)
      expect(await t.chidao.tasksOf(documents[0]!.id)).toHaveLength(written[0]!.preview.tasks.length)
      const again = await t.chidao.importPlan(ctx, UNNUMBERED_PLAN)
      expect(again.created).toEqual({ documents: 0, links: 0, tasks: 0, assignments: 0, targets: 0, sources: 0 })
      const { incremental, rebuilt } = await derivedVersusRebuild(t.store)
      expect(incremental).toEqual(rebuilt)
    })

    it('an unnumbered plan with no readable title, imported twice in a row, is written once', async () => {
      await registerOrganizations(t.chidao)
      const untitled = UNNUMBERED_PLAN.replace('KẾ HOẠCH\nThực hiện chuyển đổi số trên địa bàn xã\n', 'KẾ HOẠCH\n')
      const first = await t.chidao.importPlan(ctx, untitled)
      // The plan and the resolution it cites (57-NQ/TW, not registered here).
      expect([first.preview.header.symbol, first.preview.header.title, first.created.documents]).toEqual([null, null, 2])
      expect((await t.chidao.importPlan(ctx, untitled)).created).toEqual({
        documents: 0,
        links: 0,
        tasks: 0,
        assignments: 0,
        targets: 0,
        sources: 0,
      })
    })

    it('reads a plan outside the write transaction, and checks the key before reading it', async () => {
      await registerOrganizations(t.chidao)
      const inTransaction: boolean[] = []
      await t.chidao.importPlan(ctx, UNNUMBERED_PLAN, {
        onProgress: () => {
          inTransaction.push(t.chidao.db.isTransaction)
        },
      })
      expect(inTransaction.length).toBeGreaterThan(0)
      expect(inTransaction.every((x) => !x)).toBe(true)
      const commune = {
        actor: 'key:commune',
        grant: { keyId: 'commune', organizationId: (await t.chidao.organizationByCode('QNG.THIENTIN.DU'))!.id, role: 'EDITOR' as const },
      }
      let read = 0
      await expect(
        t.chidao.importPlan(commune, UNNUMBERED_PLAN, {
          issuerCode: 'QNG.UBND',
          onProgress: () => {
            read++
          },
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      expect(read).toBe(0)
    })

    it('a command behind a locked table fails with STORE_TIMEOUT instead of waiting', async () => {
      if (dialect.name === 'postgres') {
        const store = await openStore(dialect.url, { lockTimeoutMs: 300 })
        const holder = new pg.Client({ connectionString: dialect.url })
        await holder.connect()
        try {
          await registerOrganizations(new Chidao(store))
          await holder.query('begin')
          await holder.query('lock table organization in access exclusive mode')
          const started = Date.now()
          await expect(
            new Chidao(store).registerOrganization(ctx, { code: 'X', name: 'X', tier: 'CENTRAL', bloc: 'STATE', kind: 'OTHER' }),
          ).rejects.toMatchObject({ code: 'STORE_TIMEOUT' })
          expect(Date.now() - started).toBeLessThan(5000)
        } finally {
          await holder.query('rollback').catch(() => undefined)
          await holder.end()
          await store.close()
        }
        return
      }
      const dir = mkdtempSync(join(tmpdir(), 'chidao-lock-'))
      const file = join(dir, 'lock.sqlite')
      const a = await openStore(file, { lockTimeoutMs: 300 })
      const b = await openStore(file, { lockTimeoutMs: 300 })
      try {
        await migrateToLatest(a)
        await a.db.selectFrom('organization').select('id').execute()
        await sql`begin exclusive`.execute(b.db)
        try {
          await expect(
            new Chidao(a).registerOrganization(ctx, { code: 'X', name: 'X', tier: 'CENTRAL', bloc: 'STATE', kind: 'OTHER' }),
          ).rejects.toMatchObject({ code: 'STORE_TIMEOUT' })
        } finally {
          await sql`rollback`.execute(b.db)
        }
      } finally {
        await a.close()
        await b.close()
        rmSync(dir, { recursive: true, force: true })
      }
    })
  })
}

const postgres = DIALECTS.find((d) => d.name === 'postgres')
describe.runIf(postgres)('faults of PostgreSQL connections', () => {
  let t: TestContext
  const errors: Error[] = []
  beforeEach(async () => {
    t = await initTest(postgres!, { onConnectionError: (e) => errors.push(e) })
  })
  afterEach(async () => {
    await destroyTest(t)
  })

  /** Terminates every backend of this database except the caller's. */
  async function killBackends(): Promise<number> {
    const admin = new pg.Client({ connectionString: postgres!.url })
    await admin.connect()
    try {
      const { rows } = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      )
      return rows.length
    } finally {
      await admin.end()
    }
  }

  it('survives its idle connections being terminated, and the next command reconnects', async () => {
    await registerOrganizations(t.chidao)
    expect(await killBackends()).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 200))
    // The process is still here (an unheard 'error' would have ended it), and the pool opens new connections.
    await expect(
      t.chidao.registerOrganization(ctx, { code: 'AFTER', name: 'Sau', tier: 'CENTRAL', bloc: 'STATE', kind: 'OTHER' }),
    ).resolves.toMatchObject({ code: 'AFTER' })
    await t.store.ping()
  })

  it('a connection killed inside an import writes nothing of it; importing again writes it whole', async () => {
    await registerOrganizations(t.chidao)
    await t.chidao.registerDocument(ctx, { symbol: '57-NQ/TW', issuerCode: 'BCT', issuedOn: '2024-12-22', title: 'Nghị quyết 57' })
    const count = async () =>
      Number(
        (
          await t.store.db
            .selectFrom('task')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = { tasks: await count(), documents: (await t.store.db.selectFrom('document').select('id').execute()).length }
    // Hold a lock that lets the import read and begin writing but stops it at its first task row, inside its
    // transaction, and kill that backend there. (Racing the import with kills was flaky: a fast import won.)
    // The watcher is a second connection: inside the holder's transaction pg_stat_activity is one snapshot.
    const holder = new pg.Client({ connectionString: postgres!.url })
    const watcher = new pg.Client({ connectionString: postgres!.url })
    await holder.connect()
    await watcher.connect()
    await holder.query('begin')
    await holder.query('lock table task in share mode')
    const importing = t.chidao.importPlan(ctx, UNNUMBERED_PLAN).then(
      () => 'written' as const,
      (e: unknown) => e,
    )
    let killed = 0
    try {
      for (let i = 0; i < 400 && killed === 0; i++) {
        const { rows } = await watcher.query(`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and backend_xid is not null`)
        killed = rows.length
        if (killed === 0) await new Promise((resolve) => setTimeout(resolve, 10))
      }
    } finally {
      await holder.query('rollback')
      await holder.end()
      await watcher.end()
    }
    expect(killed).toBe(1)
    // Killed after writing its document: nothing of it stays, and the caller is told the store failed.
    await expect(importing).resolves.toMatchObject({ code: 'STORE_UNAVAILABLE' })
    expect({ tasks: await count(), documents: (await t.store.db.selectFrom('document').select('id').execute()).length }).toEqual(before)
    const again = await t.chidao.importPlan(ctx, UNNUMBERED_PLAN)
    expect(await count()).toBe(before.tasks + again.preview.tasks.length)
    expect(again.document).not.toBeNull()
    const { incremental, rebuilt } = await derivedVersusRebuild(t.store)
    expect(incremental).toEqual(rebuilt)
  })
})

describe.runIf(postgres)('a PostgreSQL server going down inside an import', () => {
  it('writes nothing of the import, answers STORE_UNAVAILABLE, and imports it whole once the server is back', async () => {
    const t = await initTest(postgres!)
    await registerOrganizations(t.chidao)
    await t.chidao.registerDocument(ctx, { symbol: '57-NQ/TW', issuerCode: 'BCT', issuedOn: '2024-12-22', title: 'Nghị quyết 57' })
    const proxy = await restartableProxy(new URL(postgres!.url))
    const store = await openStore(proxy.url, { connectTimeoutMs: 1000 })
    const chidao = new Chidao(store)
    const tasks = async () =>
      Number(
        (
          await t.store.db
            .selectFrom('task')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    try {
      // The server goes away as soon as the import's write transaction is open.
      let downed = false
      const importing = chidao.importPlan(ctx, UNNUMBERED_PLAN).then(
        () => 'written' as const,
        (e: unknown) => e,
      )
      for (let i = 0; i < 400 && !downed; i++) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and state like 'idle in transaction%'`.execute(t.store.db)
        if (rows[0]!.n > 0) {
          await proxy.down()
          downed = true
        }
      }
      expect(downed).toBe(true)
      expect(await importing).toMatchObject({ code: 'STORE_UNAVAILABLE' })
      expect(await tasks()).toBe(0)
      // Recovering: connections are accepted, then refused (57P03), as a server starting up refuses them.
      await proxy.starting()
      await expect(chidao.importPlan(ctx, UNNUMBERED_PLAN)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
      // A read outside any transaction is coded too, without the server's words.
      const read = await chidao.organizationByCode('BCT').catch((e: Error) => e)
      expect(read).toMatchObject({ code: 'STORE_UNAVAILABLE' })
      expect((read as Error).message).not.toMatch(/starting up/)
      expect(await tasks()).toBe(0)
      await proxy.up()
      const again = await chidao.importPlan(ctx, UNNUMBERED_PLAN)
      expect(await tasks()).toBe(again.preview.tasks.length)
      const { incremental, rebuilt } = await derivedVersusRebuild(t.store)
      expect(incremental).toEqual(rebuilt)
    } finally {
      await store.close()
      await proxy.down().catch(() => undefined)
      await destroyTest(t)
    }
  })
})
