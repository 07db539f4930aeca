/**
 * Targets of a plan: milestone headings ("Đến hết năm 2025", "2.2. Đến năm 2030", "c) Tầm nhìn
 * đến năm 2035", a heading that ends "… đến năm 2030") and the lines under them ("- Tỷ lệ phủ
 * sóng 5G ≥ 40%", "(3) 100% các giao dịch …"), or a milestone with its target on one line ("a) Đến
 * hết năm 2025: Có ≥ 30% doanh nghiệp …"), each read as metric, comparator, value and unit; and
 * target tables (TT | Chỉ tiêu | Đơn vị | Kết quả, rows grouped under "Đến năm 2030").
 */
import type { CalendarDate } from '../calendar/date.js'
import type { Comparator } from '../model/task.js'
import { fold } from '../text/fold.js'
import type { SourceLine } from './lines.js'
import { isNoise } from './lines.js'
import { isRecipientsLine } from './outline.js'
import { comparatorOf, figureOf, figuresOf, numberOf } from './target-figure.js'
import type { Warn } from './warnings.js'

/** A target read from the text. */
export interface ImportedTarget {
  /** The heading above the milestone, if any ("Mục tiêu cụ thể"). */
  readonly category: string | null
  readonly metric: string
  readonly comparator: Comparator
  readonly value: number
  readonly unit: string | null
  readonly milestoneOn: CalendarDate
  readonly line: number
}

/** An item's label: Roman, numbered, lettered, "(n)", "n)", a dash, "+" or a bullet. */
const LABEL_RE = /^(?:([IVXLivxl]+)\.|\d+(?:\.\d+)*[.)]|\(\d+\)|[a-zđ]\)|[-–—+•*])\s*/u
const ROMAN_RE = /^[IVXL]+\.\s*/u
/** "Đến (hết) năm 2030", OCR's "Dén nim 2030", "Pen nam 2030", "Tới năm …", after "Mục tiêu (cụ thể)", "Tầm nhìn", "Định hướng". */
const MILESTONE_WORDS = '(?:[dp]\\S{1,2}n|t\\S{1,2}i)\\s+(?:h\\S{1,2}t\\s+)?(?:n\\S{1,2}m\\s+)?(\\d{4})'
const MILESTONE_HEAD_RE = new RegExp(
  `^(?:(?:m\\S{1,2}c\\s+ti\\S{1,2}u|ch\\S\\s+ti\\S{1,2}u)(?:\\s+c\\S\\s+th\\S{1,2})?\\s+|t\\S{1,2}m\\s+nh\\S{1,2}n\\s+|\\S{1,2}nh\\s+h\\S{1,3}ng\\s+)?${MILESTONE_WORDS}(?!\\s*[-–]\\s*\\d)(?:\\s*[:.,]\\s*|\\s+|$)`,
)
/** A milestone anywhere in a heading: "Phát triển kinh tế số đến năm 2030 (16 mục tiêu)". */
const INLINE_MILESTONE_RE = new RegExp(`(?:^|\\s)${MILESTONE_WORDS}(?!\\s*[-–]\\s*\\d)\\b`)
const AIMS_RE = /m\S{1,2}c\s+ti\S{1,2}u|ch\S\s+ti\S{1,2}u/
const AIMS_START_RE = /^(?:c\S{1,2}c\s+)?(?:m\S{1,2}c\s+ti\S{1,2}u|ch\S\s+ti\S{1,2}u)/

/** Options of {@link readTargets}. */
interface ReadTargetsOptions {
  /** Only target tables (an appendix): lines outside a table are not read. */
  readonly tablesOnly?: boolean
}

/**
 * Every target under a milestone, in the text and in target tables. Lines under a milestone that
 * carry no figure are reported.
 *
 * @example
 * readTargets(sourceLines('Đến hết năm 2025\n- Tỷ lệ phủ sóng 5G trên địa bàn ≥ 40%.'), warn)[0]
 * //=> { metric: 'Tỷ lệ phủ sóng 5G trên địa bàn', comparator: 'GTE', value: 40, unit: '%', milestoneOn: '2025-12-31', … }
 */
export function readTargets(lines: readonly SourceLine[], warn: Warn, options: ReadTargetsOptions = {}): ImportedTarget[] {
  const out: ImportedTarget[] = []
  let milestone: CalendarDate | null = null
  let inAims = false
  let category: string | null = null
  let current: { text: string; line: SourceLine } | null = null
  const flush = () => {
    if (current && milestone) {
      const figures = figuresOf(current.text)
      for (const figure of figures) out.push({ category, ...figure, milestoneOn: milestone, line: current.line.no })
      if (figures.length === 0) warn('TARGET_UNREADABLE', `No single figure can be read in the target "${current.text}"`, current.line)
    }
    current = null
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (isRecipientsLine(line)) break
    if (line.text === '' || isNoise(line)) continue
    const header = tableHeaderOf(line)
    if (header) {
      flush()
      i = readTable(lines, i, header, out)
      continue
    }
    if (options.tablesOnly || line.cells.length >= 3) continue
    const label = LABEL_RE.exec(line.text)?.[0] ?? ''
    const rest = line.text.slice(label.length).trim()
    const folded = line.folded.slice(label.length).trim()
    const head = MILESTONE_HEAD_RE.exec(folded)
    if (head) {
      flush()
      milestone = `${head[1]}-12-31`
      inAims = true
      const after = rest.slice(head[0].length).trim()
      if (after) current = { text: after, line }
      continue
    }
    if (ROMAN_RE.test(line.text)) {
      flush()
      inAims = AIMS_RE.test(folded)
      const inline = INLINE_MILESTONE_RE.exec(folded)
      milestone = inAims && inline ? `${inline[1]}-12-31` : null
      category = inAims ? rest : null
      continue
    }
    // Outside the aims only a heading that begins with them matters (most of a plan's lines).
    if (!inAims && !AIMS_START_RE.test(folded)) continue
    if (label && !/^[-–—+•*]/.test(label) && !figureOf(rest)) {
      // A heading: a milestone when it names one inside the aims ("1. Phát triển kinh tế số đến năm 2030"), else a group.
      // Only a heading that is about aims says so: it begins with them ("2. Mục tiêu cụ thể …") and is short.
      const short = rest.split(' ').length <= 20
      const inline = short ? INLINE_MILESTONE_RE.exec(folded) : null
      const aims = short && AIMS_START_RE.test(folded)
      if (inline && (inAims || aims)) {
        flush()
        milestone = `${inline[1]}-12-31`
        inAims = true
        category = rest.replace(/:$/, '')
        continue
      }
      // A numbered heading, or a short lettered one over its lines ("a) Đối với trẻ em"), groups; it is no target.
      const group = /^\d+(?:\.\d+)*\.\s*$/.test(label) || (rest.split(' ').length <= 8 && !/\d/.test(rest)) || rest.endsWith(':')
      if (aims || group) {
        flush()
        if (aims) [inAims, category] = [true, rest.replace(/:$/, '')]
        continue
      }
    }
    if (!milestone || !inAims) continue
    if (label) {
      flush()
      current = { text: rest, line }
    } else if (current) current.text = `${current.text} ${rest}`
    else current = { text: rest, line }
  }
  flush()
  return out
}

/** The columns of a target table's header row: TT | Chỉ tiêu | Đơn vị | Kết quả (or one column per milestone). */
interface TableHeader {
  readonly metric: number
  readonly unit: number
  /** Value columns, each with the milestone its header names (null: the section rows give it). */
  readonly values: readonly { readonly col: number; readonly milestone: CalendarDate | null }[]
}

function tableHeaderOf(line: SourceLine): TableHeader | null {
  if (line.cells.length < 3) return null
  const folded = line.cells.map((c) => fold(c))
  const metric = folded.findIndex((c) => /^(?:ten\s+)?chi\s+tieu\b/.test(c))
  const unit = folded.findIndex((c) => /^don\s+vi\b/.test(c))
  if (metric < 0 || unit < 0) return null
  const values = folded.flatMap((c, col): TableHeader['values'][number][] => {
    if (col === metric || col === unit || /co\s+quan|chu\s+tri|ghi\s+chu|^tt$|^stt$/.test(c)) return []
    const year = /(?:nam|den)\s+(\d{4})/.exec(c) ?? /^(\d{4})$/.exec(c)
    if (year) return [{ col, milestone: `${year[1]}-12-31` }]
    return /ket\s+qua|muc\s+tieu|gia\s+tri|chi\s+tieu/.test(c) ? [{ col, milestone: null }] : []
  })
  return values.length > 0 ? { metric, unit, values } : null
}

/** A value cell: one figure with its comparison ("≥ 30", "> 0,60", "100", "tối thiểu 80%"). */
const CELL_RE =
  /^(≥|>=|≤|<=|>|<|=|tối thiểu|toi thieu|ít nhất|it nhat|trên|tren|hơn|hon|tối đa|toi da|không quá|khong qua|dưới|duoi)?\s*(\d+(?:[.,]\d+)*)\s*(%)?$/iu

/** Reads a target table's rows from its header at `start`; returns the index of its last row. */
function readTable(lines: readonly SourceLine[], start: number, header: TableHeader, out: ImportedTarget[]): number {
  let milestone: CalendarDate | null = null
  let i = start + 1
  for (; i < lines.length; i++) {
    const line = lines[i]!
    if (line.text === '') continue
    if (line.cells.length < 2) break
    const metric = line.cells[header.metric] ?? ''
    const values = header.values.map((v) => ({ ...v, text: line.cells[v.col] ?? '' }))
    if (values.every((v) => v.text === '')) {
      // A section row: "I | Đến năm 2030".
      const inline = INLINE_MILESTONE_RE.exec(fold(line.cells.join(' ')))
      if (inline) milestone = `${inline[1]}-12-31`
      continue
    }
    for (const v of values) {
      const on = v.milestone ?? milestone
      const cell = CELL_RE.exec(v.text.trim())
      if (!on || !cell || !metric) continue
      const unit = cell[3] ?? (line.cells[header.unit]?.trim() || null)
      out.push({
        category: null,
        metric,
        comparator: comparatorOf(cell[1]),
        value: numberOf(cell[2]!),
        unit,
        milestoneOn: on,
        line: line.no,
      })
    }
  }
  return i - 1
}
