/** Reading organisations, groups, successions and the audit log (nullable readers; no writes). */
import type { AuditEntry } from '../../model/report.js'
import type { Organization } from '../../model/organization.js'
import type { Db } from '../../storage/db.js'
import { auditTrailOf } from '../../storage/repo/audit.js'
import { isAtOrAbove, organizationsUnder } from '../../storage/repo/organizations.js'

export {
  findGroupByCode as groupByCode,
  findOrganizationByCode as organizationByCode,
  groupsByIds,
  organizationsByIds,
  successionsOf,
} from '../../storage/repo/organizations.js'

/** Organisations directly under an organisation. */
export function membersOf(db: Db, organizationId: string): Promise<Organization[]> {
  return organizationsUnder(db, organizationId)
}

/** Whether a body acting for `actingId` (null: for all) may act for `organizationId`: its own, or one below it. */
export async function actsFor(db: Db, actingId: string | null, organizationId: string): Promise<boolean> {
  return actingId === null || isAtOrAbove(db, actingId, organizationId)
}

/** The audit trail of one entity, oldest first. */
export function auditTrail(db: Db, entity: string, entityId: string): Promise<AuditEntry[]> {
  return auditTrailOf(db, entity, entityId)
}
