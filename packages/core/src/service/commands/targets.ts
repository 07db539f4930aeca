/** The command on a plan's quantitative targets. */
import { DomainError } from '../../errors.js'
import { COMPARATORS, type Target } from '../../model/task.js'
import { insertTarget } from '../../storage/repo/documents.js'
import { toTarget } from '../../storage/rows.js'
import { issuerOfDocument, requireEditor as authorizeEdit } from '../authorize.js'
import { defineCommand } from '../command-tx.js'
import { requireDocument, requireTask } from '../lookup.js'
import { date, id, number, oneOf, optional, required, text } from '../shape.js'
import { optionalDate, optionalText, requireOneOf, requireText } from '../validate.js'

export interface AddTargetInput {
  documentId: string
  taskId?: string | null
  category?: string | null
  metric: string
  unit?: string | null
  comparator: string
  value: number
  milestoneOn?: string | null
}

/** Adds a quantitative target to a document (and optionally one of its tasks). */
export const addTarget = defineCommand({
  name: 'addTarget',
  subject: 'Target',
  description: 'Adds a quantitative target to a plan.',
  input: {
    documentId: required(id('Document')),
    taskId: optional(id('Task')),
    category: optional(text),
    metric: required(text),
    unit: optional(text),
    comparator: required(oneOf('Comparator', COMPARATORS)),
    value: required(number),
    milestoneOn: optional(date),
  },
  role: 'EDITOR',
  actsFor: ({ trx }, input: AddTargetInput) => issuerOfDocument(trx, input.documentId),
  duplicate: 'INVALID_INPUT',
  async run({ trx, stamp, newId, grant }, input: AddTargetInput) {
    const document = await requireDocument(trx, input.documentId, 'documentId')
    await authorizeEdit(trx, grant, document.issuerId)
    const task = input.taskId ? await requireTask(trx, input.taskId, 'taskId') : null
    if (task && task.documentId !== document.id) {
      throw new DomainError('INVALID_INPUT', 'The task belongs to another document', { field: ['input', 'taskId'] })
    }
    if (typeof input.value !== 'number' || !Number.isFinite(input.value)) {
      throw new DomainError('INVALID_INPUT', 'value must be a finite number', { field: ['input', 'value'] })
    }
    const row = {
      id: newId(),
      scope: document.scope,
      documentId: document.id,
      taskId: task?.id ?? null,
      category: optionalText(input.category, 'category', 200),
      metric: requireText(input.metric, 'metric', 2000),
      unit: optionalText(input.unit, 'unit', 50),
      comparator: requireOneOf(input.comparator, COMPARATORS, 'comparator'),
      value: input.value,
      milestoneOn: optionalDate(input.milestoneOn, 'milestoneOn'),
      createdAt: stamp,
    }
    await insertTarget(trx, row)
    const created: Target = toTarget(row)
    return { entity: 'target', entityId: created.id, before: null, after: created, result: created }
  },
})
