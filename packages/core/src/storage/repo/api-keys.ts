/** Stored API keys: only the SHA-256 of each secret is kept. */
import type { Insertable } from 'kysely'
import type { Db } from '../db.js'
import type { Database } from '../schema.js'

export async function insertApiKey(db: Db, row: Insertable<Database['apiKey']>): Promise<void> {
  await db.insertInto('apiKey').values(row).execute()
}

/** The unrevoked key with this hash, or null. */
export async function findLiveApiKey(db: Db, keyHash: string) {
  return (
    (await db
      .selectFrom('apiKey')
      .select(['id', 'organizationId', 'role'])
      .where('keyHash', '=', keyHash)
      .where('revokedAt', 'is', null)
      .executeTakeFirst()) ?? null
  )
}

/** Every key, newest first, with its organisation's code; never the hash. */
export async function listApiKeyRows(db: Db) {
  return db
    .selectFrom('apiKey')
    .leftJoin('organization', 'organization.id', 'apiKey.organizationId')
    .select([
      'apiKey.id',
      'apiKey.role',
      'apiKey.label',
      'apiKey.createdAt',
      'apiKey.lastUsedAt',
      'apiKey.revokedAt',
      'apiKey.localAdmin',
      'organization.code as organizationCode',
    ])
    .orderBy('apiKey.createdAt', 'desc')
    .orderBy('apiKey.id')
    .execute()
}

/** One key's row by id (or a unique id prefix of at least 8 characters), or null. */
export async function findApiKeyById(db: Db, idOrPrefix: string) {
  const rows = await db
    .selectFrom('apiKey')
    .select(['id', 'organizationId', 'role', 'revokedAt', 'localAdmin'])
    .where('id', 'like', `${idOrPrefix.replace(/[%_\\]/g, '')}%`)
    .limit(2)
    .execute()
  if (rows.length !== 1) return null
  return rows[0]!.id === idOrPrefix || idOrPrefix.length >= 8 ? rows[0]! : null
}

/** Marks a key revoked (idempotent: an already revoked key keeps its date). */
export async function markApiKeyRevoked(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('apiKey').set({ revokedAt: at }).where('id', '=', id).where('revokedAt', 'is', null).execute()
}

/** Records a use of a key, at most once a minute per key (a write per request would be too many). */
export async function touchApiKey(db: Db, id: string, at: string): Promise<void> {
  const minuteAgo = new Date(Date.parse(at) - 60_000).toISOString()
  await db
    .updateTable('apiKey')
    .set({ lastUsedAt: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', minuteAgo)]))
    .execute()
}

/** The live local admin key's id, or null. */
export async function findLocalAdminKey(db: Db): Promise<string | null> {
  const row = await db.selectFrom('apiKey').select('id').where('localAdmin', '=', 1).where('revokedAt', 'is', null).executeTakeFirst()
  return row?.id ?? null
}

/** Marks a key as the local admin key `chidao serve` made. */
export async function markLocalAdmin(db: Db, id: string): Promise<void> {
  await db.updateTable('apiKey').set({ localAdmin: 1 }).where('id', '=', id).execute()
}
