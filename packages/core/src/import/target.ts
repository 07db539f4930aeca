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

const MILESTONE_RE = /^(?:[\divx]+(?:\.\d+)*\.?\s*)?(?:[a-z]\)\s*)?(?:muc\s+tieu\s+)?d\S{1,2}n\s+(?:h\S{1,2}t\s+)?n\S{1,2}m\s+(\d{4})\s*[:.]?\s*$/
const ITEM_RE = /^[-–—+•]\s*(\S.*)$/u
const WORD = (words: string) => `(?<!\\p{L})(?:${words})(?!\\p{L})`
const VALUE_RE = new RegExp(
  `(≥|>=|≤|<=|>|<|=|${WORD('đạt|dat')}(?:\\s+(?:trên|tren|tối thiểu|toi thieu|ít nhất|it nhat|tối đa|toi da))?|${WORD('tối thiểu|toi thieu|ít nhất|it nhat|trên|tren|không dưới|khong duoi|tối đa|toi da|không quá|khong qua|dưới|duoi')})?\\s*(\\d+(?:[.,]\\d+)?)\\s*(%|[\\p{L}][\\p{L}\\d/]*(?:\\s+[\\p{L}][\\p{L}\\d/]*)?)?\\s*[.;]?\\s*$`,
  'u',
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
  let category: string | null = null
  let current: { text: string; line: SourceLine } | null = null
  const flush = () => {
    if (!current || !milestone) return
    const m = VALUE_RE.exec(current.text)
    const metric = m ? current.text.slice(0, m.index).replace(/[\s,:;–-]+$/u, '').trim() : ''
    if (!m || metric === '') {
      warn('TARGET_UNREADABLE', `No figure can be read in the target "${current.text}"`, current.line)
    } else {
      const unit = m[3]?.trim() || null
      out.push({
        category, metric, comparator: comparatorOf(m[1]), value: Number(m[2]!.replace(',', '.')), unit, milestoneOn: milestone, line: current.line.no,
      })
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
    if (!milestone) {
      if (/^(?:[\divx]+(?:\.\d+)*\.?\s*|[a-z]\)\s*)?muc\s+tieu\b/.test(line.folded)) category = line.text.replace(/^(?:[\dIVX.\s]+|[a-z]\)\s*)/u, '').replace(/:$/, '').trim()
      continue
    }
    const item = ITEM_RE.exec(line.text)
    if (item) {
      flush()
      current = { text: item[1]!.trim(), line }
    } else if (current && !/^([\dIVX]+\.|[a-zđ]\))\s/u.test(line.text)) {
      current.text = `${current.text} ${line.text}`
    } else {
      // Another heading ends the milestone's list.
      flush()
      milestone = null
    }
  }
  flush()
  return out
}
