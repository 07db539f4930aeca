/**
 * `importPlan`: a plan's text (Word export, PDF text or OCR) read into a preview of the chidao
 * document it describes — header, citations and implements links, tasks with their agencies and
 * time phrases, targets — and a warning for everything that could not be read or matched. Pure:
 * nothing is written; {@link Chidao.importPlan} commits a preview.
 */
import { AgencyMatcher, type CatalogGroup, type CatalogOrganization } from './agency.js'
import { findCitations, implementedBy, type CatalogDocument, type Citation } from './citation.js'
import { readHeader, type PlanHeader } from './header.js'
import { territoriesOf } from './province.js'
import { joinLines, sourceLines, type SourceLine } from './lines.js'
import { readOutline } from './outline.js'
import { leadsByReference } from './reference.js'
import { documentParts } from './sections.js'
import { readTables, type TableRow } from './table.js'
import { readTargets, type ImportedTarget } from './target.js'
import { OutlineTasks } from './outline-tasks.js'
import { clean, TaskBuilder, type ImportedTask } from './task-builder.js'
import { warningList, type ImportWarning } from './warnings.js'

export type { ImportedTask } from './task-builder.js'

/** What the importer knows already: organisations, groups and documents. */
export interface ImportCatalog {
  readonly organizations: readonly CatalogOrganization[]
  readonly groups: readonly CatalogGroup[]
  readonly documents: readonly CatalogDocument[]
}

/** Options of {@link importPlan}. */
export interface ImportPlanOptions {
  /** Phrases resolved by a person: phrase as written → organisation or group code. */
  readonly resolutions?: Readonly<Record<string, string>>
  /** Told how far the reading has got (lines of the body read, of all). */
  readonly onProgress?: (done: number, total: number) => void
  /** A matcher built before, to reuse across imports of one catalog. */
  readonly matcher?: AgencyMatcher
}

/** The preview of an import. */
export interface PlanPreview {
  readonly header: PlanHeader
  /** Every citation in the text. */
  readonly citations: readonly Citation[]
  /** The documents the plan implements (from its opening paragraph). */
  readonly implements: readonly Citation[]
  readonly tasks: readonly ImportedTask[]
  readonly targets: readonly ImportedTarget[]
  readonly warnings: readonly ImportWarning[]
  readonly stats: ImportStats
}

/** Counts for a summary. */
export interface ImportStats {
  readonly lines: number
  readonly tasks: number
  readonly agencyPhrases: number
  readonly agenciesMatched: number
  readonly agenciesUnmatched: number
  readonly deadlines: number
  readonly deadlinesRead: number
  readonly citations: number
  readonly citationsResolved: number
  readonly targets: number
}

/** Kinds whose numbered items are orders to agencies; a letter or report has none. */
const TASK_KINDS = new Set(['KH', 'QĐ', 'NQ', 'CT', 'CTr', 'TB', 'KL', 'HD', 'ĐA', 'CĐ'])

/**
 * Reads a plan.
 *
 * @example
 * const preview = importPlan(text, catalog)
 * preview.header.symbol //=> '01-KH/BCĐ'
 * preview.tasks.find((t) => t.code === 'II.5')?.lead[0]?.code //=> 'QNG.UBND'
 */
export function importPlan(text: string, catalog: ImportCatalog, options: ImportPlanOptions = {}): PlanPreview {
  const { warnings, warn } = warningList()
  const lines = sourceLines(text)
  const matcher = options.matcher ?? new AgencyMatcher(catalog.organizations, catalog.groups)
  const layout = readHeader(lines, matcher, warn, text, territoriesOf(catalog.organizations))
  const { header } = layout
  const issuerScope = header.issuer?.code ? (catalog.organizations.find((o) => o.code === header.issuer!.code)?.scope ?? null) : null
  const scope = header.scope ?? issuerScope
  const proposeUnder = {
    code: header.issuer?.code ?? header.issuer?.proposedParent ?? null,
    tier: header.issuer?.tier ?? header.issuerTier ?? null,
  }
  const context = { on: header.issuedOn, scope, commune: header.commune ?? null, resolutions: options.resolutions, proposeUnder }

  // Citations and implements: their issuers are central bodies or the plan's own province's.
  const citeContext = { scope, on: header.issuedOn }
  const opening = joinLines(lines.slice(layout.opening[0], layout.opening[1]))
  if (!opening) warn('NO_OPENING', 'No opening paragraph ("Thực hiện …"): the documents it implements are not known', null)
  const implementsLinks = opening ? implementedBy(opening, header.kind, matcher, catalog.documents, citeContext) : []
  if (opening && implementsLinks.length === 0)
    warn('NO_IMPLEMENTS', 'The opening paragraph cites no document the plan implements', lines[layout.opening[0]] ?? null)
  const citations: Citation[] = []
  // The header's own number is not a citation.
  for (const [start, end] of paragraphRanges(lines).filter(([s]) => s >= layout.opening[0])) {
    const paragraph = joinLines(lines.slice(start, end))
    for (const c of findCitations(paragraph, matcher, catalog.documents, citeContext)) {
      citations.push(c)
      if (!c.documentKey)
        warn('CITATION_UNRESOLVED', `${c.symbol} is not a known document: proposed as new`, lineAt(lines, start, end, c.symbolText))
    }
  }

  // Outline and tasks: the body, or the plan a decision attaches, then appendix tables.
  const parts = documentParts(lines, layout.bodyStart)
  if (parts.attached)
    warn(
      'ATTACHMENT_READ',
      'The document issues an attached plan: its tasks are read from the plan after the signature',
      lines[parts.bodies[0]!.start - 1] ?? null,
    )
  const total = lines.length - layout.bodyStart
  const plan = !header.kind || TASK_KINDS.has(header.kind)
  const counters = { agencyPhrases: 0, agenciesMatched: 0, agenciesUnmatched: 0, deadlines: 0, deadlinesRead: 0 }
  const tasks: ImportedTask[] = []
  const targets: ImportedTarget[] = []
  const builder = new TaskBuilder(matcher, context, header, warn, counters)
  const walker = new OutlineTasks(builder)
  const progress = options.onProgress
    ? (i: number) => {
        if (i % 50 === 0) options.onProgress!(i, total)
      }
    : undefined
  for (const [n, part] of parts.bodies.entries()) {
    const body = lines.slice(part.start, part.end)
    // A letter's body is prose: its paragraphs are not headings missed.
    const outline = readOutline(body, plan ? warn : () => {}, progress)
    if (!plan) {
      if (outline.length > 0)
        warn('NOT_A_PLAN', `A ${header.kind} orders no tasks: its numbered paragraphs are not imported as tasks`, null)
    } else {
      const from = tasks.length
      for (const node of outline) walker.visit(node, null, tasks)
      // A second attached plan's codes are kept apart from the first's.
      if (n > 0)
        for (let i = from; i < tasks.length; i++)
          tasks[i] = {
            ...tasks[i]!,
            code: `K${n + 1}.${tasks[i]!.code}`,
            parentCode: tasks[i]!.parentCode && `K${n + 1}.${tasks[i]!.parentCode}`,
          }
    }
    targets.push(...readTargets(body, warn))
  }
  for (const part of parts.appendices) targets.push(...readTargets(lines.slice(part.start, part.end), warn, { tablesOnly: true }))
  if (plan || parts.appendices.length > 0) {
    for (const [n, part] of parts.appendices.entries())
      tasks.push(...tableTasks(readTables(lines.slice(part.start, part.end)), parts.appendices.length > 1 ? `PL${n + 1}` : 'PL', builder))
  }
  tasks.splice(0, tasks.length, ...leadsByReference(tasks, header.issuer, warn))
  options.onProgress?.(total, total)
  if (plan && tasks.length === 0) warn('NO_TASKS', 'No task could be read in the body', null)

  const resolved = citations.filter((c) => c.documentKey).length
  return {
    header,
    citations,
    implements: implementsLinks,
    tasks,
    targets,
    warnings,
    stats: {
      lines: lines.length,
      tasks: tasks.length,
      ...counters,
      citations: citations.length,
      citationsResolved: resolved,
      targets: targets.length,
    },
  }
}

/** Tasks of an appendix's table rows: section rows group, the others are tasks with their cells' agencies and time. */
function tableTasks(rows: readonly TableRow[], prefix: string, builder: TaskBuilder): ImportedTask[] {
  const out: ImportedTask[] = []
  const codeOf = (groups: readonly string[], label: string) => [prefix, ...groups, label].join('.')
  for (const row of rows) {
    const parentCode = row.groups.length > 0 ? codeOf(row.groups.slice(0, -1), row.groups[row.groups.length - 1]!) : null
    const code = codeOf(row.groups, row.label)
    if (row.section) {
      out.push({
        code,
        parentCode,
        content: clean(row.task),
        lead: [],
        coordinating: [],
        timePhrase: null,
        deadline: null,
        grouping: true,
        line: row.line.no,
      })
      continue
    }
    let lead = row.lead ? builder.agencies(row.lead, row.line) : []
    const coordinating = row.coordinating ? builder.agencies(row.coordinating, row.line) : []
    if (lead.length === 0 && builder.header.issuer) {
      builder.warn(
        'NO_LEAD_AGENCY',
        `Row ${code} names no lead agency that could be matched: the issuer (${builder.header.issuer.name}) is taken to lead`,
        row.line,
      )
      lead = [builder.header.issuer]
    }
    const timePhrase = row.time || null
    const deadline = timePhrase ? builder.deadline(timePhrase, row.line) : null
    out.push({ code, parentCode, content: clean(row.task), lead, coordinating, timePhrase, deadline, grouping: false, line: row.line.no })
  }
  // Codes repeated in one table (a TT written twice) are made unique.
  const seen = new Map<string, number>()
  return out.map((t) => {
    const n = seen.get(t.code) ?? 0
    seen.set(t.code, n + 1)
    return n === 0 ? t : { ...t, code: `${t.code}-${n + 1}` }
  })
}

function paragraphRanges(lines: readonly SourceLine[]): [number, number][] {
  const out: [number, number][] = []
  let start = 0
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || lines[i]!.text === '') {
      if (i > start) out.push([start, i])
      start = i + 1
    }
  }
  return out
}

function lineAt(lines: readonly SourceLine[], start: number, end: number, written: string): SourceLine | null {
  const head = written.split(/\s/)[0]!
  return lines.slice(start, end).find((l) => l.text.includes(head)) ?? lines[start] ?? null
}
