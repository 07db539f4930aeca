/** The reads the authorization model needs: who holds obligations, and where obliged bodies stand. */
import type { Organization } from '../../model/organization.js'
import type { Db } from '../db.js'

/** The bodies that hold an obligation on any of these tasks (their spans: group members and successors included). */
export async function holdersOf(db: Db, taskIds: readonly string[]): Promise<Set<string>> {
  if (!taskIds.length) return new Set()
  const rows = await db
    .selectFrom('obligationSpan')
    .select('holderId')
    .distinct()
    .where('taskId', 'in', [...taskIds])
    .execute()
  return new Set(rows.map((r) => r.holderId))
}

/** Whether a body holds an obligation on a task, or (no task) on any task of a document. */
export async function holdsObligationOn(
  db: Db,
  organizationId: string,
  on: { documentId: string; taskId: string | null },
): Promise<boolean> {
  let query = db
    .selectFrom('obligationSpan')
    .innerJoin('task', 'task.id', 'obligationSpan.taskId')
    .select('obligationSpan.holderId')
    .where('obligationSpan.holderId', '=', organizationId)
  query = on.taskId ? query.where('task.id', '=', on.taskId) : query.where('task.documentId', '=', on.documentId)
  return (await query.executeTakeFirst()) !== undefined
}

/** Tier and province of one body. */
export async function placeOf(db: Db, organizationId: string): Promise<Pick<Organization, 'tier' | 'scope'>> {
  return db.selectFrom('organization').select(['tier', 'scope']).where('id', '=', organizationId).executeTakeFirstOrThrow()
}

/** The bodies an assignment obliges (the organisation, or every member of the group), with their tier and province. */
export async function obligedBodies(
  db: Db,
  assignee: { organizationId: string | null; groupId: string | null },
): Promise<Pick<Organization, 'id' | 'tier' | 'scope' | 'code'>[]> {
  return assignee.organizationId
    ? db.selectFrom('organization').select(['id', 'tier', 'scope', 'code']).where('id', '=', assignee.organizationId).execute()
    : db
        .selectFrom('organizationGroupMember')
        .innerJoin('organization', 'organization.id', 'organizationGroupMember.organizationId')
        .select(['organization.id', 'organization.tier', 'organization.scope', 'organization.code'])
        .where('groupId', '=', assignee.groupId!)
        .execute()
}
