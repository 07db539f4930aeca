import type { Kysely, Migration } from 'kysely'

/**
 * Where an imported document's text came from: the file (name, SHA-256, size, media type) and the
 * program that read it (extractor and version, pages). One row per file a document was imported
 * from; the same file imported again adds nothing (unique document + SHA-256).
 */
export const documentSourceMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('document_source')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull().references('document.id'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('extractor', 'text', (c) => c.notNull())
      .addColumn('extractor_version', 'text', (c) => c.notNull())
      .addColumn('pages', 'integer', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addUniqueConstraint('document_source_file_unique', ['document_id', 'sha256'])
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('document_source').execute()
  },
}
