/** Reads of targets' measured values. */
import type { CalendarDate } from '../../calendar/date.js'
import { meetsTarget, type Measurement, type TargetActual } from '../../model/measurement.js'
import type { Db } from '../../storage/db.js'
import * as repo from '../../storage/repo/measurements.js'

/** Each target's latest measured value on or before `asOf`, and whether it meets the target (one statement). */
export async function latestMeasurementsOf(db: Db, targetIds: readonly string[], asOf: CalendarDate): Promise<Map<string, TargetActual>> {
  const rows = await repo.latestMeasurementsOf(db, targetIds, asOf)
  return new Map(
    [...rows].map(([targetId, { measurement: m, comparator, target }]) => [
      targetId,
      {
        targetId,
        value: m.value,
        measuredOn: m.measuredOn,
        organizationId: m.organizationId,
        met: meetsTarget(comparator, target, m.value),
      },
    ]),
  )
}

/** A target's measurements, newest first. */
export function measurementsOf(db: Db, targetId: string): Promise<Measurement[]> {
  return repo.measurementsOfTarget(db, targetId)
}
