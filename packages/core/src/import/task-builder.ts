/**
 * The task a plan's reading gives, and the builder that matches a task's agencies and reads its
 * time phrase, counting and warning as it goes (for outline items, table rows and duty lists).
 */
import type { CalendarDate } from '../calendar/date.js'
import { parseDeadline } from '../deadline/parse.js'
import type { Deadline } from '../deadline/types.js'
import { foldInPlace } from '../deadline/ocr-fold.js'
import type { AgencyMatch, AgencyMatchContext, AgencyMatcher, UnmatchedText } from './agency.js'
import type { PlanHeader } from './header.js'
import type { SourceLine } from './lines.js'
import { keyText } from './tokens.js'
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

const PREFIX_RE = /^(?:giao(?:\s+cho)?|de\s+ngh\S?|thu\s+tr\S{1,3}ng|giam\s+d\S{1,2}c)\s+/
const COORDINATION_RE = /ph\S{1,3}\s+h\S{1,2}p\s+v\S{1,3}i\s+/g

/** Counts kept while reading. */
interface Counters {
  agencyPhrases: number
  agenciesMatched: number
  agenciesUnmatched: number
  deadlines: number
  deadlinesRead: number
}

/** How much of a paragraph is searched for the bodies it opens with (a long list of bodies fits). */
const LEADING_RUN_CHARS = 600

/** Builds tasks, matching their agencies and reading their time phrases, counting and warning as it goes. */
export class TaskBuilder {
  constructor(
    private readonly matcher: AgencyMatcher,
    readonly context: AgencyMatchContext & { on: CalendarDate | null },
    readonly header: PlanHeader,
    readonly warn: Warn,
    private readonly counters: Counters,
  ) {}

  /** Agencies named at the start of a paragraph that orders them ("Giao Sở X chủ trì, phối hợp với Y …"). */
  /** The catalog's matches in a text, in this plan's context. */
  match(text: string): { matches: AgencyMatch[]; unmatched: UnmatchedText[] } {
    return this.matcher.match(text, this.context)
  }

  /** Agencies named at the start of a paragraph that orders them ("Giao Sở X chủ trì, phối hợp với Y …"). */
  bodyAgencies(text: string, line: SourceLine): { lead: AgencyMatch[]; coordinating: AgencyMatch[] } | null {
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
    const { matches, unmatched } = this.matcher.match(text.slice(0, LEADING_RUN_CHARS), this.context)
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

/** Text with its white space made single. */
export function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .trim()
}
