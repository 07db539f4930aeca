import type { Kysely, Migration } from 'kysely'

/**
 * `obligation_span`: every obligation a task has ever had or will have, with the dates that decide
 * whether it stands on a given day, and what its status needs, so that a status as of a date is a
 * scan with a CASE instead of a recursion and a join over reports. One row per holder of an
 * assignment (the assigned body, then each successor it passes to), written by the services
 * whenever a command touches its inputs, and rebuilt by `refreshDerived`.
 */
export const obligationSpanMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('obligation_span')
      .addColumn('task_id', 'text', (c) => c.notNull().references('task.id'))
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      // 0: assigned directly, 1: through a group (a direct assignment wins when both meet).
      .addColumn('via_rank', 'integer', (c) => c.notNull())
      .addColumn('assigned_id', 'text', (c) => c.notNull())
      .addColumn('holder_id', 'text', (c) => c.notNull())
      .addColumn('holder_scope', 'text', (c) => c.notNull())
      .addColumn('holder_tier', 'text', (c) => c.notNull())
      // The plan's issue date: the obligation is known from then (always, when the plan has none).
      .addColumn('known_from', 'text')
      // A group member's validity, checked on the day asked only when the plan has no issue date.
      .addColumn('member_from', 'text')
      .addColumn('member_to', 'text')
      // The holder holds it from (null: from the start) until (null: for good) a succession passes it on.
      .addColumn('held_from', 'text')
      .addColumn('held_to', 'text')
      .addColumn('succeeded_on', 'text')
      // 1 when another span of the task meets the same holder in the same role (one of them stands), or
      // the holder reported completion more than once: such spans are read the careful way.
      .addColumn('irregular', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('effective_due_date', 'text')
      .addColumn('recurring', 'integer', (c) => c.notNull())
      .addColumn('conditional', 'integer', (c) => c.notNull())
      // For a task ordering plans: the first issue date of a plan of the holder (or below) implementing the task's plan.
      .addColumn('plan_done_on', 'text')
      // From the holder's reports (and the assigned body's before the succession):
      .addColumn('started_on', 'text')
      .addColumn('done_count', 'integer', (c) => c.notNull())
      .addColumn('done_from', 'text')
      .addColumn('done_on', 'text')
      .execute()
    await db.schema.createIndex('obligation_span_task_idx').on('obligation_span').column('task_id').execute()
    await db.schema.createIndex('obligation_span_holder_idx').on('obligation_span').columns(['holder_id', 'role']).execute()
    // Leading with `irregular`: a scope's plain spans and its few irregular ones are two range reads.
    await db.schema.createIndex('obligation_span_scope_idx').on('obligation_span').columns(['irregular', 'holder_scope']).execute()
    // Everything a plain span's status needs: the national scorecard reads this index, not the table.
    await db.schema
      .createIndex('obligation_span_status_idx')
      .on('obligation_span')
      .columns([
        'irregular',
        'known_from',
        'held_from',
        'held_to',
        'member_from',
        'member_to',
        'state',
        'effective_due_date',
        'recurring',
        'conditional',
        'plan_done_on',
        'started_on',
        'done_from',
        'done_on',
      ])
      .execute()
    await db.schema.createIndex('obligation_span_document_idx').on('obligation_span').column('document_id').execute()
    await db.schema.createIndex('obligation_span_assigned_idx').on('obligation_span').column('assigned_id').execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('obligation_span').execute()
  },
}
