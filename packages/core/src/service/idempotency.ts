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
import { findKeptAnswer, insertKeptAnswer } from '../storage/repo/idempotency-keys.js'

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

/** The fingerprint of a request: its command and its input, whatever the input's key order. */
function requestHashOf(command: string, input: unknown): string {
  return createHash('sha256')
    .update(`${command}\n${canonical(input)}`)
    .digest('hex')
}

/**
 * A keyed request, checked and ready to be looked up and remembered: its scope, its command and
 * the fingerprint of its input. INVALID_INPUT for a key that is empty or over 200 characters,
 * INVALID_TEXT for one with a control character.
 */
export class KeyedRequest {
  readonly scope: IdempotencyScope
  readonly command: string
  readonly requestHash: string

  private constructor(scope: IdempotencyScope, command: string, requestHash: string) {
    this.scope = scope
    this.command = command
    this.requestHash = requestHash
  }

  /** The keyed request of `command` with `input`, or null without a scope (nothing is kept then). */
  static of(scope: IdempotencyScope | null | undefined, command: string, input: unknown): KeyedRequest | null {
    if (!scope) return null
    if (typeof scope.key !== 'string' || scope.key.length === 0 || scope.key.length > 200) {
      throw new DomainError('INVALID_INPUT', 'An idempotency key has 1 to 200 characters', { field: ['idempotencyKey'] })
    }
    refuseControlCharacters(scope.key, ['idempotencyKey'])
    return new KeyedRequest(scope, command, requestHashOf(command, input))
  }

  /**
   * The first answer kept for this key, when the same input was sent with it before (`{ answer }`);
   * null when the key is new; IDEMPOTENCY_KEY_REUSED when it was sent with another input. Read it
   * before the work for a cheap replay, and again inside the write transaction for a racing twin.
   */
  async stored<T>(db: Db): Promise<{ answer: T } | null> {
    const row = await findKeptAnswer(db, { owner: this.scope.owner, key: this.scope.key, command: this.command })
    if (!row) return null
    if (row.requestHash !== this.requestHash) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'Khóa chống lặp này đã dùng cho một yêu cầu khác / This idempotency key was used for a different request',
        { field: ['idempotencyKey'] },
      )
    }
    return { answer: JSON.parse(row.response) as T }
  }

  /**
   * Inside the transaction `run` writes in (`db`): the answer kept for this request, or `run`'s,
   * kept as the first one.
   */
  async once<T>(db: Db, run: () => Promise<T>, now: () => Date = () => new Date()): Promise<T> {
    const stored = await this.stored<T>(db)
    if (stored) return stored.answer
    const result = await run()
    await this.remember(db, result, now)
    return result
  }

  /** Keeps `answer` as the first answer; `db` must be the transaction that wrote what it answers. */
  async remember(db: Db, answer: unknown, now: () => Date = () => new Date()): Promise<void> {
    await insertKeptAnswer(db, {
      owner: this.scope.owner,
      key: this.scope.key,
      command: this.command,
      requestHash: this.requestHash,
      response: JSON.stringify(answer ?? null),
      createdAt: now().toISOString(),
    })
  }
}

/**
 * Runs `run` once per (owner, key, command): inside a transaction, returns the stored first answer
 * when the same input was sent before, refuses another input, or runs and stores the answer.
 * `db` must be the transaction `run` writes in. The answer is kept as JSON, so a replay is the
 * first answer's JSON (keep answers plain data).
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
  const keyed = KeyedRequest.of(scope, command, input)
  return keyed ? keyed.once(db, run, now) : run()
}
