/**
 * How every command's transaction runs. On PostgreSQL: SERIALIZABLE, so that commands deriving
 * rows from what they read (obligation spans, effective deadlines, plan positions) give the same
 * result as some serial order, and an invisible retry of a transaction the store aborted for a
 * serialization failure or a deadlock. SQLite runs one writer at a time already (the driver
 * serialises the single connection), so a transaction there is serial by construction.
 */
import type { Transaction } from 'kysely'
import type { Store } from './open-store.js'
import type { Database } from './schema.js'
import { isRetryable, toStoreError } from './store-errors.js'

/** Options of {@link runTransaction}. */
export interface TransactionOptions {
  /** Attempts before a serialization failure reaches the caller (default 30). */
  readonly attempts?: number
  /** Called before each retry, with the attempt that failed (for tests and metrics). */
  readonly onRetry?: (attempt: number, error: unknown) => void
}

/** Retries counted since the process started, by store: the fault suite and the bench read them. */
export const transactionStats = { retries: 0, transactions: 0 }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `work` in one transaction of the store's isolation (SERIALIZABLE on PostgreSQL), retrying
 * it from the start when the store aborts it for a race, and mapping timeouts and lost connections
 * to coded errors (STORE_TIMEOUT, STORE_UNAVAILABLE). `work` must not have effects outside the
 * transaction, since it may run more than once.
 *
 * @example
 * const n = await runTransaction(store, (trx) => trx.selectFrom('task').select('id').execute())
 */
export async function runTransaction<T>(
  store: Store,
  work: (trx: Transaction<Database>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 30
  for (let attempt = 1; ; attempt++) {
    try {
      transactionStats.transactions++
      const builder = store.db.transaction()
      return await (store.kind === 'postgres' ? builder.setIsolationLevel('serializable') : builder).execute(work)
    } catch (error) {
      if (attempt < attempts && isRetryable(error)) {
        transactionStats.retries++
        options.onRetry?.(attempt, error)
        // Jittered, growing back-off so that the racers do not meet again at once.
        await sleep(Math.random() * 5 * 2 ** Math.min(attempt, 6))
        continue
      }
      throw toStoreError(error)
    }
  }
}
