/**
 * How every command runs: one transaction (or the ambient one of {@link ServiceEnv.transaction}),
 * its body given a {@link CommandTx}, one audit entry appended from what it returns, and a
 * unique-key violation from a concurrent writer mapped to the command's duplicate code.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { DomainError, type DomainErrorCode } from '../errors.js'
import type { Store } from '../storage/open-store.js'
import { appendAudit } from '../storage/repo/audit.js'
import type { Database } from '../storage/schema.js'
import { runTransaction } from '../storage/transact.js'
import { authorize, type ActsFor } from './authorize.js'
import type { ApiKeyGrant, ApiKeyRole } from './grant.js'
import type { InputShape } from './shape.js'
import { isUniqueViolation, requireText } from './validate.js'

/** Who runs a command; recorded in the audit log. */
export interface CommandContext {
  /** The person or key acting, e.g. `key:QNG.SKHCN:editor` or `import`. */
  readonly actor: string
  /**
   * The API key's grant, when a key acts: the command then checks, inside its transaction, that
   * the key has the command's role and may act for the organisation the command acts for
   * (FORBIDDEN otherwise). Without one the caller is trusted (the library, the CLI, tests).
   * The command's body enforces the rest of the model (`authorize.ts`) against it.
   */
  readonly grant?: ApiKeyGrant | null
}

/** Options of the service. */
export interface ChidaoOptions {
  /** The clock for audit timestamps (default: the system clock). */
  readonly now?: () => Date
  /** Identifier factory (default: random UUIDs). */
  readonly newId?: () => string
}

/** What a command's body works with: its transaction, who acts, the instant it runs, and new ids. */
export interface CommandTx {
  /** The command's transaction; every read and write of the body goes through it. */
  readonly trx: Transaction<Database>
  /** Who acts (the audit entry's actor). */
  readonly actor: string
  /** The command's instant (ISO 8601): its audit entry's, and its rows' createdAt/updatedAt. */
  readonly stamp: string
  /** Makes a new row id. */
  readonly newId: () => string
  /** The key the command runs under (null: a trusted caller); see `authorize.ts`. */
  readonly grant: ApiKeyGrant | null
}

/** What a command's body returns: its result, and what its audit entry records. */
export interface CommandOutcome<T> {
  readonly entity: string
  readonly entityId: string
  readonly before: unknown
  readonly after: unknown
  readonly result: T
}

/** The entity a command's result is, or names, for an API's answer. */
export interface CommandAnswer<T> {
  readonly entity: 'Organization' | 'Document' | 'Task' | 'Report'
  /** The id of the entity to answer with, when the result is not that entity itself. */
  readonly of?: (result: T) => string
}

/**
 * A command, described once: its name (the audit entry's `command`), what it acts on, its input,
 * the role it needs and the organisation it acts for (checked in its transaction when a key acts),
 * the code a unique-key race maps to, what it answers, and its body.
 */
export interface Command<I, T> {
  readonly name: string
  /** The aggregate it acts on (`Task` for `assign`): an API names the command object-first, `taskAssign`. */
  readonly subject: string
  /** One line for people (an API's description of the command). */
  readonly description: string
  /** The input's fields. */
  readonly input: InputShape
  /** The least role of a key that may run it. */
  readonly role: ApiKeyRole
  /** The organisation it acts for, read from its input inside its transaction. */
  actsFor(tx: CommandTx, input: I): Promise<ActsFor>
  /** What an API answers with; absent: only that it happened. */
  readonly answer?: CommandAnswer<T>
  /** The code of a concurrent writer's unique-key violation (a natural key validation saw free). */
  readonly duplicate: DomainErrorCode
  /** Validates everything, then writes; runs inside the command's transaction. */
  run(tx: CommandTx, input: I): Promise<CommandOutcome<T>>
}

/** Any command, whatever its input and result. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any, any>

/**
 * Describes a command (an identity function that fixes its types).
 *
 * @example
 * export const renameThing = defineCommand({ name: 'renameThing', duplicate: 'INVALID_INPUT', run: async (tx, input: { id: string }) => … })
 */
export function defineCommand<I, T>(command: Command<I, T>): Command<I, T> {
  return command
}

/** What {@link runCommand} needs: a clock, an id maker, and a transaction to run in. */
interface CommandRunner {
  readonly now: () => Date
  readonly newId: () => string
  /** Runs `work` in the ambient transaction, or a new one. */
  inTransaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>
}

/** A runner over a bare database handle (a transaction is joined, a database opens one). */
export function runnerOf(db: Kysely<Database>, options: ChidaoOptions = {}): CommandRunner {
  return {
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
    inTransaction: (work) => (db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work)),
  }
}

/** The service's runtime: its store, the ambient transaction, its clock and id maker. */
export class ServiceEnv implements CommandRunner {
  readonly store: Store
  readonly now: () => Date
  readonly newId: () => string
  readonly #ambient = new AsyncLocalStorage<Transaction<Database>>()

  constructor(store: Store, options: ChidaoOptions = {}) {
    this.store = store
    this.now = options.now ?? (() => new Date())
    this.newId = options.newId ?? randomUUID
  }

  /** The database, or inside {@link ServiceEnv.transaction} its transaction. */
  get db(): Kysely<Database> {
    return this.#ambient.getStore() ?? this.store.db
  }

  /**
   * Runs `work` as one transaction that every command and query inside it joins (SERIALIZABLE on
   * PostgreSQL, run again from the start when the store aborts it for a race: `storage/transact.ts`).
   */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.#ambient.getStore()) return work()
    return runTransaction(this.store, (trx) => this.#ambient.run(trx, work))
  }

  /** Runs `work` in the ambient transaction, or a new one (as {@link ServiceEnv.transaction}). */
  inTransaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    const outer = this.#ambient.getStore()
    return outer ? work(outer) : runTransaction(this.store, work)
  }
}

/**
 * Runs one command in one transaction and appends its audit entry; a unique-key violation (a
 * concurrent writer) becomes the command's duplicate code.
 *
 * @example
 * const org = await runCommand(env, { actor: 'setup' }, registerOrganization, { code: 'BCT', … })
 */
export async function runCommand<I, T>(env: CommandRunner, ctx: CommandContext, command: Command<I, T>, input: I): Promise<T> {
  const actor = requireText(ctx?.actor, 'actor', 200)
  try {
    return await env.inTransaction(async (trx) => {
      const stamp = env.now().toISOString()
      const tx: CommandTx = { trx, actor, stamp, newId: env.newId, grant: ctx.grant ?? null }
      if (ctx.grant) await authorize(trx, ctx.grant, command.role, () => command.actsFor(tx, input))
      const outcome = await command.run(tx, input)
      await appendAudit(trx, {
        id: env.newId(),
        at: stamp,
        actor,
        command: command.name,
        entity: outcome.entity,
        entityId: outcome.entityId,
        before: outcome.before === null ? null : JSON.stringify(outcome.before),
        after: outcome.after === null ? null : JSON.stringify(outcome.after),
      })
      return outcome.result
    })
  } catch (error) {
    // A concurrent writer won the race for a natural key that validation saw free.
    if (isUniqueViolation(error))
      throw new DomainError(command.duplicate, `${command.name}: conflicts with an existing record`, { cause: error })
    throw error
  }
}
