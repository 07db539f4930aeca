/**
 * `parseDeadline`: a time phrase as officials write it (or as OCR left it) → a structured
 * {@link Deadline}. Patterns run on a position-keeping fold of the text (no diacritics, lower
 * case), loose where OCR is known to damage letters (`Quy 1V`, `Tirnam`, `nhitng nim`), so what
 * they find can be cut from the original text for conditions and phase labels.
 */
import { addDays, endOfMonth, isValidYmd, ymd, type CalendarDate } from '../calendar/date.js'
import { dayOfMonthAt, dayOfYearAt, periodLastDay, type PeriodPosition } from '../calendar/civil-code.js'
import { addWorkingDays, rollToWorkingDay, VIETNAM_WORK_CALENDAR, type WorkCalendar } from '../calendar/work-calendar.js'
import { formatDeadline } from './format.js'
import { foldInPlace } from './ocr-fold.js'
import type { Deadline, DeadlineKind, DeadlinePhase, Recurrence, RelativeAnchor, RelativeSpec, RelativeUnit } from './types.js'

/** Options of {@link parseDeadline}. */
export interface ParseDeadlineOptions {
  /** Issue date of the document, to resolve RELATIVE phrases ("kể từ ngày ban hành"). */
  readonly issuedOn?: CalendarDate
  /** Working-day calendar for effective due dates (default: Vietnam's). */
  readonly calendar?: WorkCalendar
}

interface Spec {
  kind: DeadlineKind
  dueDate: CalendarDate | null
  startDate: CalendarDate | null
  recurrence: Recurrence | null
  condition: string | null
  inherits: boolean
  relative: RelativeSpec | null
  phases: DeadlinePhase[]
  reason: string | null
}

const NO_PHASES: DeadlinePhase[] = []

/** Every spec is made here, with every field in one order: one object shape for the JIT. */
function spec(kind: DeadlineKind, o: Partial<Omit<Spec, 'kind'>> = {}): Spec {
  return {
    kind,
    dueDate: o.dueDate ?? null,
    startDate: o.startDate ?? null,
    recurrence: o.recurrence ?? null,
    condition: o.condition ?? null,
    inherits: o.inherits ?? false,
    relative: o.relative ?? null,
    phases: o.phases ?? NO_PHASES,
    reason: o.reason ?? null,
  }
}

// Word shapes, loose where OCR damages them.
const NAM = 'n[a-z0-9]{1,2}m' // năm: nam, nim, ndm
const THANG = 'th[a-z0-9]ng' // tháng
const NGAY = 'ng[a-z0-9]y' // ngày: ngay, ngdy
const TU = 't(?:u|ir|w|i)?' // từ: tu, tir, tw, t
const DEN = 'd[a-z]n' // đến
const VA_NHUNG = `v[a-z]\\s+(?:nh[a-z0-9]{1,4}|cac)\\s+${NAM}\\s+ti[a-z]p\\s+theo` // và những năm tiếp theo
const DATE = '(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})'
const MONTH_YEAR = `(\\d{1,2})\\s*(?:/|-|${NAM})\\s*(\\d{4})`
const TRUOC = 'tr(?:uo|ur|u|w)(?:c|de|dc|ec|oe|oc|e)' // trước: truoc, trurde, trudc
const DEN_RE = new RegExp(`\\b${DEN}\\b`)

const LABEL_RE = /^[\s\-•*+]*(?:\d{1,2}[.)]\s*)?th\S{1,3}\s+g\S{2,3}(?:\s+(?:th\S{1,3}|ho\S{1,3})\s+\S{2,5})?\s*:\s*/
const PHASE_HEAD_RE = new RegExp(`(?:^|[.;:]\\s*|\\s)((?:${TU}\\s*)?${NAM}\\s*\\d{4}(?:\\s*-\\s*\\d{4})?(?:\\s+${VA_NHUNG})?)\\s*:`, 'g')
const THEO_RE = /^(?:thuc\s+hien\s+)?theo\b/
const INHERIT_RE = /\btien\s+d\S{0,2}\b|\b[l1]\S{0,2}\s+trinh\s+(?:cac\s+)?nhi\S{1,3}m\s+vu\b/
const RELATIVE_RE = new RegExp(
  `\\b(?:trong(?:\\s+v[o0]ng)?|sau)\\s+(\\d{1,3})\\s+(${NGAY}\\s+l[a-z]m\\s+vi[a-z]c|${NGAY}|tu[a-z]n|${THANG}|${NAM})\\s+` +
    `(?:k[a-z]\\s+t[a-z]{1,2}|tinh\\s+t[a-z]{1,2})\\s+(?:${NGAY}\\s+)?(ban\\s+h[a-z]nh|k[yi]|nh[a-z]n|co\\s+hi[a-z]u\\s+l[a-z]c)`,
)
const DATE_RANGE_RE = new RegExp(
  `(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?\\s*(?:${DEN}|-)\\s*(?:h[a-z]t\\s+)?(?:${NGAY}\\s+)?${DATE}`,
)
const BEFORE_DATE_RE = new RegExp(`\\b${TRUOC}\\s+(?:${NGAY}\\s+)?${DATE}`)
const BEFORE_MONTH_RE = new RegExp(`\\b${TRUOC}\\s+${THANG}\\s+${MONTH_YEAR}`)
const NAMED_MONTH_RE = new RegExp(`\\b(dau|giua|cuoi)\\s+${THANG}\\s+${MONTH_YEAR}`)
const NAMED_YEAR_RE = new RegExp(`\\b(dau|giua|cuoi)\\s+${NAM}\\s+(\\d{4})`)
const UNTIL_END_MONTH_RE = new RegExp(`\\b${DEN}\\s+h[a-z]t\\s+${THANG}\\s+${MONTH_YEAR}`)
const UNTIL_YEAR_RE = new RegExp(`\\b${DEN}\\s+(?:h[a-z]t\\s+)?${NAM}\\s+(\\d{4})`)
const HALF_RE = new RegExp(`\\b(?:6|06|sau)\\s+${THANG}\\s+(dau|cuoi)\\s+${NAM}\\s+(\\d{4})`)
const NINE_RE = new RegExp(`\\b(?:9|09|chin)\\s+${THANG}\\s+(?:dau\\s+)?${NAM}\\s+(\\d{4})`)
const DATE_RE = new RegExp(DATE)
const QUARTER_RE = new RegExp(`\\bqu[yi]\\s+([ivxl1|]{1,4}|[1-4])\\s*(?:/|-|${NAM})\\s*(\\d{4})`)
const FROM_MONTH_RE = new RegExp(`\\b${TU}\\s+${THANG}\\s+${MONTH_YEAR}`)
const MONTH_RE = new RegExp(`\\b${THANG}\\s+${MONTH_YEAR}`)
const CONTINUOUS_RE = /\bth[a-z]{2,4}ng\s+xuy[a-z]{1,2}n\b|\blien\s+tuc\b/
const EVERY_RE = new RegExp(`\\b(?:h[a-z]ng|moi)\\s+(${NGAY}|tu[a-z]n|${THANG}|qu[yi]|${NAM})\\b`)
const PERIODIC_RE = new RegExp(`\\bdinh\\s+ky\\b(?:\\s+(hang\\s+)?(${THANG}|qu[yi]|${NAM}|6\\s+${THANG}))?`)
const SIX_MONTHLY_RE = new RegExp(`\\b(?:6|06|sau)\\s+${THANG}\\s+(?:mot|1|01)\\s+l[a-z]n\\b`)
const OPEN_RE = new RegExp(`\\b${NAM}\\s+(\\d{4})\\s+${VA_NHUNG}`)
const FROM_YEAR_RE = new RegExp(`(?:^|\\s|\\()${TU}\\s*${NAM}\\s+(\\d{4})\\b(?!\\s*-\\s*\\d{4})`)
const YEAR_RANGE_RE = /(?:^|\D)(\d{4})\s*-\s*(\d{4})(?!\d)/
const YEAR_RE = new RegExp(`\\b${NAM}\\s+(\\d{4})\\b|^\\(?(\\d{4})\\)?$`)

const LEADING_JUNK = [32, 9, 10, 13, 45, 0x2022, 42, 43] // space, tab, LF, CR, - • * +
const TRAILING_JUNK = [32, 9, 10, 13, 46, 44, 59] // space, tab, LF, CR, . , ;
const COMBINING_RE = /[\u0300-\u036f]/

const MIN_YEAR = 1900
const MAX_YEAR = 2200

class BadDate extends Error {}

function date(y: number, m: number, d: number): CalendarDate {
  if (y < MIN_YEAR || y > MAX_YEAR || !isValidYmd(y, m, d)) throw new BadDate(`${d}/${m}/${y}`)
  return ymd(y, m, d)
}

function year(text: string): number {
  const y = Number(text)
  if (y < MIN_YEAR || y > MAX_YEAR) throw new BadDate(text)
  return y
}

function month(text: string): number {
  const m = Number(text)
  if (!(m >= 1 && m <= 12)) throw new BadDate(`month ${text}`)
  return m
}

function quarterNumber(token: string): number | null {
  if (/^[1-4]$/.test(token)) return Number(token)
  const roman = token.replace(/[l1|]/g, 'i')
  return ({ i: 1, ii: 2, iii: 3, iv: 4 } as Record<string, number>)[roman] ?? null
}

function position(word: string): PeriodPosition {
  return word === 'dau' ? 'START' : word === 'giua' ? 'MIDDLE' : 'END'
}

function unitOf(word: string): RelativeUnit {
  if (/l[a-z]m\s+vi/.test(word)) return 'WORKING_DAY'
  if (word.startsWith('ng')) return 'DAY'
  if (word.startsWith('tu')) return 'WEEK'
  if (word.startsWith('th')) return 'MONTH'
  return 'YEAR'
}

function anchorOf(word: string): RelativeAnchor {
  if (word.startsWith('ban')) return 'ISSUE'
  if (word.startsWith('k')) return 'SIGNING'
  if (word.startsWith('nh')) return 'RECEIPT'
  return 'EFFECT'
}

function recurrenceOf(f: string): Recurrence | null {
  if (SIX_MONTHLY_RE.test(f)) return 'HALF_YEARLY'
  const every = EVERY_RE.exec(f)
  const periodic = PERIODIC_RE.exec(f)
  const unit = every?.[1] ?? periodic?.[2]
  if (unit) {
    if (unit.startsWith('6')) return 'HALF_YEARLY'
    if (unit.startsWith('ng')) return 'DAILY'
    if (unit.startsWith('tu')) return 'WEEKLY'
    if (unit.startsWith('th')) return 'MONTHLY'
    if (unit.startsWith('qu')) return 'QUARTERLY'
    return 'YEARLY'
  }
  if (CONTINUOUS_RE.test(f) || periodic) return 'CONTINUOUS'
  return null
}

function collapse(text: string): string {
  return /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim()
}

/** The time expression itself (no label, no bracket). Returns null when nothing is recognised. */
function parseCore(t: string, f: string, options: ParseDeadlineOptions): Spec | null {
  if (THEO_RE.test(f)) {
    return INHERIT_RE.test(f) ? spec('INHERITED', { inherits: true }) : spec('CONDITIONAL', { condition: collapse(t) })
  }
  const hasDigit = /\d/.test(f)
  if (hasDigit) {
    const fullDate = DATE_RE.test(f)
    const rel = /\b(?:trong|sau)\s/.test(f) ? RELATIVE_RE.exec(f) : null
    if (rel) {
      const relative: RelativeSpec = { amount: Number(rel[1]), unit: unitOf(rel[2]!), anchor: anchorOf(rel[3]!) }
      if (relative.anchor === 'RECEIPT' || relative.anchor === 'EFFECT') {
        return spec('RELATIVE', { relative, reason: 'counts from an event whose date is not known' })
      }
      const issuedOn = options.issuedOn
      if (!issuedOn) return spec('RELATIVE', { relative, reason: 'needs the issue date (options.issuedOn) to resolve' })
      const due = relative.unit === 'WORKING_DAY'
        ? addWorkingDays(issuedOn, relative.amount, options.calendar ?? VIETNAM_WORK_CALENDAR)
        : periodLastDay(issuedOn, relative.amount, relative.unit)
      return spec('RELATIVE', { relative, startDate: addDays(issuedOn, 1), dueDate: due })
    }
    const range = fullDate ? DATE_RANGE_RE.exec(f) : null
    if (range) {
      const y2 = year(range[6]!)
      const start = date(range[3] ? year(range[3]) : y2, month(range[2]!), Number(range[1]))
      const due = date(y2, month(range[5]!), Number(range[4]))
      if (start <= due) return spec('DATE_RANGE', { startDate: start, dueDate: due })
    }
    const before = fullDate ? BEFORE_DATE_RE.exec(f) : null
    if (before) return spec('BEFORE_DATE', { dueDate: addDays(date(year(before[3]!), month(before[2]!), Number(before[1])), -1) })
    const beforeMonth = f.includes('tr') ? BEFORE_MONTH_RE.exec(f) : null
    if (beforeMonth) return spec('BEFORE_DATE', { dueDate: addDays(date(year(beforeMonth[2]!), month(beforeMonth[1]!), 1), -1) })
    const half = f.includes('6') || f.includes('sau') ? HALF_RE.exec(f) : null
    if (half) {
      const y = year(half[2]!)
      return half[1] === 'dau'
        ? spec('HALF_YEAR', { startDate: date(y, 1, 1), dueDate: date(y, 6, 30) })
        : spec('HALF_YEAR', { startDate: date(y, 7, 1), dueDate: date(y, 12, 31) })
    }
    const nine = f.includes('9') || f.includes('chin') ? NINE_RE.exec(f) : null
    if (nine) return spec('NINE_MONTHS', { startDate: date(year(nine[1]!), 1, 1), dueDate: date(year(nine[1]!), 9, 30) })
    const positional = f.includes('dau') || f.includes('giua') || f.includes('cuoi')
    const named = positional ? NAMED_MONTH_RE.exec(f) : null
    if (named) return spec('DATE', { dueDate: dayOfMonthAt(position(named[1]!), year(named[3]!), month(named[2]!)) })
    const namedYear = positional ? NAMED_YEAR_RE.exec(f) : null
    if (namedYear) return spec('DATE', { dueDate: dayOfYearAt(position(namedYear[1]!), year(namedYear[2]!)) })
    const until = f.includes('het') || f.includes('den')
    const untilMonth = until ? UNTIL_END_MONTH_RE.exec(f) : null
    if (untilMonth) return spec('DATE', { dueDate: endOfMonth(year(untilMonth[2]!), month(untilMonth[1]!)) })
    const untilYear = until ? UNTIL_YEAR_RE.exec(f) : null
    if (untilYear) return spec('DATE', { dueDate: date(year(untilYear[1]!), 12, 31) })
    const exact = fullDate ? DATE_RE.exec(f) : null
    if (exact) return spec('DATE', { dueDate: date(year(exact[3]!), month(exact[2]!), Number(exact[1])) })
    const quarter = f.includes('qu') ? QUARTER_RE.exec(f) : null
    if (quarter) {
      const q = quarterNumber(quarter[1]!)
      if (q !== null) {
        const y = year(quarter[2]!)
        return spec('QUARTER', { startDate: date(y, q * 3 - 2, 1), dueDate: endOfMonth(y, q * 3) })
      }
    }
    const fromMonth = FROM_MONTH_RE.exec(f)
    if (fromMonth && !DEN_RE.test(f.slice(fromMonth.index + fromMonth[0].length))) {
      return spec('OPEN_ENDED', { startDate: date(year(fromMonth[2]!), month(fromMonth[1]!), 1) })
    }
    const monthMatch = MONTH_RE.exec(f)
    if (monthMatch) {
      const y = year(monthMatch[2]!)
      const m = month(monthMatch[1]!)
      return spec('MONTH', { startDate: date(y, m, 1), dueDate: endOfMonth(y, m) })
    }
  }
  const recurrence = recurrenceOf(f)
  if (recurrence) return spec('RECURRING', { recurrence })
  if (!hasDigit) return null
  const open = OPEN_RE.exec(f) ?? FROM_YEAR_RE.exec(f)
  if (open) return spec('OPEN_ENDED', { startDate: date(year(open[1]!), 1, 1) })
  const span = YEAR_RANGE_RE.exec(f)
  if (span) {
    const y1 = year(span[1]!)
    const y2 = year(span[2]!)
    if (y2 >= y1) return spec('YEAR_RANGE', { startDate: date(y1, 1, 1), dueDate: date(y2, 12, 31) })
  }
  const single = YEAR_RE.exec(f)
  if (single) {
    const y = year((single[1] ?? single[2])!)
    return spec('YEAR', { startDate: date(y, 1, 1), dueDate: date(y, 12, 31) })
  }
  return null
}

const DATED: ReadonlySet<DeadlineKind> = new Set([
  'DATE', 'BEFORE_DATE', 'MONTH', 'QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR', 'YEAR_RANGE', 'DATE_RANGE',
  'OPEN_ENDED', 'RECURRING', 'RELATIVE',
])

/** A phrase without phases: the time, and what a trailing bracket adds to it. */
function parseSimple(t: string, f: string, options: ParseDeadlineOptions): Spec | null {
  const open = f.lastIndexOf('(')
  if (open >= 0) {
    const close = f.indexOf(')', open)
    const innerEnd = close >= 0 ? close : f.length
    const headT = t.slice(0, open).trim()
    const innerT = t.slice(open + 1, innerEnd)
    const innerF = f.slice(open + 1, innerEnd)
    const head = headT ? parseCore(headT, f.slice(0, open).trim(), options) : null
    if (head && DATED.has(head.kind)) {
      if (INHERIT_RE.test(innerF)) head.inherits = true
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
    const spec = parseCore(t.slice(h.start, h.headEnd), f.slice(h.start, h.headEnd), options)
    if (!spec || !DATED.has(spec.kind)) return null
    const label = collapse(t.slice(h.end, next)).replace(/[\s.;,]+$/, '')
    phases.push({ label, deadline: build(t.slice(h.start, h.headEnd), spec, calendar) })
  }
  const dues = phases.map((p) => p.deadline.dueDate)
  const starts = phases.map((p) => p.deadline.startDate).filter((d): d is string => d !== null)
  return spec('PHASED', {
    phases,
    dueDate: dues.every((d) => d !== null) ? (dues as string[]).reduce((a, b) => (a > b ? a : b)) : null,
    startDate: starts.length ? starts.reduce((a, b) => (a < b ? a : b)) : null,
  })
}

function build(text: string, s: Spec, calendar: WorkCalendar): Deadline {
  const due = s.dueDate
  const deadline: { -readonly [K in keyof Deadline]: Deadline[K] } = {
    kind: s.kind,
    dueDate: due,
    effectiveDueDate: due === null ? null : rollToWorkingDay(due, calendar),
    startDate: s.startDate,
    recurrence: s.recurrence,
    condition: s.condition,
    inheritsFromParents: s.inherits,
    relative: s.relative,
    phases: s.phases,
    text,
    normalized: '',
    reason: s.reason,
  }
  deadline.normalized = formatDeadline(deadline)
  return deadline
}

/**
 * Parses a time phrase into a structured deadline. Never throws on user text: what it cannot read
 * comes back as kind `UNKNOWN` with a `reason`. Accepts text with or without diacritics, with the
 * OCR damage seen in real plans, and with its `Thời gian thực hiện:` label in front or not.
 *
 * @example
 * parseDeadline('Quy 1V/2025').dueDate //=> '2025-12-31'
 * parseDeadline('trước ngày 28/10/2025').dueDate //=> '2025-10-27'
 * parseDeadline('Trong 10 ngày làm việc kể từ ngày ban hành', { issuedOn: '2025-10-17' }).dueDate //=> '2025-10-31'
 */
export function parseDeadline(text: string, options: ParseDeadlineOptions = {}): Deadline {
  const input = typeof text === 'string' ? text : String(text ?? '')
  const calendar = options.calendar ?? VIETNAM_WORK_CALENDAR
  try {
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
    if (t === '') return build(input, spec('INHERITED', { inherits: true, reason: 'no time phrase: the task follows its parents' }), calendar)
    const found = parsePhases(t, f, options, calendar) ?? parseSimple(t, f, options)
    return build(input, found ?? spec('UNKNOWN', { reason: 'no time expression recognised' }), calendar)
  } catch (error) {
    const reason = error instanceof BadDate ? `impossible date: ${error.message}` : `unreadable: ${(error as Error).message}`
    return build(input, spec('UNKNOWN', { reason }), calendar)
  }
}
