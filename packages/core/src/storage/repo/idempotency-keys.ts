/** Kept first answers of idempotent requests, by owner, key and command. */
import type { Db } from '../db.js'

interface KeptAnswer {
  readonly owner: string
  readonly key: string
  readonly command: string
  readonly requestHash: string
  /** The answer as JSON. */
  readonly response: string
  readonly createdAt: string
}

/** The answer kept under a key for a command, or null. */
export async function findKeptAnswer(
  db: Db,
  at: { owner: string; key: string; command: string },
): Promise<{ requestHash: string; response: string } | null> {
  const row = await db
    .selectFrom('idempotencyKey')
    .select(['requestHash', 'response'])
    .where('owner', '=', at.owner)
    .where('key', '=', at.key)
    .where('command', '=', at.command)
    .executeTakeFirst()
  return row ?? null
}

/** Keeps a first answer (the unique key refuses a second one for the same owner, key and command). */
export async function insertKeptAnswer(db: Db, row: KeptAnswer): Promise<void> {
  await db.insertInto('idempotencyKey').values(row).execute()
}
