/** Reports and their evidence: the SQL the commands and queries use. */
import { sql, type Insertable, type Selectable } from 'kysely'
import type { Evidence, Report } from '../../model/report.js'
import { distinct, groupBy, type Db } from '../db.js'
import { toReport } from '../rows.js'
import type { ListPage, PageWindow } from './pages.js'
import type { Database, ReportTable } from '../schema.js'

/** Reports from their rows, with their evidence in its order (one query for all of them). */
async function withEvidence(db: Db, rows: readonly Selectable<ReportTable>[]): Promise<Report[]> {
  const evidence = rows.length
    ? await db
        .selectFrom('reportEvidence')
        .select(['reportId', 'title', 'uri', 'sha256'])
        .where(
          'reportId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('reportId')
        .orderBy('ordinal')
        .execute()
    : []
  const evidenceOf = groupBy(
    rows.map((r) => r.id),
    evidence,
    (e) => e.reportId,
    ({ title, uri, sha256 }): Evidence => ({ title, uri, sha256 }),
  )
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
    ? await db
        .selectFrom('report')
        .selectAll()
        .where('taskId', 'in', distinct(taskIds))
        .orderBy('reportedOn')
        .orderBy('createdAt')
        .execute()
    : []
  return groupBy(
    taskIds,
    await withEvidence(db, rows),
    (r) => r.taskId,
    (r) => r,
  )
}

/**
 * Pages of the reports on many tasks, oldest first, with their evidence (one statement: the
 * reports numbered per task in SQL, their window kept, its evidence joined in order).
 *
 * @example
 * const pages = await reportPagesOfTasks(db, taskIds, { offset: 0, limit: 20 })
 */
export async function reportPagesOfTasks(db: Db, taskIds: readonly string[], window: PageWindow): Promise<Map<string, ListPage<Report>>> {
  const out = new Map<string, ListPage<Report>>(taskIds.map((id) => [id, { items: [], total: 0 }]))
  if (!taskIds.length) return out
  const from = window.offset
  const to = window.offset + window.limit
  type Row = Selectable<ReportTable> & {
    rn: number | string
    total: number | string
    eTitle: string | null
    eUri: string | null
    eSha256: string | null
  }
  const rows = (
    await sql<Row>`
    select p.*, e.title as e_title, e.uri as e_uri, e.sha256 as e_sha256 from (
      select r.*, row_number() over (partition by r.task_id order by r.reported_on, r.created_at, r.id) as rn,
        count(*) over (partition by r.task_id) as total
      from report r where r.task_id in (${sql.join(distinct(taskIds))})
    ) p left join report_evidence e on e.report_id = p.id and p.rn > ${from} and p.rn <= ${to}
    where p.rn = 1 or (p.rn > ${from} and p.rn <= ${to}) order by p.task_id, p.rn, e.ordinal`.execute(db)
  ).rows
  const acc = new Map<string, { items: Report[]; total: number }>()
  let last = null as { id: string; evidence: Evidence[] } | null
  for (const r of rows) {
    let page = acc.get(r.taskId)
    if (!page) acc.set(r.taskId, (page = { items: [], total: Number(r.total) }))
    const n = Number(r.rn)
    if (n <= from || n > to) continue
    if (last?.id !== r.id) {
      const evidence: Evidence[] = []
      page.items.push(toReport(r, evidence))
      last = { id: r.id, evidence }
    }
    if (r.eUri !== null) last!.evidence.push({ title: r.eTitle!, uri: r.eUri, sha256: r.eSha256 })
  }
  for (const [key, page] of acc) out.set(key, page)
  return out
}

export async function insertReport(
  db: Db,
  row: Insertable<Database['report']>,
  evidence: readonly (Evidence & { id: string })[],
): Promise<void> {
  await db.insertInto('report').values(row).execute()
  if (evidence.length) {
    await db
      .insertInto('reportEvidence')
      .values(evidence.map((e, ordinal) => ({ ...e, reportId: row.id, ordinal })))
      .execute()
  }
}
