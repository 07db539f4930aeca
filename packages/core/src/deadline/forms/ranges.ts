/**
 * Ranges and starts: "từ ngày 01/10/2025 đến hết ngày 31/12/2025", "từ ngày 08 đến ngày 10/12/2025",
 * "đến 17 giờ 00, ngày 01/02/2026", "Từ tháng 01 đến ngày bầu cử 15/3/2026"; spans of months and
 * quarters ("Tháng 3 - 4/2026", "Từ tháng 1/2026 đến quý II/2026", "Quý I/2026 và Quý II/2026");
 * starts with no end ("Từ 01/3/2026") or with an end that is an event ("… đến khi kết thúc …").
 */
import { addDays, endOfMonth, type CalendarDate } from '../../calendar/date.js'
import type { WorkCalendar } from '../../calendar/work-calendar.js'
import { build } from '../build.js'
import { DATE, DEN, HET, MONTH_YEAR, NAM, NGAY, QUARTER_NO, QUY, THANG, TRUOC, TU } from '../patterns.js'
import { BadDate, collapse, DATED, date, month, quarterNumber, spec, year, type Spec } from '../spec.js'

// A start (d/m[/y], "ngày d", "tháng m[/y]") then an end that is a full date, with what may sit between.
const DATE_RANGE_RE = new RegExp(
  `(?<!\\d)(?:(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?|${NGAY}\\s+(\\d{1,2})(?!\\s*[/.\\-\\d])|` +
    `${THANG}\\s+(\\d{1,2})(?:\\s*(?:/|${NAM})\\s*(\\d{4}))?(?!\\s*[/.]\\s*\\d))` +
    `\\s*(?:${DEN}|toi|-)\\s*(?:${HET}\\s+)?(?:${NGAY}(?:\\s+[a-z]+){0,4}\\s+)?` +
    `(?:\\d{1,2}\\s*(?:gio|h)(?:\\s*\\d{1,2})?(?:\\s*phut)?\\s*,?\\s*)?(?:${NGAY}\\s+)?` +
    `(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})`,
)

/**
 * "từ … đến …" where both ends are dated (the end a full date).
 *
 * @example
 * dateRange('tu ngay 08 den ngay 10/12/2025') //=> DATE_RANGE 2025-12-08 … 2025-12-10
 */
export function dateRange(f: string): Spec | null {
  const r = JOINT_HINT_RE.test(f) ? DATE_RANGE_RE.exec(f) : null
  if (!r) return null
  const y2 = year(r[9]!)
  const due = date(y2, month(r[8]!), Number(r[7]))
  const written = r[3] ?? r[6]
  const startIn = (y: number): CalendarDate =>
    r[1] !== undefined
      ? date(y, month(r[2]!), Number(r[1]))
      : r[4] !== undefined
        ? date(y, Number(due.slice(5, 7)), Number(r[4]))
        : date(y, month(r[5]!), 1)
  let start = startIn(written ? year(written) : y2)
  // "từ 15/12 đến 15/01/2026": a start written without its year lies in the year before.
  if (start > due && !written) start = startIn(y2 - 1)
  if (start > due) throw new BadDate('a range that ends before it starts')
  return spec('DATE_RANGE', { startDate: start, dueDate: due })
}

const PERIOD_YEAR = `(?:\\s*(?:/|-|${NAM})\\s*(\\d{4}))?`
const SPAN_RE = new RegExp(
  `(?:\\b${THANG}\\s+(\\d{1,2})|\\b${QUY}\\s+${QUARTER_NO})${PERIOD_YEAR}` +
    `\\s*(-|,|${DEN}(?:\\s+${HET})?|toi|va\\b)\\s*` +
    `(?:trong\\s+)?(?:${THANG}\\s+(\\d{1,2})|${QUY}\\s+${QUARTER_NO}|(\\d{1,2}|[ivx]{1,4})(?=\\s*(?:/|-|${NAM})\\s*\\d{4}))${PERIOD_YEAR}`,
)
const JOINT_RE = new RegExp(`\\s*(?:-|,|${DEN}(?:\\s+${HET})?|toi|va\\b)\\s*(?=(?:trong\\s+)?(?:${THANG}|${QUY}|\\d|[ivx]))`, 'g')
// Every span and every range has a joint: most phrases are passed over on this alone.
const JOINT_HINT_RE = new RegExp(`-|,|\\b(?:${DEN}|toi|va)\\b`)

interface Period {
  readonly kind: 'MONTH' | 'QUARTER'
  readonly start: CalendarDate
  readonly end: CalendarDate
}

function period(monthNo: string | undefined, quarter: string | undefined, y: number): Period {
  if (monthNo !== undefined) {
    const m = month(monthNo)
    return { kind: 'MONTH', start: date(y, m, 1), end: endOfMonth(y, m) }
  }
  const q = quarterNumber(quarter!)
  if (q === null) throw new BadDate(`quarter ${quarter}`)
  return { kind: 'QUARTER', start: date(y, q * 3 - 2, 1), end: endOfMonth(y, q * 3) }
}

/**
 * Two months or quarters joined by "-", "đến (hết)", "tới" or "và": one range from the first's
 * first day to the second's last (two separate periods joined by "và" are two phases). The year
 * may be written once, on either. Null when neither has a year ("từ tháng 3 đến tháng 11 hằng năm").
 *
 * @example
 * periodSpan('thang 3 - 4/2026', 'thang 3 - 4/2026', calendar) //=> DATE_RANGE 2026-03-01 … 2026-04-30
 */
export function periodSpan(t: string, f: string, calendar: WorkCalendar): Spec | null {
  const s = JOINT_HINT_RE.test(f) ? SPAN_RE.exec(f) : null
  if (!s) return null
  const [, m1, q1, y1, joint, m2, q2, bare, y2] = s
  if (y1 === undefined && y2 === undefined) return null
  // A bare second number has the first's unit ("Tháng 3 - 4/2026", "Quý I - II/2026").
  const secondMonth = m2 ?? (bare !== undefined && m1 !== undefined ? bare : undefined)
  const secondQuarter = q2 ?? (bare !== undefined && q1 !== undefined ? bare : undefined)
  if (secondMonth === undefined && secondQuarter === undefined) return null
  const yB = year((y2 ?? y1)!)
  let a = period(m1, q1, y1 !== undefined ? year(y1) : yB)
  const b = period(secondMonth, secondQuarter, yB)
  if (a.start > b.end && y1 === undefined) a = period(m1, q1, yB - 1)
  if (a.start > b.end) throw new BadDate('a range that ends before it starts')
  if ((joint === 'va' || joint === ',') && addDays(a.end, 1) !== b.start) {
    // Two periods apart: two phases, due at the later one's end.
    // The joint: the first one after the first period's number.
    JOINT_RE.lastIndex = f.indexOf(m1 ?? q1!, s.index) + (m1 ?? q1!).length
    const j = JOINT_RE.exec(f)
    const end = s.index + s[0].length
    const texts = j
      ? [t.slice(s.index, j.index).trim(), t.slice(j.index + j[0].length, end).trim()]
      : [t.slice(s.index, end), t.slice(s.index, end)]
    const phases = [a, b].map((p, i) => ({
      label: '',
      deadline: build(texts[i]!, spec(p.kind, { startDate: p.start, dueDate: p.end }), calendar),
    }))
    return spec('PHASED', { startDate: a.start, dueDate: b.end, phases })
  }
  return spec('DATE_RANGE', { startDate: a.start, dueDate: b.end })
}

// "Từ 01/3/2026", "Từ tháng 2/2026", "Từ Quý IV/2025", then nothing, or "đến" an event with no date.
const FROM_RE = new RegExp(
  `(?:^|[\\s(,;])(?:bat\\s+dau\\s+)?(?:${TU}|k[a-z]\\s+t[a-z]{1,2})\\s+(?:${NGAY}\\s+)?(?:${DATE}|${THANG}\\s+${MONTH_YEAR}|` +
    `${QUY}\\s+${QUARTER_NO}\\s*(?:/|-|${NAM})\\s*(\\d{4})|${NAM}\\s+(\\d{4})\\b(?!\\s*-\\s*\\d))`,
)
const FROM_HINT_RE = new RegExp(`\\b(?:${TU}|k[a-z]\\s+t[a-z]{1,2})\\s+(?:${NGAY}|${THANG}|${QUY}|\\d)`)
const UNTIL_RE = new RegExp(`^\\s*,?\\s*(?:${DEN}|toi|cho\\s+${DEN})\\s+`)
const NOTHING_RE = /^[\s,.;]*(?:tro\s+di)?[\s,.;]*$/

/**
 * A start with no end (OPEN_ENDED); with an end the parser reads ("đến hết năm 2026", "đến tháng
 * 6/2026": a range); or with an event for its end ("đến khi kết thúc …": CONDITIONAL from the start).
 *
 * @example
 * fromStart('Từ 01/3/2026', 'tu 01/3/2026', read) //=> OPEN_ENDED from 2026-03-01
 */
export function fromStart(t: string, f: string, readEnd: (t: string, f: string) => Spec | null): Spec | null {
  const m = FROM_HINT_RE.test(f) ? FROM_RE.exec(f) : null
  if (!m) return null
  const start =
    m[1] !== undefined
      ? date(year(m[3]!), month(m[2]!), Number(m[1]))
      : m[4] !== undefined
        ? date(year(m[5]!), month(m[4]!), 1)
        : m[6] !== undefined
          ? period(undefined, m[6], year(m[7]!)).start
          : date(year(m[8]!), 1, 1)
  const restAt = m.index + m[0].length
  const rest = f.slice(restAt)
  if (NOTHING_RE.test(rest)) return spec('OPEN_ENDED', { startDate: start })
  const until = UNTIL_RE.exec(rest)
  if (!until) return null
  const endAt = restAt + until[0].length
  const end = /\d/.test(rest) ? readEnd(t.slice(endAt), f.slice(endAt)) : null
  if (end !== null && end.dueDate !== null && DATED.has(end.kind)) {
    if (end.dueDate < start) throw new BadDate('a range that ends before it starts')
    const years = m[8] !== undefined && (end.kind === 'YEAR' || (end.kind === 'DATE' && end.dueDate.endsWith('-12-31')))
    return spec(years ? 'YEAR_RANGE' : 'DATE_RANGE', { startDate: start, dueDate: end.dueDate })
  }
  if (/\d/.test(rest)) return null
  return spec('CONDITIONAL', { startDate: start, condition: collapse(t.slice(restAt)).replace(/^,\s*/, '') })
}

const AFTER_DAY_RE = new RegExp(`\\bsau\\s+${NGAY}(?:\\s+[a-z]+){0,4}\\s+${DATE}`)

/**
 * "Sau ngày bầu cử 15/3/2026": open-ended from the day after (Civil Code Art. 147).
 *
 * @example
 * afterDay('sau ngay bau cu 15/3/2026') //=> OPEN_ENDED from 2026-03-16
 */
export function afterDay(f: string): Spec | null {
  const m = AFTER_DAY_RE.exec(f)
  if (!m) return null
  return spec('OPEN_ENDED', { startDate: addDays(date(year(m[3]!), month(m[2]!), Number(m[1])), 1) })
}

const YEAR_LIST_RE = new RegExp(`(?:^|\\D)(\\d{4})\\s*(?:,|\\bva\\b)\\s*(?:${NAM}\\s+)?(\\d{4})(?!\\d)`)

/**
 * "Năm 2026 và 2027", "2026, 2027": one range when the years follow each other, else two phases.
 *
 * @example
 * yearList('Năm 2026 và 2027', 'nam 2026 va 2027', calendar) //=> YEAR_RANGE 2026-01-01 … 2027-12-31
 */
export function yearList(t: string, f: string, calendar: WorkCalendar): Spec | null {
  const m = f.includes('va') || f.includes(',') ? YEAR_LIST_RE.exec(f) : null
  if (!m) return null
  const y1 = year(m[1]!)
  const y2 = year(m[2]!)
  if (y2 <= y1) return null
  if (y2 === y1 + 1) return spec('YEAR_RANGE', { startDate: date(y1, 1, 1), dueDate: date(y2, 12, 31) })
  const phases = [m[1]!, m[2]!].map((y) => ({
    label: '',
    deadline: build(y, spec('YEAR', { startDate: date(Number(y), 1, 1), dueDate: date(Number(y), 12, 31) }), calendar),
  }))
  return spec('PHASED', { startDate: date(y1, 1, 1), dueDate: date(y2, 12, 31), phases })
}

const DATE_LIST_RE = new RegExp(
  `(\\b${TRUOC}\\s+)?(?:${NGAY}\\s+)?${DATE}\\s*(?:,|\\bva\\b)\\s*(?:${TRUOC}\\s+)?(?:${NGAY}\\s+)?${DATE.replace('(?<!', '(?<!/|')}`,
)

/**
 * "trước ngày 15/6/2026 và 15/12/2026": two days, two phases (each before its day when "trước" leads).
 *
 * @example
 * dateList(t, 'truoc ngay 15/6/2026 va 15/12/2026', calendar).phases.length //=> 2
 */
export function dateList(t: string, f: string, calendar: WorkCalendar): Spec | null {
  const m = f.includes('va') || f.includes(',') ? DATE_LIST_RE.exec(f) : null
  if (!m) return null
  const before = m[1] !== undefined
  const days = [date(year(m[4]!), month(m[3]!), Number(m[2])), date(year(m[7]!), month(m[6]!), Number(m[5]))]
  if (days[1]! <= days[0]!) return null
  const phases = days.map((d) => {
    const s = before ? spec('BEFORE_DATE', { dueDate: addDays(d, -1) }) : spec('DATE', { dueDate: d })
    return { label: '', deadline: build(t, s, calendar) }
  })
  return spec('PHASED', { dueDate: phases[1]!.deadline.dueDate, phases })
}
