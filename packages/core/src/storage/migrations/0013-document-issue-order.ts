import { sql, type Kysely, type Migration } from 'kysely'

/**
 * Documents in issue-date order (unknown dates first, as every list of documents orders them): the
 * first page of a document's implementing documents is then read from this index, stopping after
 * the page, instead of sorting all of them (57-NQ/TW has thousands below it: 3,356 rows joined and
 * sorted for 20 became 21 index entries read).
 */
export const documentIssueOrderMigration: Migration = {
  async up(db: Kysely<any>) {
    await sql`create index document_issue_order_idx on document ((coalesce(issued_on, '')), id)`.execute(db)
  },
  async down(db: Kysely<any>) {
    await sql`drop index document_issue_order_idx`.execute(db)
  },
}
