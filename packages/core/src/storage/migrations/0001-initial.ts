import { sql, type Kysely, type Migration } from 'kysely'
import type { StoreKind } from '../store-kind.js'

/**
 * The initial schema. Every table that grows with the country carries `scope` (the province
 * code, `VN` for central) so that PostgreSQL can partition or a distributed engine can shard
 * by province; keys are application-made UUIDs, so no sequence is shared between shards.
 * Indexes follow the hierarchy queries: children of a document or task, a task's assignees,
 * an organisation's obligations, reports per task and organisation in date order.
 */
export function initialMigration(store: StoreKind): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('organization')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('tier', 'text', (c) => c.notNull())
        .addColumn('bloc', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text', (c) => c.references('organization.id'))
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('organization_parent_idx').on('organization').column('parent_id').execute()
      await db.schema.createIndex('organization_scope_tier_idx').on('organization').columns(['scope', 'tier']).execute()

      await db.schema
        .createTable('succession')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('predecessor_id', 'text', (c) => c.notNull().references('organization.id'))
        .addColumn('successor_id', 'text', (c) => c.notNull().references('organization.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('effective_on', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('succession_natural_key', ['predecessor_id', 'successor_id', 'kind', 'effective_on'])
        .execute()
      await db.schema.createIndex('succession_successor_idx').on('succession').column('successor_id').execute()

      await db.schema
        .createTable('organization_group')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('selector', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('document')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('symbol', 'text')
        .addColumn('symbol_written', 'text')
        .addColumn('issuer_id', 'text', (c) => c.notNull().references('organization.id'))
        .addColumn('issued_on', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('document_natural_key', ['issuer_id', 'symbol', 'issued_on'])
        .execute()
      await db.schema.createIndex('document_symbol_idx').on('document').column('symbol').execute()
      await db.schema.createIndex('document_scope_issued_idx').on('document').columns(['scope', 'issued_on']).execute()

      await db.schema
        .createTable('document_link')
        .addColumn('child_id', 'text', (c) => c.notNull().references('document.id'))
        .addColumn('parent_id', 'text', (c) => c.notNull().references('document.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('document_link_pk', ['child_id', 'parent_id'])
        .execute()
      await db.schema.createIndex('document_link_parent_idx').on('document_link').column('parent_id').execute()

      await db.schema
        .createTable('task')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull().references('document.id'))
        .addColumn('parent_id', 'text', (c) => c.references('task.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('time_phrase', 'text')
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('output', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('task_document_code_key', ['document_id', 'code'])
        .execute()
      await db.schema.createIndex('task_parent_idx').on('task').column('parent_id').execute()

      await db.schema
        .createTable('task_link')
        .addColumn('child_id', 'text', (c) => c.notNull().references('task.id'))
        .addColumn('parent_id', 'text', (c) => c.notNull().references('task.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('task_link_pk', ['child_id', 'parent_id'])
        .execute()
      await db.schema.createIndex('task_link_parent_idx').on('task_link').column('parent_id').execute()

      await db.schema
        .createTable('assignment')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('task_id', 'text', (c) => c.notNull().references('task.id'))
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
        .addColumn('group_id', 'text', (c) => c.references('organization_group.id'))
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('assignment_one_assignee', sql`(organization_id is null) <> (group_id is null)`)
        .execute()
      await db.schema.createIndex('assignment_task_idx').on('assignment').column('task_id').execute()
      await db.schema
        .createIndex('assignment_organization_key')
        .on('assignment')
        .columns(['organization_id', 'task_id', 'role'])
        .unique()
        .where(sql.ref('organization_id'), 'is not', null)
        .execute()
      await db.schema
        .createIndex('assignment_group_key')
        .on('assignment')
        .columns(['group_id', 'task_id', 'role'])
        .unique()
        .where(sql.ref('group_id'), 'is not', null)
        .execute()

      await db.schema
        .createTable('target')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull().references('document.id'))
        .addColumn('task_id', 'text', (c) => c.references('task.id'))
        .addColumn('category', 'text')
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('unit', 'text')
        .addColumn('comparator', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('milestone_on', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('target_document_idx').on('target').column('document_id').execute()

      await db.schema
        .createTable('report')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('task_id', 'text', (c) => c.notNull().references('task.id'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('period_start', 'text')
        .addColumn('period_end', 'text')
        .addColumn('claimed_status', 'text', (c) => c.notNull())
        .addColumn('percent', 'integer')
        .addColumn('narrative', 'text')
        .addColumn('completed_on', 'text')
        .addColumn('reported_on', 'text', (c) => c.notNull())
        .addColumn('verification_status', 'text', (c) => c.notNull())
        .addColumn('verifier_id', 'text', (c) => c.references('organization.id'))
        .addColumn('verified_on', 'text')
        .addColumn('verification_note', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('report_percent_range', sql`percent is null or (percent >= 0 and percent <= 100)`)
        .execute()
      await db.schema.createIndex('report_task_org_idx').on('report').columns(['task_id', 'organization_id', 'reported_on']).execute()
      await db.schema.createIndex('report_org_idx').on('report').columns(['organization_id', 'reported_on']).execute()

      await db.schema
        .createTable('report_evidence')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('uri', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text')
        .execute()
      await db.schema.createIndex('report_evidence_report_idx').on('report_evidence').column('report_id').execute()

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('command', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute()
      await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id', 'at']).execute()

      // The audit log is append-only: the store itself refuses to change or delete an entry.
      if (store === 'sqlite') {
        for (const op of ['update', 'delete']) {
          await sql`create trigger ${sql.raw(`audit_log_no_${op}`)} before ${sql.raw(op)} on audit_log
            begin select raise(abort, 'audit_log is append-only'); end`.execute(db)
        }
      } else {
        await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
          begin raise exception 'audit_log is append-only'; end $$`.execute(db)
        await sql`create trigger audit_log_append_only before update or delete on audit_log
          for each row execute function audit_log_append_only()`.execute(db)
      }
    },

    async down(db: Kysely<any>) {
      for (const table of [
        'audit_log',
        'report_evidence',
        'report',
        'target',
        'assignment',
        'task_link',
        'task',
        'document_link',
        'document',
        'organization_group',
        'succession',
        'organization',
      ]) {
        await db.schema.dropTable(table).execute()
      }
      if (store === 'postgres') await sql`drop function if exists audit_log_append_only()`.execute(db)
    },
  }
}
