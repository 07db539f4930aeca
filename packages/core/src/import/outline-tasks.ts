/**
 * Tasks from the outline: an item is a task when it has agency or time fields, starts with an
 * agency, or orders agencies by a date; an item of a duty list ("1. Sở Tài chính:"), of a heading
 * whose subject is the bodies that do the work, or of a task section is a task its body (else the
 * issuer, with a warning) leads; headings above tasks become grouping tasks; sections that state
 * aims or means give none.
 */
import { foldInPlace } from '../deadline/ocr-fold.js'
import type { AgencyMatch } from './agency.js'
import { statesDuty } from './action.js'
import { dutyBodyText } from './duty.js'
import { eventTimeOf, isNonTaskHeading, isTaskSection, phaseTime } from './headings.js'
import type { SourceLine } from './lines.js'
import type { OutlineNode } from './outline.js'
import { clean, uniqueByCode, type ImportedTask, type TaskBuilder } from './task-builder.js'
import { keyText } from './tokens.js'

const BEFORE_DATE_RE = /tr\S{1,4}[ce]\s+ng\S{1,3}\s*(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4})/

const CONTINUOUS_RE = /th\S{1,3}ng\s+xuy\S{1,3}n/

/** The lead a heading gives the items under it. */
interface Inherited {
  readonly lead: readonly AgencyMatch[]
  /** True when it is the issuer, taken because the plan names no one (warned of). */
  readonly issuerDefault: boolean
  /** True in a section whose heading does not say it holds tasks: only items that open with an action are. */
  readonly strict?: boolean
  /** The window a phase heading gives the items under it ("Đợt 1: Từ ngày 05/12/2025 đến ngày 20/02/2026:"). */
  readonly time?: string | null
}

const ACTION_MIN_WORDS = 4

/** At most so many words between the bodies an introducing paragraph names and its colon. */
const INTRO_PREDICATE_WORDS = 16

/** Before the subject of a clause: nothing, a comma, or a word that hands work to it ("giao", "đề nghị", "yêu cầu", "thì"). */
const CLAUSE_START_RE = /(?:^|[,;:]|\b(?:giao|\S{1,2}\S?\s+ngh\S|y\S{1,2}u\s+c\S{1,2}u|th\S))\s*$/

const UNDER_RE = /\b(?:thu\S{1,2}c|c\S{1,2}a)\s*$/

function wordCount(text: string): number {
  return keyText(text).split(' ').filter(Boolean).length
}

/** The end of a paragraph that introduces a list: "… (các nhiệm vụ) sau (đây):", "… như sau:", "… cụ thể:". */
const INTRO_END_RE = /(?:\bsau(?:\s+\S{1,3}y)?|c\S\s+th\S)\s*:$/

/** Whether an item's text states something to do (a few words at least, not a bare label). */
function statesAction(text: string): boolean {
  return clean(text).replace(/:$/, '').split(' ').length >= ACTION_MIN_WORDS
}

/** A deadline written in an item's body ("… trước ngày 28/10/2025"). */
function bodyTime(text: string): string | null {
  const before = BEFORE_DATE_RE.exec(foldInPlace(text))
  return before ? text.slice(before.index, before.index + before[0].length) : null
}

/** Walks an outline into tasks, with a {@link TaskBuilder} to match agencies and read times. */
export class OutlineTasks {
  constructor(private readonly builder: TaskBuilder) {}

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
    const duty = node.children.length > 0 ? (this.#dutyOf(node) ?? this.#subjectOf(node)) : null
    const named = inherited && !inherited.issuerDefault ? inherited : null
    // Every body section but those of aims and means (skipped above) holds the plan's work; one its heading names as tasks, loosely.
    const sectionPass = isTaskSection(node)
      ? this.#issuerDefault(false)
      : node.level === 'SECTION' || parentCode === null
        ? this.#issuerDefault(true)
        : null
    const found = duty ?? named ?? sectionPass ?? inherited
    const time = phaseTime(node.text) ?? inherited?.time ?? null
    const pass = found && time ? { ...found, time } : found
    const own = node.level === 'SECTION' || duty ? null : this.#taskOf(node, parentCode)
    if (own) out.push(own)
    let any = false
    let childPass = own ? null : pass
    for (const child of node.children) {
      // "… các Bộ, UBND các tỉnh … thực hiện các nhiệm vụ sau:": the bodies it names lead what follows.
      const intro = child.level === 'PARA' && child.children.length === 0 ? this.#introLead(child) : null
      if (intro) childPass = intro
      else if (this.visit(child, node.code, out, childPass)) any = true
    }
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
    if (!own && !duty && pass && node.level !== 'SECTION' && statesAction(node.text) && (!pass.strict || statesDuty(node.text))) {
      // An item of a duty list or a task section: led by the body its heading names, else the issuer.
      if (pass.issuerDefault)
        this.builder.warn(
          'NO_LEAD_AGENCY',
          `${node.code} names no lead agency: the issuer (${pass.lead[0]?.name ?? '?'}) is taken to lead`,
          node.line,
        )
      const timePhrase = bodyTime(node.text) ?? pass.time ?? null
      out.push({
        code: node.code,
        parentCode,
        content: clean(node.text),
        lead: pass.lead,
        coordinating: [],
        timePhrase,
        deadline: timePhrase ? this.builder.deadline(timePhrase, node.line) : null,
        grouping: false,
        line: node.line.no,
      })
      return true
    }
    if (!own && (node.level === 'ITEM' || node.level === 'SUBITEM' || node.level === 'LETTER')) {
      this.builder.warn('NOT_A_TASK', `${node.code} names no agency and no deadline: read as text, not a task`, node.line)
    }
    return own !== null
  }

  /** The bodies an introducing paragraph names ("…, các Bộ, … thực hiện các nhiệm vụ sau:"), if it is one. */
  #introLead(node: OutlineNode): Inherited | null {
    const text = clean(node.text)
    if (!INTRO_END_RE.test(foldInPlace(text))) return null
    // The bodies are the subject of its last clause: a run of names, then a short predicate to the colon.
    // "cơ quan thuộc Chính phủ" names the bodies under it, not the Government.
    const matches = this.builder.match(text).matches
    let k = matches.length - 1
    if (k < 0 || wordCount(text.slice(matches[k]!.end)) > INTRO_PREDICATE_WORDS) return null
    while (k > 0 && wordCount(text.slice(matches[k - 1]!.end, matches[k]!.start)) <= 3) k--
    // "các cơ quan thuộc Chính phủ, …": the clause starts before the words the first body qualifies.
    const before = foldInPlace(text.slice(0, matches[k]!.start)).replace(/(?:\S+\s+){0,3}thu\S{1,2}c\s*$/, '')
    if (!CLAUSE_START_RE.test(before)) return null
    const run = matches.slice(k).filter((m) => m.kind !== 'NEW' && !UNDER_RE.test(foldInPlace(text.slice(0, m.start))))
    return run.length > 0 ? { lead: this.builder.counted({ matches: run }, node.line), issuerDefault: false } : null
  }

  /** The issuer as the lead of a task section's items that name no body. */
  #issuerDefault(strict: boolean): Inherited | null {
    return this.builder.header.issuer ? { lead: [this.builder.header.issuer], issuerDefault: true, strict } : null
  }

  /** The body a duty list's heading names ("1. Sở Tài chính:", "Trách nhiệm của UBND xã", "a) Tổ đảng ở …"), if the heading is only that. */
  #dutyOf(node: OutlineNode): Inherited | null {
    const head = dutyBodyText(clean(node.text))
    if (head === null || head.split(' ').length > 16) return null
    const { matches, unmatched } = this.builder.match(head)
    if (matches.length === 0 || matches[0]!.start > 2) return null
    const loose = unmatched.reduce((n, u) => n + keyText(u.text).split(' ').filter(Boolean).length, 0)
    if (loose > 3) return null
    return { lead: this.builder.counted({ matches }, node.line), issuerDefault: false }
  }

  /**
   * A heading whose subject is the bodies that carry out the items under it ("c) Bộ Tài chính chủ
   * trì, phối hợp với các bộ liên quan:", "1. Giao Sở X là cơ quan đầu mối, …" over its dashes):
   * the heading introduces a list (a colon, or several items that state actions) and has no fields.
   */
  #subjectOf(node: OutlineNode): Inherited | null {
    if (node.fields.length > 0 || node.level === 'SECTION') return null
    const listed = node.children.filter((c) => c.level !== 'PARA' && c.children.length === 0 && statesAction(c.text)).length
    if (!/:\s*$/.test(node.text) && listed < 2) return null
    const body = this.builder.bodyAgencies(clean(node.text), node.line)
    return body && body.lead.length > 0 ? { lead: body.lead, issuerDefault: false } : null
  }

  #eventTask(node: OutlineNode, time: { phrase: string; line: SourceLine }): ImportedTask {
    const { phrase } = time
    const deadline = this.builder.deadline(phrase, time.line)
    const lead = this.builder.header.issuer ? [this.builder.header.issuer] : []
    return {
      code: node.code,
      parentCode: null,
      content: this.builder.header.title ?? clean(node.text),
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
    for (const f of leadFields) lead.push(...this.builder.agencies(f.value, f.line))
    for (const f of coFields) coordinating.push(...this.builder.agencies(f.value, f.line))
    // "Cơ quan thực hiện" names who does the work: the accountable bodies when no one leads.
    for (const f of execFields) (leadFields.length === 0 ? lead : coordinating).push(...this.builder.agencies(f.value, f.line))
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
      const body = this.builder.bodyAgencies(text, node.line)
      if (!body) {
        if (!bodyDeadline) return null
        const first = this.builder.match(text.split(/\s(?:g\S{1,2}i\s+v\S{1,2}|b\S{1,2}o\s+c\S{1,2}o)\s/u)[0]!).matches[0]
        if (!first) return null
        lead = this.builder.counted({ matches: [first] }, node.line)
      } else {
        lead = body.lead
        coordinating = body.coordinating
      }
    }
    const timePhrase = timeField?.value ?? bodyDeadline
    const deadline = timePhrase ? this.builder.deadline(timePhrase, timeField?.line ?? node.line) : null
    if (lead.length === 0 && coordinating.length === 0 && !timePhrase) return null
    if (lead.filter((m) => m.code || m.kind === 'NEW' || m.kind === 'GROUP').length === 0) {
      if (this.builder.header.issuer) {
        this.builder.warn(
          'NO_LEAD_AGENCY',
          `${node.code} names no lead agency that could be matched: the issuer (${this.builder.header.issuer.name}) is taken to lead`,
          node.line,
        )
        lead = [this.builder.header.issuer, ...lead]
      } else this.builder.warn('NO_LEAD_AGENCY', `${node.code} names no lead agency that could be matched`, node.line)
    }
    return { code: node.code, parentCode, content: text, lead, coordinating, timePhrase, deadline, grouping: false, line: node.line.no }
  }
}
