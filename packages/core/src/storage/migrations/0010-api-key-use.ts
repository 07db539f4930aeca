import type { Kysely, Migration } from 'kysely'

/**
 * When each API key was last used (`chidao keys list` shows it), and which key is the local admin
 * key `chidao serve` made (so it makes only one).
 */
export const apiKeyUseMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('api_key').addColumn('last_used_at', 'text').execute()
    await db.schema
      .alterTable('api_key')
      .addColumn('local_admin', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('api_key').dropColumn('local_admin').execute()
    await db.schema.alterTable('api_key').dropColumn('last_used_at').execute()
  },
}
