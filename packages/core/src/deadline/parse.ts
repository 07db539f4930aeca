/**
 * `parseDeadline`: a time phrase as officials write it (or as OCR left it) → a structured
 * {@link Deadline}. Patterns run on a position-keeping fold of the text (no diacritics, lower
 * case, written-out dates made numeric, budget lines blanked), loose where OCR is known to damage
 * letters (`Quy 1V`, `Tirnam`, `nhitng nim`), so what they find can be cut from the original text
 * for conditions and phase labels. The forms themselves are in core.ts and forms/*.ts.
 */
import { VIETNAM_WORK_CALENDAR, type WorkCalendar } from '../calendar/work-calendar.js'
import { build } from './build.js'
import { parseCore } from './core.js'
import { followsParents } from './forms/conditions.js'
import { maskBudget, recurrenceOf } from './forms/recurrence.js'
import { foldInPlace } from './ocr-fold.js'
import { DATE, NAM, TU, VA_NHUNG } from './patterns.js'
import { BadDate, collapse, DATED, date, month, spec, year, type Spec } from './spec.js'
import type { Deadline, DeadlinePhase, ParseDeadlineOptions } from './types.js'

export type { ParseDeadlineOptions } from './types.js'
import { numericDates } from './written-dates.js'

/** Options of {@link parseDeadline}. */

const LABEL_RE = /^[\s\-•*+]*(?:\d{1,2}[.)]\s*)?th\S{1,3}\s+(?:g\S{2,3}|h\S{2,3})(?:\s+(?:th\S{1,3}|ho\S{1,3})\s+\S{2,5})?\s*:\s*/
const PHASE_HEAD_RE = new RegExp(`(?:^|[.;:]\\s*|\\s)((?:${TU}\\s*)?${NAM}\\s*\\d{4}(?:\\s*-\\s*\\d{4})?(?:\\s+${VA_NHUNG})?)\\s*:`, 'g')
// "chậm nhất (là) (vào) ngày D": the latest day allowed wins over a planned one ("Dự kiến ngày …").
const LATEST_RE = new RegExp(`\\bch[a-z]m\\s+nh[a-z]t\\s+(?:l[a-z]\\s+)?(?:v[a-z]o\\s+)?(?:ng[a-z0-9]y\\s+)?${DATE}`)

const LEADING_JUNK = [32, 9, 10, 13, 45, 0x2022, 42, 43] // space, tab, LF, CR, - • * +
const TRAILING_JUNK = [32, 9, 10, 13, 46, 44, 59] // space, tab, LF, CR, . , ;
const COMBINING_RE = /[\u0300-\u036f]/

const WINDOWS: ReadonlySet<string> = new Set(['MONTH', 'QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'])

function within(day: string, s: Spec): boolean {
  return (s.startDate === null || day >= s.startDate) && s.dueDate !== null && day <= s.dueDate
}

/** A phrase without phases: the time, and what a trailing bracket adds to it. */
function parseSimple(t: string, f: string, options: ParseDeadlineOptions): Spec | null {
  const latest = f.includes('ch') ? LATEST_RE.exec(f) : null
  if (latest) return spec('DATE', { dueDate: date(year(latest[3]!), month(latest[2]!), Number(latest[1])) })
  const open = f.lastIndexOf('(')
  if (open >= 0) {
    const close = f.indexOf(')', open)
    const innerEnd = close >= 0 ? close : f.length
    const headT = t.slice(0, open).trim()
    const innerT = t.slice(open + 1, innerEnd)
    const innerF = f.slice(open + 1, innerEnd)
    const head = headT ? parseCore(headT, f.slice(0, open).trim(), options) : null
    if (head && DATED.has(head.kind)) {
      // "Quý IV/2025 (trước ngày 15/12/2025)": a day in brackets within the period is the deadline.
      const precise = WINDOWS.has(head.kind) && /\d{4}/.test(innerF) ? parseCore(innerT, innerF, options) : null
      if (precise && (precise.kind === 'DATE' || precise.kind === 'BEFORE_DATE') && within(precise.dueDate!, head)) return precise
      // "định kỳ (hằng quý)": the period in brackets says how often.
      const inner = head.kind === 'RECURRING' ? recurrenceOf(innerF) : null
      if (inner !== null && inner !== 'CONTINUOUS') head.recurrence = inner
      else if (followsParents(innerF)) head.inherits = true
      else head.condition = collapse(innerT) || null
      return head
    }
    if (!head) {
      const inner = parseCore(innerT, innerF, options)
      if (inner && DATED.has(inner.kind)) return inner
    }
  }
  return parseCore(t, f, options)
}

/** Splits "Năm 2022 - 2024: … Năm 2025 và những năm tiếp theo: …" into phases, or null. */
function parsePhases(t: string, f: string, options: ParseDeadlineOptions, calendar: WorkCalendar): Spec | null {
  // Two phases need two "…:" heads: most phrases have no colon left at all.
  const colon = f.indexOf(':')
  if (colon < 0 || colon === f.lastIndexOf(':')) return null
  const heads: { start: number; headEnd: number; end: number }[] = []
  PHASE_HEAD_RE.lastIndex = 0
  for (let m = PHASE_HEAD_RE.exec(f); m; m = PHASE_HEAD_RE.exec(f)) {
    const start = m.index + m[0].indexOf(m[1]!)
    heads.push({ start, headEnd: start + m[1]!.length, end: m.index + m[0].length })
  }
  if (heads.length < 2) return null
  const phases: DeadlinePhase[] = []
  for (const [i, h] of heads.entries()) {
    const next = heads[i + 1]?.start ?? t.length
    const s = parseCore(t.slice(h.start, h.headEnd), f.slice(h.start, h.headEnd), options)
    if (!s || !DATED.has(s.kind)) return null
    const label = collapse(t.slice(h.end, next)).replace(/[\s.;,]+$/, '')
    phases.push({ label, deadline: build(t.slice(h.start, h.headEnd), s, calendar) })
  }
  const dues = phases.map((p) => p.deadline.dueDate)
  const starts = phases.map((p) => p.deadline.startDate).filter((d): d is string => d !== null)
  return spec('PHASED', {
    phases,
    dueDate: dues.every((d) => d !== null) ? (dues as string[]).reduce((a, b) => (a > b ? a : b)) : null,
    startDate: starts.length ? starts.reduce((a, b) => (a < b ? a : b)) : null,
  })
}

/** The phrase made ready for the forms: NFC, label and edge junk cut; `f` folded to match `t`. */
export function prepare(input: string): { t: string; f: string; budget: boolean } {
  // Only decomposed (NFD) input has combining marks; NFC text is left as it is.
  let t = COMBINING_RE.test(input) ? input.normalize('NFC') : input
  let f = foldInPlace(t)
  const label = LABEL_RE.exec(f)
  if (label) {
    t = t.slice(label[0].length)
    f = f.slice(label[0].length)
  }
  let trimmed = 0
  while (trimmed < f.length && LEADING_JUNK.includes(f.charCodeAt(trimmed))) trimmed++
  let end = f.length
  while (end > trimmed && TRAILING_JUNK.includes(f.charCodeAt(end - 1))) end--
  t = t.slice(trimmed, Math.max(trimmed, end))
  f = f.slice(trimmed, Math.max(trimmed, end))
  const masked = maskBudget(f)
  return { t, f: /\d/.test(masked) ? numericDates(masked) : masked, budget: masked !== f }
}

/**
 * Parses a time phrase into a structured deadline. Never throws on user text: what it cannot read
 * comes back as kind `UNKNOWN` with a `reason`. Accepts text with or without diacritics, with the
 * OCR damage seen in real plans, and with its `Thời gian thực hiện:` label in front or not.
 *
 * @example
 * parseDeadline('Quy 1V/2025').dueDate //=> '2025-12-31'
 * parseDeadline('trước ngày 28/10/2025').dueDate //=> '2025-10-27'
 * parseDeadline('hoàn thành trước ngày 15 tháng 3 năm 2026').dueDate //=> '2026-03-14'
 * parseDeadline('Tháng 3 - 4/2026').kind //=> 'DATE_RANGE' (2026-03-01 to 2026-04-30)
 * parseDeadline('Trong 10 ngày làm việc kể từ ngày ban hành', { issuedOn: '2025-10-17' }).dueDate //=> '2025-10-31'
 */
export function parseDeadline(text: string, options: ParseDeadlineOptions = {}): Deadline {
  const input = typeof text === 'string' ? text : String(text ?? '')
  const calendar = options.calendar ?? VIETNAM_WORK_CALENDAR
  try {
    const { t, f, budget } = prepare(input)
    if (t === '')
      return build(input, spec('INHERITED', { inherits: true, reason: 'no time phrase: the task follows its parents' }), calendar)
    const found = parsePhases(t, f, options, calendar) ?? parseSimple(t, f, options)
    const reason = budget ? 'a budget line (kinh phí, ngân sách …), not a time' : 'no time expression recognised'
    return build(input, found ?? spec('UNKNOWN', { reason }), calendar)
  } catch (error) {
    const reason = error instanceof BadDate ? `impossible date: ${error.message}` : `unreadable: ${(error as Error).message}`
    return build(input, spec('UNKNOWN', { reason }), calendar)
  }
}
