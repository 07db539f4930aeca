/** One entry for every export, used by the dashboard's download links and by `chidao report`. */
import type { Run } from '../dashboard/query.js'
import { periodData, planData, scorecardData } from './data.js'
import { periodicReport } from './docx.js'
import { overdueWorkbook, planWorkbook, scorecardWorkbook } from './xlsx.js'

/** What to export. */
export type ExportRequest =
  | { kind: 'plan'; documentId: string; asOf: string }
  | { kind: 'scorecard' | 'overdue'; unit: string; asOf: string }
  | { kind: 'periodic'; documentId: string; period: { kind: string; year: number; index: number } }

interface ExportedFile {
  filename: string
  type: string
  body: Buffer
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** A file name from a symbol: "01-KH/BCĐ" → "01-KH-BCD" (ASCII, for every browser and disk). */
function fileSafe(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'chidao'
  )
}

/**
 * Makes an export; null when what it names does not exist.
 *
 * @example
 * const file = await exportFile(run, { kind: 'overdue', unit: 'QNG', asOf: '2025-12-31' })
 * writeFileSync(file.filename, file.body)
 */
export async function exportFile(run: Run, request: ExportRequest): Promise<ExportedFile | null> {
  if (request.kind === 'plan') {
    const plan = await planData(run, request.documentId, request.asOf)
    return (
      plan && {
        filename: `nhiem-vu-${fileSafe(plan.symbol ?? plan.kind)}-${request.asOf}.xlsx`,
        type: XLSX,
        body: await planWorkbook(plan),
      }
    )
  }
  if (request.kind === 'periodic') {
    const { kind, year, index } = request.period
    const period = await periodData(run, kind, year, index)
    const plan = await planData(run, request.documentId, period.dataTo)
    return (
      plan && {
        filename: `bao-cao-${fileSafe(plan.symbol ?? plan.kind)}-${kind.toLowerCase()}-${year}-${index}.docx`,
        type: DOCX,
        body: await periodicReport(plan, period),
      }
    )
  }
  const card = await scorecardData(run, request.unit, request.asOf, request.kind === 'scorecard' ? { scores: true } : { overdue: true })
  if (!card) return null
  return request.kind === 'scorecard'
    ? { filename: `bang-diem-${fileSafe(card.unit.code)}-${request.asOf}.xlsx`, type: XLSX, body: await scorecardWorkbook(card) }
    : { filename: `qua-han-${fileSafe(card.unit.code)}-${request.asOf}.xlsx`, type: XLSX, body: await overdueWorkbook(card) }
}
