/** `chidao import FILE… | DIR`: a folder of plans, one line each, a table, JSON Lines, bad files reported and skipped. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadFixtures } from '@chidao/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planToDocx } from '../../files/test/build.js'
import { plan } from '../../files/test/support.js'
import { filesOf, importFiles } from '../src/import-files.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from '@chidao/core/testing'

for (const dialect of DIALECTS) {
  describe(`chidao import DIR on ${dialect.name}`, () => {
    let t: TestContext
    let dir: string
    beforeAll(async () => {
      t = await initTest(dialect)
      await loadFixtures(t.chidao)
      dir = mkdtempSync(join(tmpdir(), 'chidao-import-'))
      const text = plan('province-plan.txt')
      writeFileSync(join(dir, '1-ke-hoach.docx'), await planToDocx(text))
      writeFileSync(join(dir, '2-hong.pdf'), '%PDF-1.4 not really')
      writeFileSync(join(dir, '3-ke-hoach-khac.txt'), text.replace('212/KH-UBND', '215/KH-UBND'))
      writeFileSync(join(dir, '4-rong.txt'), '')
      writeFileSync(join(dir, '.hidden'), 'x')
    })
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true })
      await destroyTest(t)
    })

    it("lists a folder's files in name order, hidden ones left out", async () => {
      expect((await filesOf([dir])).map((f) => f.slice(dir.length + 1))).toEqual([
        '1-ke-hoach.docx',
        '2-hong.pdf',
        '3-ke-hoach-khac.txt',
        '4-rong.txt',
      ])
    })

    it('imports every file, one bad file never stopping the others: a line each, a progress bar on a terminal, a final table', async () => {
      const lines: string[] = []
      let bar = ''
      const outcomes = await importFiles(t.chidao, [dir], {
        actor: 'cli-test',
        dryRun: false,
        resolutions: {},
        json: false,
        out: (l) => lines.push(l),
        progress: {
          write: (s: string) => {
            bar += s
            return true
          },
        } as never,
      })
      expect(outcomes.map((o) => [o.ok, o.error?.code ?? null])).toEqual([
        [true, null],
        [false, 'FILE_CORRUPT'],
        [true, null],
        [false, 'FILE_EMPTY'],
      ])
      expect(lines[0]).toMatch(/^✓ 1-ke-hoach\.docx: .*docx.*212\/KH-UBND; \d+ task\(s\), \d+ warning\(s\); written/)
      expect(lines[1]).toMatch(/^✗ 2-hong\.pdf: FILE_CORRUPT — .*damaged/)
      expect(lines[3]).toMatch(/^✗ 4-rong\.txt: FILE_EMPTY/)
      expect(lines[4]).toMatch(/file \/ tệp\s+read by\s+pages\s+tasks\s+warnings\s+result/)
      expect(lines[4]).toMatch(/4 file\(s\): 2 read, 2 failed/)
      expect(bar).toContain('[########################] 4/4')
      const doc = outcomes[0]!.result!.document!
      expect((await t.chidao.documentSources([doc.id])).get(doc.id)!.map((s) => s.fileName)).toEqual(['1-ke-hoach.docx'])
    })

    it('with --json prints one JSON object per file and nothing else; again, nothing new is written', async () => {
      const lines: string[] = []
      const outcomes = await importFiles(t.chidao, [join(dir, '1-ke-hoach.docx'), join(dir, '2-hong.pdf')], {
        actor: 'cli-test',
        dryRun: false,
        resolutions: {},
        json: true,
        out: (l) => lines.push(l),
        progress: null,
      })
      expect(lines).toHaveLength(2)
      const [first, second] = lines.map((l) => JSON.parse(l))
      expect(first).toMatchObject({
        ok: true,
        source: { fileName: '1-ke-hoach.docx' },
        result: { created: { documents: 0, tasks: 0, sources: 0 } },
      })
      expect(second).toMatchObject({ ok: false, error: { code: 'FILE_CORRUPT' }, result: null })
      expect(outcomes.some((o) => !o.ok)).toBe(true)
    })
  })
}
