/**
 * The parser's working form of a deadline (a `Spec`), and the checked date helpers every form uses:
 * an impossible date throws {@link BadDate}, which `parseDeadline` turns into `UNKNOWN` with a reason.
 */
import { isValidYmd, ymd, type CalendarDate } from '../calendar/date.js'
import type { PeriodPosition } from '../calendar/civil-code.js'
import { DEADLINE_KINDS, type DeadlineKind, type DeadlinePhase, type Recurrence, type RelativeSpec } from './types.js'

/** A deadline being read (mutable; `build` in parse.ts turns it into a `Deadline`). */
export interface Spec {
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

/**
 * Every spec is made here, with every field in one order: one object shape for the JIT.
 *
 * @example
 * spec('YEAR', { startDate: '2026-01-01', dueDate: '2026-12-31' }).kind //=> 'YEAR'
 */
export function spec(kind: DeadlineKind, o: Partial<Omit<Spec, 'kind'>> = {}): Spec {
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

/** Kinds that give no time of their own: a condition, phases, the parent's time, or none read. */
const UNDATED: readonly DeadlineKind[] = ['CONDITIONAL', 'PHASED', 'INHERITED', 'UNKNOWN']

/** Kinds that give a time of their own (a bracket after them only adds a condition). */
export const DATED: ReadonlySet<DeadlineKind> = new Set(DEADLINE_KINDS.filter((k) => !UNDATED.includes(k)))

/** A date the text names but the calendar does not have (31/02), or a range that ends before it starts. */
export class BadDate extends Error {}

const MIN_YEAR = 1900
const MAX_YEAR = 2200

/**
 * A checked calendar date.
 *
 * @example
 * date(2026, 2, 28) //=> '2026-02-28' (date(2026, 2, 29) throws BadDate)
 */
export function date(y: number, m: number, d: number): CalendarDate {
  if (y < MIN_YEAR || y > MAX_YEAR || !isValidYmd(y, m, d)) throw new BadDate(`${d}/${m}/${y}`)
  return ymd(y, m, d)
}

/**
 * A checked year (1900–2200).
 *
 * @example
 * year('2026') //=> 2026
 */
export function year(text: string): number {
  const y = Number(text)
  if (y < MIN_YEAR || y > MAX_YEAR) throw new BadDate(text)
  return y
}

/**
 * A checked month number (1–12).
 *
 * @example
 * month('03') //=> 3
 */
export function month(text: string): number {
  const m = Number(text)
  if (!(m >= 1 && m <= 12)) throw new BadDate(`month ${text}`)
  return m
}

/**
 * A quarter written `1`–`4` or in Roman numerals, OCR's `1V`, `I11` and `|` included; null otherwise.
 *
 * @example
 * quarterNumber('1v') //=> 4
 */
export function quarterNumber(token: string): number | null {
  if (/^[1-4]$/.test(token)) return Number(token)
  const roman = token.replace(/[l1|]/g, 'i')
  return ({ i: 1, ii: 2, iii: 3, iv: 4 } as Record<string, number>)[roman] ?? null
}

/**
 * đầu / giữa / cuối (folded).
 *
 * @example
 * position('cuoi') //=> 'END'
 */
export function position(word: string): PeriodPosition {
  return word === 'dau' || word === 'pau' ? 'START' : word === 'giua' ? 'MIDDLE' : 'END'
}

/**
 * Text with runs of white space made one space, trimmed.
 *
 * @example
 * collapse(' a\n b ') //=> 'a b'
 */
export function collapse(text: string): string {
  return /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim()
}
