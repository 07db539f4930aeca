/**
 * The periodic report on a plan's implementation (Decree 09/2019 reporting window), laid out as a
 * Vietnamese administrative document (Decree 30/2020, Annex I): the national emblem line (or the
 * Party's for a Party body), the issuer, number and symbol left to fill in, place and date, title,
 * the results, the table of tasks and their statuses, what is late, and the recipients. A draft
 * the office edits and signs.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx'
import { STATUS_ORDER, translator } from '../dashboard/i18n.js'
import type { ExportPlan, Period } from './data.js'

const vi = translator('vi')
const FONT = 'Times New Roman'
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE }

function p(
  text: string,
  options: {
    bold?: boolean
    italics?: boolean
    align?: (typeof AlignmentType)[keyof typeof AlignmentType]
    size?: number
    indent?: boolean
  } = {},
): Paragraph {
  const o: IParagraphOptions = {
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: 80 },
    indent: options.indent ? { firstLine: 567 } : undefined,
    children: [new TextRun({ text, bold: options.bold, italics: options.italics, font: FONT, size: (options.size ?? 14) * 2 })],
  }
  return new Paragraph(o)
}

const PERIOD_TITLE: Record<string, (y: number, i: number) => string> = {
  MONTH: (y, i) => `tháng ${i}/${y}`,
  QUARTER: (y, i) => `quý ${['I', 'II', 'III', 'IV'][i - 1] ?? i} năm ${y}`,
  HALF_YEAR: (y) => `6 tháng đầu năm ${y}`,
  NINE_MONTHS: (y) => `9 tháng năm ${y}`,
  YEAR: (y) => `năm ${y}`,
}

/** The period as written in a report's title ("quý IV năm 2025"). */
function periodTitle(period: Period): string {
  return (PERIOD_TITLE[period.kind] ?? ((y: number) => `năm ${y}`))(period.year, period.index)
}

function cell(
  text: string,
  width: number,
  bold = false,
  align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ alignment: align, children: [new TextRun({ text, bold, font: FONT, size: 24 })] })],
  })
}

/** The two-column header: issuer and number on the left, the emblem line and place and date on the right. */
function header(plan: ExportPlan, period: Period): Table {
  const party = plan.issuer.bloc === 'PARTY'
  const left = [
    ...(plan.issuer.parentName ? [p(plan.issuer.parentName.toUpperCase(), { align: AlignmentType.CENTER, size: 13 })] : []),
    p(plan.issuer.name.toUpperCase(), { bold: true, align: AlignmentType.CENTER, size: 13 }),
    p(party ? '*' : '', { align: AlignmentType.CENTER, size: 13 }),
    p(party ? 'Số      -BC/…' : 'Số:      /BC-…', { align: AlignmentType.CENTER, size: 13 }),
  ]
  const right = [
    p(party ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: AlignmentType.CENTER, size: 13 }),
    ...(party ? [] : [p('Độc lập - Tự do - Hạnh phúc', { bold: true, align: AlignmentType.CENTER })]),
    p(`${plan.place}, ngày     tháng     năm ${period.sendBy.slice(0, 4)}`, { italics: true, align: AlignmentType.CENTER }),
  ]
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 42, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: 58, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  })
}

/** The table of tasks and their statuses at the end of the data window. */
function taskTable(plan: ExportPlan): Table {
  const head = new TableRow({
    tableHeader: true,
    children: [
      cell('TT', 8, true, AlignmentType.CENTER),
      cell('Nhiệm vụ', 42, true, AlignmentType.CENTER),
      cell('Cơ quan chủ trì', 20, true, AlignmentType.CENTER),
      cell('Thời hạn', 12, true, AlignmentType.CENTER),
      cell('Tình trạng', 18, true, AlignmentType.CENTER),
    ],
  })
  const rows = plan.tasks.map(
    (t) =>
      new TableRow({
        children: [
          cell(t.code, 8),
          cell(t.content, 42),
          cell(t.lead.join('; ') || '—', 20),
          cell(t.dueDate ? vi.date(t.dueDate) : t.deadlineText, 12),
          cell(vi.status(t.status), 18),
        ],
      }),
  )
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...rows] })
}

/**
 * The draft report as .docx bytes. `plan` holds the statuses as of the period's last data day.
 *
 * @example
 * const period = await periodData(run, 'QUARTER', 2025, 4)
 * const bytes = await periodicReport(await planData(run, documentId, period.dataTo), period)
 */
export async function periodicReport(plan: ExportPlan, period: Period): Promise<Buffer> {
  const symbol = plan.symbol ?? `${plan.kind} (chưa rõ số)`
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, plan.tasks.filter((t) => t.status === s).length])) as Record<string, number>
  const inWindow = plan.tasks.flatMap((t) =>
    t.reports.filter((r) => r.reportedOn >= period.dataFrom && r.reportedOn <= period.dataTo).map((r) => ({ t, r })),
  )
  const overdue = plan.tasks.filter((t) => t.status === 'OVERDUE')
  const summary = STATUS_ORDER.filter((s) => counts[s])
    .map((s) => `${vi.status(s).toLowerCase()}: ${counts[s]}`)
    .join('; ')
  const body: (Paragraph | Table)[] = [
    header(plan, period),
    p(''),
    p('BÁO CÁO', { bold: true, align: AlignmentType.CENTER }),
    p(
      `Kết quả thực hiện ${plan.kind === 'KH' ? 'Kế hoạch' : 'văn bản'} số ${symbol}${plan.issuedOn ? ` ngày ${vi.date(plan.issuedOn)}` : ''} ${periodTitle(period)}`,
      { bold: true, align: AlignmentType.CENTER },
    ),
    p('-----', { align: AlignmentType.CENTER }),
    p(
      `Thực hiện ${plan.kind === 'KH' ? 'Kế hoạch' : 'văn bản'} số ${symbol}${plan.issuedOn ? ` ngày ${vi.date(plan.issuedOn)}` : ''} của ${plan.issuer.name} về ${plan.title.replace(/^(Kế hoạch|Chương trình)\s+/iu, '').replace(/\.$/, '')}, ${plan.issuer.name} báo cáo kết quả thực hiện ${periodTitle(period)} (số liệu từ ngày ${vi.date(period.dataFrom)} đến ngày ${vi.date(period.dataTo)}) như sau:`,
      { indent: true },
    ),
    p('I. KẾT QUẢ THỰC HIỆN', { bold: true }),
    p(`Tổng số nhiệm vụ: ${plan.tasks.length}; trong đó ${summary || 'chưa có nhiệm vụ'}.`, { indent: true }),
    p(`Số báo cáo tiến độ nhận được trong kỳ: ${inWindow.length}.`, { indent: true }),
    ...inWindow.map(({ t, r }) =>
      p(
        `- Nhiệm vụ ${t.code}: ${r.organization} báo cáo ngày ${vi.date(r.reportedOn)}, ${vi.code(r.claimedStatus).toLowerCase()}${r.percent !== null ? ` (${r.percent}%)` : ''}${r.narrative ? `: ${r.narrative}` : ''} (${vi.code(r.verificationStatus).toLowerCase()}).`,
        { indent: true },
      ),
    ),
    p(`Tình trạng từng nhiệm vụ tính đến ngày ${vi.date(period.dataTo)}:`, { indent: true }),
    taskTable(plan),
    p('II. TỒN TẠI, HẠN CHẾ', { bold: true }),
    ...(overdue.length
      ? overdue.map((t) =>
          p(
            `- Nhiệm vụ ${t.code} (${t.lead.join('; ') || '—'} chủ trì), hạn ${t.dueDate ? vi.date(t.dueDate) : t.deadlineText}: quá hạn chưa hoàn thành.`,
            { indent: true },
          ),
        )
      : [p('Không có nhiệm vụ quá hạn trong kỳ.', { indent: true })]),
    p('III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI', { bold: true }),
    p('[Cơ quan soạn thảo bổ sung.]', { italics: true, indent: true }),
    p('IV. KIẾN NGHỊ, ĐỀ XUẤT', { bold: true }),
    p('[Cơ quan soạn thảo bổ sung.]', { italics: true, indent: true }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              borders: NO_BORDERS,
              children: [
                p('Nơi nhận:', { bold: true, italics: true, size: 12, align: AlignmentType.LEFT }),
                ...plan.parents.map((x) => p(`- ${x.issuer} (để báo cáo);`, { size: 11, align: AlignmentType.LEFT })),
                p('- Các cơ quan, đơn vị chủ trì nhiệm vụ;', { size: 11, align: AlignmentType.LEFT }),
                p('- Lưu: VT.', { size: 11, align: AlignmentType.LEFT }),
              ],
            }),
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              borders: NO_BORDERS,
              children: [
                p(`${plan.issuer.bloc === 'PARTY' ? 'T/M' : 'TM.'} ${plan.issuer.name.toUpperCase()}`, {
                  bold: true,
                  align: AlignmentType.CENTER,
                }),
                p('(Chức vụ, ký, ghi rõ họ tên)', { italics: true, align: AlignmentType.CENTER }),
              ],
            }),
          ],
        }),
      ],
    }),
  ]
  const doc = new Document({
    creator: 'chidao',
    title: `Báo cáo kết quả thực hiện ${symbol} ${periodTitle(period)}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        // A4; margins per Decree 30/2020 Annex I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1247, bottom: 1247, left: 1928, right: 1077 } } },
        children: body,
      },
    ],
  })
  return Packer.toBuffer(doc)
}
