/**
 * Targets of a plan: milestone headings ("Đến hết năm 2025", "2.2. Đến năm 2030") and the items
 * under them ("- Tỷ lệ phủ sóng 5G trên địa bàn ≥ 40%.") read as metric, comparator, value, unit.
 */
import type { CalendarDate } from '../calendar/date.js'
import type { Comparator } from '../model/task.js'
import { fold } from '../text/fold.js'
import type { SourceLine } from './lines.js'
import { isNoise } from './lines.js'
import { isRecipientsLine } from './outline.js'
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

/** A milestone heading: "Đến hết năm 2025", "2.2. Đến năm 2030:", OCR's "Dén nim 2030". */
const MILESTONE_RE =
  /^(?:[\divx]+(?:\.\d+)*\.?\s*)?(?:[a-z]\)\s*)?(?:muc\s+tieu\s+)?(?:d\S{1,2}n|t\S{1,2}i)\s+(?:h\S{1,2}t\s+)?n\S{1,2}m\s+(\d{4})\s*[:.]?\s*$/
/** A milestone inside a heading or at an item's start: "… đến năm 2030", "Đến năm 2030, …". */
const INLINE_MILESTONE_RE = /(?:^|\s)(?:d\S{1,2}n|t\S{1,2}i)\s+(?:h\S{1,2}t\s+)?n\S{1,2}m\s+(\d{4})\b/
/** A heading line: a Roman, numbered or lettered item, or a short line ending with a colon. */
const HEADING_RE = /^(?:[IVXL]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s*/u
const SECTION_RE = /^[IVXL]+\.\s*/u
const ITEM_RE = /^(?:[-–—+•]|[a-zđ]\))\s*(\S.*)$/u
const WORD = (words: string) => `(?<!\\p{L})(?:${words})(?!\\p{L})`
const VALUE_RE = new RegExp(
  `(≥|>=|≤|<=|>|<|=|${WORD('đạt|dat')}(?:\\s+(?:trên|tren|tối thiểu|toi thieu|ít nhất|it nhat|tối đa|toi da|khoảng|khoang))?|${WORD('tối thiểu|toi thieu|ít nhất|it nhat|trên|tren|không dưới|khong duoi|tối đa|toi da|không quá|khong qua|dưới|duoi')})?\\s*(\\d+(?:[.,]\\d+)?)\\s*(%|[\\p{L}][\\p{L}\\d/]*(?:\\s+[\\p{L}][\\p{L}\\d/]*)?)?\\s*[.;]?\\s*$`,
  'u',
)
/** A figure inside a line: a comparator (or "chiếm", "đạt") then a number and "%" (or a unit word). */
const INNER_VALUE_RE = new RegExp(
  `(≥|>=|≤|<=|>|<|${WORD('(?:đạt|dat)(?:\\s+(?:trên|tren|tối thiểu|toi thieu|ít nhất|it nhat|tối đa|toi da|khoảng|khoang))?|tối thiểu|toi thieu|ít nhất|it nhat|trên|tren|không dưới|khong duoi|tối đa|toi da|không quá|khong qua|dưới|duoi|chiếm|chiem')})\\s*(\\d+(?:[.,]\\d+)?)\\s*(%)`,
  'iu',
)

function comparatorOf(word: string | undefined): Comparator {
  if (!word) return 'GTE'
  const w = fold(word)
  if (w === '>') return 'GT'
  if (w === '<') return 'LT'
  if (w === '=') return 'EQ'
  if (w === '≤' || w === '<=' || /toi da|khong qua|duoi/.test(w)) return /duoi/.test(w) && !/khong/.test(w) ? 'LT' : 'LTE'
  if (/^tren$|dat tren/.test(w)) return 'GT'
  return 'GTE'
}

/**
 * Every target under a milestone heading. Items that carry no number are reported.
 *
 * @example
 * readTargets(sourceLines('Đến hết năm 2025\n- Tỷ lệ phủ sóng 5G trên địa bàn ≥ 40%.'), warn)[0]
 * //=> { metric: 'Tỷ lệ phủ sóng 5G trên địa bàn', comparator: 'GTE', value: 40, unit: '%', milestoneOn: '2025-12-31', … }
 */
export function readTargets(lines: readonly SourceLine[], warn: Warn): ImportedTarget[] {
  const out: ImportedTarget[] = []
  let milestone: CalendarDate | null = null
  let inAims = false
  let category: string | null = null
  let current: { text: string; line: SourceLine } | null = null
  const flush = () => {
    if (!current) return
    const own = INLINE_MILESTONE_RE.exec(fold(current.text))
    const on = own && /^\s*\S{0,4}\s*(?:d\S{1,2}n|t\S{1,2}i)/.test(fold(current.text)) ? `${own[1]}-12-31` : milestone
    if (on) {
      const target = figureOf(current.text)
      if (target) out.push({ category, ...target, milestoneOn: on, line: current.line.no })
      else warn('TARGET_UNREADABLE', `No figure can be read in the target "${current.text}"`, current.line)
    }
    current = null
  }
  for (const line of lines) {
    if (isRecipientsLine(line)) break
    if (line.text === '' || isNoise(line)) continue
    const heading = MILESTONE_RE.exec(line.folded)
    if (heading) {
      flush()
      milestone = `${heading[1]}-12-31`
      continue
    }
    if (SECTION_RE.test(line.text)) {
      flush()
      inAims = /^[ivxl]+\.\s*muc\s+tieu\b|chi\s+tieu/.test(line.folded)
      milestone = null
      category = null
      if (inAims) category = line.text.replace(SECTION_RE, '').trim()
      continue
    }
    const item = ITEM_RE.exec(line.text)
    if (HEADING_RE.test(line.text) && !item) {
      // A numbered heading: a milestone when it names one ("1. Phát triển kinh tế số đến năm 2030"), else its group.
      flush()
      const inline = INLINE_MILESTONE_RE.exec(line.folded)
      if (/muc\s+tieu/.test(line.folded)) inAims = true
      if (inline && (inAims || /muc\s+tieu|chi\s+tieu/.test(line.folded))) {
        milestone = `${inline[1]}-12-31`
        category = line.text.replace(HEADING_RE, '').replace(/:$/, '').trim()
        inAims = true
      } else if (!inAims) milestone = null
      else if (/muc\s+tieu/.test(line.folded)) category = line.text.replace(HEADING_RE, '').replace(/:$/, '').trim()
      // A numbered target line itself ("2. Tỷ lệ … đạt 100%").
      if (inAims && milestone && figureOf(line.text.replace(HEADING_RE, ''))) current = { text: line.text.replace(HEADING_RE, ''), line }
      continue
    }
    if (!milestone && !(inAims && item && INLINE_MILESTONE_RE.test(line.folded))) continue
    if (item) {
      flush()
      current = { text: item[1]!.trim(), line }
    } else if (current) {
      current.text = `${current.text} ${line.text}`
    }
  }
  flush()
  return out
}

/** The metric, comparator, value and unit of a target line, the figure at its end or inside it. */
function figureOf(text: string): Omit<ImportedTarget, 'category' | 'milestoneOn' | 'line'> | null {
  const clean = text.replace(/^(?:phấn đấu|phan dau)\s+/iu, (m) => m).trim()
  const end = VALUE_RE.exec(clean)
  if (end && (end[1] || end[3] === '%')) {
    const metric = clean
      .slice(0, end.index)
      .replace(/[\s,:;–-]+$/u, '')
      .trim()
    if (metric) return { metric, comparator: comparatorOf(end[1]), value: Number(end[2]!.replace(',', '.')), unit: end[3]?.trim() || null }
  }
  const inner = INNER_VALUE_RE.exec(clean)
  if (!inner) return null
  const verb = fold(inner[1]!)
  // "chiếm" is part of what is measured; "đạt", "tối thiểu" are the comparison.
  let metric = (/^chiem/.test(verb) ? clean.slice(0, inner.index + inner[1]!.length) : clean.slice(0, inner.index))
    .replace(/[\s,:;–-]+$/u, '')
    .trim()
  // "Tối thiểu 80% cán bộ …": the figure first, what it measures after it.
  if (!metric || /^(?:ph\S{1,2}n\s+\S{1,2}u)$/i.test(fold(metric)))
    metric = clean
      .slice(inner.index + inner[0].length)
      .replace(/^[\s,:;–-]+|[\s.;]+$/gu, '')
      .trim()
  if (!metric) return null
  return { metric, comparator: /^chiem/.test(verb) ? 'GTE' : comparatorOf(inner[1]), value: Number(inner[2]!.replace(',', '.')), unit: '%' }
}
