/** Commands on reports: submitting progress with evidence, and the supervising body's verification. */
import { DomainError } from '../../errors.js'
import { CLAIMED_STATUSES, REPORT_PERIODS, VERIFICATION_STATUSES, type Evidence, type Report } from '../../model/report.js'
import { refreshObligationSpans } from '../../storage/obligation-span.js'
import { insertReport } from '../../storage/repo/reports.js'
import { versionedUpdate } from '../../storage/repo/versioned.js'
import { defineCommand } from '../command-tx.js'
import { organizationIdOf, requireReporter, requireVerifier } from '../authorize.js'
import { date, id, int, list, object, oneOf, optional, required, text } from '../shape.js'
import { requireDocument, requireOrganization, requireReport, requireTask } from '../lookup.js'
import { optionalDate, optionalText, requireDate, requireOneOf, requireText, requireVersion } from '../validate.js'

export interface SubmitReportInput {
  taskId: string
  organizationCode: string
  period: string
  periodStart?: string | null
  periodEnd?: string | null
  claimedStatus: string
  percent?: number | null
  narrative?: string | null
  completedOn?: string | null
  reportedOn: string
  evidence?: { title: string; uri: string; sha256?: string | null }[]
}

export interface VerifyReportInput {
  reportId: string
  expectedVersion: number
  verifierCode: string
  status: string
  verifiedOn: string
  note?: string | null
}

const SHA256_RE = /^[0-9a-f]{64}$/

/** Submits a progress report with its evidence. The claim is kept apart from any verification. */
export const submitReport = defineCommand({
  name: 'submitReport',
  subject: 'Report',
  description: 'Submits a progress report with its evidence.',
  input: {
    taskId: required(id('Task')),
    organizationCode: required(text),
    period: required(oneOf('ReportPeriod', REPORT_PERIODS)),
    periodStart: optional(date),
    periodEnd: optional(date),
    claimedStatus: required(oneOf('ClaimedStatus', CLAIMED_STATUSES)),
    percent: optional(int),
    narrative: optional(text),
    completedOn: optional(date),
    reportedOn: required(date),
    evidence: optional(list(object('Evidence', { title: required(text), uri: required(text), sha256: optional(text) }))),
  },
  role: 'REPORTER',
  actsFor: ({ trx }, input: SubmitReportInput) => organizationIdOf(trx, input.organizationCode),
  answer: { entity: 'Report' },
  duplicate: 'INVALID_INPUT',
  async run({ trx, stamp, newId, grant }, input: SubmitReportInput) {
    const task = await requireTask(trx, input.taskId, 'taskId')
    const organization = await requireOrganization(trx, input.organizationCode, 'organizationCode')
    const submittedById = await requireReporter(trx, grant, task.id, organization.id)
    const claimedStatus = requireOneOf(input.claimedStatus, CLAIMED_STATUSES, 'claimedStatus')
    const percent = input.percent ?? null
    if (percent !== null && (!Number.isInteger(percent) || percent < 0 || percent > 100)) {
      throw new DomainError('INVALID_INPUT', 'percent must be an integer from 0 to 100', { field: ['input', 'percent'] })
    }
    const reportedOn = requireDate(input.reportedOn, 'reportedOn')
    const completedOn = optionalDate(input.completedOn, 'completedOn')
    if (claimedStatus === 'COMPLETED' && completedOn === null) {
      throw new DomainError('INVALID_INPUT', 'A COMPLETED claim needs completedOn', { field: ['input', 'completedOn'] })
    }
    if (completedOn !== null && completedOn > reportedOn) {
      throw new DomainError('INVALID_DATE', 'completedOn is after reportedOn', { field: ['input', 'completedOn'] })
    }
    const periodStart = optionalDate(input.periodStart, 'periodStart')
    const periodEnd = optionalDate(input.periodEnd, 'periodEnd')
    if (periodStart && periodEnd && periodEnd < periodStart) {
      throw new DomainError('INVALID_DATE', 'periodEnd is before periodStart', { field: ['input', 'periodEnd'] })
    }
    const evidence: Evidence[] = (input.evidence ?? []).map((e, i) => {
      const sha256 = e.sha256 ? e.sha256.toLowerCase() : null
      if (sha256 !== null && !SHA256_RE.test(sha256)) {
        throw new DomainError('INVALID_INPUT', 'sha256 must be 64 hex digits', { field: ['input', 'evidence', String(i), 'sha256'] })
      }
      return { title: requireText(e.title, 'evidence.title', 500), uri: requireText(e.uri, 'evidence.uri', 2000), sha256 }
    })
    const row = {
      id: newId(),
      scope: organization.scope,
      taskId: task.id,
      organizationId: organization.id,
      period: requireOneOf(input.period, REPORT_PERIODS, 'period'),
      periodStart,
      periodEnd,
      claimedStatus,
      percent,
      narrative: optionalText(input.narrative, 'narrative'),
      completedOn,
      reportedOn,
      verificationStatus: 'PENDING' as const,
      verifierId: null,
      verifiedOn: null,
      verificationNote: null,
      submittedById,
      createdAt: stamp,
      updatedAt: stamp,
    }
    await insertReport(
      trx,
      row,
      evidence.map((e) => ({ id: newId(), ...e })),
    )
    await refreshObligationSpans(trx, [task.id])
    const created: Report = await requireReport(trx, row.id)
    return { entity: 'report', entityId: created.id, before: null, after: created, result: created }
  },
})

/** The supervising organisation accepts or rejects a report. */
export const verifyReport = defineCommand({
  name: 'verifyReport',
  subject: 'Report',
  description: 'The supervising organisation accepts or rejects a report.',
  input: {
    reportId: required(id('Report')),
    expectedVersion: required(int),
    verifierCode: required(text),
    status: required(oneOf('VerificationStatus', VERIFICATION_STATUSES)),
    verifiedOn: required(date),
    note: optional(text),
  },
  role: 'EDITOR',
  actsFor: ({ trx }, input: VerifyReportInput) => organizationIdOf(trx, input.verifierCode),
  answer: { entity: 'Report' },
  duplicate: 'INVALID_INPUT',
  async run({ trx, stamp, grant }, input: VerifyReportInput) {
    const expected = requireVersion(input.expectedVersion)
    const before = await requireReport(trx, input.reportId, 'reportId')
    const verifier = await requireOrganization(trx, input.verifierCode, 'verifierCode')
    const plan = await requireDocument(trx, (await requireTask(trx, before.taskId)).documentId)
    await requireVerifier(trx, grant, verifier.id, plan.issuerId, before.organizationId)
    const status = requireOneOf(input.status, VERIFICATION_STATUSES, 'status')
    const verifiedOn = requireDate(input.verifiedOn, 'verifiedOn')
    if (verifiedOn < before.reportedOn) {
      throw new DomainError('INVALID_DATE', 'verifiedOn is before the report was made', { field: ['input', 'verifiedOn'] })
    }
    await versionedUpdate(
      trx,
      'report',
      before.id,
      expected,
      before.version,
      {
        verificationStatus: status,
        verifierId: verifier.id,
        verifiedOn,
        verificationNote: optionalText(input.note, 'note'),
      },
      stamp,
    )
    const after = await requireReport(trx, before.id)
    return { entity: 'report', entityId: before.id, before, after, result: after }
  },
})
