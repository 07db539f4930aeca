import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely, sql } from 'kysely'
import sqlite3 from 'sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../open-store.js'
import { toSqliteParameter } from './sqlite3-connection.js'
import { Sqlite3Dialect } from './sqlite3-dialect.js'
import type { Sqlite3Database } from './sqlite3-types.js'

interface Db {
  t: { id: number; v: string | null }
}

function memoryDb(): Kysely<Db> {
  return new Kysely<Db>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(':memory:') as unknown as Sqlite3Database }) })
}

describe('Sqlite3Dialect', () => {
  let db: Kysely<Db> | undefined
  let store: Store | undefined
  afterEach(async () => {
    await db?.destroy()
    await store?.close()
    db = store = undefined
  })

  it('returns rows for selects and change counts for writes (kysely’s SqliteDialect returns [] here)', async () => {
    db = memoryDb()
    await db.schema
      .createTable('t')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('v', 'text')
      .execute()
    const insert = await db
      .insertInto('t')
      .values([
        { id: 1, v: 'một' },
        { id: 2, v: 'hai' },
      ])
      .executeTakeFirst()
    expect(insert.numInsertedOrUpdatedRows).toBe(2n)
    const update = await db.updateTable('t').set({ v: 'ba' }).where('id', '=', 2).executeTakeFirst()
    expect(update.numUpdatedRows).toBe(1n)
    expect(await db.selectFrom('t').selectAll().orderBy('id').execute()).toEqual([
      { id: 1, v: 'một' },
      { id: 2, v: 'ba' },
    ])
    expect(await db.insertInto('t').values({ id: 3, v: 'bốn' }).returning('v').execute()).toEqual([{ v: 'bốn' }])
    expect(await db.deleteFrom('t').where('id', '>', 1).returning('id').execute()).toEqual([{ id: 2 }, { id: 3 }])
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(db)).rows).toEqual([{ n: 1 }])
    // A raw select opened by comments still returns its rows.
    expect(
      (
        await sql<{ n: number }>`/* prepared */ -- a note
 select count(*) as n from t`.execute(db)
      ).rows,
    ).toEqual([{ n: 1 }])
  })

  it('binds a safe BigInt as a number instead of sqlite3’s silent NULL, and refuses unsafe ones and Dates', async () => {
    expect(toSqliteParameter(42n)).toBe(42)
    expect(toSqliteParameter(true)).toBe(1)
    expect(toSqliteParameter(undefined)).toBe(null)
    expect(() => toSqliteParameter(2n ** 60n)).toThrow(RangeError)
    expect(() => toSqliteParameter(new Date())).toThrow(TypeError)
    db = memoryDb()
    await db.schema
      .createTable('t')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('v', 'text')
      .execute()
    await db
      .insertInto('t')
      .values({ id: 7n as unknown as number, v: 'x' })
      .execute()
    expect(await db.selectFrom('t').select('id').execute()).toEqual([{ id: 7 }])
  })

  it('serialises transactions on its single connection', async () => {
    db = memoryDb()
    await db.schema
      .createTable('t')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('v', 'text')
      .execute()
    const order: string[] = []
    await Promise.all(
      [1, 2, 3].map((n) =>
        db!.transaction().execute(async (trx) => {
          order.push(`begin ${n}`)
          await trx
            .insertInto('t')
            .values({ id: n, v: String(n) })
            .execute()
          await new Promise((r) => setTimeout(r, 5))
          order.push(`end ${n}`)
        }),
      ),
    )
    expect(order).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2', 'begin 3', 'end 3'])
  })

  it('rolls back a failed transaction and savepoints', async () => {
    db = memoryDb()
    await db.schema
      .createTable('t')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('v', 'text')
      .execute()
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 1, v: 'x' }).execute()
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    const trx = await db.startTransaction().execute()
    await trx.insertInto('t').values({ id: 2, v: 'kept' }).execute()
    const sp = await trx.savepoint('sp').execute()
    await sp.insertInto('t').values({ id: 3, v: 'dropped' }).execute()
    await sp.rollbackToSavepoint('sp').execute()
    await trx.commit().execute()
    expect(await db.selectFrom('t').select('id').execute()).toEqual([{ id: 2 }])
  })

  it('opens files in WAL mode with foreign keys on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chidao-'))
    try {
      store = await openStore(`sqlite:${join(dir, 'x.sqlite')}`)
      const mode = await sql<{ journalMode: string }>`pragma journal_mode`.execute(store.db)
      expect(mode.rows[0]!.journalMode).toBe('wal')
      const fk = await sql<{ foreignKeys: number }>`pragma foreign_keys`.execute(store.db)
      expect(fk.rows[0]!.foreignKeys).toBe(1)
    } finally {
      await store?.close()
      store = undefined
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
