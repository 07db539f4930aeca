/** Commands on targets' measured values: an organisation bound by a plan reports where a target stands. */
import { todayInVietnam } from '../../calendar/date.js'
import { DomainError } from '../../errors.js'
import type { Measurement } from '../../model/measurement.js'
import { findMeasurement, findTarget, insertMeasurement } from '../../storage/repo/measurements.js'
import { organizationIdOf, requireMeasurer } from '../authorize.js'
import { defineCommand } from '../command-tx.js'
import { requireDocument, requireOrganization } from '../lookup.js'
import { date, id, number, optional, required, text } from '../shape.js'
import { optionalText, requireDate } from '../validate.js'

export interface MeasureTargetInput {
  targetId: string
  organizationCode: string
  value: number
  /** The unit the value is in; when given it must be the target's. */
  unit?: string | null
  measuredOn: string
  note?: string | null
  evidenceUri?: string | null
}

/** A unit as compared: NFC, trimmed, lower case, inner spaces collapsed. */
const unitKey = (unit: string) => unit.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')

/**
 * Records a measured value of a plan's target, as of a day, by an organisation the plan binds.
 * Errors: UNKNOWN_TARGET, UNKNOWN_ORGANIZATION, INVALID_INPUT (value not a finite number, another
 * unit), INVALID_DATE (after today), DUPLICATE_MEASUREMENT (that organisation already measured the
 * target that day), FORBIDDEN.
 */
export const measureTarget = defineCommand({
  name: 'measureTarget',
  subject: 'Target',
  description: 'Reports a measured value of a plan’s target as of a day (số liệu thực hiện chỉ tiêu), by an organisation the plan binds.',
  input: {
    targetId: required(id('Target')),
    organizationCode: required(text, 'The organisation whose figure it is: the plan’s issuer or a body it obliges.'),
    value: required(number),
    unit: optional(text, 'The unit of the value; when given, the target’s own.'),
    measuredOn: required(date, 'The day the value stood at.'),
    note: optional(text),
    evidenceUri: optional(text, 'Where the figure can be checked.'),
  },
  role: 'REPORTER',
  actsFor: ({ trx }, input: MeasureTargetInput) => organizationIdOf(trx, input.organizationCode),
  duplicate: 'DUPLICATE_MEASUREMENT',
  async run({ trx, stamp, newId, grant }, input: MeasureTargetInput) {
    const target = typeof input.targetId === 'string' ? await findTarget(trx, input.targetId) : null
    if (!target) throw new DomainError('UNKNOWN_TARGET', `No target ${String(input.targetId)}`, { field: ['input', 'targetId'] })
    const organization = await requireOrganization(trx, input.organizationCode, 'organizationCode')
    const submittedById = await requireMeasurer(trx, grant, target, organization.id)
    if (typeof input.value !== 'number' || !Number.isFinite(input.value)) {
      throw new DomainError('INVALID_INPUT', 'value must be a finite number', { field: ['input', 'value'] })
    }
    const unit = optionalText(input.unit, 'unit', 50)
    if (unit !== null && (target.unit === null || unitKey(unit) !== unitKey(target.unit))) {
      throw new DomainError(
        'INVALID_INPUT',
        target.unit === null
          ? `Chỉ tiêu không có đơn vị / The target has no unit (got ${unit})`
          : `Đơn vị của chỉ tiêu là ${target.unit} / The target is measured in ${target.unit}, not ${unit}`,
        { field: ['input', 'unit'] },
      )
    }
    const measuredOn = requireDate(input.measuredOn, 'measuredOn')
    const today = todayInVietnam(new Date(stamp))
    if (measuredOn > today) {
      throw new DomainError('INVALID_DATE', `measuredOn ${measuredOn} is after today (${today})`, { field: ['input', 'measuredOn'] })
    }
    const existing = await findMeasurement(trx, target.id, organization.id, measuredOn)
    if (existing) {
      throw new DomainError('DUPLICATE_MEASUREMENT', `${organization.code} already measured this target on ${measuredOn}`, {
        field: ['input', 'measuredOn'],
        details: { measurementId: existing.id },
      })
    }
    const document = await requireDocument(trx, target.documentId)
    const created: Measurement = await insertMeasurement(trx, {
      id: newId(),
      scope: document.scope,
      targetId: target.id,
      organizationId: organization.id,
      value: input.value,
      measuredOn,
      note: optionalText(input.note, 'note', 2000),
      evidenceUri: optionalText(input.evidenceUri, 'evidenceUri', 2000),
      submittedById,
      createdAt: stamp,
    })
    return { entity: 'measurement', entityId: created.id, before: null, after: created, result: created }
  },
})
