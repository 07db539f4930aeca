/**
 * The importer's service side: the catalog it matches against (organisations, groups, aliases and
 * documents from the store) and committing a preview through the ordinary commands, all in one
 * transaction, idempotently.
 */
import { DOCUMENT_KINDS } from '../../document/kind.js'
import { DomainError } from '../../errors.js'
import type { DeadlineViolation } from '../../hierarchy/effective-deadline.js'
import type { UncoveredParentTask } from '../../hierarchy/scorecard.js'
import type { AgencyMatch } from '../../import/agency.js'
import type { ImportPlanOptions, PlanPreview } from '../../import/plan.js'
import type { Document, DocumentSource } from '../../model/document.js'
import { recordDocumentSource } from '../../storage/repo/document-sources.js'
import { findDocument } from '../../storage/repo/documents.js'
import { findOrganizationByCode, organizationsByIds } from '../../storage/repo/organizations.js'
import { runCommand, type CommandContext, type ServiceEnv } from '../command-tx.js'
import { KeyedRequest, type IdempotencyScope } from '../idempotency.js'
import { refuseControlCharacters } from '../validate.js'
import { documentByKey, parentsOf, targetsOf } from '../queries/documents.js'
import { uncoveredParentTasks } from '../queries/hierarchy.js'
import { tasksOf, violationsOfTasks } from '../queries/tasks.js'
import { isOfAnotherProvince, linkDocument, registerDocument } from './documents.js'
import { addTask } from './tasks.js'
import { asImportedBy, authorizeImport, checkSource, mayIssueAs } from './import-access.js'
import { previewImport } from '../queries/import-catalog.js'
import { addTarget } from './targets.js'

/** Options of `Chidao.importPlan`. */
export interface ImportOptions extends Omit<ImportPlanOptions, 'matcher'> {
  /** Read and report only; write nothing. */
  readonly dryRun?: boolean
  /**
   * The issuer the plan is imported as. A key's permission is checked against it before the text is
   * read; the header must name the same body (or none legibly, when this one is taken).
   */
  readonly issuerCode?: string | null
  /** The file the text was read from (a .docx, PDF or scan), kept with the document as its provenance. */
  readonly source?: DocumentSource
  /**
   * The caller's idempotency key: the first answer is kept in the import's write transaction, and
   * the same key with the same text and options gives it again without reading the plan or writing
   * (IDEMPOTENCY_KEY_REUSED with another text or options).
   */
  readonly idempotency?: IdempotencyScope | null
}

/** The command name an import's idempotency keys are kept under (as the gateway's mutation). */
const IMPORT_COMMAND = 'importPlan'

/** What an import wrote (nothing, on a dry run). */
export interface ImportResult {
  readonly preview: PlanPreview
  /** The plan's document; null on a dry run of a plan not yet registered. */
  readonly document: Document | null
  readonly dryRun: boolean
  readonly created: {
    readonly documents: number
    readonly links: number
    readonly tasks: number
    readonly assignments: number
    readonly targets: number
    /** Provenance rows: 1 when the document was imported from a file not recorded for it before. */
    readonly sources: number
  }
  /** Tasks due after the parent tasks they implement. */
  readonly violations: readonly DeadlineViolation[]
  /** The parents' tasks assigned to the issuer that no task of the plan implements. */
  readonly uncovered: readonly UncoveredParentTask[]
}

/**
 * Reads a plan and, unless `dryRun`, writes it: the cited parents it implements that are not yet
 * known (when their issuer is), the plan's document (or the one already registered), its links,
 * tasks, assignments and targets, each through the ordinary command, in one transaction. What is
 * there already is left as it is, so importing the same plan again writes nothing.
 * Errors: IMPORT_INCOMPLETE when the issuer or kind cannot be read, and every error of the commands.
 */
export async function commitImport(env: ServiceEnv, ctx: CommandContext, text: string, options: ImportOptions = {}): Promise<ImportResult> {
  if (typeof text !== 'string') throw new DomainError('INVALID_INPUT', 'text must be a string', { field: ['input', 'text'] })
  refuseControlCharacters(text, ['input', 'text'], true)
  if (options.source !== undefined) checkSource(options.source)
  const keyed = KeyedRequest.of(options.idempotency, IMPORT_COMMAND, {
    text,
    dryRun: options.dryRun === true,
    resolutions: options.resolutions ?? {},
    issuerCode: options.issuerCode ?? null,
    source: options.source ?? null,
  })
  // The permission first, then the reading: a key that may not import learns it before the text is parsed.
  await authorizeImport(env, ctx, text, options.issuerCode)
  // A retry of a request already answered: the first answer, before anything is read again.
  const replay = keyed ? await keyed.stored<ImportResult>(env.db) : null
  if (replay) return replay.answer
  // The commands below run as the importer's steps, under the same key: each applies the authorization model.
  const steps: CommandContext = { actor: ctx.actor, grant: ctx.grant ?? null }
  if (options.dryRun) {
    const preview = await previewImport(env.db, text, options)
    const result: ImportResult = {
      preview,
      document: await existingDocument(env, preview),
      dryRun: true,
      created: none(),
      violations: [],
      uncovered: [],
    }
    return keyed ? env.transaction(() => keyed.once(env.db, async () => result, env.now)) : result
  }
  // Read outside the write transaction, so that a long plan does not hold the store (SQLite has one writer).
  const preview = await asImportedBy(env, await previewImport(env.db, text, options), options.issuerCode)
  const { header } = preview
  if (!header.issuer?.code || header.issuer.kind !== 'ORGANIZATION') {
    throw new DomainError('IMPORT_INCOMPLETE', 'The issuing body could not be matched: register it, or add an alias, and import again', {
      field: ['text'],
    })
  }
  if (!header.kind) throw new DomainError('IMPORT_INCOMPLETE', 'The kind of document could not be read', { field: ['text'] })
  const issuerCode = header.issuer.code
  const kind = header.kind
  // The key is checked again and kept inside the write transaction: a racing twin of this request
  // either finds the answer kept here or conflicts and, run again, finds it.
  return env.transaction(() => (keyed ? keyed.once(env.db, write, env.now) : write()))

  async function write(): Promise<ImportResult> {
    const created = none()

    const parentIds: string[] = []
    const issuer = (await findOrganizationByCode(env.db, issuerCode))!
    for (const c of preview.implements) {
      if (c.documentKey) {
        // A cited plan of another province is not implemented (it would bind that province's bodies): left unlinked.
        const cited = await findDocument(env.db, c.documentKey)
        const citedIssuer = cited ? (await organizationsByIds(env.db, [cited.issuerId]))[0] : null
        if (citedIssuer && (await isOfAnotherProvince(env.db, issuer, citedIssuer))) continue
        parentIds.push(c.documentKey)
        continue
      }
      // A parent nobody registered yet: registered from what the citation says, when its issuer is known.
      if (!c.issuer?.code || c.issuer.kind !== 'ORGANIZATION' || !c.kind) continue
      // A key registers no document as issued by a body outside its subtree: such a parent stays unlinked.
      if (!(await mayIssueAs(env, ctx, c.issuer.code))) continue
      const known = await documentByKey(env.db, { issuerCode: c.issuer.code, symbol: c.symbol, issuedOn: c.issuedOn })
      const parent =
        known ??
        (await runCommand(env, steps, registerDocument, {
          symbol: c.symbol,
          kind: c.kind,
          issuerCode: c.issuer.code,
          issuedOn: c.issuedOn,
          title: `${DOCUMENT_KINDS[c.kind].vi} số ${c.symbol}`,
        }))
      if (!known) created.documents++
      parentIds.push(parent.id)
    }

    let document = await existingDocument(env, preview)
    if (!document) {
      document = await runCommand(env, steps, registerDocument, {
        symbol: header.symbol,
        kind,
        issuerCode,
        issuedOn: header.issuedOn,
        title: titleOf(preview),
        implements: [...new Set(parentIds)],
      })
      created.documents++
      created.links += new Set(parentIds).size
    } else {
      const linked = new Set((await parentsOf(env.db, document.id)).map((d) => d.id))
      for (const id of new Set(parentIds)) {
        if (linked.has(id)) continue
        await runCommand(env, steps, linkDocument, { documentId: document.id, parentId: id })
        created.links++
      }
    }

    const existing = new Map((await tasksOf(env.db, document.id)).map((t) => [t.code, t]))
    const taskIds: string[] = []
    for (const task of preview.tasks) {
      const there = existing.get(task.code)
      if (there) {
        taskIds.push(there.id)
        continue
      }
      const assignments = [...assigneesOf(task.lead, 'LEAD'), ...assigneesOf(task.coordinating, 'COORDINATING')]
      const added = await runCommand(env, steps, addTask, {
        documentId: document.id,
        code: task.code,
        parentCode: task.parentCode,
        content: task.content,
        timePhrase: task.timePhrase,
        assignments,
      })
      taskIds.push(added.id)
      created.tasks++
      created.assignments += assignments.length
    }

    const targets = await targetsOf(env.db, document.id)
    for (const t of preview.targets) {
      if (targets.some((x) => x.metric === t.metric && x.milestoneOn === t.milestoneOn)) continue
      await runCommand(env, steps, addTarget, {
        documentId: document.id,
        category: t.category,
        metric: t.metric,
        unit: t.unit,
        comparator: t.comparator,
        value: t.value,
        milestoneOn: t.milestoneOn,
      })
      created.targets++
    }

    if (options.source) {
      const recorded = await recordDocumentSource(env.db, {
        id: env.newId(),
        documentId: document.id,
        source: options.source,
        importedAt: env.now().toISOString(),
        actor: ctx.actor,
      })
      if (recorded) created.sources++
    }

    const violations = [...(await violationsOfTasks(env.db, taskIds)).values()].flat()
    const uncovered = await uncoveredParentTasks(env.db, document.id)
    return { preview, document, dryRun: false, created, violations, uncovered }
  }
}

function none() {
  return { documents: 0, links: 0, tasks: 0, assignments: 0, targets: 0, sources: 0 }
}

/** The title a plan is registered under; an unnumbered plan is found again by it, so both use this one. */
function titleOf(preview: PlanPreview): string {
  const { header } = preview
  return header.title ?? header.symbol ?? header.symbolText ?? 'Kế hoạch'
}

async function existingDocument(env: ServiceEnv, preview: PlanPreview): Promise<Document | null> {
  const { header } = preview
  if (!header.issuer?.code || header.issuer.kind !== 'ORGANIZATION') return null
  return documentByKey(env.db, {
    issuerCode: header.issuer.code,
    symbol: header.symbol,
    issuedOn: header.issuedOn,
    title: titleOf(preview),
  })
}

/** Assignments for matched agencies; generic phrases nobody resolved assign no one. */
function assigneesOf(matches: readonly AgencyMatch[], role: 'LEAD' | 'COORDINATING') {
  return matches
    .filter((m) => m.code)
    .map((m) => ({
      role,
      ...(m.kind === 'GROUP' ? { groupCode: m.code! } : { organizationCode: m.code! }),
      note: m.text,
    }))
}
