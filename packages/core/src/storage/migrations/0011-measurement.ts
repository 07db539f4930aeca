import type { Kysely, Migration } from 'kysely'

/**
 * `measurement`: the measured values of targets an organisation reports (`measureTarget`): one per
 * target, organisation and day (a unique key), the latest on or before a day read by an index on
 * (target, day).
 */
export const measurementMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('measurement')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull().references('target.id'))
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('measured_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('evidence_uri', 'text')
      .addColumn('submitted_by_id', 'text', (c) => c.references('organization.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('measurement_key', ['target_id', 'organization_id', 'measured_on'])
      .execute()
    await db.schema.createIndex('measurement_target_day_idx').on('measurement').columns(['target_id', 'measured_on']).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('measurement').execute()
  },
}
