/** Stored API keys: only the SHA-256 of each secret is kept. */
import type { Insertable } from 'kysely'
import type { Db } from '../db.js'
import type { Database } from '../schema.js'

export async function insertApiKey(db: Db, row: Insertable<Database['apiKey']>): Promise<void> {
  await db.insertInto('apiKey').values(row).execute()
}

/** The unrevoked key with this hash, or null. */
export async function findLiveApiKey(db: Db, keyHash: string) {
  return (await db.selectFrom('apiKey').select(['id', 'organizationId', 'role']).where('keyHash', '=', keyHash)
    .where('revokedAt', 'is', null).executeTakeFirst()) ?? null
}
