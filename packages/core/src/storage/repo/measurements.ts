/** Targets' measured values: the SQL `measureTarget` and the latest-value query use. */
import { sql, type Insertable, type Selectable } from 'kysely'
import type { Measurement } from '../../model/measurement.js'
import type { Comparator, Target } from '../../model/task.js'
import { distinct, type Db } from '../db.js'
import { toTarget } from '../rows.js'
import type { Database, MeasurementTable } from '../schema.js'

function toMeasurement(r: Selectable<MeasurementTable>): Measurement {
  return {
    id: r.id,
    targetId: r.targetId,
    organizationId: r.organizationId,
    value: Number(r.value),
    measuredOn: r.measuredOn,
    note: r.note,
    evidenceUri: r.evidenceUri,
    submittedById: r.submittedById,
    createdAt: r.createdAt,
  }
}

/** The target with this id, or null. */
export async function findTarget(db: Db, id: string): Promise<Target | null> {
  const row = await db.selectFrom('target').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toTarget(row) : null
}

/** The measurement of a target by an organisation on a day (the natural key), or null. */
export async function findMeasurement(db: Db, targetId: string, organizationId: string, measuredOn: string): Promise<Measurement | null> {
  const row = await db
    .selectFrom('measurement')
    .selectAll()
    .where('targetId', '=', targetId)
    .where('organizationId', '=', organizationId)
    .where('measuredOn', '=', measuredOn)
    .executeTakeFirst()
  return row ? toMeasurement(row) : null
}

export async function insertMeasurement(db: Db, row: Insertable<Database['measurement']>): Promise<Measurement> {
  await db.insertInto('measurement').values(row).execute()
  return toMeasurement(row as Selectable<MeasurementTable>)
}

/**
 * The latest measurement of each target on or before `asOf`, with the target's comparator and
 * value (one statement: a window over the (target, day) index); ties on a day go to the one
 * recorded last. Targets without one are absent.
 */
export async function latestMeasurementsOf(
  db: Db,
  targetIds: readonly string[],
  asOf: string,
): Promise<Map<string, { measurement: Measurement; comparator: Comparator; target: number }>> {
  if (!targetIds.length) return new Map()
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('measurement')
        .selectAll()
        .select(
          sql<number>`row_number() over (partition by ${sql.ref('targetId')} order by ${sql.ref('measuredOn')} desc, ${sql.ref('createdAt')} desc, ${sql.ref('id')} desc)`.as(
            'rank',
          ),
        )
        .where('targetId', 'in', distinct(targetIds))
        .where('measuredOn', '<=', asOf)
        .as('m'),
    )
    .innerJoin('target', 'target.id', 'm.targetId')
    .selectAll('m')
    .select(['target.comparator', 'target.value as targetValue'])
    .where('m.rank', '=', 1)
    .execute()
  return new Map(
    rows.map(({ rank: _, comparator, targetValue, ...r }) => [
      r.targetId,
      { measurement: toMeasurement(r), comparator, target: Number(targetValue) },
    ]),
  )
}

/** A target's measurements, newest first. */
export async function measurementsOfTarget(db: Db, targetId: string): Promise<Measurement[]> {
  const rows = await db
    .selectFrom('measurement')
    .selectAll()
    .where('targetId', '=', targetId)
    .orderBy('measuredOn', 'desc')
    .orderBy('createdAt', 'desc')
    .execute()
  return rows.map(toMeasurement)
}
