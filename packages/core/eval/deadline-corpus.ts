/**
 * The time phrases of the shared corpus (`../shared/corpus/deadlines.tsv`) and how well
 * `parseDeadline` reads them. Used by `npm run eval` (eval/deadlines.ts) and by the regression
 * test (test/deadline-corpus.test.ts); both skip when the corpus is absent.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Deadline } from '../src/deadline/types.js'

/** One row of deadlines.tsv: a phrase as written and what it means (empty cells are not checked). */
export interface ExpectedDeadline {
  readonly text: string
  readonly issuedOn: string | null
  /** Accepted kinds (the file writes alternatives as `A|B`). */
  readonly kinds: readonly string[]
  readonly dueDate: string | null
  readonly startDate: string | null
  readonly recurrence: string | null
  readonly source: string
}

/** A row the parser got wrong, with what it gave. */
export interface DeadlineMiss {
  readonly row: ExpectedDeadline
  readonly got: Deadline
  readonly why: string
}

/** The score over the corpus, in total and per expected kind (as the file writes it). */
export interface DeadlineScore {
  readonly right: number
  readonly total: number
  readonly perKind: ReadonlyMap<string, { right: number; total: number }>
  readonly misses: readonly DeadlineMiss[]
}

const HERE = dirname(fileURLToPath(import.meta.url))
/** Where the corpus file is expected: the shared folder next to the repository root. */
export const DEADLINES_TSV = join(HERE, '..', '..', '..', '..', 'shared', 'corpus', 'deadlines.tsv')

/** Reads deadlines.tsv, or null when the shared corpus is absent. */
export function loadDeadlineCorpus(path: string = DEADLINES_TSV): ExpectedDeadline[] | null {
  if (!existsSync(path)) return null
  const rows: ExpectedDeadline[] = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue
    const [text = '', issuedOn = '', kind = '', due = '', start = '', recurrence = '', source = ''] = line.split('\t')
    rows.push({
      text,
      issuedOn: issuedOn || null,
      kinds: kind
        .split('|')
        .map((k) => k.trim())
        .filter(Boolean),
      dueDate: due || null,
      startDate: start || null,
      recurrence: recurrence || null,
      source,
    })
  }
  return rows
}

/**
 * Why a reading differs from the expected row, or null when it is right. An accepted `UNKNOWN`
 * carries no values, so the row's other cells (which belong to its other kind, as in
 * `UNKNOWN|RECURRING … HALF_YEARLY`) are not checked against it.
 */
export function judge(row: ExpectedDeadline, got: Deadline): string | null {
  if (row.kinds.length > 0 && !row.kinds.includes(got.kind)) return `kind ${got.kind}`
  if (got.kind === 'UNKNOWN') return null
  if (row.dueDate !== null && got.dueDate !== row.dueDate) return `due ${got.dueDate}`
  if (row.startDate !== null && got.startDate !== row.startDate) return `start ${got.startDate}`
  if (row.recurrence !== null && got.recurrence !== row.recurrence) return `recurrence ${got.recurrence}`
  return null
}

/** Scores a parser on the rows. */
export function scoreDeadlines(
  rows: readonly ExpectedDeadline[],
  parse: (text: string, options: { issuedOn?: string }) => Deadline,
): DeadlineScore {
  const perKind = new Map<string, { right: number; total: number }>()
  const misses: DeadlineMiss[] = []
  let right = 0
  for (const row of rows) {
    const got = parse(row.text, row.issuedOn ? { issuedOn: row.issuedOn } : {})
    const why = judge(row, got)
    const key = row.kinds.join('|') || '(any)'
    const bucket = perKind.get(key) ?? { right: 0, total: 0 }
    bucket.total++
    if (why === null) {
      right++
      bucket.right++
    } else misses.push({ row, got, why })
    perKind.set(key, bucket)
  }
  return { right, total: rows.length, perKind, misses }
}
