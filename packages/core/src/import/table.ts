/**
 * Task tables of appendices, as a Word text export gives them: one row per line, cells separated
 * by tabs. The columns are found by their header (TT, Nhiệm vụ/Nội dung, Cơ quan chủ trì, Cơ
 * quan phối hợp, Thời gian hoàn thành, Sản phẩm/Kết quả); rows that carry only a label and a title
 * (I, II, A, 1) group the rows under them; a cell merged over several rows is written in the first
 * of them only, so a row without it takes it from the row above.
 */
import type { SourceLine } from './lines.js'
import { keyText } from './tokens.js'

/** What a column holds. */
type ColumnRole = 'TT' | 'TASK' | 'LEAD' | 'COORDINATING' | 'TIME' | 'OUTPUT'

/** One row of a task table, read. */
export interface TableRow {
  /** The row's number as written ("1", "2.3", "I"). */
  readonly label: string
  /** Labels of the section rows above it, outermost first. */
  readonly groups: readonly string[]
  readonly task: string
  readonly lead: string
  readonly coordinating: string
  readonly time: string
  readonly output: string
  /** True for a section row (a heading over the rows that follow). */
  readonly section: boolean
  readonly line: SourceLine
}

const ROLE_RES: readonly [ColumnRole, RegExp][] = [
  ['TT', /^(?:s\s?tt|tt|so\s+tt|so\s+thu\s+tu)$/],
  ['COORDINATING', /phoi\s+hop/],
  ['TIME', /thoi\s+(?:gian|han)|tien\s+do/],
  ['LEAD', /chu\s+tri|(?:co\s+quan|don\s+vi)\s+(?:thuc\s+hien|tham\s+muu|trien\s+khai)|trach\s+nhiem/],
  ['OUTPUT', /san\s+pham|ket\s+qua/],
  ['TASK', /nhiem\s+vu|noi\s+dung|giai\s+phap|hoat\s+dong|ten\s+(?:de\s+an|du\s+an|van\s+ban)/],
]

/** The roles of a header row's cells, if it is a task table's header. */
function tableHeader(line: SourceLine): (ColumnRole | null)[] | null {
  if (line.cells.length < 3) return null
  const roles = line.cells.map((cell) => {
    const key = keyText(cell)
    return ROLE_RES.find(([, re]) => re.test(key))?.[0] ?? null
  })
  // One role per column, the first cell that claims it.
  const seen = new Set<ColumnRole>()
  const unique = roles.map((r) => {
    if (!r || seen.has(r)) return null
    seen.add(r)
    return r
  })
  return seen.has('TASK') && (seen.has('LEAD') || seen.has('TIME')) ? unique : null
}

/** A section row on a line of its own: a Roman numeral or capital letter, then a title in capitals. */
const SECTION_LINE_RE = /^([IVXL]+|[A-HK-UW-Z])[.)]?\s+(\p{Lu}[\p{Lu}\s,;.'’\-–]{3,})$/u
const ROMAN_RE = /^[IVXL]+\.?$/
const LETTER_RE = /^[A-HK-UW-Z]\.?$/
const NUMBER_RE = /^\d{1,3}(?:\.\d{1,3})*\.?$/

function rankOf(label: string): number {
  if (LETTER_RE.test(label)) return 0
  if (ROMAN_RE.test(label)) return 1
  if (NUMBER_RE.test(label)) return 2 + (label.replace(/\.$/, '').split('.').length - 1)
  return 9
}

/**
 * Reads every task table in `lines` (an appendix): rows after a header row, until a line that is
 * not a row.
 *
 * @example
 * readTables(sourceLines('TT\tNhiệm vụ\tCơ quan chủ trì\n1\tRà soát\tSở Tư pháp'))[0].lead //=> 'Sở Tư pháp'
 */
export function readTables(lines: readonly SourceLine[]): TableRow[] {
  const out: TableRow[] = []
  let roles: (ColumnRole | null)[] | null = null
  let stack: { label: string; rank: number }[] = []
  let carried: { lead: string; coordinating: string; time: string } = { lead: '', coordinating: '', time: '' }
  for (const line of lines) {
    const header = tableHeader(line)
    if (header) {
      // A header repeated inside a table (over each of its parts) keeps the sections open above it.
      if (!roles) stack = []
      roles = header
      carried = { lead: '', coordinating: '', time: '' }
      continue
    }
    if (!roles) continue
    // A section row written as a line of its own ("I. NÂNG CAO NHẬN THỨC"): it groups the rows under it.
    const own = line.cells.length < 2 ? SECTION_LINE_RE.exec(line.text) : null
    if (own) {
      const label = own[1]!
      const rank = rankOf(label)
      while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop()
      out.push({
        label,
        groups: stack.map((s) => s.label),
        task: own[2]!,
        lead: '',
        coordinating: '',
        time: '',
        output: '',
        section: true,
        line,
      })
      stack.push({ label, rank })
      carried = { lead: '', coordinating: '', time: '' }
      continue
    }
    if (line.cells.length < 2) {
      // A line outside the table ends it; a blank line does not.
      if (line.text !== '') roles = null
      continue
    }
    // A header without its TT cell (repeated over a table's part): rows still start with their number.
    const first = line.cells[0]!.replace(/\.$/, '')
    const shifted =
      !roles.includes('TT') && rankOf(first) < 9 && (line.cells.length > roles.length || line.cells.filter(Boolean).length <= 2)
    const cells = shifted ? line.cells.slice(1) : line.cells
    const cell = (role: ColumnRole) => {
      const at = roles!.indexOf(role)
      return at >= 0 ? (cells[at] ?? '').trim() : ''
    }
    let label = shifted ? line.cells[0]!.replace(/\.$/, '') : cell('TT').replace(/\.$/, '')
    let task = cell('TASK')
    if (!roles.includes('TT') && !shifted && !task) continue
    if (!task && line.cells.length >= 2 && !roles.includes('TT') && !shifted) task = line.cells[0]!
    // A section row under such a header: its number, then its title in the next non-empty cell.
    if (!task && shifted) task = cells.find(Boolean) ?? ''
    const lead = cell('LEAD')
    const coordinating = cell('COORDINATING')
    const time = cell('TIME')
    const output = cell('OUTPUT')
    if (!task) continue
    const rank = rankOf(label)
    const filled = [lead, coordinating, time, output].some(Boolean)
    // A row with a label and a title only heads the rows under it.
    const section = !filled && (rank <= 1 || line.cells.filter(Boolean).length <= 2)
    if (section) {
      if (!label) label = String(out.filter((r) => r.section && r.groups.length === stack.length).length + 1)
      while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop()
      out.push({ label, groups: stack.map((s) => s.label), task, lead: '', coordinating: '', time: '', output: '', section: true, line })
      stack.push({ label, rank })
      carried = { lead: '', coordinating: '', time: '' }
      continue
    }
    // Rows under a section of the same rank as theirs leave it ("1" after a section "1").
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank && rank < 9) stack.pop()
    const short = line.cells.length < roles.length
    const row = {
      lead: lead || (short ? carried.lead : ''),
      coordinating: coordinating || (short ? carried.coordinating : ''),
      time: time || (short ? carried.time : ''),
    }
    carried = row
    if (!label) label = String(out.filter((r) => !r.section && r.groups.join() === stack.map((s) => s.label).join()).length + 1)
    out.push({ label, groups: stack.map((s) => s.label), task, ...row, output, section: false, line })
  }
  return out
}
