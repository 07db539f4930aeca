/**
 * Periods counted from an event: "trong 10 ngày làm việc kể từ ngày ban hành" (resolved against the
 * issue date), "sau 30 ngày kể từ ngày được cấp có thẩm quyền phê duyệt …" (an event whose date is
 * not known: RELATIVE with no due date, the event kept as the condition).
 */
import { addDays } from '../../calendar/date.js'
import { periodLastDay } from '../../calendar/civil-code.js'
import { addWorkingDays, VIETNAM_WORK_CALENDAR } from '../../calendar/work-calendar.js'
import type { ParseDeadlineOptions } from '../types.js'
import { NAM, NGAY, THANG } from '../patterns.js'
import { collapse, spec, type Spec } from '../spec.js'
import type { RelativeAnchor, RelativeSpec, RelativeUnit } from '../types.js'

const RELATIVE_RE = new RegExp(
  `\\b(?:trong(?:\\s+v[o0]ng)?|sau)\\s+(\\d{1,3})\\s+(${NGAY}\\s+l[a-z]m\\s+vi[a-z]c|${NGAY}|tu[a-z]n|${THANG}|${NAM})\\s+` +
    `(?:k[a-z]\\s+t[a-z]{1,2}|tinh\\s+t[a-z]{1,2})\\s+(?:${NGAY}\\s+)?(?:(ban\\s+h[a-z]nh|k[yi]|nh[a-z]n|co\\s+hi[a-z]u\\s+l[a-z]c)\\b)?`,
)

function unitOf(word: string): RelativeUnit {
  if (/l[a-z]m\s+vi/.test(word)) return 'WORKING_DAY'
  if (word.startsWith('ng')) return 'DAY'
  if (word.startsWith('tu')) return 'WEEK'
  if (word.startsWith('th')) return 'MONTH'
  return 'YEAR'
}

function anchorOf(word: string | undefined): RelativeAnchor {
  if (word === undefined) return 'EVENT'
  if (word.startsWith('ban')) return 'ISSUE'
  if (word.startsWith('k')) return 'SIGNING'
  if (word.startsWith('nh')) return 'RECEIPT'
  return 'EFFECT'
}

/**
 * "trong/sau N ngày (làm việc)/tuần/tháng/năm kể từ …", or null.
 *
 * @example
 * relative(t, 'trong 30 ngay ke tu ngay ky', { issuedOn: '2025-12-08' })?.dueDate //=> '2026-01-07'
 */
export function relative(t: string, f: string, options: ParseDeadlineOptions): Spec | null {
  const rel = RELATIVE_RE.exec(f)
  if (!rel) return null
  const r: RelativeSpec = { amount: Number(rel[1]), unit: unitOf(rel[2]!), anchor: anchorOf(rel[3]) }
  if (r.anchor === 'EVENT') {
    const event = collapse(t.slice(rel.index + rel[0].length)).replace(/[.;,]+$/, '')
    return spec('RELATIVE', { relative: r, condition: event || null, reason: 'counts from an event whose date is not known' })
  }
  if (r.anchor === 'RECEIPT' || r.anchor === 'EFFECT')
    return spec('RELATIVE', { relative: r, reason: 'counts from an event whose date is not known' })
  const issuedOn = options.issuedOn
  if (!issuedOn) return spec('RELATIVE', { relative: r, reason: 'needs the issue date (options.issuedOn) to resolve' })
  const due =
    r.unit === 'WORKING_DAY'
      ? addWorkingDays(issuedOn, r.amount, options.calendar ?? VIETNAM_WORK_CALENDAR)
      : periodLastDay(issuedOn, r.amount, r.unit)
  return spec('RELATIVE', { relative: r, startDate: addDays(issuedOn, 1), dueDate: due })
}
