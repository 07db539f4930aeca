import type { Kysely, Migration } from 'kysely'

/**
 * Alignment reviews (seed 004): when new direction arrives on a parent of existing plans, each plan
 * is reviewed and the decision (keep or amend, with reasons and the memo that decided it) recorded.
 */
export const alignmentReviewMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('alignment_review')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull().references('document.id'))
      .addColumn('new_direction_id', 'text', (c) => c.notNull().references('document.id'))
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('memo_id', 'text', (c) => c.references('document.id'))
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('alignment_review_key', ['document_id', 'new_direction_id', 'decided_on'])
      .execute()
    await db.schema.createIndex('alignment_review_direction_idx').on('alignment_review').column('new_direction_id').execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('alignment_review').execute()
  },
}
