/** Writing a structured deadline back as canonical Vietnamese, or as English. */
import { addDays, parts, type CalendarDate } from '../calendar/date.js'
import type { Deadline, Recurrence, RelativeAnchor, RelativeUnit } from './types.js'

const ROMAN = ['I', 'II', 'III', 'IV'] as const

function viDate(date: CalendarDate): string {
  const [y, m, d] = parts(date)
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const EN_MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

function enDate(date: CalendarDate): string {
  const [y, m, d] = parts(date)
  return `${d} ${EN_MONTHS[m - 1]} ${y}`
}

const VI_RECURRENCE: Record<Recurrence, string> = {
  CONTINUOUS: 'Thường xuyên',
  DAILY: 'Thường xuyên, hằng ngày',
  WEEKLY: 'Hằng tuần',
  MONTHLY: 'Hằng tháng',
  QUARTERLY: 'Hằng quý',
  HALF_YEARLY: '6 tháng một lần',
  YEARLY: 'Thường xuyên hằng năm',
}
const EN_RECURRENCE: Record<Recurrence, string> = {
  CONTINUOUS: 'Ongoing',
  DAILY: 'Daily',
  WEEKLY: 'Weekly',
  MONTHLY: 'Monthly',
  QUARTERLY: 'Quarterly',
  HALF_YEARLY: 'Every six months',
  YEARLY: 'Yearly',
}
const VI_UNIT: Record<RelativeUnit, string> = { DAY: 'ngày', WORKING_DAY: 'ngày làm việc', WEEK: 'tuần', MONTH: 'tháng', YEAR: 'năm' }
const EN_UNIT: Record<RelativeUnit, string> = { DAY: 'days', WORKING_DAY: 'working days', WEEK: 'weeks', MONTH: 'months', YEAR: 'years' }
const VI_ANCHOR: Record<RelativeAnchor, string> = {
  ISSUE: 'ban hành',
  SIGNING: 'ký',
  RECEIPT: 'nhận được văn bản',
  EFFECT: 'có hiệu lực',
  EVENT: '',
}
const EN_ANCHOR: Record<RelativeAnchor, string> = {
  ISSUE: 'issue',
  SIGNING: 'signing',
  RECEIPT: 'receipt',
  EFFECT: 'entry into force',
  EVENT: 'the event',
}

/** The phrase a Vietnamese official would write for the time itself (without condition). */
function viCore(d: Deadline): string {
  const due = d.dueDate
  const start = d.startDate
  switch (d.kind) {
    case 'DATE':
      return `Ngày ${viDate(due!)}`
    case 'BEFORE_DATE':
      return `Trước ngày ${viDate(addDays(due!, 1))}`
    case 'MONTH': {
      const [y, m] = parts(due!)
      return `Trong tháng ${m}/${y}`
    }
    case 'QUARTER': {
      const [y, m] = parts(due!)
      return `Quý ${ROMAN[m / 3 - 1]}/${y}`
    }
    case 'HALF_YEAR': {
      const [y, m] = parts(due!)
      return `6 tháng ${m === 6 ? 'đầu' : 'cuối'} năm ${y}`
    }
    case 'NINE_MONTHS':
      return `9 tháng đầu năm ${parts(due!)[0]}`
    case 'YEAR':
      return start === null ? `Đến năm ${parts(due!)[0]}` : `Năm ${parts(due!)[0]}`
    case 'YEAR_RANGE':
      return `Năm ${parts(start!)[0]} – ${parts(due!)[0]}`
    case 'DATE_RANGE':
      return `Từ ngày ${viDate(start!)} đến ngày ${viDate(due!)}`
    case 'OPEN_ENDED': {
      const [y, m, day] = parts(start!)
      return m === 1 && day === 1 ? `Năm ${y} và những năm tiếp theo` : `Từ ngày ${viDate(start!)}`
    }
    case 'RECURRING':
      return VI_RECURRENCE[d.recurrence ?? 'CONTINUOUS']
    case 'RELATIVE': {
      const r = d.relative!
      if (r.anchor === 'EVENT') return `Sau ${r.amount} ${VI_UNIT[r.unit]} kể từ ngày ${d.condition ?? ''}`.trim()
      return `Trong ${r.amount} ${VI_UNIT[r.unit]} kể từ ngày ${VI_ANCHOR[r.anchor]}`
    }
    case 'CONDITIONAL':
      return capitalize(d.condition ?? 'Theo hướng dẫn')
    case 'INHERITED':
      return 'Theo tiến độ của nhiệm vụ cấp trên'
    case 'PHASED':
      // Periods joined by "và" ("Quý I/2026 và Quý III/2026") have no labels.
      if (d.phases.every((p) => !p.label)) return d.phases.map((p) => formatDeadline(p.deadline)).join(' và ')
      return d.phases.map((p) => `${formatDeadline(p.deadline)}: ${p.label}`).join('. ') + '.'
    case 'UNKNOWN':
      return d.text.replace(/\s+/g, ' ').trim()
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * Writes a deadline as canonical Vietnamese (default) or English.
 * Parsing what it writes in Vietnamese gives the same deadline back.
 *
 * @example
 * formatDeadline(parseDeadline('Quy 1V/2025')) //=> 'Quý IV/2025'
 * formatDeadline(parseDeadline('Quy 1V/2025'), 'en') //=> 'Q4 2025'
 */
export function formatDeadline(d: Deadline, locale: 'vi' | 'en' = 'vi'): string {
  if (locale === 'en') return formatEnglish(d)
  let out = viCore(d)
  const dated = d.kind !== 'CONDITIONAL' && d.kind !== 'PHASED' && d.kind !== 'UNKNOWN' && d.kind !== 'INHERITED'
  const eventIsCore = d.kind === 'RELATIVE' && d.relative?.anchor === 'EVENT'
  if (dated && d.condition && !eventIsCore) out += ` (${d.condition})`
  if (d.kind === 'CONDITIONAL' && d.startDate) out = `Từ ngày ${viDate(d.startDate)} ${d.condition ?? ''}`.trim()
  if (dated && d.inheritsFromParents) out += ' (theo tiến độ các nhiệm vụ được giao)'
  return out
}

function formatEnglish(d: Deadline): string {
  const due = d.dueDate
  const start = d.startDate
  let core: string
  switch (d.kind) {
    case 'DATE':
      core = `By ${enDate(due!)}`
      break
    case 'BEFORE_DATE':
      core = `Before ${enDate(addDays(due!, 1))}`
      break
    case 'MONTH': {
      const [y, m] = parts(due!)
      core = `${EN_MONTHS_LONG[m - 1]} ${y}`
      break
    }
    case 'QUARTER': {
      const [y, m] = parts(due!)
      core = `Q${m / 3} ${y}`
      break
    }
    case 'HALF_YEAR': {
      const [y, m] = parts(due!)
      core = `${m === 6 ? 'First' : 'Second'} half of ${y}`
      break
    }
    case 'NINE_MONTHS':
      core = `First nine months of ${parts(due!)[0]}`
      break
    case 'YEAR':
      core = start === null ? `By ${parts(due!)[0]}` : `${parts(due!)[0]}`
      break
    case 'YEAR_RANGE':
      core = `${parts(start!)[0]}–${parts(due!)[0]}`
      break
    case 'DATE_RANGE':
      core = `${enDate(start!)} – ${enDate(due!)}`
      break
    case 'OPEN_ENDED':
      core = `From ${enDate(start!)}, no end`
      break
    case 'RECURRING':
      core = EN_RECURRENCE[d.recurrence ?? 'CONTINUOUS']
      break
    case 'RELATIVE': {
      const r = d.relative!
      core = `Within ${r.amount} ${EN_UNIT[r.unit]} of ${EN_ANCHOR[r.anchor]}` + (due ? ` (by ${enDate(due)})` : '')
      break
    }
    case 'CONDITIONAL':
      core = `When guidance arrives: ${d.condition ?? ''}`.trim()
      break
    case 'INHERITED':
      core = 'Follows the parent tasks'
      break
    case 'PHASED':
      core = d.phases.map((p) => (p.label ? `${formatEnglish(p.deadline)}: ${p.label}` : formatEnglish(p.deadline))).join('; ')
      break
    case 'UNKNOWN':
      core = `Not understood: ${d.text.trim()}`
      break
  }
  if (d.condition && d.kind !== 'CONDITIONAL' && d.kind !== 'PHASED') core += ` (subject to: ${d.condition})`
  if (d.inheritsFromParents && d.kind !== 'INHERITED') core += ' (following the parent tasks)'
  return core
}
