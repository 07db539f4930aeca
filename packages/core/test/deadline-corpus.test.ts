/**
 * parseDeadline on the real time phrases of ../shared/corpus/deadlines.tsv (issue #19): at least as
 * many right as when this was written, so a regression fails. Skips when the corpus is absent.
 */
import { describe, expect, it } from 'vitest'
import { judge, loadDeadlineCorpus, scoreDeadlines } from '../eval/deadline-corpus.js'
import { parseDeadline } from '../src/deadline/parse.js'

/** Reached on the corpus (225 phrases): every one right. Raise it, never lower it. */
const AT_LEAST = 225
const rows = loadDeadlineCorpus()

describe.skipIf(rows === null)('parseDeadline on the corpus’s time phrases (../shared/corpus/deadlines.tsv)', () => {
  it(`reads at least ${AT_LEAST} of them right`, () => {
    const score = scoreDeadlines(rows!, parseDeadline)
    const misses = score.misses.map((m) => `${m.row.text} → ${m.got.kind} ${m.got.dueDate ?? ''} (${m.why})`)
    expect(score.right, misses.join('\n')).toBeGreaterThanOrEqual(AT_LEAST)
    expect(score.total).toBe(rows!.length)
  })

  it('judges a reading by its kind and every value the row gives', () => {
    const row = rows!.find((r) => r.dueDate !== null && r.startDate !== null)!
    const right = parseDeadline(row.text, { issuedOn: row.issuedOn ?? undefined })
    expect(judge(row, right)).toBeNull()
    expect(judge(row, { ...right, dueDate: '1999-01-01' })).toMatch(/^due/)
    expect(judge(row, { ...right, kind: 'UNKNOWN' })).toMatch(/^kind/)
  })
})

describe('the corpus reader', () => {
  it('gives null, not an error, when the corpus is absent (so the test and `npm run eval` skip)', () => {
    expect(loadDeadlineCorpus('/nonexistent/shared/corpus/deadlines.tsv')).toBeNull()
  })
})
