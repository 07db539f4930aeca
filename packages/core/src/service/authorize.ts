/**
 * Who may run a command: the one place where a key's grant is checked against a command's
 * description — its role, and the organisation it acts for — inside the command's transaction.
 * Hierarchical rules beyond "its own organisation or one below it" belong here.
 */
import { DomainError } from '../errors.js'
import type { Db } from '../storage/db.js'
import { findDocument } from '../storage/repo/documents.js'
import { findOrganizationByCode } from '../storage/repo/organizations.js'
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
  if (!hasRole(grant, role)) throw new DomainError('FORBIDDEN', `This needs a ${role} key; this key is ${grant.role}`)
  const organization = typeof target === 'function' ? await target() : target
  if (organization === null) return
  const allowed = organization === NATIONAL ? grant.organizationId === null : await actsFor(db, grant.organizationId, organization)
  if (!allowed) throw new DomainError('FORBIDDEN', 'This key may not act for that organisation (only its own and those below it)')
}

/** The id of the organisation with this code, or null. */
export async function organizationIdOf(db: Db, code: unknown): Promise<string | null> {
  return typeof code === 'string' ? (await findOrganizationByCode(db, code))?.id ?? null : null
}

/** The issuer of a document, or null. */
export async function issuerOfDocument(db: Db, documentId: unknown): Promise<string | null> {
  return typeof documentId === 'string' ? (await findDocument(db, documentId))?.issuerId ?? null : null
}

/** The issuer of a task's document, or null. */
export async function issuerOfTask(db: Db, taskId: unknown): Promise<string | null> {
  const task = typeof taskId === 'string' ? await findTask(db, taskId) : null
  return task ? issuerOfDocument(db, task.documentId) : null
}
