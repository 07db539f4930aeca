/**
 * The command and query service over a store. Every command is one transaction that validates
 * everything first, then writes everything or nothing, and appends one audit entry.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { CalendarDate } from '../calendar/date.js'
import { DomainError, type DomainErrorCode } from '../errors.js'
import { isDocumentKind, type DocumentKind } from '../document/kind.js'
import { parseSymbol } from '../document/symbol.js'
import { keyText } from '../import/tokens.js'
import type { ImportCatalog, ImportPlanOptions, PlanPreview } from '../import/plan.js'
import { commitImport, importCatalog, previewImport, type ImportOptions, type ImportResult } from './import-plan.js'
import { parseDeadline } from '../deadline/parse.js'
import {
  ALIGNMENT_DECISIONS, DOCUMENT_STATUSES, type AlignmentReview, type Document, type DocumentSourceRecord, type DocumentStatus,
} from '../model/document.js'
import {
  BLOCS, ORGANIZATION_KINDS, SUCCESSION_KINDS, TIERS, tierRank,
  type GroupSelector, type Organization, type OrganizationGroup, type Succession,
} from '../model/organization.js'
import {
  CLAIMED_STATUSES, REPORT_PERIODS, VERIFICATION_STATUSES, type AuditEntry, type Evidence, type Report,
} from '../model/report.js'
import {
  ASSIGNMENT_ROLES, COMPARATORS, TASK_STATES, type Assignment, type AssignmentRole, type Target, type Task,
} from '../model/task.js'
import type { Database, ReportTable } from '../storage/schema.js'
import { refreshGroupDerived, refreshOrganizationDerived, refreshTaskDerived } from '../storage/derived.js'
import { refreshObligationSpans, tasksInvolving } from '../storage/obligation-span.js'
import { documentSourcesOf } from '../storage/document-source.js'
import {
  obligationStatuses, overdueObligations, owedTaskPage, scorecardCounts, type ObligationStatusRow, type ScorecardCounts,
} from '../storage/status-query.js'
import type { DeadlineViolation, EffectiveDeadline } from '../hierarchy/effective-deadline.js'
import type { ReviewNeeded, ScorecardScope, UncoveredParentTask } from '../hierarchy/scorecard.js'
import { taskStatusOfObligations, type TaskStatus } from '../hierarchy/status.js'
import type { Recurrence } from '../deadline/types.js'
import type { Store } from '../storage/open-store.js'
import {
  toAlignmentReview, toAssignment, toAuditEntry, toDocument, toGroup, toOrganization, toReport, toSuccession, toTarget, toTask,
} from './rows.js'
import {
  isUniqueViolation, optionalDate, optionalText, requireDate, requireOneOf, requireText, requireVersion,
} from './validate.js'

type Db = Kysely<Database> | Transaction<Database>

/** Who runs a command; recorded in the audit log. */
export interface CommandContext {
  /** The person or key acting, e.g. `key:QNG.SKHCN:editor` or `import`. */
  readonly actor: string
}

/** Options of {@link Chidao}. */
export interface ChidaoOptions {
  /** The clock for audit timestamps (default: the system clock). */
  readonly now?: () => Date
  /** Identifier factory (default: random UUIDs). */
  readonly newId?: () => string
}

export interface RegisterOrganizationInput {
  code: string
  name: string
  shortName?: string | null
  tier: string
  /** Required except for a TERRITORY. */
  bloc?: string | null
  kind: string
  parentCode?: string | null
  /** Partition key; defaults to the parent's scope, or `VN` at the centre. */
  scope?: string | null
  validFrom?: string | null
  validTo?: string | null
}

export interface RegisterSuccessionInput {
  predecessorCode: string
  successorCode: string
  kind: string
  effectiveOn: string
  note?: string | null
}

export interface RegisterGroupInput {
  code: string
  name: string
  scope?: string | null
  withinCode?: string | null
  tiers?: string[]
  kinds?: string[]
  blocs?: string[]
  memberCodes?: string[]
}

export interface RegisterDocumentInput {
  /** Number and symbol as written; null or absent when illegible (then `kind` is required). */
  symbol?: string | null
  /** The kind; defaults to the one in the symbol. */
  kind?: string | null
  issuerCode: string
  /** Issue date; null only when the source does not give it. */
  issuedOn: string | null
  title: string
  status?: string | null
  /** Ids of the documents this one implements. */
  implements?: string[]
}

export interface UpdateDocumentInput {
  id: string
  expectedVersion: number
  title?: string
  status?: string
}

export interface AssignInput {
  taskId: string
  role: string
  organizationCode?: string | null
  groupCode?: string | null
  note?: string | null
}

export interface AddTaskInput {
  documentId: string
  code: string
  parentCode?: string | null
  content: string
  timePhrase?: string | null
  output?: string | null
  /** Ids of tasks in ancestor documents that this task implements. */
  implements?: string[]
  assignments?: Omit<AssignInput, 'taskId'>[]
}

export interface UpdateTaskInput {
  id: string
  expectedVersion: number
  content?: string
  timePhrase?: string | null
  output?: string | null
  state?: string
}

export interface AddTargetInput {
  documentId: string
  taskId?: string | null
  category?: string | null
  metric: string
  unit?: string | null
  comparator: string
  value: number
  milestoneOn?: string | null
}

export interface SubmitReportInput {
  taskId: string
  organizationCode: string
  period: string
  periodStart?: string | null
  periodEnd?: string | null
  claimedStatus: string
  percent?: number | null
  narrative?: string | null
  completedOn?: string | null
  reportedOn: string
  evidence?: { title: string; uri: string; sha256?: string | null }[]
}

export interface RecordAlignmentReviewInput {
  /** The plan reviewed. */
  documentId: string
  /** The document that gave new direction on one of its parents. */
  newDirectionId: string
  decision: string
  reasons: string
  /** The memo that decided it (e.g. 1408/SKHCN-QLKHCN), if registered. */
  memoId?: string | null
  decidedOn: string
}

export interface VerifyReportInput {
  reportId: string
  expectedVersion: number
  verifierCode: string
  status: string
  verifiedOn: string
  note?: string | null
}

const SHA256_RE = /^[0-9a-f]{64}$/

/** Issue-date order that puts unknown dates first on both stores (their NULL orders differ). */
const byIssueDate = sql<string>`coalesce(document.issued_on, '')`

/**
 * chidao's service: commands that change the cascade and queries that read it.
 *
 * @example
 * const chidao = new Chidao(await openStore(':memory:'))
 * await chidao.registerOrganization({ actor: 'setup' }, { code: 'BCT', name: 'Bộ Chính trị', tier: 'CENTRAL', bloc: 'PARTY', kind: 'POLITBURO' })
 */
export class Chidao {
  readonly store: Store
  readonly #now: () => Date
  readonly #newId: () => string
  /** The transaction of {@link Chidao.transaction}, which every command and query inside it joins. */
  readonly #ambient = new AsyncLocalStorage<Transaction<Database>>()

  constructor(store: Store, options: ChidaoOptions = {}) {
    this.store = store
    this.#now = options.now ?? (() => new Date())
    this.#newId = options.newId ?? randomUUID
  }

  /** The database, or inside {@link Chidao.transaction} its transaction. */
  get db(): Kysely<Database> {
    return this.#ambient.getStore() ?? this.store.db
  }

  /**
   * Runs `work` as one transaction: every command it calls joins it, so that either all of them
   * are written or, if any fails, none.
   *
   * @example
   * await chidao.transaction(async () => {
   *   const doc = await chidao.registerDocument(ctx, input)
   *   await chidao.addTask(ctx, { documentId: doc.id, code: 'I', content: '…' })
   * })
   */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    const outer = this.#ambient.getStore()
    if (outer) return work()
    return this.store.db.transaction().execute((trx) => this.#ambient.run(trx, work))
  }

  /**
   * Records another name of an organisation or group, for the importer. Idempotent for the same
   * body. Errors: UNKNOWN_ORGANIZATION, DUPLICATE_ORGANIZATION (the phrase names another body).
   */
  registerAlias(ctx: CommandContext, input: { code: string; alias: string }): Promise<{ code: string; alias: string }> {
    return this.#command(ctx, 'registerAlias', 'DUPLICATE_ORGANIZATION', async (trx, stamp) => {
      const code = requireText(input.code, 'code', 100)
      const alias = requireText(input.alias, 'alias', 500)
      const aliasKey = keyText(alias)
      if (!aliasKey) throw new DomainError('INVALID_INPUT', 'The alias has no words', { field: ['input', 'alias'] })
      const group = await trx.selectFrom('organizationGroup').select('id').where('code', '=', code).executeTakeFirst()
      const org = group ? null : await this.#orgByCode(trx, code, 'code')
      const existing = await trx.selectFrom('agencyAlias').selectAll().where('aliasKey', '=', aliasKey).executeTakeFirst()
      if (existing) {
        if ((group && existing.groupId === group.id) || (org && existing.organizationId === org.id)) {
          return { entity: 'agencyAlias', entityId: existing.id, before: null, after: null, result: { code, alias: existing.alias } }
        }
        throw new DomainError('DUPLICATE_ORGANIZATION', `"${alias}" already names another organisation or group`, { field: ['input', 'alias'] })
      }
      const row = { id: this.#newId(), alias, aliasKey, organizationId: org?.id ?? null, groupId: group?.id ?? null, createdAt: stamp }
      await trx.insertInto('agencyAlias').values(row).execute()
      return { entity: 'agencyAlias', entityId: row.id, before: null, after: row, result: { code, alias } }
    })
  }

  // ---------------------------------------------------------------- commands

  /** Registers an organisation. Errors: INVALID_INPUT, INVALID_DATE, UNKNOWN_ORGANIZATION (parent), DUPLICATE_ORGANIZATION. */
  registerOrganization(ctx: CommandContext, input: RegisterOrganizationInput): Promise<Organization> {
    return this.#command(ctx, 'registerOrganization', 'DUPLICATE_ORGANIZATION', async (trx, stamp) => {
      const code = requireText(input.code, 'code', 100)
      const row = {
        id: this.#newId(),
        code,
        name: requireText(input.name, 'name', 500),
        shortName: optionalText(input.shortName, 'shortName', 200),
        tier: requireOneOf(input.tier, TIERS, 'tier'),
        kind: requireOneOf(input.kind, ORGANIZATION_KINDS, 'kind'),
        bloc: input.kind === 'TERRITORY' && (input.bloc === undefined || input.bloc === null) ? null : requireOneOf(input.bloc, BLOCS, 'bloc'),
        validFrom: optionalDate(input.validFrom, 'validFrom'),
        validTo: optionalDate(input.validTo, 'validTo'),
      }
      if (row.validFrom && row.validTo && row.validTo < row.validFrom) {
        throw new DomainError('INVALID_DATE', 'validTo is before validFrom', { field: ['input', 'validTo'] })
      }
      const parent = input.parentCode ? await this.#orgByCode(trx, input.parentCode, 'parentCode') : null
      if (parent && tierRank(parent.tier) > tierRank(row.tier)) {
        throw new DomainError('INVALID_INPUT', `A ${row.tier} body cannot sit under a ${parent.tier} body`, { field: ['input', 'parentCode'] })
      }
      if (await this.#findOrgByCode(trx, code)) {
        throw new DomainError('DUPLICATE_ORGANIZATION', `Organization ${code} exists`, { field: ['input', 'code'] })
      }
      const scope = optionalText(input.scope, 'scope', 20) ?? parent?.scope ?? 'VN'
      await trx.insertInto('organization')
        .values({ ...row, parentId: parent?.id ?? null, scope, createdAt: stamp, updatedAt: stamp }).execute()
      await refreshOrganizationDerived(trx, row.id)
      const created = await this.#orgById(trx, row.id)
      return { entity: 'organization', entityId: created.id, before: null, after: created, result: created }
    })
  }

  /** Records that one organisation's duties passed to another from a date. */
  registerSuccession(ctx: CommandContext, input: RegisterSuccessionInput): Promise<Succession> {
    return this.#command(ctx, 'registerSuccession', 'INVALID_INPUT', async (trx, stamp) => {
      const kind = requireOneOf(input.kind, SUCCESSION_KINDS, 'kind')
      const effectiveOn = requireDate(input.effectiveOn, 'effectiveOn')
      const predecessor = await this.#orgByCode(trx, input.predecessorCode, 'predecessorCode')
      const successor = await this.#orgByCode(trx, input.successorCode, 'successorCode')
      if (predecessor.id === successor.id) {
        throw new DomainError('INVALID_INPUT', 'An organization cannot succeed itself', { field: ['input', 'successorCode'] })
      }
      // Duties flow forward only: a succession may not lead back to its predecessor.
      const after = await sql<{ id: string }>`
        with recursive next(id) as (
          select ${successor.id}
          union
          select s.successor_id from succession s join next n on s.predecessor_id = n.id
        )
        select id from next where id = ${predecessor.id}`.execute(trx)
      if (after.rows.length) {
        throw new DomainError('INVALID_INPUT', `${input.successorCode} already succeeds ${input.predecessorCode}: that would be a cycle`, { field: ['input', 'successorCode'] })
      }
      const row = {
        id: this.#newId(), predecessorId: predecessor.id, successorId: successor.id, kind, effectiveOn,
        note: optionalText(input.note, 'note', 1000), createdAt: stamp,
      }
      await trx.insertInto('succession').values(row).execute()
      await refreshObligationSpans(trx, await tasksInvolving(trx, [row.predecessorId, row.successorId]))
      const created = toSuccession(row)
      return { entity: 'succession', entityId: created.id, before: null, after: created, result: created }
    })
  }

  /** Registers a named group of organisations that assignments can name. */
  registerGroup(ctx: CommandContext, input: RegisterGroupInput): Promise<OrganizationGroup> {
    return this.#command(ctx, 'registerGroup', 'DUPLICATE_ORGANIZATION', async (trx, stamp) => {
      const code = requireText(input.code, 'code', 100)
      const within = input.withinCode ? await this.#orgByCode(trx, input.withinCode, 'withinCode') : null
      const members: string[] = []
      for (const memberCode of input.memberCodes ?? []) members.push((await this.#orgByCode(trx, memberCode, 'memberCodes')).id)
      const selector: GroupSelector = {
        ...(within ? { withinId: within.id } : {}),
        ...(input.tiers?.length ? { tiers: input.tiers.map((t) => requireOneOf(t, TIERS, 'tiers')) } : {}),
        ...(input.kinds?.length ? { kinds: input.kinds.map((k) => requireOneOf(k, ORGANIZATION_KINDS, 'kinds')) } : {}),
        ...(input.blocs?.length ? { blocs: input.blocs.map((b) => requireOneOf(b, BLOCS, 'blocs')) } : {}),
        ...(members.length ? { memberIds: members } : {}),
      }
      if (!selector.withinId && !selector.memberIds) {
        throw new DomainError('INVALID_INPUT', 'A group needs withinCode or memberCodes', { field: ['input', 'withinCode'] })
      }
      const existing = await trx.selectFrom('organizationGroup').select('id').where('code', '=', code).executeTakeFirst()
      if (existing) throw new DomainError('DUPLICATE_ORGANIZATION', `Group ${code} exists`, { field: ['input', 'code'] })
      const row = {
        id: this.#newId(), code, name: requireText(input.name, 'name', 500),
        scope: optionalText(input.scope, 'scope', 20) ?? within?.scope ?? 'VN', selector: JSON.stringify(selector), createdAt: stamp,
      }
      await trx.insertInto('organizationGroup').values(row).execute()
      await refreshGroupDerived(trx, row.id)
      const created = toGroup(row)
      return { entity: 'organizationGroup', entityId: created.id, before: null, after: created, result: created }
    })
  }

  /**
   * Registers a document and the documents it implements.
   * Errors: MALFORMED_SYMBOL, ILLEGIBLE_SYMBOL, INVALID_DATE, UNKNOWN_ORGANIZATION, UNKNOWN_DOCUMENT,
   * DUPLICATE_DOCUMENT, LINK_TO_LOWER_TIER.
   */
  registerDocument(ctx: CommandContext, input: RegisterDocumentInput): Promise<Document> {
    return this.#command(ctx, 'registerDocument', 'DUPLICATE_DOCUMENT', async (trx, stamp) => {
      const written = optionalText(input.symbol, 'symbol', 100)
      let parsed
      try {
        parsed = written === null ? null : parseSymbol(written)
      } catch (e) {
        if (e instanceof DomainError) throw new DomainError(e.code, e.message, { field: ['input', 'symbol'], details: { input: written } })
        throw e
      }
      const kind = (input.kind ?? parsed?.kind ?? null) as DocumentKind | null
      if (!isDocumentKind(kind)) {
        throw new DomainError('INVALID_INPUT', 'kind is required (a known kind code) when the symbol does not give it', { field: ['input', 'kind'] })
      }
      const issuedOn = optionalDate(input.issuedOn, 'issuedOn')
      const title = requireText(input.title, 'title', 2000)
      const status = input.status ? requireOneOf(input.status, DOCUMENT_STATUSES, 'status') : 'IN_FORCE'
      const issuer = await this.#orgByCode(trx, input.issuerCode, 'issuerCode')
      const parents = await this.#documentsByIds(trx, input.implements ?? [], 'implements')
      for (const parent of parents) await this.#checkDocumentLink(trx, { tier: issuer.tier }, parent, null)
      if (parsed) {
        const dup = await trx.selectFrom('document').select('id')
          .where('issuerId', '=', issuer.id).where('symbol', '=', parsed.text)
          .where('issuedOn', issuedOn === null ? 'is' : '=', issuedOn).executeTakeFirst()
        if (dup) {
          throw new DomainError('DUPLICATE_DOCUMENT', `${parsed.text} of ${issuer.code} issued ${issuedOn ?? 'on an unknown date'} is already registered`, {
            field: ['input', 'symbol'], details: { documentId: dup.id },
          })
        }
      }
      const row = {
        id: this.#newId(), scope: issuer.scope, kind, symbol: parsed?.text ?? null, symbolWritten: written,
        issuerId: issuer.id, issuedOn, title, status, createdAt: stamp, updatedAt: stamp,
      }
      await trx.insertInto('document').values(row).execute()
      if (parents.length) {
        await trx.insertInto('documentLink').values(parents.map((p) => ({ childId: row.id, parentId: p.id, createdAt: stamp }))).execute()
        await this.#refreshSpansOfDocuments(trx, parents.map((p) => p.id))
      }
      const created = await this.#documentById(trx, row.id)
      return { entity: 'document', entityId: created.id, before: null, after: { ...created, implements: parents.map((p) => p.id) }, result: created }
    })
  }

  /** Adds an implements link between two registered documents. Errors: LINK_TO_LOWER_TIER, LINK_CYCLE. */
  linkDocument(ctx: CommandContext, input: { documentId: string; parentId: string }): Promise<Document> {
    return this.#command(ctx, 'linkDocument', 'INVALID_INPUT', async (trx, stamp) => {
      const child = await this.#documentById(trx, input.documentId, 'documentId')
      const parent = await this.#documentById(trx, input.parentId, 'parentId')
      const issuer = await this.#orgById(trx, child.issuerId)
      await this.#checkDocumentLink(trx, { tier: issuer.tier }, parent, child.id)
      const existing = await trx.selectFrom('documentLink').select('childId')
        .where('childId', '=', child.id).where('parentId', '=', parent.id).executeTakeFirst()
      if (!existing) {
        await trx.insertInto('documentLink').values({ childId: child.id, parentId: parent.id, createdAt: stamp }).execute()
        await this.#refreshSpansOfDocuments(trx, [parent.id])
      }
      return { entity: 'document', entityId: child.id, before: null, after: { implements: parent.id }, result: child }
    })
  }

  /** Changes a document's title or status, if nobody changed it since `expectedVersion`. */
  updateDocument(ctx: CommandContext, input: UpdateDocumentInput): Promise<Document> {
    return this.#command(ctx, 'updateDocument', 'INVALID_INPUT', async (trx, stamp) => {
      const expected = requireVersion(input.expectedVersion)
      const before = await this.#documentById(trx, input.id, 'id')
      const patch = {
        ...(input.title !== undefined ? { title: requireText(input.title, 'title', 2000) } : {}),
        ...(input.status !== undefined ? { status: requireOneOf(input.status, DOCUMENT_STATUSES, 'status') as DocumentStatus } : {}),
      }
      await this.#versionedUpdate(trx, 'document', before.id, expected, before.version, patch, stamp)
      const after = await this.#documentById(trx, before.id)
      return { entity: 'document', entityId: before.id, before, after, result: after }
    })
  }

  /**
   * Adds a task to a document, with its assignments and the parent tasks it implements.
   * Errors: UNKNOWN_DOCUMENT, UNKNOWN_TASK, DUPLICATE_TASK, NOT_AN_ANCESTOR, UNKNOWN_ORGANIZATION.
   */
  addTask(ctx: CommandContext, input: AddTaskInput): Promise<Task> {
    return this.#command(ctx, 'addTask', 'DUPLICATE_TASK', async (trx, stamp) => {
      const document = await this.#documentById(trx, input.documentId, 'documentId')
      const code = requireText(input.code, 'code', 50)
      const content = requireText(input.content, 'content')
      const timePhrase = optionalText(input.timePhrase, 'timePhrase', 2000)
      const output = optionalText(input.output, 'output', 2000)
      const taken = await trx.selectFrom('task').select('id').where('documentId', '=', document.id).where('code', '=', code).executeTakeFirst()
      if (taken) throw new DomainError('DUPLICATE_TASK', `Task ${code} exists in this document`, { field: ['input', 'code'], details: { taskId: taken.id } })
      let parentId: string | null = null
      if (input.parentCode) {
        const parent = await trx.selectFrom('task').select('id')
          .where('documentId', '=', document.id).where('code', '=', input.parentCode).executeTakeFirst()
        if (!parent) throw new DomainError('UNKNOWN_TASK', `No task ${input.parentCode} in this document`, { field: ['input', 'parentCode'] })
        parentId = parent.id
      }
      const implemented = await this.#checkTaskParents(trx, document.id, input.implements ?? [])
      const assignees = []
      for (const [i, a] of (input.assignments ?? []).entries()) assignees.push(await this.#resolveAssignee(trx, a, ['assignments', String(i)]))
      const ordinalRow = await trx.selectFrom('task').select(sql<number>`count(*)`.as('n')).where('documentId', '=', document.id).executeTakeFirstOrThrow()
      const row = {
        id: this.#newId(), scope: document.scope, documentId: document.id, parentId, code, ordinal: Number(ordinalRow.n) + 1,
        content, timePhrase, deadline: JSON.stringify(parseDeadline(timePhrase ?? '', document.issuedOn ? { issuedOn: document.issuedOn } : {})),
        output, state: 'ACTIVE', createdAt: stamp, updatedAt: stamp,
      }
      await trx.insertInto('task').values(row).execute()
      if (implemented.length) {
        await trx.insertInto('taskLink').values(implemented.map((p) => ({ childId: row.id, parentId: p, createdAt: stamp }))).execute()
      }
      for (const [ordinal, a] of assignees.entries()) {
        await trx.insertInto('assignment').values({ id: this.#newId(), taskId: row.id, ordinal, ...a, createdAt: stamp }).execute()
      }
      await refreshTaskDerived(trx, row.id)
      const created = await this.#taskById(trx, row.id)
      const after = { ...created, implements: implemented, assignments: assignees }
      return { entity: 'task', entityId: created.id, before: null, after, result: created }
    })
  }

  /** Records that a task implements a task of an ancestor document. Errors: NOT_AN_ANCESTOR. */
  linkTask(ctx: CommandContext, input: { taskId: string; parentTaskId: string }): Promise<Task> {
    return this.#command(ctx, 'linkTask', 'INVALID_INPUT', async (trx, stamp) => {
      const task = await this.#taskById(trx, input.taskId, 'taskId')
      const [parentId] = await this.#checkTaskParents(trx, task.documentId, [input.parentTaskId], 'parentTaskId')
      const existing = await trx.selectFrom('taskLink').select('childId')
        .where('childId', '=', task.id).where('parentId', '=', parentId!).executeTakeFirst()
      if (!existing) {
        await trx.insertInto('taskLink').values({ childId: task.id, parentId: parentId!, createdAt: stamp }).execute()
        await refreshTaskDerived(trx, task.id)
      }
      return { entity: 'task', entityId: task.id, before: null, after: { implements: parentId }, result: task }
    })
  }

  /** Changes a task's content, time phrase, output or state under optimistic concurrency. */
  updateTask(ctx: CommandContext, input: UpdateTaskInput): Promise<Task> {
    return this.#command(ctx, 'updateTask', 'INVALID_INPUT', async (trx, stamp) => {
      const expected = requireVersion(input.expectedVersion)
      const before = await this.#taskById(trx, input.id, 'id')
      const patch = {
        ...(input.content !== undefined ? { content: requireText(input.content, 'content') } : {}),
        ...(input.timePhrase !== undefined ? await this.#timePhrasePatch(optionalText(input.timePhrase, 'timePhrase', 2000), before.documentId, trx) : {}),
        ...(input.output !== undefined ? { output: optionalText(input.output, 'output', 2000) } : {}),
        ...(input.state !== undefined ? { state: requireOneOf(input.state, TASK_STATES, 'state') } : {}),
      }
      await this.#versionedUpdate(trx, 'task', before.id, expected, before.version, patch, stamp)
      await refreshTaskDerived(trx, before.id)
      const after = await this.#taskById(trx, before.id)
      return { entity: 'task', entityId: before.id, before, after, result: after }
    })
  }

  /** Assigns a task to an organisation or a group as lead or coordinator. */
  assign(ctx: CommandContext, input: AssignInput): Promise<Assignment> {
    return this.#command(ctx, 'assign', 'INVALID_INPUT', async (trx, stamp) => {
      const task = await this.#taskById(trx, input.taskId, 'taskId')
      const assignee = await this.#resolveAssignee(trx, input, [])
      const duplicate = await trx.selectFrom('assignment').select('id').where('taskId', '=', task.id).where('role', '=', assignee.role)
        .where(assignee.organizationId ? 'organizationId' : 'groupId', '=', (assignee.organizationId ?? assignee.groupId)!).executeTakeFirst()
      if (duplicate) throw new DomainError('INVALID_INPUT', 'That assignee already has this role on the task', { field: ['input'] })
      const taken = await trx.selectFrom('assignment').select(sql<number>`count(*)`.as('n')).where('taskId', '=', task.id).executeTakeFirstOrThrow()
      const row = { id: this.#newId(), taskId: task.id, ordinal: Number(taken.n), ...assignee, createdAt: stamp }
      await trx.insertInto('assignment').values(row).execute()
      await refreshObligationSpans(trx, [row.taskId])
      const created = toAssignment(row)
      return { entity: 'assignment', entityId: created.id, before: null, after: created, result: created }
    })
  }

  /** Adds a quantitative target to a document (and optionally one of its tasks). */
  addTarget(ctx: CommandContext, input: AddTargetInput): Promise<Target> {
    return this.#command(ctx, 'addTarget', 'INVALID_INPUT', async (trx, stamp) => {
      const document = await this.#documentById(trx, input.documentId, 'documentId')
      const task = input.taskId ? await this.#taskById(trx, input.taskId, 'taskId') : null
      if (task && task.documentId !== document.id) {
        throw new DomainError('INVALID_INPUT', 'The task belongs to another document', { field: ['input', 'taskId'] })
      }
      if (typeof input.value !== 'number' || !Number.isFinite(input.value)) {
        throw new DomainError('INVALID_INPUT', 'value must be a finite number', { field: ['input', 'value'] })
      }
      const row = {
        id: this.#newId(), scope: document.scope, documentId: document.id, taskId: task?.id ?? null,
        category: optionalText(input.category, 'category', 200), metric: requireText(input.metric, 'metric', 2000),
        unit: optionalText(input.unit, 'unit', 50), comparator: requireOneOf(input.comparator, COMPARATORS, 'comparator'),
        value: input.value, milestoneOn: optionalDate(input.milestoneOn, 'milestoneOn'), createdAt: stamp,
      }
      await trx.insertInto('target').values(row).execute()
      const created = toTarget(row)
      return { entity: 'target', entityId: created.id, before: null, after: created, result: created }
    })
  }

  /** Submits a progress report with its evidence. The claim is kept apart from any verification. */
  submitReport(ctx: CommandContext, input: SubmitReportInput): Promise<Report> {
    return this.#command(ctx, 'submitReport', 'INVALID_INPUT', async (trx, stamp) => {
      const task = await this.#taskById(trx, input.taskId, 'taskId')
      const organization = await this.#orgByCode(trx, input.organizationCode, 'organizationCode')
      const claimedStatus = requireOneOf(input.claimedStatus, CLAIMED_STATUSES, 'claimedStatus')
      const percent = input.percent ?? null
      if (percent !== null && (!Number.isInteger(percent) || percent < 0 || percent > 100)) {
        throw new DomainError('INVALID_INPUT', 'percent must be an integer from 0 to 100', { field: ['input', 'percent'] })
      }
      const reportedOn = requireDate(input.reportedOn, 'reportedOn')
      const completedOn = optionalDate(input.completedOn, 'completedOn')
      if (claimedStatus === 'COMPLETED' && completedOn === null) {
        throw new DomainError('INVALID_INPUT', 'A COMPLETED claim needs completedOn', { field: ['input', 'completedOn'] })
      }
      if (completedOn !== null && completedOn > reportedOn) {
        throw new DomainError('INVALID_DATE', 'completedOn is after reportedOn', { field: ['input', 'completedOn'] })
      }
      const periodStart = optionalDate(input.periodStart, 'periodStart')
      const periodEnd = optionalDate(input.periodEnd, 'periodEnd')
      if (periodStart && periodEnd && periodEnd < periodStart) {
        throw new DomainError('INVALID_DATE', 'periodEnd is before periodStart', { field: ['input', 'periodEnd'] })
      }
      const evidence: Evidence[] = (input.evidence ?? []).map((e, i) => {
        const sha256 = e.sha256 ? e.sha256.toLowerCase() : null
        if (sha256 !== null && !SHA256_RE.test(sha256)) {
          throw new DomainError('INVALID_INPUT', 'sha256 must be 64 hex digits', { field: ['input', 'evidence', String(i), 'sha256'] })
        }
        return { title: requireText(e.title, 'evidence.title', 500), uri: requireText(e.uri, 'evidence.uri', 2000), sha256 }
      })
      const row = {
        id: this.#newId(), scope: organization.scope, taskId: task.id, organizationId: organization.id,
        period: requireOneOf(input.period, REPORT_PERIODS, 'period'), periodStart, periodEnd, claimedStatus, percent,
        narrative: optionalText(input.narrative, 'narrative'), completedOn, reportedOn, verificationStatus: 'PENDING',
        verifierId: null, verifiedOn: null, verificationNote: null, createdAt: stamp, updatedAt: stamp,
      }
      await trx.insertInto('report').values(row).execute()
      await refreshObligationSpans(trx, [task.id])
      if (evidence.length) {
        await trx.insertInto('reportEvidence')
          .values(evidence.map((e, i) => ({ id: this.#newId(), reportId: row.id, ordinal: i, ...e }))).execute()
      }
      const created = await this.#reportById(trx, row.id)
      return { entity: 'report', entityId: created.id, before: null, after: created, result: created }
    })
  }

  /** The supervising organisation accepts or rejects a report. */
  verifyReport(ctx: CommandContext, input: VerifyReportInput): Promise<Report> {
    return this.#command(ctx, 'verifyReport', 'INVALID_INPUT', async (trx, stamp) => {
      const expected = requireVersion(input.expectedVersion)
      const before = await this.#reportById(trx, input.reportId, 'reportId')
      const verifier = await this.#orgByCode(trx, input.verifierCode, 'verifierCode')
      const status = requireOneOf(input.status, VERIFICATION_STATUSES, 'status')
      const verifiedOn = requireDate(input.verifiedOn, 'verifiedOn')
      if (verifiedOn < before.reportedOn) {
        throw new DomainError('INVALID_DATE', 'verifiedOn is before the report was made', { field: ['input', 'verifiedOn'] })
      }
      await this.#versionedUpdate(trx, 'report', before.id, expected, before.version, {
        verificationStatus: status, verifierId: verifier.id, verifiedOn, verificationNote: optionalText(input.note, 'note'),
      }, stamp)
      const after = await this.#reportById(trx, before.id)
      return { entity: 'report', entityId: before.id, before, after, result: after }
    })
  }

  /** Records the decision of an alignment review. Errors: UNKNOWN_DOCUMENT, INVALID_INPUT, INVALID_DATE. */
  recordAlignmentReview(ctx: CommandContext, input: RecordAlignmentReviewInput): Promise<AlignmentReview> {
    return this.#command(ctx, 'recordAlignmentReview', 'INVALID_INPUT', async (trx, stamp) => {
      const document = await this.#documentById(trx, input.documentId, 'documentId')
      const direction = await this.#documentById(trx, input.newDirectionId, 'newDirectionId')
      const memo = input.memoId ? await this.#documentById(trx, input.memoId, 'memoId') : null
      if (direction.id === document.id) {
        throw new DomainError('INVALID_INPUT', 'A plan is not reviewed against itself', { field: ['input', 'newDirectionId'] })
      }
      const row = {
        id: this.#newId(), scope: document.scope, documentId: document.id, newDirectionId: direction.id,
        decision: requireOneOf(input.decision, ALIGNMENT_DECISIONS, 'decision'), reasons: requireText(input.reasons, 'reasons'),
        memoId: memo?.id ?? null, decidedOn: requireDate(input.decidedOn, 'decidedOn'), createdAt: stamp,
      }
      await trx.insertInto('alignmentReview').values(row).execute()
      const created = toAlignmentReview(row)
      return { entity: 'alignmentReview', entityId: created.id, before: null, after: created, result: created }
    })
  }

  // ---------------------------------------------------------------- hierarchy queries

  /** A task's effective deadline (its own, or inherited from the tasks it implements). */
  async effectiveDeadline(taskId: string): Promise<EffectiveDeadline | null> {
    return (await this.effectiveDeadlinesOf([taskId]))[0] ?? null
  }

  /** Effective deadlines of many tasks, in the order asked (null for unknown ids; one query). */
  async effectiveDeadlinesOf(taskIds: readonly string[]): Promise<(EffectiveDeadline | null)[]> {
    if (!taskIds.length) return []
    const rows = await this.db.selectFrom('taskEffective').selectAll().where('taskId', 'in', [...new Set(taskIds)]).execute()
    return inOrderAsked(taskIds, rows, (r) => r.taskId, (r): EffectiveDeadline => ({
      taskId: r.taskId, source: r.source as EffectiveDeadline['source'], fromTaskId: r.fromTaskId, dueDate: r.dueDate,
      effectiveDueDate: r.effectiveDueDate, startDate: r.startDate, recurrence: r.recurrence as Recurrence | null, condition: r.condition,
    }))
  }

  /** The recorded violations of a task (DEADLINE_AFTER_PARENT), per parent task. */
  async violationsOf(taskId: string): Promise<DeadlineViolation[]> {
    return (await this.violationsOfTasks([taskId])).get(taskId) ?? []
  }

  /** Violations of many tasks at once, by task id (one query). */
  async violationsOfTasks(taskIds: readonly string[]): Promise<Map<string, DeadlineViolation[]>> {
    const rows = taskIds.length
      ? await this.db.selectFrom('taskViolation').selectAll().where('taskId', 'in', [...new Set(taskIds)]).orderBy('taskId').orderBy('parentTaskId').execute()
      : []
    return groupedByTask(taskIds, rows, (r): DeadlineViolation => ({
      code: 'DEADLINE_AFTER_PARENT', taskId: r.taskId, parentTaskId: r.parentTaskId, dueDate: r.dueDate, parentDueDate: r.parentDueDate,
    }))
  }

  /** Every obligation of a scope with its status on a date (group fan-out and successions applied). */
  obligations(scope: ScorecardScope, asOf: CalendarDate): Promise<ObligationStatusRow[]> {
    return obligationStatuses(this.db, requireDate(asOf, 'asOf'), scope)
  }

  /** A task's status on a date, rolled up from its lead obligations (all obligations when it has no lead). */
  async taskStatus(taskId: string, asOf: CalendarDate): Promise<{ status: TaskStatus; obligations: ObligationStatusRow[] }> {
    const rows = (await obligationStatuses(this.db, requireDate(asOf, 'asOf'), { taskId })).filter((r) => r.taskId === taskId)
    return { status: taskStatusOfObligations(rows), obligations: rows }
  }

  /** Counts, rates and the longest-overdue obligations of a scope on a date. */
  async scorecard(scope: ScorecardScope, asOf: CalendarDate, overdueLimit = 20): Promise<ScorecardCounts & { overdue: ObligationStatusRow[] }> {
    const date = requireDate(asOf, 'asOf')
    const [counts, overdue] = await Promise.all([
      scorecardCounts(this.db, date, scope), overdueObligations(this.db, date, scope, { limit: overdueLimit }),
    ])
    return { ...counts, overdue }
  }

  /** Counts of a scope's obligations by status on a date, with the rates (one query). */
  scorecardCounts(scope: ScorecardScope, asOf: CalendarDate): Promise<ScorecardCounts> {
    return scorecardCounts(this.db, requireDate(asOf, 'asOf'), scope)
  }

  /**
   * A page of a scope's overdue obligations on a date: the longest overdue first (`order: 'due'`,
   * the default) or those most tasks in lower plans depend on first (`'dependents'`). The count of
   * all of them is the scorecard's OVERDUE count.
   */
  overdueObligations(
    scope: ScorecardScope, asOf: CalendarDate, page: { offset?: number; limit?: number; order?: 'due' | 'dependents' } = {},
  ): Promise<(ObligationStatusRow & { dependentTasks: number })[]> {
    return overdueObligations(this.db, requireDate(asOf, 'asOf'), scope, page)
  }

  /** Overdue obligations of a scope ranked by how many tasks in lower plans depend on them. */
  bottlenecks(scope: ScorecardScope, asOf: CalendarDate, limit = 20): Promise<(ObligationStatusRow & { dependentTasks: number })[]> {
    return this.overdueObligations(scope, asOf, { limit, order: 'dependents' })
  }

  /**
   * Coverage of a plan: tasks of the documents it implements owed by its issuer (or a body above
   * it) on its issue date, that none of its tasks implements.
   */
  async uncoveredParentTasks(planId: string): Promise<UncoveredParentTask[]> {
    const plan = await this.#documentById(this.db, planId, 'planId')
    const asOf = plan.issuedOn ?? '9999-12-31'
    const above = new Set((await this.db.selectFrom('organizationClosure').select('ancestorId').where('descendantId', '=', plan.issuerId).execute()).map((r) => r.ancestorId))
    const covered = new Set((await this.db.selectFrom('taskLink').innerJoin('task', 'task.id', 'taskLink.childId')
      .select('taskLink.parentId').where('task.documentId', '=', planId).execute()).map((r) => r.parentId))
    const out: UncoveredParentTask[] = []
    for (const parent of await this.parentsOf(planId)) {
      const owed = new Set((await obligationStatuses(this.db, asOf, { documentId: parent.id, cascade: false }))
        .filter((r) => above.has(r.organizationId)).map((r) => r.taskId))
      for (const task of await this.tasksOf(parent.id)) {
        if (owed.has(task.id) && !covered.has(task.id)) out.push({ code: 'UNCOVERED_PARENT_TASK', planId, parentDocumentId: parent.id, parentTaskId: task.id })
      }
    }
    return out
  }

  /**
   * Plans that new direction asks to review: lower-tier plans (KH, CTr, QĐ, ĐA) implementing a
   * document that a later, higher-tier document also implements, with no review recorded yet.
   */
  async plansNeedingReview(): Promise<ReviewNeeded[]> {
    const rank = (alias: string) => sql.raw(`case ${alias}.tier when 'CENTRAL' then 0 when 'PROVINCE' then 1 when 'DISTRICT' then 2 when 'COMMUNE' then 3 else 4 end`)
    const result = await sql<{ documentId: string; newDirectionId: string; parentId: string }>`
      select distinct plan.id as document_id, dir.id as new_direction_id, l1.parent_id
      from document dir
      join document_link l1 on l1.child_id = dir.id
      join document_link l2 on l2.parent_id = l1.parent_id
      join document plan on plan.id = l2.child_id
      join organization od on od.id = dir.issuer_id
      join organization op on op.id = plan.issuer_id
      where dir.issued_on is not null and plan.id <> dir.id and plan.kind in ('KH', 'CTr', 'QĐ', 'ĐA')
        and (plan.issued_on is null or plan.issued_on < dir.issued_on)
        and ${rank('op')} > ${rank('od')}
        and not exists (select 1 from alignment_review r where r.document_id = plan.id and r.new_direction_id = dir.id)
      order by dir.id, plan.id, l1.parent_id`.execute(this.db)
    return result.rows
  }

  /** Every document below a document (implementing it, directly or through others). */
  async cascadeBelow(documentId: string): Promise<Document[]> {
    const result = await sql<{ id: string }>`
      with recursive below(id) as (
        select l.child_id from document_link l where l.parent_id = ${documentId}
        union
        select l.child_id from document_link l join below b on l.parent_id = b.id
      )
      select id from below`.execute(this.db)
    const ids = result.rows.map((r) => r.id)
    if (!ids.length) return []
    const rows = await this.db.selectFrom('document').selectAll().where('id', 'in', ids).orderBy(byIssueDate).orderBy('document.id').execute()
    return rows.map(toDocument)
  }

  // ---------------------------------------------------------------- queries

  /** Alignment reviews of a plan, oldest first. */
  async alignmentReviewsOf(documentId: string): Promise<AlignmentReview[]> {
    const rows = await this.db.selectFrom('alignmentReview').selectAll().where('documentId', '=', documentId)
      .orderBy('decidedOn').orderBy('id').execute()
    return rows.map(toAlignmentReview)
  }

  /** The organisation with this code, or null. */
  async organizationByCode(code: string): Promise<Organization | null> {
    return this.#findOrgByCode(this.db, code)
  }

  /** Organisations by id, in the order asked (null for unknown ids). */
  async organizationsByIds(ids: readonly string[]): Promise<(Organization | null)[]> {
    if (!ids.length) return []
    const rows = await this.db.selectFrom('organization').selectAll().where('id', 'in', [...new Set(ids)]).execute()
    return inOrderAsked(ids, rows, (r) => r.id, toOrganization)
  }

  /** The group with this code, or null. */
  async groupByCode(code: string): Promise<OrganizationGroup | null> {
    const row = await this.db.selectFrom('organizationGroup').selectAll().where('code', '=', code).executeTakeFirst()
    return row ? toGroup(row) : null
  }

  /**
   * The document with this natural key: issuer, symbol (any accepted spelling) and issue date; for
   * a document without a legible symbol, issuer, issue date and title.
   */
  async documentByKey(key: { issuerCode: string; symbol: string | null; issuedOn: CalendarDate | null; title?: string }): Promise<Document | null> {
    const issuer = await this.#findOrgByCode(this.db, key.issuerCode)
    if (!issuer) return null
    let q = this.db.selectFrom('document').selectAll().where('issuerId', '=', issuer.id)
      .where('issuedOn', key.issuedOn === null ? 'is' : '=', key.issuedOn)
    if (key.symbol !== null) q = q.where('symbol', '=', parseSymbol(key.symbol).text)
    else q = q.where('symbol', 'is', null).where('title', '=', (key.title ?? '').normalize('NFC'))
    const row = await q.executeTakeFirst()
    return row ? toDocument(row) : null
  }

  /** Groups by id, in the order asked (null for unknown ids). */
  async groupsByIds(ids: readonly string[]): Promise<(OrganizationGroup | null)[]> {
    if (!ids.length) return []
    const rows = await this.db.selectFrom('organizationGroup').selectAll().where('id', 'in', [...new Set(ids)]).execute()
    return inOrderAsked(ids, rows, (r) => r.id, toGroup)
  }

  /** Successions from or to an organisation. */
  async successionsOf(organizationId: string): Promise<Succession[]> {
    const rows = await this.db.selectFrom('succession').selectAll()
      .where((eb) => eb.or([eb('predecessorId', '=', organizationId), eb('successorId', '=', organizationId)]))
      .orderBy('effectiveOn').execute()
    return rows.map(toSuccession)
  }

  /** Documents with this symbol (any spelling the parser accepts), optionally on one issue date. */
  async documentsBySymbol(symbol: string, issuedOn?: CalendarDate): Promise<Document[]> {
    const canonical = parseSymbol(symbol).text
    let q = this.db.selectFrom('document').selectAll().where('symbol', '=', canonical)
    if (issuedOn) q = q.where('issuedOn', '=', issuedOn)
    return (await q.orderBy(byIssueDate).orderBy('document.id').execute()).map(toDocument)
  }

  /** Documents by id, in the order asked (null for unknown ids; one query). */
  async documentsByIds(ids: readonly string[]): Promise<(Document | null)[]> {
    if (!ids.length) return []
    const rows = await this.db.selectFrom('document').selectAll().where('id', 'in', [...new Set(ids)]).execute()
    return inOrderAsked(ids, rows, (r) => r.id, toDocument)
  }

  /**
   * A page of documents, newest first, optionally of one issuer or kind.
   *
   * @example
   * await chidao.listDocuments({ issuerCode: 'QNG.UBND', offset: 0, limit: 20 })
   */
  async listDocuments(filter: { issuerCode?: string | null; kind?: string | null; offset: number; limit: number }): Promise<{ items: Document[]; total: number }> {
    let issuerId: string | null = null
    if (filter.issuerCode) {
      const org = await this.#findOrgByCode(this.db, filter.issuerCode)
      if (!org) return { items: [], total: 0 }
      issuerId = org.id
    }
    let q = this.db.selectFrom('document')
    if (issuerId) q = q.where('issuerId', '=', issuerId)
    if (filter.kind) q = q.where('kind', '=', filter.kind)
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy(sql`coalesce(document.issued_on, '')`, 'desc').orderBy('document.id').offset(filter.offset).limit(filter.limit).execute(),
      q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    ])
    return { items: rows.map(toDocument), total: Number(total.n) }
  }

  /** The document with this id, or null. */
  async documentById(id: string): Promise<Document | null> {
    const row = await this.db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst()
    return row ? toDocument(row) : null
  }

  /** The documents a document implements (its direct parents). */
  async parentsOf(documentId: string): Promise<Document[]> {
    const rows = await this.db.selectFrom('documentLink').innerJoin('document', 'document.id', 'documentLink.parentId')
      .selectAll('document').where('documentLink.childId', '=', documentId).orderBy(byIssueDate).orderBy('document.id').execute()
    return rows.map(toDocument)
  }

  /** The documents that implement a document (its direct children). */
  async childrenOf(documentId: string): Promise<Document[]> {
    const rows = await this.db.selectFrom('documentLink').innerJoin('document', 'document.id', 'documentLink.childId')
      .selectAll('document').where('documentLink.parentId', '=', documentId).orderBy(byIssueDate).orderBy('document.id').execute()
    return rows.map(toDocument)
  }

  /** Ids of every document a document implements, directly or through others. */
  async ancestorIdsOf(documentId: string): Promise<string[]> {
    return this.#ancestorIds(this.db, documentId)
  }

  /** The task with this id, or null. */
  async taskById(id: string): Promise<Task | null> {
    return (await this.tasksByIds([id]))[0] ?? null
  }

  /** Tasks by id, in the order asked (null for unknown ids; one query). */
  async tasksByIds(ids: readonly string[]): Promise<(Task | null)[]> {
    if (!ids.length) return []
    const rows = await this.db.selectFrom('task').selectAll().where('id', 'in', [...new Set(ids)]).execute()
    return inOrderAsked(ids, rows, (r) => r.id, toTask)
  }

  /** A document's tasks in plan order. */
  async tasksOf(documentId: string): Promise<Task[]> {
    const rows = await this.db.selectFrom('task').selectAll().where('documentId', '=', documentId).orderBy('ordinal').execute()
    return rows.map(toTask)
  }

  /**
   * A page of the tasks an organisation owes on a date (group fan-out and successions applied),
   * optionally in one role and with its own obligation in one status, in plan order (the plan's
   * issue date, then the task's place in it). Filtered, counted and paged in SQL.
   *
   * @example
   * const { items, total } = await chidao.tasksOwedBy({ organizationId: skhcn.id, role: 'LEAD' }, '2025-12-31', { status: 'OVERDUE', offset: 0, limit: 20 })
   */
  async tasksOwedBy(
    scope: { organizationId: string; role?: AssignmentRole }, asOf: CalendarDate,
    page: { status?: TaskStatus | null; offset: number; limit: number },
  ): Promise<{ items: Task[]; total: number }> {
    const { taskIds, total } = await owedTaskPage(this.db, requireDate(asOf, 'asOf'), scope, page)
    return { items: (await this.tasksByIds(taskIds)).filter((t) => t !== null), total }
  }

  /** Ids of the tasks in lower plans that implement a task directly. */
  async childTaskIdsOf(taskId: string): Promise<string[]> {
    return (await this.taskLinksOf([taskId], 'children')).get(taskId) ?? []
  }

  /** Ids of the tasks a task implements. */
  async parentTaskIdsOf(taskId: string): Promise<string[]> {
    return (await this.taskLinksOf([taskId], 'parents')).get(taskId) ?? []
  }

  /**
   * Task links of many tasks at once (one query): the tasks in lower plans implementing each
   * (`children`), or the tasks each implements (`parents`), by task id.
   */
  async taskLinksOf(taskIds: readonly string[], direction: 'children' | 'parents'): Promise<Map<string, string[]>> {
    const [self, other] = direction === 'children' ? ['parentId', 'childId'] as const : ['childId', 'parentId'] as const
    const rows = taskIds.length
      ? await this.db.selectFrom('taskLink').select(['parentId', 'childId']).where(self, 'in', [...new Set(taskIds)]).orderBy(self).orderBy(other).execute()
      : []
    return groupBy(taskIds, rows, (r) => r[self], (r) => r[other])
  }

  /** Organisations directly under an organisation. */
  async membersOf(organizationId: string): Promise<Organization[]> {
    const rows = await this.db.selectFrom('organization').selectAll().where('parentId', '=', organizationId).orderBy('code').execute()
    return rows.map(toOrganization)
  }

  /** Assignments of many tasks at once, by task id (one query). */
  async assignmentsOfTasks(taskIds: readonly string[]): Promise<Map<string, Assignment[]>> {
    const rows = taskIds.length
      ? await this.db.selectFrom('assignment').selectAll().where('taskId', 'in', [...new Set(taskIds)]).orderBy('taskId').orderBy('ordinal').execute()
      : []
    return groupedByTask(taskIds, rows, toAssignment)
  }

  /** A task's assignments. */
  async assignmentsOf(taskId: string): Promise<Assignment[]> {
    return (await this.assignmentsOfTasks([taskId])).get(taskId) ?? []
  }

  /** A document's targets. */
  async targetsOf(documentId: string): Promise<Target[]> {
    const rows = await this.db.selectFrom('target').selectAll().where('documentId', '=', documentId)
      .orderBy('milestoneOn').orderBy('metric').execute()
    return rows.map(toTarget)
  }

  /** Targets tied to many tasks at once, by task id (one query). */
  async targetsOfTasks(taskIds: readonly string[]): Promise<Map<string, Target[]>> {
    const rows = taskIds.length
      ? await this.db.selectFrom('target').selectAll().where('taskId', 'in', [...new Set(taskIds)]).orderBy('milestoneOn').orderBy('metric').execute()
      : []
    return groupBy(taskIds, rows, (r) => r.taskId ?? '', toTarget)
  }

  /** Reports on a task, oldest first. */
  async reportsOf(taskId: string): Promise<Report[]> {
    return (await this.reportsOfTasks([taskId])).get(taskId) ?? []
  }

  /** Reports on many tasks at once, oldest first, by task id (two queries: reports, then their evidence). */
  async reportsOfTasks(taskIds: readonly string[]): Promise<Map<string, Report[]>> {
    const rows = taskIds.length
      ? await this.db.selectFrom('report').selectAll().where('taskId', 'in', [...new Set(taskIds)]).orderBy('reportedOn').orderBy('createdAt').execute()
      : []
    const reports = await this.#withEvidence(this.db, rows)
    return groupedByTask(taskIds, reports, (r) => r)
  }

  /** The audit trail of one entity, oldest first. */
  async auditTrail(entity: string, entityId: string): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('auditLog').selectAll().where('entity', '=', entity).where('entityId', '=', entityId)
      .orderBy('at').orderBy('id').execute()
    return rows.map(toAuditEntry)
  }

  // ---------------------------------------------------------------- import

  /** The organisations, groups, aliases and documents the importer matches against. */
  importCatalog(): Promise<ImportCatalog> {
    return importCatalog(this)
  }

  /** Reads a plan's text against the store, writing nothing. See {@link importPlan}. */
  previewImport(text: string, options: ImportPlanOptions = {}): Promise<PlanPreview> {
    return previewImport(this, text, options)
  }

  /**
   * Imports a plan's text: reads it and, unless `dryRun`, writes its document, links, tasks,
   * assignments and targets in one transaction; importing it again writes nothing new.
   *
   * @example
   * const { preview, created } = await chidao.importPlan({ actor: 'xa.thientin' }, text)
   */
  importPlan(ctx: CommandContext, text: string, options: ImportOptions = {}): Promise<ImportResult> {
    return commitImport(this, ctx, text, options)
  }

  /** The files each document was imported from (`importPlan`'s `source`), oldest first. */
  documentSources(documentIds: readonly string[]): Promise<Map<string, DocumentSourceRecord[]>> {
    return documentSourcesOf(this.db, documentIds)
  }

  // ---------------------------------------------------------------- internals

  /** A changed time phrase and its parse, against the issue date of the task's document. */
  async #timePhrasePatch(timePhrase: string | null, documentId: string, db: Db): Promise<{ timePhrase: string | null; deadline: string }> {
    const document = await this.#documentById(db, documentId)
    return { timePhrase, deadline: JSON.stringify(parseDeadline(timePhrase ?? '', document.issuedOn ? { issuedOn: document.issuedOn } : {})) }
  }

  /** Runs one command in one transaction and appends its audit entry. */
  async #command<T>(
    ctx: CommandContext,
    command: string,
    duplicateCode: DomainErrorCode,
    body: (trx: Transaction<Database>, stamp: string) => Promise<{ entity: string; entityId: string; before: unknown; after: unknown; result: T }>,
  ): Promise<T> {
    const actor = requireText(ctx?.actor, 'actor', 200)
    const outer = this.#ambient.getStore()
    try {
      const run = async (trx: Transaction<Database>) => {
        const stamp = this.#now().toISOString()
        const outcome = await body(trx, stamp)
        await trx.insertInto('auditLog').values({
          id: this.#newId(), at: stamp, actor, command, entity: outcome.entity, entityId: outcome.entityId,
          before: outcome.before === null ? null : JSON.stringify(outcome.before),
          after: outcome.after === null ? null : JSON.stringify(outcome.after),
        }).execute()
        return outcome.result
      }
      return outer ? await run(outer) : await this.store.db.transaction().execute(run)
    } catch (error) {
      // A concurrent writer won the race for a natural key that validation saw free.
      if (isUniqueViolation(error)) throw new DomainError(duplicateCode, `${command}: conflicts with an existing record`, { cause: error })
      throw error
    }
  }

  /** A new plan below these documents may fulfil their tasks that order plans. */
  async #refreshSpansOfDocuments(db: Db, documentIds: readonly string[]): Promise<void> {
    if (!documentIds.length) return
    const tasks = await db.selectFrom('task').select('id').where('documentId', 'in', [...documentIds]).execute()
    await refreshObligationSpans(db, tasks.map((t) => t.id))
  }

  async #versionedUpdate(
    trx: Transaction<Database>, table: 'document' | 'task' | 'report', id: string, expected: number, current: number,
    patch: Record<string, unknown>, stamp: string,
  ): Promise<void> {
    if (expected !== current) {
      throw new DomainError('VERSION_CONFLICT', `${table} ${id} is at version ${current}, not ${expected}`, {
        field: ['input', 'expectedVersion'], details: { currentVersion: current },
      })
    }
    const result = await trx.updateTable(table)
      .set({ ...patch, version: sql<number>`version + 1`, updatedAt: stamp } as never)
      .where('id', '=', id).where('version', '=', expected).executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) {
      throw new DomainError('VERSION_CONFLICT', `${table} ${id} changed while this command ran`, { field: ['input', 'expectedVersion'] })
    }
  }

  async #findOrgByCode(db: Db, code: string): Promise<Organization | null> {
    const row = await db.selectFrom('organization').selectAll().where('code', '=', code).executeTakeFirst()
    return row ? toOrganization(row) : null
  }

  async #orgByCode(db: Db, code: unknown, field: string): Promise<Organization> {
    const text = requireText(code, field, 100)
    const org = await this.#findOrgByCode(db, text)
    if (!org) throw new DomainError('UNKNOWN_ORGANIZATION', `No organization with code ${text}`, { field: ['input', field] })
    return org
  }

  async #orgById(db: Db, id: string): Promise<Organization> {
    const row = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    return toOrganization(row)
  }

  async #documentById(db: Db, id: unknown, field = 'id'): Promise<Document> {
    const row = typeof id === 'string' ? await db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst() : undefined
    if (!row) throw new DomainError('UNKNOWN_DOCUMENT', `No document ${String(id)}`, { field: ['input', field] })
    return toDocument(row)
  }

  async #documentsByIds(db: Db, ids: readonly string[], field: string): Promise<Document[]> {
    const out: Document[] = []
    for (const id of new Set(ids)) out.push(await this.#documentById(db, id, field))
    return out
  }

  async #taskById(db: Db, id: unknown, field = 'id'): Promise<Task> {
    const row = typeof id === 'string' ? await db.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirst() : undefined
    if (!row) throw new DomainError('UNKNOWN_TASK', `No task ${String(id)}`, { field: ['input', field] })
    return toTask(row)
  }

  async #reportById(db: Db, id: unknown, field = 'id'): Promise<Report> {
    const row = typeof id === 'string' ? await db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst() : undefined
    if (!row) throw new DomainError('UNKNOWN_REPORT', `No report ${String(id)}`, { field: ['input', field] })
    return (await this.#withEvidence(db, [row]))[0]!
  }

  /** Reports from their rows, with their evidence in its order (one query for all of them). */
  async #withEvidence(db: Db, rows: readonly Selectable<ReportTable>[]): Promise<Report[]> {
    const evidence = rows.length
      ? await db.selectFrom('reportEvidence').select(['reportId', 'title', 'uri', 'sha256']).where('reportId', 'in', rows.map((r) => r.id)).orderBy('reportId').orderBy('ordinal').execute()
      : []
    const evidenceOf = groupBy(rows.map((r) => r.id), evidence, (e) => e.reportId, ({ title, uri, sha256 }): Evidence => ({ title, uri, sha256 }))
    return rows.map((r) => toReport(r, evidenceOf.get(r.id) ?? []))
  }

  /** Every document `documentId` implements, transitively (recursive CTE, same SQL on both stores). */
  async #ancestorIds(db: Db, documentId: string): Promise<string[]> {
    const result = await sql<{ id: string }>`
      with recursive ancestor(id) as (
        select parent_id from document_link where child_id = ${documentId}
        union
        select l.parent_id from document_link l join ancestor a on l.child_id = a.id
      )
      select id from ancestor`.execute(db)
    return result.rows.map((r) => r.id)
  }

  /** Refuses a link that points to a lower tier or closes a cycle. */
  async #checkDocumentLink(db: Db, child: { tier: Organization['tier'] }, parent: Document, childId: string | null): Promise<void> {
    const parentIssuer = await this.#orgById(db, parent.issuerId)
    if (tierRank(parentIssuer.tier) > tierRank(child.tier)) {
      throw new DomainError('LINK_TO_LOWER_TIER', `A ${child.tier} document cannot implement ${parent.symbol ?? parent.title} of the ${parentIssuer.tier} tier`, {
        field: ['input', 'implements'], details: { parentId: parent.id },
      })
    }
    if (childId !== null && (parent.id === childId || (await this.#ancestorIds(db, parent.id)).includes(childId))) {
      throw new DomainError('LINK_CYCLE', `${parent.symbol ?? parent.title} already implements this document`, {
        field: ['input', 'parentId'], details: { parentId: parent.id },
      })
    }
  }

  /** Checks that each parent task lies in an ancestor document of `documentId`; returns their ids. */
  async #checkTaskParents(db: Db, documentId: string, parentIds: readonly string[], field = 'implements'): Promise<string[]> {
    if (!parentIds.length) return []
    const ancestors = new Set(await this.#ancestorIds(db, documentId))
    const out: string[] = []
    for (const id of new Set(parentIds)) {
      const parent = await this.#taskById(db, id, field)
      if (!ancestors.has(parent.documentId)) {
        throw new DomainError('NOT_AN_ANCESTOR', `Task ${parent.code} is not in a document this one implements`, {
          field: ['input', field], details: { parentTaskId: parent.id, parentDocumentId: parent.documentId },
        })
      }
      out.push(parent.id)
    }
    return out
  }

  async #resolveAssignee(db: Db, input: Omit<AssignInput, 'taskId'>, path: string[]) {
    const role: AssignmentRole = requireOneOf(input.role, ASSIGNMENT_ROLES, [...path, 'role'].join('.'))
    const note = optionalText(input.note, 'note', 1000)
    if (Boolean(input.organizationCode) === Boolean(input.groupCode)) {
      throw new DomainError('INVALID_INPUT', 'Give exactly one of organizationCode and groupCode', { field: ['input', ...path, 'organizationCode'] })
    }
    if (input.organizationCode) {
      const org = await this.#orgByCode(db, input.organizationCode, [...path, 'organizationCode'].join('.'))
      return { role, organizationId: org.id, groupId: null, note }
    }
    const group = await db.selectFrom('organizationGroup').select('id').where('code', '=', input.groupCode!).executeTakeFirst()
    if (!group) throw new DomainError('UNKNOWN_ORGANIZATION', `No group with code ${input.groupCode}`, { field: ['input', ...path, 'groupCode'] })
    return { role, organizationId: null, groupId: group.id, note }
  }
}

/** Rows found by key, in the order asked, null where none was found. */
function inOrderAsked<R, T>(ids: readonly string[], rows: readonly R[], key: (r: R) => string, to: (r: R) => T): (T | null)[] {
  const byId = new Map(rows.map((r) => [key(r), to(r)]))
  return ids.map((id) => byId.get(id) ?? null)
}

/** Rows grouped under the ids asked (every id present, empty when it has none), in row order. */
function groupBy<R, T>(ids: readonly string[], rows: readonly R[], key: (r: R) => string, to: (r: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>(ids.map((id) => [id, []]))
  for (const r of rows) out.get(key(r))?.push(to(r))
  return out
}

function groupedByTask<R extends { taskId: string }, T>(ids: readonly string[], rows: readonly R[], to: (r: R) => T): Map<string, T[]> {
  return groupBy(ids, rows, (r) => r.taskId, to)
}
