/**
 * Idempotent mutations: the first answer to a command sent with an idempotency key is kept in the
 * command's own transaction (`idempotency_key`, migration 0008). The same key and the same input
 * give that answer again and write nothing; the same key with another input is refused
 * (IDEMPOTENCY_KEY_REUSED). Two racing requests with one key: the second's transaction conflicts
 * with the first's (a unique key; on PostgreSQL a serialization failure), runs again, and finds
 * the first answer.
 */
import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { DomainError } from '../errors.js'
import type { Database } from '../storage/schema.js'
import { refuseControlCharacters } from './validate.js'

type Db = Kysely<Database> | Transaction<Database>

/** Who sent a keyed request and under which key. */
export interface IdempotencyScope {
  /** The caller the key belongs to (an API key's id, or the actor). */
  readonly owner: string
  /** The client's key (`Idempotency-Key` header or `clientMutationId`): 1–200 characters. */
  readonly key: string
}

/** JSON with object keys sorted, so that equal inputs hash equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/**
 * Runs `run` once per (owner, key, command): inside a transaction, returns the stored first answer
 * when the same input was sent before, refuses another input, or runs and stores the answer.
 * `db` must be the transaction `run` writes in.
 *
 * @example
 * await chidao.transaction(() => idempotent(chidao.db, { owner: grant.keyId, key }, 'reportSubmit', input, () => chidao.submitReport(ctx, input)))
 */
export async function idempotent<T>(
  db: Db,
  scope: IdempotencyScope | null,
  command: string,
  input: unknown,
  run: () => Promise<T>,
  now = () => new Date(),
): Promise<T> {
  if (!scope) return run()
  if (typeof scope.key !== 'string' || scope.key.length === 0 || scope.key.length > 200) {
    throw new DomainError('INVALID_INPUT', 'An idempotency key has 1 to 200 characters', { field: ['idempotencyKey'] })
  }
  refuseControlCharacters(scope.key, ['idempotencyKey'])
  const requestHash = createHash('sha256')
    .update(`${command}\n${canonical(input)}`)
    .digest('hex')
  const stored = await db
    .selectFrom('idempotencyKey')
    .select(['requestHash', 'response'])
    .where('owner', '=', scope.owner)
    .where('key', '=', scope.key)
    .where('command', '=', command)
    .executeTakeFirst()
  if (stored) {
    if (stored.requestHash !== requestHash) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'Khóa chống lặp này đã dùng cho một yêu cầu khác / This idempotency key was used for a different request',
        { field: ['idempotencyKey'] },
      )
    }
    return JSON.parse(stored.response) as T
  }
  const result = await run()
  await db
    .insertInto('idempotencyKey')
    .values({
      owner: scope.owner,
      key: scope.key,
      command,
      requestHash,
      response: JSON.stringify(result ?? null),
      createdAt: now().toISOString(),
    })
    .execute()
  return result
}
