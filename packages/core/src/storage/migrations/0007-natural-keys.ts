import { sql, type Kysely, type Migration } from 'kysely'

/**
 * Integrity by the database: unique keys that hold when a part of the key is missing. A plain
 * unique constraint treats NULLs as distinct on both stores, so five concurrent imports of a plan
 * with an illegible number made five documents. Each key below is an expression index over
 * `coalesce(column, '')` (the same SQL on SQLite and PostgreSQL; on PostgreSQL 15+ this is what
 * NULLS NOT DISTINCT says):
 *
 * - a document: issuer + symbol + issue date; without a symbol, issuer + issue date + kind + title;
 * - a task's position in its plan, and an assignment's position on its task;

 * Obligation spans get no unique key: two succession paths that meet (a split then a merge) give
 * the same holder twice, legitimately (the status query marks them irregular). Their integrity under
 * concurrency comes from SERIALIZABLE commands (`storage/transact.ts`) and is checked against a full
 * rebuild by the fault suite; the obligations they derive from (assignments) have unique keys.
 *
 * - a succession: predecessor, successor, kind, date; a target: plan, task, category, metric, milestone.
 *
 * Positions already duplicated by concurrent writers are renumbered first (in their order, then by id).
 */
export const naturalKeysMigration: Migration = {
  async up(db: Kysely<any>) {
    for (const [table, parent] of [
      ['task', 'document_id'],
      ['assignment', 'task_id'],
    ] as const) {
      await sql`update ${sql.table(table)} set ordinal = (
          select count(*) from ${sql.table(table)} x
          where x.${sql.ref(parent)} = ${sql.table(table)}.${sql.ref(parent)}
            and (x.ordinal < ${sql.table(table)}.ordinal or (x.ordinal = ${sql.table(table)}.ordinal and x.id < ${sql.table(table)}.id))
        ) + ${sql.lit(table === 'task' ? 1 : 0)}
        where ${sql.ref(parent)} in (select ${sql.ref(parent)} from ${sql.table(table)} group by ${sql.ref(parent)}, ordinal having count(*) > 1)`.execute(
        db,
      )
    }
    await sql`create unique index document_key_nn on document (issuer_id, coalesce(symbol, ''), coalesce(issued_on, ''),
      (case when symbol is null then kind || '|' || title else '' end))`.execute(db)
    await sql`create unique index task_position_key on task (document_id, ordinal)`.execute(db)
    await sql`create unique index assignment_position_key on assignment (task_id, ordinal)`.execute(db)
    await sql`create unique index succession_key on succession (predecessor_id, successor_id, kind, effective_on)`.execute(db)
    await sql`create unique index target_key on target (document_id, coalesce(task_id, ''), coalesce(category, ''), metric,
      coalesce(milestone_on, ''))`.execute(db)
  },
  async down(db: Kysely<any>) {
    for (const index of ['target_key', 'succession_key', 'assignment_position_key', 'task_position_key', 'document_key_nn']) {
      await db.schema.dropIndex(index).execute()
    }
  },
}
