/**
 * API keys for writers: a random secret shown once, kept only as its SHA-256. A key is bound to a
 * role and to an organisation; it may act for that organisation and the ones below it (a commune
 * key cannot edit the province's plan). A key with no organisation acts for all. Creating a key is
 * a command like any other: one transaction, one audit entry (without the secret or its hash).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { DomainError } from '../errors.js'
import type { Db } from '../storage/db.js'
import {
  findApiKeyById,
  findLiveApiKey,
  findLocalAdminKey,
  insertApiKey,
  listApiKeyRows,
  markApiKeyRevoked,
  markLocalAdmin,
  touchApiKey,
} from '../storage/repo/api-keys.js'
import type { Database } from '../storage/schema.js'
import { NATIONAL } from './authorize.js'
import { defineCommand, runCommand, runnerOf } from './command-tx.js'
import { API_KEY_ROLES, type ApiKeyGrant, type ApiKeyRole } from './grant.js'
import { id, oneOf, optional, required, text } from './shape.js'
import { actsFor } from './queries/organizations.js'

export { API_KEY_ROLES, hasRole, type ApiKeyGrant, type ApiKeyRole } from './grant.js'

/** A key to create: for an organisation (null: national), with a role and a label. */
export interface CreateApiKeyInput {
  organizationId: string | null
  role: string
  label?: string | null
}

function hash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Creates a key; the audit entry records the grant, never the secret or its hash. Errors: INVALID_INPUT. */
export const createApiKeyCommand = defineCommand({
  name: 'createApiKey',
  subject: 'ApiKey',
  description: 'Creates an API key; the secret is answered once and never stored.',
  duplicate: 'INVALID_INPUT',
  input: {
    organizationId: optional(id('Organization'), 'The organisation the key acts for (and those below it); none for a national key.'),
    role: required(oneOf('ApiKeyRole', API_KEY_ROLES)),
    label: optional(text),
  },
  role: 'ADMIN',
  actsFor: async (_tx, input: CreateApiKeyInput) => input.organizationId ?? NATIONAL,
  async run({ trx, stamp, newId }, input: CreateApiKeyInput) {
    if (!(API_KEY_ROLES as readonly string[]).includes(input.role)) {
      throw new DomainError('INVALID_INPUT', `role must be one of ${API_KEY_ROLES.join(', ')}`, { field: ['input', 'role'] })
    }
    const secret = `chd_${randomBytes(32).toString('base64url')}`
    const id = newId()
    const label = input.label ?? null
    await insertApiKey(trx, {
      id,
      keyHash: hash(secret),
      organizationId: input.organizationId,
      role: input.role,
      label,
      createdAt: stamp,
      revokedAt: null,
    })
    const grant: ApiKeyGrant = { keyId: id, organizationId: input.organizationId, role: input.role as ApiKeyRole }
    return { entity: 'apiKey', entityId: id, before: null, after: { ...grant, label }, result: { secret, grant } }
  },
})

/**
 * Creates a key; returns the secret (shown once, never stored) and its grant. Audited as `actor`
 * (default `setup`).
 *
 * @example
 * const { secret } = await createApiKey(db, { organizationId: skhcn.id, role: 'EDITOR', label: 'Sở KH&CN' })
 */
export function createApiKey(
  db: Kysely<Database>,
  input: CreateApiKeyInput & { now?: Date; actor?: string },
): Promise<{ secret: string; grant: ApiKeyGrant }> {
  const runner = runnerOf(db, input.now ? { now: () => input.now! } : {})
  return runCommand(runner, { actor: input.actor ?? 'setup' }, createApiKeyCommand, input)
}

/**
 * The grant of a presented secret, or null when it is unknown or revoked.
 *
 * @example
 * const grant = await resolveApiKey(store.db, request.headers['x-api-key']) // null: unknown or revoked
 */
export async function resolveApiKey(db: Db, secret: string): Promise<ApiKeyGrant | null> {
  const row = await findLiveApiKey(db, hash(secret))
  if (row) await touchApiKey(db, row.id, new Date().toISOString())
  return row ? { keyId: row.id, organizationId: row.organizationId, role: row.role as ApiKeyRole } : null
}

/**
 * Whether a grant may act for an organisation: its own, or one below it.
 *
 * @example
 * if (!(await mayActFor(store.db, grant, commune.id))) throw new DomainError('FORBIDDEN', '…')
 */
export function mayActFor(db: Db, grant: ApiKeyGrant, organizationId: string): Promise<boolean> {
  return actsFor(db, grant.organizationId, organizationId)
}

/** A key as `chidao keys list` shows it: never the secret nor its hash. */
export interface ApiKeyListing {
  id: string
  organizationCode: string | null
  role: string
  label: string | null
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
  localAdmin: boolean
}

/**
 * Every key, newest first: organisation, role, label, created, last used, revoked.
 *
 * @example
 * for (const k of await listApiKeys(db)) console.log(k.id, k.organizationCode ?? 'national', k.role)
 */
export async function listApiKeys(db: Db): Promise<ApiKeyListing[]> {
  return (await listApiKeyRows(db)).map((r) => ({ ...r, localAdmin: Number(r.localAdmin) === 1 }))
}

/** Revokes a key by id (or an id prefix of 8+ characters); it stops working at once. Errors: INVALID_INPUT (no such key). */
export const revokeApiKeyCommand = defineCommand({
  name: 'revokeApiKey',
  subject: 'ApiKey',
  description: 'Revokes an API key; requests with it are refused from then on.',
  duplicate: 'INVALID_INPUT',
  input: { id: required(text) },
  role: 'ADMIN',
  actsFor: async () => NATIONAL,
  async run({ trx, stamp }, input: { id: string }) {
    const row = await findApiKeyById(trx, input.id)
    if (!row) throw new DomainError('INVALID_INPUT', `No API key with id ${input.id}`, { field: ['input', 'id'] })
    await markApiKeyRevoked(trx, row.id, stamp)
    const grant = { keyId: row.id, organizationId: row.organizationId, role: row.role }
    return {
      entity: 'apiKey',
      entityId: row.id,
      before: { ...grant, revokedAt: row.revokedAt },
      after: { ...grant, revokedAt: row.revokedAt ?? stamp },
      result: { id: row.id, revokedAt: row.revokedAt ?? stamp },
    }
  },
})

/**
 * Revokes a key (audited as `actor`, default `setup`).
 *
 * @example
 * await revokeApiKey(db, { id: '3f2c9a1e' })
 */
export function revokeApiKey(db: Kysely<Database>, input: { id: string; actor?: string }): Promise<{ id: string; revokedAt: string }> {
  return runCommand(runnerOf(db), { actor: input.actor ?? 'setup' }, revokeApiKeyCommand, { id: input.id })
}

/**
 * The local admin key of `chidao serve`: made once (null when one already exists), marked so.
 *
 * @example
 * const made = await ensureLocalAdminKey(db) // { secret } the first time, null afterwards
 */
export async function ensureLocalAdminKey(db: Kysely<Database>): Promise<{ secret: string; id: string } | null> {
  if (await findLocalAdminKey(db)) return null
  const { secret, grant } = await createApiKey(db, {
    organizationId: null,
    role: 'ADMIN',
    label: 'local admin (chidao serve)',
    actor: 'serve',
  })
  await markLocalAdmin(db, grant.keyId)
  return { secret, id: grant.keyId }
}
