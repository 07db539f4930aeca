/** Organisations, their successions, groups and aliases: the SQL the commands and queries use. */
import { organizationSearchKey } from './organization-search.js'
import { sql } from 'kysely'
import type { Organization, OrganizationGroup, Succession } from '../../model/organization.js'
import { distinct, inOrderAsked, type Db } from '../db.js'
import { toGroup, toOrganization, toSuccession } from '../rows.js'
import type { Database } from '../schema.js'
import type { Insertable } from 'kysely'

/** The organisation with this code, or null. */
export async function findOrganizationByCode(db: Db, code: string): Promise<Organization | null> {
  const row = await db.selectFrom('organization').selectAll().where('code', '=', code).executeTakeFirst()
  return row ? toOrganization(row) : null
}

/** Organisations by id, in the order asked (null for unknown ids; one query). */
export async function organizationsByIds(db: Db, ids: readonly string[]): Promise<(Organization | null)[]> {
  if (!ids.length) return []
  const rows = await db.selectFrom('organization').selectAll().where('id', 'in', distinct(ids)).execute()
  return inOrderAsked(ids, rows, (r) => r.id, toOrganization)
}

/** Organisations directly under an organisation, by code. */
export async function organizationsUnder(db: Db, organizationId: string): Promise<Organization[]> {
  const rows = await db.selectFrom('organization').selectAll().where('parentId', '=', organizationId).orderBy('code').execute()
  return rows.map(toOrganization)
}

export async function insertOrganization(db: Db, row: Insertable<Database['organization']>): Promise<void> {
  await db
    .insertInto('organization')
    .values({ ...row, searchKey: row.searchKey ?? organizationSearchKey(row) })
    .execute()
}

/** Whether `ancestorId` is `descendantId` or above it (the closure table). */
export async function isAtOrAbove(db: Db, ancestorId: string, descendantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organizationClosure')
    .select('ancestorId')
    .where('ancestorId', '=', ancestorId)
    .where('descendantId', '=', descendantId)
    .executeTakeFirst()
  return row !== undefined
}

/** Ids of an organisation and every body above it. */
export async function idsAtOrAbove(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db.selectFrom('organizationClosure').select('ancestorId').where('descendantId', '=', organizationId).execute()
  return rows.map((r) => r.ancestorId)
}

/** Whether `toId` can be reached from `fromId` following successions forward (recursive CTE, both stores). */
export async function successionReaches(db: Db, fromId: string, toId: string): Promise<boolean> {
  const result = await sql<{ id: string }>`
    with recursive next(id) as (
      select ${fromId}
      union
      select s.successor_id from succession s join next n on s.predecessor_id = n.id
    )
    select id from next where id = ${toId}`.execute(db)
  return result.rows.length > 0
}

export async function insertSuccession(db: Db, row: Insertable<Database['succession']>): Promise<void> {
  await db.insertInto('succession').values(row).execute()
}

/** Successions from or to an organisation, by date. */
export async function successionsOf(db: Db, organizationId: string): Promise<Succession[]> {
  const rows = await db
    .selectFrom('succession')
    .selectAll()
    .where((eb) => eb.or([eb('predecessorId', '=', organizationId), eb('successorId', '=', organizationId)]))
    .orderBy('effectiveOn')
    .execute()
  return rows.map(toSuccession)
}

/** The group with this code, or null. */
export async function findGroupByCode(db: Db, code: string): Promise<OrganizationGroup | null> {
  const row = await db.selectFrom('organizationGroup').selectAll().where('code', '=', code).executeTakeFirst()
  return row ? toGroup(row) : null
}

/** Groups by id, in the order asked (null for unknown ids). */
export async function groupsByIds(db: Db, ids: readonly string[]): Promise<(OrganizationGroup | null)[]> {
  if (!ids.length) return []
  const rows = await db.selectFrom('organizationGroup').selectAll().where('id', 'in', distinct(ids)).execute()
  return inOrderAsked(ids, rows, (r) => r.id, toGroup)
}

export async function insertGroup(db: Db, row: Insertable<Database['organizationGroup']>): Promise<void> {
  await db.insertInto('organizationGroup').values(row).execute()
}

/** The alias with this folded key, or null. */
export async function findAliasByKey(db: Db, aliasKey: string) {
  return (await db.selectFrom('agencyAlias').selectAll().where('aliasKey', '=', aliasKey).executeTakeFirst()) ?? null
}

export async function insertAlias(db: Db, row: Insertable<Database['agencyAlias']>): Promise<void> {
  await db.insertInto('agencyAlias').values(row).execute()
}

/** What the importer matches against: every organisation, group, alias, and document with its issuer's tier. */
export async function catalogRows(db: Db) {
  const [organizations, groups, aliases, documents] = await Promise.all([
    db.selectFrom('organization').select(['id', 'code', 'name', 'shortName', 'tier', 'scope', 'validFrom', 'validTo']).execute(),
    db.selectFrom('organizationGroup').select(['id', 'code', 'name', 'scope']).execute(),
    db.selectFrom('agencyAlias').select(['alias', 'organizationId', 'groupId']).execute(),
    db
      .selectFrom('document')
      .innerJoin('organization', 'organization.id', 'document.issuerId')
      .select(['document.id', 'document.symbol', 'document.issuedOn', 'organization.tier'])
      .execute(),
  ])
  return { organizations, groups, aliases, documents }
}

/** Whether a body of province `from` was succeeded by a body of province `into` (as Kon Tum's by Quảng Ngãi's, 2025). */
export async function provinceMergedInto(db: Db, from: string, into: string): Promise<boolean> {
  const row = await db
    .selectFrom('succession')
    .innerJoin('organization as p', 'p.id', 'succession.predecessorId')
    .innerJoin('organization as s', 's.id', 'succession.successorId')
    .select('succession.id')
    .where('p.scope', '=', from)
    .where('s.scope', '=', into)
    .executeTakeFirst()
  return row !== undefined
}
