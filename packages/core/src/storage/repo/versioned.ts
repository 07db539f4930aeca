/** Optimistic concurrency: an update of a versioned row that succeeds only at the version read. */
import { sql } from 'kysely'
import { DomainError } from '../../errors.js'
import type { Db } from '../db.js'

/**
 * Applies `patch` to row `id` of a versioned table if it is still at `expected` (and `current`,
 * the version the caller read, equals it); bumps the version. Errors: VERSION_CONFLICT.
 */
export async function versionedUpdate(
  db: Db,
  table: 'document' | 'task' | 'report',
  id: string,
  expected: number,
  current: number,
  patch: Record<string, unknown>,
  stamp: string,
): Promise<void> {
  if (expected !== current) {
    throw new DomainError('VERSION_CONFLICT', `${table} ${id} is at version ${current}, not ${expected}`, {
      field: ['input', 'expectedVersion'],
      details: { currentVersion: current },
    })
  }
  const result = await db
    .updateTable(table)
    .set({ ...patch, version: sql<number>`version + 1`, updatedAt: stamp } as never)
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) {
    throw new DomainError('VERSION_CONFLICT', `${table} ${id} changed while this command ran`, { field: ['input', 'expectedVersion'] })
  }
}
