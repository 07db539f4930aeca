/**
 * Mutations: domain verbs over core's commands, one input each, answering with a payload and
 * `userErrors`. A missing or bad API key is a top-level UNAUTHENTICATED error; a key without the
 * role, or acting outside its organisation, gets a FORBIDDEN user error; nothing is written then.
 */
import { DomainError, hasRole, isDomainError, mayActFor, type ApiKeyRole } from '@chidao/core'
import { GraphQLError } from 'graphql'
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql'
import type { Context } from '../context.js'
import { DocumentType, OrganizationType, TaskType } from '../types/domain.type.js'
import {
  AlignmentReviewRecordInput, DocumentLinkInput, DocumentUpdateInput, GroupRegisterInput, OrganizationPayload, OrganizationRegisterInput,
  TargetAddInput, TaskUpdateInput, DocumentPayload, DocumentRegisterInput, RecordPayload, ReportPayload, ReportSubmitInput, ReportType,
  ReportVerifyInput, SuccessionRegisterInput, TaskAddInput, TaskAssignInput, TaskLinkInput, TaskPayload, UserError,
} from '../types/mutation.type.js'
import { ImportPlanInput, ImportPlanPayload } from '../types/import.type.js'
import { fromGlobalId } from '../types/relay.js'

type Outcome<T> = { value: T | null; userErrors: UserError[] }

/** The target of a write with no parent body: only a national key (no organisation) may make one. */
const TOP_LEVEL = '(top level)'

function userError(field: readonly string[] | null, message: string, code: string): UserError {
  return Object.assign(new UserError(), { field: field ? [...field] : null, message, code })
}

/** The raw id of a global ID of the expected type, or INVALID_INPUT. */
function raw(globalId: string, type: string, field: string): string {
  try {
    const decoded = fromGlobalId(globalId)
    if (decoded.type === type) return decoded.id
  } catch {
    // fall through
  }
  throw new DomainError('INVALID_INPUT', `${field} is not a ${type} ID`, { field: ['input', field] })
}

async function guarded<T>(ctx: Context, role: ApiKeyRole, target: () => Promise<string | null>, command: (actor: string) => Promise<T>): Promise<Outcome<T>> {
  if (ctx.badKey) throw new GraphQLError('The API key is unknown or revoked', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } })
  const grant = ctx.grant
  if (!grant) throw new GraphQLError('Writes need an API key (Authorization: Bearer …)', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } })
  try {
    if (!hasRole(grant, role)) return { value: null, userErrors: [userError(null, `This needs a ${role} key; this key is ${grant.role}`, 'FORBIDDEN')] }
    const organizationId = await target()
    if (organizationId !== null && !(await mayActFor(ctx.chidao.db, grant, organizationId))) {
      return { value: null, userErrors: [userError(null, 'This key may not act for that organisation (only its own and those below it)', 'FORBIDDEN')] }
    }
    return { value: await command(`key:${grant.keyId}`), userErrors: [] }
  } catch (e) {
    if (isDomainError(e)) return { value: null, userErrors: [userError(e.field ?? null, e.message, e.code)] }
    throw e
  }
}

@Resolver()
export class MutationResolver {
  async #orgOf(ctx: Context, code: string): Promise<string | null> {
    return (await ctx.chidao.organizationByCode(code))?.id ?? null
  }

  async #issuerOfTask(ctx: Context, taskId: string): Promise<string | null> {
    const task = await ctx.chidao.taskById(taskId)
    return task ? (await ctx.chidao.documentById(task.documentId))?.issuerId ?? null : null
  }

  @Mutation(() => ImportPlanPayload, {
    description: 'Imports a plan from its text: header, implements links, tasks with agencies and deadlines, targets, in one transaction; '
      + 'importing it again writes nothing new. With dryRun, only reads and reports. Every phrase it could not read or match is a warning.',
  })
  async importPlan(@Arg('input', () => ImportPlanInput) input: ImportPlanInput, @Ctx() ctx: Context): Promise<ImportPlanPayload> {
    const resolutions = Object.fromEntries((input.resolutions ?? []).map((r) => [r.phrase, r.code]))
    const out = await guarded(ctx, 'EDITOR', async () => {
      const issuer = (await ctx.chidao.previewImport(input.text, { resolutions })).header.issuer
      return issuer?.code && issuer.kind === 'ORGANIZATION' ? this.#orgOf(ctx, issuer.code) : null
    }, (actor) => ctx.chidao.importPlan({ actor }, input.text, { dryRun: input.dryRun, resolutions, source: ctx.importSource }))
    return ImportPlanPayload.of(out.value, out.userErrors, input.dryRun)
  }

  @Mutation(() => DocumentPayload, { description: 'Registers a document and the documents it implements.' })
  async documentRegister(@Arg('input', () => DocumentRegisterInput) input: DocumentRegisterInput, @Ctx() ctx: Context): Promise<DocumentPayload> {
    const out = await guarded(ctx, 'EDITOR', () => this.#orgOf(ctx, input.issuerCode), (actor) => ctx.chidao.registerDocument({ actor }, {
      symbol: input.symbol ?? null, kind: input.kind ?? null, issuerCode: input.issuerCode, issuedOn: input.issuedOn ?? null, title: input.title,
      implements: (input.implements ?? []).map((id) => raw(id, 'Document', 'implements')),
    }))
    return Object.assign(new DocumentPayload(), { document: out.value ? DocumentType.of(out.value) : null, userErrors: out.userErrors })
  }

  @Mutation(() => TaskPayload, { description: 'Adds a task to a plan, with its assignments and the parent tasks it implements.' })
  async taskAdd(@Arg('input', () => TaskAddInput) input: TaskAddInput, @Ctx() ctx: Context): Promise<TaskPayload> {
    const out = await guarded(ctx, 'EDITOR', async () => {
      const doc = await ctx.chidao.documentById(raw(input.documentId, 'Document', 'documentId'))
      return doc?.issuerId ?? null
    }, (actor) => ctx.chidao.addTask({ actor }, {
      documentId: raw(input.documentId, 'Document', 'documentId'), code: input.code, parentCode: input.parentCode ?? null, content: input.content,
      timePhrase: input.timePhrase ?? null, output: input.output ?? null, implements: (input.implements ?? []).map((id) => raw(id, 'Task', 'implements')),
      assignments: (input.assignments ?? []).map((a) => ({ role: a.role, organizationCode: a.organizationCode ?? null, groupCode: a.groupCode ?? null, note: a.note ?? null })),
    }))
    return Object.assign(new TaskPayload(), { task: out.value ? TaskType.of(out.value) : null, userErrors: out.userErrors })
  }

  @Mutation(() => TaskPayload, { description: 'Records that a task implements a task of an ancestor document.' })
  async taskLink(@Arg('input', () => TaskLinkInput) input: TaskLinkInput, @Ctx() ctx: Context): Promise<TaskPayload> {
    const out = await guarded(ctx, 'EDITOR', () => this.#issuerOfTask(ctx, raw(input.taskId, 'Task', 'taskId')), (actor) => ctx.chidao.linkTask({ actor }, {
      taskId: raw(input.taskId, 'Task', 'taskId'), parentTaskId: raw(input.parentTaskId, 'Task', 'parentTaskId'),
    }))
    return Object.assign(new TaskPayload(), { task: out.value ? TaskType.of(out.value) : null, userErrors: out.userErrors })
  }

  @Mutation(() => TaskPayload, { description: 'Assigns a task to an organisation or a group, as lead or coordinator.' })
  async taskAssign(@Arg('input', () => TaskAssignInput) input: TaskAssignInput, @Ctx() ctx: Context): Promise<TaskPayload> {
    const taskId = () => raw(input.taskId, 'Task', 'taskId')
    const out = await guarded(ctx, 'EDITOR', () => this.#issuerOfTask(ctx, taskId()), async (actor) => {
      await ctx.chidao.assign({ actor }, { taskId: taskId(), role: input.role, organizationCode: input.organizationCode ?? null, groupCode: input.groupCode ?? null, note: input.note ?? null })
      return (await ctx.chidao.taskById(taskId()))!
    })
    return Object.assign(new TaskPayload(), { task: out.value ? TaskType.of(out.value) : null, userErrors: out.userErrors })
  }

  @Mutation(() => ReportPayload, { description: 'Submits a progress report with its evidence.' })
  async reportSubmit(@Arg('input', () => ReportSubmitInput) input: ReportSubmitInput, @Ctx() ctx: Context): Promise<ReportPayload> {
    const out = await guarded(ctx, 'REPORTER', () => this.#orgOf(ctx, input.organizationCode), (actor) => ctx.chidao.submitReport({ actor }, {
      taskId: raw(input.taskId, 'Task', 'taskId'), organizationCode: input.organizationCode, period: input.period, periodStart: input.periodStart ?? null,
      periodEnd: input.periodEnd ?? null, claimedStatus: input.claimedStatus, percent: input.percent ?? null, narrative: input.narrative ?? null,
      completedOn: input.completedOn ?? null, reportedOn: input.reportedOn, evidence: (input.evidence ?? []).map((e) => ({ title: e.title, uri: e.uri, sha256: e.sha256 ?? null })),
    }))
    return Object.assign(new ReportPayload(), { report: out.value ? ReportType.of(out.value) : null, userErrors: out.userErrors })
  }

  @Mutation(() => ReportPayload, { description: 'The supervising organisation accepts or rejects a report.' })
  async reportVerify(@Arg('input', () => ReportVerifyInput) input: ReportVerifyInput, @Ctx() ctx: Context): Promise<ReportPayload> {
    const out = await guarded(ctx, 'EDITOR', () => this.#orgOf(ctx, input.verifierCode), (actor) => ctx.chidao.verifyReport({ actor }, {
      reportId: raw(input.reportId, 'Report', 'reportId'), expectedVersion: input.expectedVersion, verifierCode: input.verifierCode,
      status: input.status, verifiedOn: input.verifiedOn, note: input.note ?? null,
    }))
    return Object.assign(new ReportPayload(), { report: out.value ? ReportType.of(out.value) : null, userErrors: out.userErrors })
  }

  @Mutation(() => RecordPayload, { description: 'Records the decision of an alignment review (keep or amend a plan after new direction).' })
  async alignmentReviewRecord(@Arg('input', () => AlignmentReviewRecordInput) input: AlignmentReviewRecordInput, @Ctx() ctx: Context): Promise<RecordPayload> {
    const documentId = () => raw(input.documentId, 'Document', 'documentId')
    const out = await guarded(ctx, 'EDITOR', async () => (await ctx.chidao.documentById(documentId()))?.issuerId ?? null, (actor) => ctx.chidao.recordAlignmentReview({ actor }, {
      documentId: documentId(), newDirectionId: raw(input.newDirectionId, 'Document', 'newDirectionId'), decision: input.decision, reasons: input.reasons,
      memoId: input.memoId ? raw(input.memoId, 'Document', 'memoId') : null, decidedOn: input.decidedOn,
    }))
    return Object.assign(new RecordPayload(), { ok: out.value !== null, userErrors: out.userErrors })
  }

  @Mutation(() => RecordPayload, { description: 'Records that an organisation’s duties passed to another from a date (admin keys).' })
  async successionRegister(@Arg('input', () => SuccessionRegisterInput) input: SuccessionRegisterInput, @Ctx() ctx: Context): Promise<RecordPayload> {
    const out = await guarded(ctx, 'ADMIN', () => this.#orgOf(ctx, input.predecessorCode), (actor) => ctx.chidao.registerSuccession({ actor }, {
      predecessorCode: input.predecessorCode, successorCode: input.successorCode, kind: input.kind, effectiveOn: input.effectiveOn, note: input.note ?? null,
    }))
    return Object.assign(new RecordPayload(), { ok: out.value !== null, userErrors: out.userErrors })
  }

  @Mutation(() => OrganizationPayload, { description: 'Registers an organisation under a parent (a key acts for the parent; a top-level body needs a national key).' })
  async organizationRegister(@Arg('input', () => OrganizationRegisterInput) input: OrganizationRegisterInput, @Ctx() ctx: Context): Promise<OrganizationPayload> {
    const out = await guarded(ctx, 'ADMIN', async () => (input.parentCode ? await this.#orgOf(ctx, input.parentCode) : null) ?? TOP_LEVEL,
      (actor) => ctx.chidao.registerOrganization({ actor }, {
        code: input.code, name: input.name, shortName: input.shortName ?? null, tier: input.tier, bloc: input.bloc ?? null, kind: input.kind,
        parentCode: input.parentCode ?? null, scope: input.scope ?? null, validFrom: input.validFrom ?? null, validTo: input.validTo ?? null,
      }))
    return Object.assign(new OrganizationPayload(), { organization: out.value ? OrganizationType.of(out.value) : null, userErrors: out.userErrors })
  }

  @Mutation(() => RecordPayload, { description: 'Registers a named group of organisations that assignments can name.' })
  async groupRegister(@Arg('input', () => GroupRegisterInput) input: GroupRegisterInput, @Ctx() ctx: Context): Promise<RecordPayload> {
    const out = await guarded(ctx, 'EDITOR', async () => (input.withinCode ? await this.#orgOf(ctx, input.withinCode) : null) ?? TOP_LEVEL,
      (actor) => ctx.chidao.registerGroup({ actor }, {
        code: input.code, name: input.name, withinCode: input.withinCode ?? null, tiers: input.tiers ?? [], kinds: input.kinds ?? [], blocs: input.blocs ?? [],
        memberCodes: input.memberCodes ?? [],
      }))
    return Object.assign(new RecordPayload(), { ok: out.value !== null, userErrors: out.userErrors })
  }

  @Mutation(() => DocumentPayload, { description: 'Adds an implements link between two registered documents.' })
  async documentLink(@Arg('input', () => DocumentLinkInput) input: DocumentLinkInput, @Ctx() ctx: Context): Promise<DocumentPayload> {
    const documentId = () => raw(input.documentId, 'Document', 'documentId')
    const out = await guarded(ctx, 'EDITOR', async () => (await ctx.chidao.documentById(documentId()))?.issuerId ?? null,
      (actor) => ctx.chidao.linkDocument({ actor }, { documentId: documentId(), parentId: raw(input.parentId, 'Document', 'parentId') }))
    return Object.assign(new DocumentPayload(), { document: out.value ? DocumentType.of(out.value) : null, userErrors: out.userErrors })
  }

  @Mutation(() => DocumentPayload, { description: 'Changes a document’s title or status, if nobody changed it since expectedVersion.' })
  async documentUpdate(@Arg('input', () => DocumentUpdateInput) input: DocumentUpdateInput, @Ctx() ctx: Context): Promise<DocumentPayload> {
    const id = () => raw(input.id, 'Document', 'id')
    const out = await guarded(ctx, 'EDITOR', async () => (await ctx.chidao.documentById(id()))?.issuerId ?? null,
      (actor) => ctx.chidao.updateDocument({ actor }, {
        id: id(), expectedVersion: input.expectedVersion, ...(input.title != null ? { title: input.title } : {}), ...(input.status != null ? { status: input.status } : {}),
      }))
    return Object.assign(new DocumentPayload(), { document: out.value ? DocumentType.of(out.value) : null, userErrors: out.userErrors })
  }

  @Mutation(() => TaskPayload, { description: 'Changes a task’s content, time phrase, output or state, if nobody changed it since expectedVersion.' })
  async taskUpdate(@Arg('input', () => TaskUpdateInput) input: TaskUpdateInput, @Ctx() ctx: Context): Promise<TaskPayload> {
    const id = () => raw(input.id, 'Task', 'id')
    const out = await guarded(ctx, 'EDITOR', () => this.#issuerOfTask(ctx, id()), (actor) => ctx.chidao.updateTask({ actor }, {
      id: id(), expectedVersion: input.expectedVersion,
      ...(input.content != null ? { content: input.content } : {}), ...(input.timePhrase !== undefined ? { timePhrase: input.timePhrase } : {}),
      ...(input.output !== undefined ? { output: input.output } : {}), ...(input.state != null ? { state: input.state } : {}),
    }))
    return Object.assign(new TaskPayload(), { task: out.value ? TaskType.of(out.value) : null, userErrors: out.userErrors })
  }

  @Mutation(() => RecordPayload, { description: 'Adds a quantitative target to a plan.' })
  async targetAdd(@Arg('input', () => TargetAddInput) input: TargetAddInput, @Ctx() ctx: Context): Promise<RecordPayload> {
    const documentId = () => raw(input.documentId, 'Document', 'documentId')
    const out = await guarded(ctx, 'EDITOR', async () => (await ctx.chidao.documentById(documentId()))?.issuerId ?? null, (actor) => ctx.chidao.addTarget({ actor }, {
      documentId: documentId(), taskId: input.taskId ? raw(input.taskId, 'Task', 'taskId') : null, category: input.category ?? null, metric: input.metric,
      unit: input.unit ?? null, comparator: input.comparator, value: input.value, milestoneOn: input.milestoneOn ?? null,
    }))
    return Object.assign(new RecordPayload(), { ok: out.value !== null, userErrors: out.userErrors })
  }
}
