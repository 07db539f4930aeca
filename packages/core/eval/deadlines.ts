/**
 * `npm run eval` in core: how many of the corpus's real time phrases `parseDeadline` reads right
 * (kind among the accepted ones, and the due date, start date and recurrence where given), per
 * expected kind, and every miss. Reads `../shared/corpus/deadlines.tsv`; says so and exits 0 when
 * it is absent.
 */
import { parseDeadline } from '../src/deadline/parse.js'
import { DEADLINES_TSV, loadDeadlineCorpus, scoreDeadlines } from './deadline-corpus.js'

const rows = loadDeadlineCorpus()
if (rows === null) {
  console.log(`deadlines: skipped — ${DEADLINES_TSV} is absent (the shared corpus is not here)`)
  process.exit(0)
}
const t0 = performance.now()
const score = scoreDeadlines(rows, parseDeadline)
const ms = performance.now() - t0
const pct = (r: number, t: number): string => `${((100 * r) / t).toFixed(1)}%`
console.log(
  `parseDeadline on deadlines.tsv: ${score.right} / ${score.total} right (${pct(score.right, score.total)}), ${ms.toFixed(1)} ms\n`,
)
console.log('per expected kind:')
for (const [kind, s] of [...score.perKind].sort((a, b) => b[1].total - a[1].total)) {
  console.log(`  ${kind.padEnd(22)} ${String(s.right).padStart(4)} / ${String(s.total).padEnd(4)} ${pct(s.right, s.total)}`)
}
if (score.misses.length > 0) {
  console.log(`\nmisses (${score.misses.length}):`)
  for (const { row, got, why } of score.misses) {
    const expected = [row.kinds.join('|'), row.dueDate && `due ${row.dueDate}`, row.startDate && `start ${row.startDate}`, row.recurrence]
      .filter(Boolean)
      .join(', ')
    const gotText = [got.kind, got.dueDate && `due ${got.dueDate}`, got.startDate && `start ${got.startDate}`, got.recurrence]
      .filter(Boolean)
      .join(', ')
    console.log(
      `  ${JSON.stringify(row.text)}\n      expected ${expected}\n      got      ${gotText}  (${why}; ${got.reason ?? got.normalized})`,
    )
  }
}
