/** The append-only audit log (the store refuses updates and deletes of its rows). */
import type { Insertable } from 'kysely'
import type { AuditEntry } from '../../model/report.js'
import type { Db } from '../db.js'
import { toAuditEntry } from '../rows.js'
import type { Database } from '../schema.js'

export async function appendAudit(db: Db, row: Insertable<Database['auditLog']>): Promise<void> {
  await db.insertInto('auditLog').values(row).execute()
}

/** The audit trail of one entity, oldest first. */
export async function auditTrailOf(db: Db, entity: string, entityId: string): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('auditLog')
    .selectAll()
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .orderBy('at')
    .orderBy('id')
    .execute()
  return rows.map(toAuditEntry)
}
