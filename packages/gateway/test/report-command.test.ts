/** `chidao report …` writes the same files as the download links. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Chidao, migrateToLatest, openStore, type Store } from '@chidao/core'
import { Command } from 'commander'
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportCommand } from '../src/report-command.js'
import { AS_OF, PLAN, seedWithReports } from './dashboard-data.js'

describe('chidao report', () => {
  let dir: string
  let db: string

  /** Opens the store the options name, as cli.ts does. */
  async function withStore(options: { db?: string }, fn: (store: Store) => Promise<void>): Promise<void> {
    const store = await openStore(options.db!)
    try {
      await migrateToLatest(store)
      await fn(store)
    } finally {
      await store.close()
    }
  }
  const run = (...args: string[]) =>
    new Command()
      .exitOverride()
      .addCommand(reportCommand(withStore))
      .parseAsync(['node', 'chidao', 'report', ...args, '--db', db])

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chidao-report-'))
    db = join(dir, 'chidao.sqlite')
    await withStore({ db }, (store) => seedWithReports(new Chidao(store)))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes a plan’s task table with every task of the plan', async () => {
    const out = join(dir, 'plan.xlsx')
    await run('plan', PLAN, '--as-of', AS_OF, '--out', out)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(readFileSync(out) as never)
    const codes = book.getWorksheet('Nhiệm vụ')!.getColumn(1).values.slice(3)
    const expected = await withStoreValue((store) =>
      new Chidao(store).documentsBySymbol(PLAN).then(([d]) => new Chidao(store).tasksOf(d!.id)),
    )
    expect(codes).toEqual(expected.map((t) => t.code))
  })

  it('writes the periodic report for a quarter', async () => {
    const out = join(dir, 'report.docx')
    await run('periodic', PLAN, '--period', 'QUARTER', '--year', '2025', '--index', '4', '--out', out)
    const text = (await mammoth.extractRawText({ path: out })).value
    expect(text).toContain('Kết quả thực hiện Kế hoạch số 01-KH/BCĐ ngày 17/10/2025 quý IV năm 2025')
  })

  it('refuses a plan it does not know, and an unknown kind', async () => {
    await expect(run('plan', '999-KH/XYZ', '--out', join(dir, 'x.xlsx'))).rejects.toThrow(/999-KH\/XYZ/)
    await expect(run('nonsense', '--out', join(dir, 'x.xlsx'))).rejects.toThrow(/Unknown report/)
  })

  async function withStoreValue<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    let value!: T
    await withStore({ db }, async (store) => {
      value = await fn(store)
    })
    return value
  }
})
