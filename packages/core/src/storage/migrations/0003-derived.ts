import type { Kysely, Migration } from 'kysely'

/**
 * Derived tables the hierarchy queries read, kept by the services on every write (and rebuilt by
 * `refreshDerived`): the organisation closure, group membership (without dates: validity is checked
 * at query time), each task's effective deadline, and recorded DEADLINE_AFTER_PARENT violations.
 */
export const derivedMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('organization_closure')
      .addColumn('ancestor_id', 'text', (c) => c.notNull().references('organization.id'))
      .addColumn('descendant_id', 'text', (c) => c.notNull().references('organization.id'))
      .addPrimaryKeyConstraint('organization_closure_pk', ['ancestor_id', 'descendant_id'])
      .execute()
    await db.schema.createIndex('organization_closure_descendant_idx').on('organization_closure').column('descendant_id').execute()

    await db.schema
      .createTable('organization_group_member')
      .addColumn('group_id', 'text', (c) => c.notNull().references('organization_group.id'))
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
      .addPrimaryKeyConstraint('organization_group_member_pk', ['group_id', 'organization_id'])
      .execute()
    await db.schema.createIndex('organization_group_member_org_idx').on('organization_group_member').column('organization_id').execute()

    await db.schema
      .createTable('task_effective')
      .addColumn('task_id', 'text', (c) => c.primaryKey().references('task.id'))
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('from_task_id', 'text')
      .addColumn('due_date', 'text')
      .addColumn('effective_due_date', 'text')
      .addColumn('start_date', 'text')
      .addColumn('recurrence', 'text')
      .addColumn('condition', 'text')
      .addColumn('orders_plans', 'integer', (c) => c.notNull())
      .addColumn('dependent_tasks', 'integer', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('task_violation')
      .addColumn('task_id', 'text', (c) => c.notNull().references('task.id'))
      .addColumn('parent_task_id', 'text', (c) => c.notNull().references('task.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('parent_due_date', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('task_violation_pk', ['task_id', 'parent_task_id', 'code'])
      .execute()
    await db.schema.createIndex('task_violation_parent_idx').on('task_violation').column('parent_task_id').execute()
    // Reports are read per task and organisation up to a date; assignments per group.
    await db.schema.createIndex('assignment_group_idx').on('assignment').column('group_id').execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('assignment_group_idx').execute()
    for (const t of ['task_violation', 'task_effective', 'organization_group_member', 'organization_closure'])
      await db.schema.dropTable(t).execute()
  },
}
