/**
 * API keys for writers: a random secret shown once, kept only as its SHA-256. A key is bound to a
 * role and to an organisation; it may act for that organisation and the ones below it (a commune
 * key cannot edit the province's plan). A key with no organisation acts for all.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { DomainError } from '../errors.js'
import type { Database } from '../storage/schema.js'

/** What a key may do: read; report progress; edit plans; everything, including successions. */
export const API_KEY_ROLES = ['VIEWER', 'REPORTER', 'EDITOR', 'ADMIN'] as const
export type ApiKeyRole = (typeof API_KEY_ROLES)[number]

/** A resolved key. */
export interface ApiKeyGrant {
  readonly keyId: string
  readonly organizationId: string | null
  readonly role: ApiKeyRole
}

function hash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/**
 * Creates a key; returns the secret (shown once, never stored) and its grant.
 *
 * @example
 * const { secret } = await createApiKey(db, { organizationId: skhcn.id, role: 'EDITOR', label: 'Sở KH&CN' })
 */
export async function createApiKey(
  db: Kysely<Database>, input: { organizationId: string | null; role: string; label?: string | null; now?: Date },
): Promise<{ secret: string; grant: ApiKeyGrant }> {
  if (!(API_KEY_ROLES as readonly string[]).includes(input.role)) {
    throw new DomainError('INVALID_INPUT', `role must be one of ${API_KEY_ROLES.join(', ')}`, { field: ['input', 'role'] })
  }
  const secret = `chd_${randomBytes(32).toString('base64url')}`
  const id = randomUUID()
  await db.insertInto('apiKey').values({
    id, keyHash: hash(secret), organizationId: input.organizationId, role: input.role, label: input.label ?? null,
    createdAt: (input.now ?? new Date()).toISOString(), revokedAt: null,
  }).execute()
  return { secret, grant: { keyId: id, organizationId: input.organizationId, role: input.role as ApiKeyRole } }
}

/** The grant of a presented secret, or null when it is unknown or revoked. */
export async function resolveApiKey(db: Kysely<Database>, secret: string): Promise<ApiKeyGrant | null> {
  const row = await db.selectFrom('apiKey').select(['id', 'organizationId', 'role']).where('keyHash', '=', hash(secret)).where('revokedAt', 'is', null).executeTakeFirst()
  return row ? { keyId: row.id, organizationId: row.organizationId, role: row.role as ApiKeyRole } : null
}

/** Whether a grant has at least a role. */
export function hasRole(grant: ApiKeyGrant, role: ApiKeyRole): boolean {
  return API_KEY_ROLES.indexOf(grant.role) >= API_KEY_ROLES.indexOf(role)
}

/** Whether a grant may act for an organisation: its own, or one below it. */
export async function mayActFor(db: Kysely<Database>, grant: ApiKeyGrant, organizationId: string): Promise<boolean> {
  if (grant.organizationId === null) return true
  const row = await db.selectFrom('organizationClosure').select('ancestorId')
    .where('ancestorId', '=', grant.organizationId).where('descendantId', '=', organizationId).executeTakeFirst()
  return row !== undefined
}
