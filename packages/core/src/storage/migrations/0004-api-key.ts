import type { Kysely, Migration } from 'kysely'

/** API keys: stored as SHA-256 hashes only, bound to an organisation (null: every one) and a role. */
export const apiKeyMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('api_key')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('label', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('api_key').execute()
  },
}
