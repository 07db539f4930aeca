/**
 * Who may run a command: the one place where a key's grant is checked against a command's
 * description — its role, and the organisation it acts for — inside the command's transaction.
 * Hierarchical rules beyond "its own organisation or one below it" belong here: below.
 */
import { DomainError } from '../errors.js'
import { tierRank, type Organization } from '../model/organization.js'
import type { Db } from '../storage/db.js'
import { findDocument } from '../storage/repo/documents.js'
import { holdsObligationOn, holdersOf, obligedBodies, placeOf } from '../storage/repo/obligations.js'
import { findOrganizationByCode, isAtOrAbove } from '../storage/repo/organizations.js'
import { findTask } from '../storage/repo/tasks.js'
import { hasRole, type ApiKeyGrant, type ApiKeyRole } from './grant.js'
import { actsFor } from './queries/organizations.js'

/** A command with no body above it to act for (a top-level organisation, a national group): national keys only. */
export const NATIONAL = Symbol('national')

/**
 * Which organisation a command acts for: its id, {@link NATIONAL}, or null when the input names
 * none that exists (the command's own validation then rejects it).
 */
export type ActsFor = string | typeof NATIONAL | null

/**
 * Refuses a grant that lacks `role` or may not act for `target`. Errors: FORBIDDEN.
 *
 * @example
 * await authorize(trx, grant, 'EDITOR', await issuerOfDocument(trx, input.documentId))
 */
export async function authorize(db: Db, grant: ApiKeyGrant, role: ApiKeyRole, target: ActsFor | (() => Promise<ActsFor>)): Promise<void> {
  requireRole(grant, role)
  const organization = typeof target === 'function' ? await target() : target
  if (organization === null) return
  const allowed = organization === NATIONAL ? grant.organizationId === null : await actsFor(db, grant.organizationId, organization)
  if (!allowed)
    throw forbidden(
      'Khóa này chỉ được hành động cho cơ quan của mình và cấp dưới / This key may act only for its organisation and the bodies below it',
    )
}

/** The id of the organisation with this code, or null. */
export async function organizationIdOf(db: Db, code: unknown): Promise<string | null> {
  return typeof code === 'string' ? ((await findOrganizationByCode(db, code))?.id ?? null) : null
}

/** The issuer of a document, or null. */
export async function issuerOfDocument(db: Db, documentId: unknown): Promise<string | null> {
  return typeof documentId === 'string' ? ((await findDocument(db, documentId))?.issuerId ?? null) : null
}

/** The issuer of a task's document, or null. */
export async function issuerOfTask(db: Db, taskId: unknown): Promise<string | null> {
  const task = typeof taskId === 'string' ? await findTask(db, taskId) : null
  return task ? issuerOfDocument(db, task.documentId) : null
}

// ---------------------------------------------------------------- the hierarchical rules

/*
 * The authorization model, enforced in core inside each command's transaction (so the rows it
 * reads are the ones the command writes against). A command run with an API key's grant in its
 * context is checked; a command run without one (the CLI, the fixtures loader, tests) is trusted.
 *
 * | who | may |
 * |---|---|
 * | any key | act as its organisation and the bodies below it (a key with no organisation: all) |
 * | EDITOR | issue documents only as such a body; edit, link and add tasks and targets to their plans; an imported plan names the issuer it is imported as |
 * | EDITOR | assign obligations down: to bodies of the issuer's tier or below, in the issuer's province (a central issuer: anywhere), or to bodies a parent task already binds; never up, never sideways into another province |
 * | EDITOR | verify a report as the supervising body (the issuer of the task's plan) or a body above it; never as the reporter or a body below it |
 * | REPORTER | report for an organisation holding an obligation on the task, its own or one below it (recorded as filed by the key's body) |
 * | REPORTER | measure a plan's target for an organisation bound by the plan (its issuer, or holding an obligation on the target's task, or on any of the plan's tasks for a plan-wide target), its own or one below it |
 * | EDITOR / ADMIN | register groups (EDITOR), organisations and successions (ADMIN) only within the key's subtree |
 */

function forbidden(message: string, field?: readonly string[]): DomainError {
  return new DomainError('FORBIDDEN', message, field ? { field } : {})
}

/**
 * Refuses a grant below `role`. No grant: trusted.
 *
 * @example
 * requireRole({ keyId: 'k', organizationId: null, role: 'VIEWER' }, 'EDITOR') // throws FORBIDDEN
 */
export function requireRole(grant: ApiKeyGrant | null | undefined, role: ApiKeyRole): void {
  if (grant && !hasRole(grant, role))
    throw forbidden(
      `Cần khóa ${role}; khóa này là ${grant.role} / This needs ${/^[AEIOU]/.test(role) ? 'an' : 'a'} ${role} key; this key is ${grant.role}`,
    )
}

/**
 * Refuses a grant acting for a body outside its subtree (`null`: a top-level write, only for a
 * national key). No grant: trusted.
 *
 * @example
 * await requireActFor(trx, grant, issuer.id, ['input', 'issuerCode'])
 */
export async function requireActFor(
  db: Db,
  grant: ApiKeyGrant | null | undefined,
  organizationId: string | null,
  field?: readonly string[],
): Promise<void> {
  if (!grant || grant.organizationId === null) return
  if (organizationId !== null && (await isAtOrAbove(db, grant.organizationId, organizationId))) return
  throw forbidden(
    'Khóa này chỉ được hành động cho cơ quan của mình và cấp dưới / This key may act only for its organisation and the bodies below it',
    field,
  )
}

/** An EDITOR key acting for the plan's issuer (or a body above it) may edit the plan. No grant: trusted. */
export async function requireEditor(db: Db, grant: ApiKeyGrant | null | undefined, issuerId: string): Promise<void> {
  requireRole(grant, 'EDITOR')
  await requireActFor(db, grant, issuerId)
}

/** Whether an issuer may oblige `org` on its own: a body of its tier or below, in its province (a central issuer: anywhere). */
function isDownFrom(issuer: Pick<Organization, 'tier' | 'scope'>, org: Pick<Organization, 'tier' | 'scope'>): boolean {
  return tierRank(org.tier) >= tierRank(issuer.tier) && (issuer.scope === 'VN' || org.scope === issuer.scope)
}

/** Whether `org` is a body of a province other than the issuer's (a central issuer or body is in none). */
export function isInAnotherProvince(issuer: Pick<Organization, 'scope'>, org: Pick<Organization, 'scope'>): boolean {
  return issuer.scope !== 'VN' && org.scope !== 'VN' && org.scope !== issuer.scope
}

/**
 * Refuses an assignment up the hierarchy or sideways into another province: each body it obliges
 * (the organisation, or every member of the group) must be down from the plan's issuer or already
 * bound by a parent task (one the task implements, or its parent in the plan). No grant: trusted.
 */
export async function requireAssignable(
  db: Db,
  grant: ApiKeyGrant | null | undefined,
  issuerId: string,
  assignee: { organizationId: string | null; groupId: string | null },
  parentTaskIds: readonly string[],
  field: readonly string[],
): Promise<void> {
  if (!grant) return
  const issuer = await placeOf(db, issuerId)
  const obliged = await obligedBodies(db, assignee)
  const outside = obliged.filter(
    (o) => !isDownFrom(issuer as Pick<Organization, 'tier' | 'scope'>, o as Pick<Organization, 'tier' | 'scope'>),
  )
  if (!outside.length) return
  const bound = await holdersOf(db, parentTaskIds)
  const refused = outside.filter((o) => isInAnotherProvince(issuer, o) || !bound.has(o.id))
  if (refused.length) {
    throw forbidden(
      `Không được giao nhiệm vụ lên cấp trên hoặc sang tỉnh khác (${refused.map((o) => o.code).join(', ')}) / ` +
        `An obligation goes down the hierarchy or to bodies a parent task binds, never up or into another province`,
      field,
    )
  }
}

/**
 * Refuses a report by a body holding no obligation on the task, or filed by a key that may not act
 * for it. Returns the body that filed it for the obligated one (the key's), or null when it filed its own.
 */
export async function requireReporter(
  db: Db,
  grant: ApiKeyGrant | null | undefined,
  taskId: string,
  organizationId: string,
): Promise<string | null> {
  if (!grant) return null
  requireRole(grant, 'REPORTER')
  await requireActFor(db, grant, organizationId, ['input', 'organizationCode'])
  if (!(await holdersOf(db, [taskId])).has(organizationId)) {
    throw forbidden('Cơ quan này không có nghĩa vụ với nhiệm vụ / This organisation holds no obligation on the task', [
      'input',
      'organizationCode',
    ])
  }
  return grant.organizationId !== null && grant.organizationId !== organizationId ? grant.organizationId : null
}

/**
 * Refuses a verification by a body that does not supervise the task: the verifier must be the
 * issuer of the task's plan or above it, not the reporter nor a body below the reporter, and the
 * key must act for it.
 */
export async function requireVerifier(
  db: Db,
  grant: ApiKeyGrant | null | undefined,
  verifierId: string,
  documentIssuerId: string,
  reporterId: string,
): Promise<void> {
  if (!grant) return
  requireRole(grant, 'EDITOR')
  await requireActFor(db, grant, verifierId, ['input', 'verifierCode'])
  if (verifierId === reporterId || (await isAtOrAbove(db, reporterId, verifierId))) {
    throw forbidden('Không được tự xác nhận báo cáo của mình / A report is not verified by its reporter or a body below it', [
      'input',
      'verifierCode',
    ])
  }
  if (!(await isAtOrAbove(db, verifierId, documentIssuerId))) {
    throw forbidden(
      'Chỉ cơ quan ban hành kế hoạch hoặc cấp trên được xác nhận / Only the plan’s issuer or a body above it verifies its reports',
      ['input', 'verifierCode'],
    )
  }
}

/** Whether a body is bound by a plan's target: the plan's issuer, or a holder of an obligation on the target's task (a plan-wide target: on any of the plan's tasks). */
async function boundByTarget(db: Db, target: { documentId: string; taskId: string | null }, organizationId: string): Promise<boolean> {
  const document = await findDocument(db, target.documentId)
  if (document?.issuerId === organizationId) return true
  return holdsObligationOn(db, organizationId, target)
}

/**
 * Refuses a measurement of a target for a body the plan does not bind, or filed by a key that may
 * not act for it. Returns the body that filed it for the bound one (the key's), or null when it
 * filed its own. No grant: trusted.
 */
export async function requireMeasurer(
  db: Db,
  grant: ApiKeyGrant | null | undefined,
  target: { documentId: string; taskId: string | null },
  organizationId: string,
): Promise<string | null> {
  if (!grant) return null
  requireRole(grant, 'REPORTER')
  await requireActFor(db, grant, organizationId, ['input', 'organizationCode'])
  if (!(await boundByTarget(db, target, organizationId))) {
    throw forbidden('Kế hoạch không giao chỉ tiêu này cho cơ quan này / The plan does not bind this organisation to the target', [
      'input',
      'organizationCode',
    ])
  }
  return grant.organizationId !== null && grant.organizationId !== organizationId ? grant.organizationId : null
}
