/** Reports and their evidence: the SQL the commands and queries use. */
import type { Insertable, Selectable } from 'kysely'
import type { Evidence, Report } from '../../model/report.js'
import { distinct, groupBy, type Db } from '../db.js'
import { toReport } from '../rows.js'
import type { Database, ReportTable } from '../schema.js'

/** Reports from their rows, with their evidence in its order (one query for all of them). */
async function withEvidence(db: Db, rows: readonly Selectable<ReportTable>[]): Promise<Report[]> {
  const evidence = rows.length
    ? await db.selectFrom('reportEvidence').select(['reportId', 'title', 'uri', 'sha256']).where('reportId', 'in', rows.map((r) => r.id))
      .orderBy('reportId').orderBy('ordinal').execute()
    : []
  const evidenceOf = groupBy(rows.map((r) => r.id), evidence, (e) => e.reportId, ({ title, uri, sha256 }): Evidence => ({ title, uri, sha256 }))
  return rows.map((r) => toReport(r, evidenceOf.get(r.id) ?? []))
}

/** The report with this id and its evidence, or null. */
export async function findReport(db: Db, id: string): Promise<Report | null> {
  const row = await db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? (await withEvidence(db, [row]))[0]! : null
}

/** Reports on many tasks at once, oldest first, by task id (two queries: reports, then their evidence). */
export async function reportsOfTasks(db: Db, taskIds: readonly string[]): Promise<Map<string, Report[]>> {
  const rows = taskIds.length
    ? await db.selectFrom('report').selectAll().where('taskId', 'in', distinct(taskIds)).orderBy('reportedOn').orderBy('createdAt').execute()
    : []
  return groupBy(taskIds, await withEvidence(db, rows), (r) => r.taskId, (r) => r)
}

export async function insertReport(
  db: Db, row: Insertable<Database['report']>, evidence: readonly (Evidence & { id: string })[],
): Promise<void> {
  await db.insertInto('report').values(row).execute()
  if (evidence.length) {
    await db.insertInto('reportEvidence').values(evidence.map((e, ordinal) => ({ ...e, reportId: row.id, ordinal }))).execute()
  }
}
