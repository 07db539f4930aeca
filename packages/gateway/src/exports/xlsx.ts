/**
 * Excel workbooks (exceljs): a plan's task table, a scorecard per agency, the overdue list. Headers
 * in Vietnamese, dates as Excel dates (dd/mm/yyyy), an autofilter on the header row, the header
 * frozen.
 */
import ExcelJS from 'exceljs'
import { STATUS_ORDER, translator } from '../dashboard/i18n.js'
import type { ExportPlan, ExportScorecard } from './data.js'

const vi = translator('vi')

/** A YYYY-MM-DD day as the Date exceljs writes as that day (exceljs counts days in UTC). */
function excelDate(day: string | null): Date | null {
  return day ? new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))) : null
}

interface Column {
  header: string
  key: string
  width: number
  date?: boolean
  wrap?: boolean
}

function sheet(book: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: Record<string, unknown>[]): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] })
  ws.getCell('A1').value = title
  ws.getCell('A1').font = { bold: true, size: 13 }
  const header = ws.getRow(2)
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width
    const cell = header.getCell(i + 1)
    cell.value = c.header
    cell.font = { bold: true }
    cell.alignment = { vertical: 'middle', wrapText: true }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } }
  })
  rows.forEach((r, n) => {
    const row = ws.getRow(3 + n)
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1)
      const v = r[c.key]
      cell.value = (c.date ? excelDate((v as string | null) ?? null) : v) as ExcelJS.CellValue
      if (c.date) cell.numFmt = 'dd/mm/yyyy'
      cell.alignment = { vertical: 'top', wrapText: c.wrap ?? false }
    })
  })
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: columns.length } }
  return ws
}

function book(): ExcelJS.Workbook {
  const b = new ExcelJS.Workbook()
  b.creator = 'chidao'
  b.created = new Date(0)
  return b
}

/**
 * A plan's task table: TT, nhiệm vụ, chủ trì, phối hợp, thời hạn, trạng thái, ghi chú.
 *
 * @example
 * const bytes = await planWorkbook(await planData(run, documentId, '2025-12-31'))
 */
export async function planWorkbook(plan: ExportPlan): Promise<Buffer> {
  const b = book()
  sheet(
    b,
    'Nhiệm vụ',
    `Bảng nhiệm vụ ${plan.symbol ?? plan.title} — tình trạng tính đến ngày ${vi.date(plan.asOf)}`,
    [
      { header: 'TT', key: 'code', width: 8 },
      { header: 'Nhiệm vụ', key: 'content', width: 60, wrap: true },
      { header: 'Cơ quan chủ trì', key: 'lead', width: 30, wrap: true },
      { header: 'Cơ quan phối hợp', key: 'coordinating', width: 30, wrap: true },
      { header: 'Thời hạn', key: 'due', width: 12, date: true },
      { header: 'Trạng thái', key: 'status', width: 22 },
      { header: 'Ghi chú', key: 'note', width: 40, wrap: true },
    ],
    plan.tasks.map((t) => ({
      code: t.code,
      content: t.content,
      lead: t.lead.join('; '),
      coordinating: t.coordinating.join('; '),
      due: t.dueDate,
      status: vi.status(t.status),
      note: [t.timePhrase, t.dueDate ? null : t.deadlineText].filter(Boolean).join(' — '),
    })),
  )
  return Buffer.from(await b.xlsx.writeBuffer())
}

/** Each agency's counts and rates as of a date, with the unit's totals in the last row. */
export async function scorecardWorkbook(card: ExportScorecard): Promise<Buffer> {
  const b = book()
  const statusColumns: Column[] = STATUS_ORDER.map((s) => ({ header: vi.status(s), key: s, width: 14 }))
  const row = (
    name: string,
    code: string,
    x: { total: number; counts: Record<string, number>; percentComplete: number | null; onTimeRate: number | null },
  ) => ({
    name,
    code,
    total: x.total,
    ...Object.fromEntries(STATUS_ORDER.map((s) => [s, x.counts[s] ?? 0])),
    percentComplete: x.percentComplete,
    onTimeRate: x.onTimeRate,
  })
  const ws = sheet(
    b,
    'Theo cơ quan',
    `Kết quả thực hiện nhiệm vụ theo cơ quan — ${card.unit.name || 'Toàn quốc'}, tính đến ngày ${vi.date(card.asOf)}`,
    [
      { header: 'Cơ quan, đơn vị', key: 'name', width: 45, wrap: true },
      { header: 'Mã', key: 'code', width: 20 },
      { header: 'Tổng số', key: 'total', width: 10 },
      ...statusColumns,
      { header: 'Tỷ lệ hoàn thành (%)', key: 'percentComplete', width: 14 },
      { header: 'Tỷ lệ đúng hạn (%)', key: 'onTimeRate', width: 14 },
    ],
    card.scores.map((s) => row(s.name, s.code, s)),
  )
  const total = ws.addRow(Object.values(row('Tổng cộng', card.unit.code, card)))
  total.font = { bold: true }
  return Buffer.from(await b.xlsx.writeBuffer())
}

/** The overdue obligations, the longest overdue first. */
export async function overdueWorkbook(card: ExportScorecard): Promise<Buffer> {
  const b = book()
  sheet(
    b,
    'Quá hạn',
    `Danh sách nhiệm vụ quá hạn — ${card.unit.name || 'Toàn quốc'}, tính đến ngày ${vi.date(card.asOf)}`,
    [
      { header: 'STT', key: 'n', width: 6 },
      { header: 'Văn bản', key: 'document', width: 18 },
      { header: 'TT', key: 'taskCode', width: 8 },
      { header: 'Nhiệm vụ', key: 'task', width: 60, wrap: true },
      { header: 'Cơ quan thực hiện', key: 'organization', width: 35, wrap: true },
      { header: 'Vai trò', key: 'role', width: 12 },
      { header: 'Thời hạn', key: 'dueDate', width: 12, date: true },
      { header: 'Nhiệm vụ phụ thuộc', key: 'dependentTasks', width: 12 },
    ],
    card.overdue.map((o, i) => ({ ...o, n: i + 1, role: vi.code(o.role) })),
  )
  return Buffer.from(await b.xlsx.writeBuffer())
}
