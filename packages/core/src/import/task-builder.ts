/**
 * Tasks from the outline: an item is a task when it has agency or time fields, starts with an
 * agency, or orders agencies by a date; headings above tasks become grouping tasks; sections that
 * state aims or means give none. Also the agencies and deadlines of table rows and duty lists.
 */
import type { CalendarDate } from '../calendar/date.js'
import { parseDeadline } from '../deadline/parse.js'
import type { Deadline } from '../deadline/types.js'
import { foldInPlace } from '../deadline/ocr-fold.js'
import type { AgencyMatch, AgencyMatchContext, AgencyMatcher, UnmatchedText } from './agency.js'
import type { PlanHeader } from './header.js'
import type { SourceLine } from './lines.js'
import { dutyBodyText } from './duty.js'
import { fieldOf, type OutlineNode } from './outline.js'
import { keyText, similarity } from './tokens.js'
import type { Warn } from './warnings.js'

/** A task read from the plan. */
export interface ImportedTask {
  /** Position code within the document (`II.1`, `II.1.a`). */
  readonly code: string
  readonly parentCode: string | null
  readonly content: string
  readonly lead: readonly AgencyMatch[]
  readonly coordinating: readonly AgencyMatch[]
  /** The time phrase as written, or the body's own deadline ("trước ngày 28/10/2025"). */
  readonly timePhrase: string | null
  readonly deadline: Deadline | null
  /** True for a heading that only groups the tasks under it. */
  readonly grouping: boolean
  readonly line: number
}

/** Section headings that state aims or means, not tasks. */
const NON_TASK_HEADINGS = [
  'muc dich',
  'yeu cau',
  'muc tieu',
  'quan diem',
  'thanh phan',
  'kinh phi',
  'can cu',
  'boi canh',
  'tinh hinh',
  'ket qua',
]
const PREFIX_RE = /^(?:giao(?:\s+cho)?|de\s+ngh\S?|thu\s+tr\S{1,3}ng|giam\s+d\S{1,2}c)\s+/
const BEFORE_DATE_RE = /tr\S{1,4}[ce]\s+ng\S{1,3}\s*(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4})/
const CONTINUOUS_RE = /th\S{1,3}ng\s+xuy\S{1,3}n/
const COORDINATION_RE = /ph\S{1,3}\s+h\S{1,2}p\s+v\S{1,3}i\s+/g

/** The lead a heading gives the items under it. */
interface Inherited {
  readonly lead: readonly AgencyMatch[]
  /** True when it is the issuer, taken because the plan names no one (warned of). */
  readonly issuerDefault: boolean
}

/** Headings of the sections whose items are tasks ("Nhiệm vụ, giải pháp", "Nội dung thực hiện"). */
const TASK_SECTION_RE =
  /^(?:[^a-z]*\s*)?(?:cac\s+)?(?:nhi\S{1,3}m\s+v\S{0,2}|n\S{1,2}i\s+dung\s+(?:th\S{1,3}c\s+hi\S{1,3}n|nhi\S{1,3}m\s+v\S{0,2})|gi\S{1,2}i\s+ph\S{1,2}p)(?:\s|,|$)/
const ACTION_MIN_WORDS = 4

function isTaskSection(node: OutlineNode): boolean {
  if (node.level !== 'SECTION' && node.level !== 'ITEM') return false
  const heading = foldInPlace(node.text.split(/[:.]/)[0] ?? '')
  return heading.split(' ').length <= 12 && TASK_SECTION_RE.test(heading)
}

/** Whether an item's text states something to do (a few words at least, not a bare label). */
function statesAction(text: string): boolean {
  return clean(text).replace(/:$/, '').split(' ').length >= ACTION_MIN_WORDS
}

/** A deadline written in an item's body ("… trước ngày 28/10/2025"). */
function bodyTime(text: string): string | null {
  const before = BEFORE_DATE_RE.exec(foldInPlace(text))
  return before ? text.slice(before.index, before.index + before[0].length) : null
}

/** Counts kept while reading. */
export interface Counters {
  agencyPhrases: number
  agenciesMatched: number
  agenciesUnmatched: number
  deadlines: number
  deadlinesRead: number
}

/** Builds tasks, matching their agencies and reading their time phrases, counting and warning as it goes. */
export class TaskBuilder {
  constructor(
    private readonly matcher: AgencyMatcher,
    readonly context: AgencyMatchContext & { on: CalendarDate | null },
    readonly header: PlanHeader,
    readonly warn: Warn,
    private readonly counters: Counters,
  ) {}

  /**
   * Emits the tasks of a node's subtree into `out`; returns whether it emitted any. `inherited`
   * is the lead a duty list's heading ("1. Sở Tài chính:") or a task section gives its items.
   */
  visit(node: OutlineNode, parentCode: string | null, out: ImportedTask[], inherited: Inherited | null = null): boolean {
    if (isNonTaskHeading(node)) return false
    const eventTime = node.level === 'SECTION' ? eventTimeOf(node) : null
    if (eventTime) {
      out.push(this.#eventTask(node, eventTime))
      return true
    }
    const at = out.length
    const duty = node.children.length > 0 ? this.#dutyOf(node) : null
    const pass = duty ?? (isTaskSection(node) ? this.#issuerDefault() : null) ?? inherited
    const own = node.level === 'SECTION' || duty ? null : this.#taskOf(node, parentCode)
    if (own) out.push(own)
    let any = false
    for (const child of node.children) if (this.visit(child, node.code, out, own ? null : pass)) any = true
    if (!own && any) {
      out.splice(at, 0, {
        code: node.code,
        parentCode,
        content: clean(node.text),
        lead: [],
        coordinating: [],
        timePhrase: null,
        deadline: null,
        grouping: true,
        line: node.line.no,
      })
      return true
    }
    if (!own && !duty && pass && node.level !== 'SECTION' && statesAction(node.text)) {
      // An item of a duty list or a task section: led by the body its heading names, else the issuer.
      if (pass.issuerDefault)
        this.warn(
          'NO_LEAD_AGENCY',
          `${node.code} names no lead agency: the issuer (${pass.lead[0]?.name ?? '?'}) is taken to lead`,
          node.line,
        )
      const timePhrase = bodyTime(node.text)
      out.push({
        code: node.code,
        parentCode,
        content: clean(node.text),
        lead: pass.lead,
        coordinating: [],
        timePhrase,
        deadline: timePhrase ? this.deadline(timePhrase, node.line) : null,
        grouping: false,
        line: node.line.no,
      })
      return true
    }
    if (!own && node.level !== 'SECTION' && node.level !== 'DASH') {
      this.warn('NOT_A_TASK', `${node.code} names no agency and no deadline: read as text, not a task`, node.line)
    }
    return own !== null
  }

  /** The issuer as the lead of a task section's items that name no body. */
  #issuerDefault(): Inherited | null {
    return this.header.issuer ? { lead: [this.header.issuer], issuerDefault: true } : null
  }

  /** The body a duty list's heading names ("1. Sở Tài chính:", "Trách nhiệm của UBND xã", "a) Tổ đảng ở …"), if the heading is only that. */
  #dutyOf(node: OutlineNode): Inherited | null {
    const head = dutyBodyText(clean(node.text))
    if (head === null || head.split(' ').length > 16) return null
    const { matches, unmatched } = this.matcher.match(head, this.context)
    if (matches.length === 0 || matches[0]!.start > 2) return null
    const loose = unmatched.reduce((n, u) => n + keyText(u.text).split(' ').filter(Boolean).length, 0)
    if (loose > 3) return null
    return { lead: this.counted({ matches }, node.line), issuerDefault: false }
  }

  #eventTask(node: OutlineNode, time: { phrase: string; line: SourceLine }): ImportedTask {
    const { phrase } = time
    const deadline = this.deadline(phrase, time.line)
    const lead = this.header.issuer ? [this.header.issuer] : []
    return {
      code: node.code,
      parentCode: null,
      content: this.header.title ?? clean(node.text),
      lead,
      coordinating: [],
      timePhrase: phrase,
      deadline,
      grouping: false,
      line: node.line.no,
    }
  }

  #taskOf(node: OutlineNode, parentCode: string | null): ImportedTask | null {
    const leadFields = node.fields.filter((f) => f.role === 'LEAD')
    const coFields = node.fields.filter((f) => f.role === 'COORDINATING')
    const execFields = node.fields.filter((f) => f.role === 'EXECUTING')
    const timeField = node.fields.find((f) => f.role === 'TIME')
    const hasFields = leadFields.length + coFields.length + execFields.length > 0 || timeField !== undefined
    let lead: AgencyMatch[] = []
    let coordinating: AgencyMatch[] = []
    for (const f of leadFields) lead.push(...this.agencies(f.value, f.line))
    for (const f of coFields) coordinating.push(...this.agencies(f.value, f.line))
    // "Cơ quan thực hiện" names who does the work: the accountable bodies when no one leads.
    for (const f of execFields) (leadFields.length === 0 ? lead : coordinating).push(...this.agencies(f.value, f.line))
    lead = uniqueByCode(lead)
    coordinating = uniqueByCode(coordinating)

    const text = clean(node.text)
    const folded = foldInPlace(text)
    let bodyDeadline: string | null = null
    if (!timeField) {
      const before = BEFORE_DATE_RE.exec(folded)
      if (before) bodyDeadline = text.slice(before.index, before.index + before[0].length)
      else if (CONTINUOUS_RE.test(folded) && /^(giao|.{0,80}\b(co\s+trach\s+nhiem|chu\s+tri))/.test(folded)) bodyDeadline = 'thường xuyên'
    }
    if (!hasFields) {
      const body = this.#bodyAgencies(text, node.line)
      if (!body) {
        if (!bodyDeadline) return null
        const first = this.matcher.match(text.split(/\s(?:g\S{1,2}i\s+v\S{1,2}|b\S{1,2}o\s+c\S{1,2}o)\s/u)[0]!, this.context).matches[0]
        if (!first) return null
        lead = this.counted({ matches: [first] }, node.line)
      } else {
        lead = body.lead
        coordinating = body.coordinating
      }
    }
    const timePhrase = timeField?.value ?? bodyDeadline
    const deadline = timePhrase ? this.deadline(timePhrase, timeField?.line ?? node.line) : null
    if (lead.length === 0 && coordinating.length === 0 && !timePhrase) return null
    if (lead.filter((m) => m.code || m.kind === 'NEW' || m.kind === 'GROUP').length === 0) {
      if (this.header.issuer) {
        this.warn(
          'NO_LEAD_AGENCY',
          `${node.code} names no lead agency that could be matched: the issuer (${this.header.issuer.name}) is taken to lead`,
          node.line,
        )
        lead = [this.header.issuer, ...lead]
      } else this.warn('NO_LEAD_AGENCY', `${node.code} names no lead agency that could be matched`, node.line)
    }
    return { code: node.code, parentCode, content: text, lead, coordinating, timePhrase, deadline, grouping: false, line: node.line.no }
  }

  /** Agencies named at the start of a paragraph that orders them ("Giao Sở X chủ trì, phối hợp với Y …"). */
  #bodyAgencies(text: string, line: SourceLine): { lead: AgencyMatch[]; coordinating: AgencyMatch[] } | null {
    const folded = foldInPlace(text)
    const prefix = PREFIX_RE.exec(folded)?.[0].length ?? 0
    const rest = text.slice(prefix)
    const run = this.#leadingRun(rest)
    if (!run) return null
    const lead = this.counted(run, line)
    let coordinating: AgencyMatch[] = []
    const tail = foldInPlace(rest.slice(run.end, run.end + 60))
    COORDINATION_RE.lastIndex = 0
    const co = COORDINATION_RE.exec(tail)
    if (co && co.index <= 24) {
      const from = run.end + co.index + co[0].length
      const coRun = this.#leadingRun(rest.slice(from))
      if (coRun) coordinating = this.counted(coRun, line)
    }
    return { lead, coordinating }
  }

  /** Consecutive matches from the start of `text`, with at most a few words between them, and the words between that name nobody. */
  #leadingRun(text: string): { matches: AgencyMatch[]; unmatched: UnmatchedText[]; end: number } | null {
    const { matches, unmatched } = this.matcher.match(text.slice(0, 600), this.context)
    const first = matches[0]
    if (!first || first.start > 2) return null
    const run = [first]
    for (const m of matches.slice(1)) {
      const gap = text.slice(run[run.length - 1]!.end, m.start)
      const words = keyText(gap).split(' ').filter(Boolean)
      if (words.length > 8 || /ch\S?\s+tr\S|ph\S{1,3}\s+h\S{1,2}p|:/.test(foldInPlace(gap))) break
      run.push(m)
    }
    const end = run[run.length - 1]!.end
    return { matches: run, unmatched: unmatched.filter((u) => u.end <= end), end }
  }

  /** The agencies a field or cell names. */
  agencies(value: string, line: SourceLine): AgencyMatch[] {
    // A parenthesis after an agency explains it: "(Tỉnh ủy, HĐND, UBND, UBMTTQ)" names no one else.
    const plain = value.replace(/\([^)]*\)/g, ' ')
    return this.counted(this.matcher.match(plain, this.context), line)
  }

  /** Counts a phrase's matches and the words that matched nobody, warning of the latter and of generic phrases. */
  /** Counts a phrase's matches and the words that matched nobody, warning of the latter and of generic or new bodies. */
  counted(
    { matches, unmatched = [] }: { matches: readonly AgencyMatch[]; unmatched?: readonly UnmatchedText[] },
    line: SourceLine,
  ): AgencyMatch[] {
    for (const u of unmatched) {
      this.counters.agencyPhrases++
      this.counters.agenciesUnmatched++
      this.warn('AGENCY_UNMATCHED', `"${u.text}" matches no known organisation or group`, line)
    }
    for (const m of matches) {
      this.counters.agencyPhrases++
      if (m.code) this.counters.agenciesMatched++
      else if (m.kind === 'NEW') {
        this.counters.agenciesUnmatched++
        this.warn(
          'AGENCY_NEW',
          `"${m.text}" is not in the catalog: proposed as a new body${m.proposedParent ? ` under ${m.proposedParent}` : ''}`,
          line,
        )
      } else {
        this.counters.agenciesUnmatched++
        this.warn('AGENCY_GENERIC', `"${m.text}" names no one in particular: resolve it to an organisation or group`, line)
      }
    }
    return uniqueByCode(matches)
  }

  /** A time phrase read, counted, and warned of when unreadable. */
  deadline(phrase: string, line: SourceLine): Deadline {
    this.counters.deadlines++
    const deadline = parseDeadline(phrase, this.header.issuedOn ? { issuedOn: this.header.issuedOn } : {})
    if (deadline.kind === 'UNKNOWN')
      this.warn('DEADLINE_UNREADABLE', `The time phrase "${phrase}" cannot be read${deadline.reason ? `: ${deadline.reason}` : ''}`, line)
    else this.counters.deadlinesRead++
    return deadline
  }
}

/** Matches with the same code once, in order; generic phrases each stay. */
export function uniqueByCode(matches: readonly AgencyMatch[]): AgencyMatch[] {
  const seen = new Set<string>()
  return matches.filter((m) => m.code === null || (!seen.has(m.code) && seen.add(m.code)))
}

/**
 * The time phrase of a section made only of labelled fields, one of them its time ("IV. Thời gian,
 * địa điểm" / "1. Thời gian: …" / "2. Địa điểm: …"): an event the issuer holds; else null.
 */
function eventTimeOf(node: OutlineNode): { phrase: string; line: SourceLine } | null {
  if (node.children.length === 0 || node.children.some((c) => c.children.length > 0)) return null
  const fields = node.children.map((c) => ({ field: fieldOf({ text: c.text, folded: foldInPlace(c.text), no: c.line.no }), line: c.line }))
  if (fields.some((f) => f.field === null)) return null
  const time = fields.find((f) => f.field!.role === 'TIME')
  return time ? { phrase: time.field!.value, line: time.line } : null
}

/** Text with its white space made single. */
export function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .trim()
}

/** A section or short item heading that states aims or means ("I. MỤC ĐÍCH, YÊU CẦU", "2. Yêu cầu"). */
function isNonTaskHeading(node: OutlineNode): boolean {
  if (node.level === 'LETTER' || node.level === 'DASH') return false
  const words = keyText(node.text.split(/[:.]/)[0] ?? '').split(' ')
  if (node.level !== 'SECTION' && words.length > 6) return false
  const key = words.slice(0, 2).join(' ')
  return NON_TASK_HEADINGS.some((h) => similarity(key, h) >= 0.75)
}
