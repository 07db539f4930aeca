import type { Kysely, Migration } from 'kysely'

/**
 * `idempotency_key`: the first answer to a mutation sent with an idempotency key, written in the
 * mutation's own transaction, so that the same key and body give that answer again and never a
 * second write (a retry after a lost answer), and the same key with another body is refused.
 * Keys are per caller (`owner`: the API key's id, or the actor) and per command.
 * `report.submitted_by_id`: the body that filed a report for an obligated body below it.
 */
export const idempotencyMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('idempotency_key')
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('command', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('response', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_key_pk', ['owner', 'key', 'command'])
      .execute()
    await db.schema
      .alterTable('report')
      .addColumn('submitted_by_id', 'text', (c) => c.references('organization.id'))
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('report').dropColumn('submitted_by_id').execute()
    await db.schema.dropTable('idempotency_key').execute()
  },
}
