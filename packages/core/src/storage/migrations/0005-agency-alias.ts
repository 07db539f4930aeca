import type { Kysely, Migration } from 'kysely'

/**
 * Other names of organisations and groups ("VPUB", "các xã, phường, đặc khu"), for the importer:
 * a phrase resolved once is matched by itself on the next import. `alias_key` is the phrase
 * folded to matching keys, unique so that one phrase names one body.
 */
export const agencyAliasMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('agency_alias')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('alias', 'text', (c) => c.notNull())
      .addColumn('alias_key', 'text', (c) => c.notNull().unique())
      .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
      .addColumn('group_id', 'text', (c) => c.references('organization_group.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('agency_alias').execute()
  },
}
