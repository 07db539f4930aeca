/**
 * The façade's ground floor: the store, its database handle, transactions, idempotency and
 * `run`. Each layer above (`commands.ts`, `hierarchy.ts`, `documents.ts`,
 * `tasks.ts`, then `Chidao` itself) adds one aggregate's methods, each a line handing over to
 * core's commands or queries.
 */
import type { Kysely } from 'kysely'
import type { Store } from '../../storage/open-store.js'
import type { Database } from '../../storage/schema.js'
import { runCommand, ServiceEnv, type ChidaoOptions, type Command, type CommandContext } from '../command-tx.js'
import { idempotent, type IdempotencyScope } from '../idempotency.js'

/**
 * The store, transactions and `run`, which every façade layer builds on.
 *
 * @example
 * const chidao = new Chidao(await openStore(':memory:'), { now: () => new Date('2025-07-01T00:00:00Z') })
 */
export class ChidaoBase {
  /**
   * The store the service reads and writes.
   *
   * @example
   * await chidao.store.close()
   */
  readonly store: Store
  /** @internal The service's runtime (ambient transaction, clock, ids), for the façade's layers. */
  protected readonly env: ServiceEnv

  /**
   * A service over a migrated store.
   *
   * @example
   * const store = await openStore('chidao.db')
   * await migrateToLatest(store)
   * const chidao = new Chidao(store)
   */
  constructor(store: Store, options: ChidaoOptions = {}) {
    this.store = store
    this.env = new ServiceEnv(store, options)
  }

  /**
   * The database, or inside `transaction` its transaction.
   *
   * @example
   * const rows = await chidao.db.selectFrom('organization').select(['code', 'name']).execute()
   */
  get db(): Kysely<Database> {
    return this.env.db
  }

  /**
   * Runs `work` as one transaction: every command it calls joins it, so that either all of them
   * are written or, if any fails, none.
   *
   * @example
   * await chidao.transaction(async () => {
   *   const doc = await chidao.registerDocument(ctx, input)
   *   await chidao.addTask(ctx, { documentId: doc.id, code: 'I', content: '…' })
   * })
   */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.env.transaction(work)
  }

  /**
   * Runs `work` (commands) once per idempotency key: in one transaction, the first answer is kept;
   * the same key and input give it again without writing; the same key with another input is
   * refused with IDEMPOTENCY_KEY_REUSED. No scope: runs `work` as it is.
   *
   * @example
   * await chidao.idempotently({ owner: grant.keyId, key: 'k-1' }, 'reportSubmit', input, () => chidao.submitReport(ctx, input))
   */
  idempotently<T>(scope: IdempotencyScope | null, command: string, input: unknown, work: () => Promise<T>): Promise<T> {
    if (!scope) return work()
    return this.transaction(() => idempotent(this.db, scope, command, input, work, this.env.now))
  }

  /**
   * Runs a command described in core (one of `COMMANDS`, or your own `defineCommand`): one
   * transaction, checked against `ctx.grant` when a key acts, audited.
   *
   * @example
   * await chidao.run(addTask, { actor: 'key:…', grant }, { documentId, code: 'I.1', content: '…' })
   */
  run<I, T>(command: Command<I, T>, ctx: CommandContext, input: I): Promise<T> {
    return runCommand(this.env, ctx, command, input)
  }
}
