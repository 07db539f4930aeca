/** The command recording an alignment review: a plan kept or amended after new direction from above. */
import { DomainError } from '../../errors.js'
import { ALIGNMENT_DECISIONS, type AlignmentReview } from '../../model/document.js'
import { insertAlignmentReview } from '../../storage/repo/documents.js'
import { toAlignmentReview } from '../../storage/rows.js'
import { issuerOfDocument, requireEditor as authorizeEdit } from '../authorize.js'
import { defineCommand } from '../command-tx.js'
import { requireDocument } from '../lookup.js'
import { date, id, oneOf, optional, required, text } from '../shape.js'
import { requireDate, requireOneOf, requireText } from '../validate.js'

export interface RecordAlignmentReviewInput {
  /** The plan reviewed. */
  documentId: string
  /** The document that gave new direction on one of its parents. */
  newDirectionId: string
  decision: string
  reasons: string
  /** The memo that decided it (e.g. 1408/SKHCN-QLKHCN), if registered. */
  memoId?: string | null
  decidedOn: string
}

/** Records the decision of an alignment review. Errors: UNKNOWN_DOCUMENT, INVALID_INPUT, INVALID_DATE. */
export const recordAlignmentReview = defineCommand({
  name: 'recordAlignmentReview',
  subject: 'AlignmentReview',
  description: 'Records the decision of an alignment review (keep or amend a plan after new direction).',
  input: {
    documentId: required(id('Document')),
    newDirectionId: required(id('Document')),
    decision: required(oneOf('AlignmentDecision', ALIGNMENT_DECISIONS)),
    reasons: required(text),
    memoId: optional(id('Document')),
    decidedOn: required(date),
  },
  role: 'EDITOR',
  actsFor: ({ trx }, input: RecordAlignmentReviewInput) => issuerOfDocument(trx, input.documentId),
  duplicate: 'INVALID_INPUT',
  async run({ trx, stamp, newId, grant }, input: RecordAlignmentReviewInput) {
    const document = await requireDocument(trx, input.documentId, 'documentId')
    await authorizeEdit(trx, grant, document.issuerId)
    const direction = await requireDocument(trx, input.newDirectionId, 'newDirectionId')
    const memo = input.memoId ? await requireDocument(trx, input.memoId, 'memoId') : null
    if (direction.id === document.id) {
      throw new DomainError('INVALID_INPUT', 'A plan is not reviewed against itself', { field: ['input', 'newDirectionId'] })
    }
    const row = {
      id: newId(),
      scope: document.scope,
      documentId: document.id,
      newDirectionId: direction.id,
      decision: requireOneOf(input.decision, ALIGNMENT_DECISIONS, 'decision'),
      reasons: requireText(input.reasons, 'reasons'),
      memoId: memo?.id ?? null,
      decidedOn: requireDate(input.decidedOn, 'decidedOn'),
      createdAt: stamp,
    }
    await insertAlignmentReview(trx, row)
    const created: AlignmentReview = toAlignmentReview(row)
    return { entity: 'alignmentReview', entityId: created.id, before: null, after: created, result: created }
  },
})
