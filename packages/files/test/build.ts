/**
 * Builds the files a department receives from a plan's text, as Word and PDF writers do:
 * a .docx with the `docx` package (header rows and the appendix as tables, I./1./a) as Word's
 * automatic numbering, a page header and footer that must not be read) and a PDF with pdf-lib and
 * DejaVu Sans (Vietnamese glyphs), long lines and table cells wrapped as a writer wraps them.
 */
import { existsSync, readFileSync } from 'node:fs'
import fontkit from '@pdf-lib/fontkit'
import { AlignmentType, Document, Footer, Header, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx'
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib'

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
export const hasDejaVu = existsSync(DEJAVU)

const MARKERS: ReadonlyArray<[RegExp, number]> = [
  [/^[IVX]+\.\s+/, 0],
  [/^\d+\.\s+/, 1],
  [/^[a-z]\)\s+/, 2],
]

/** A plan's text as a .docx: numbered lines become list paragraphs, tab rows become tables. */
export async function planToDocx(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = []
  let rows: string[][] = []
  const flush = () => {
    if (!rows.length) return
    const width = Math.max(...rows.map((r) => r.length))
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: rows.map(
          (r) =>
            new TableRow({ children: Array.from({ length: width }, (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? '')] })) }),
        ),
      }),
    )
    rows = []
  }
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      rows.push(line.split('\t'))
      continue
    }
    flush()
    const marker = MARKERS.find(([re]) => re.test(line))
    children.push(
      marker
        ? new Paragraph({ text: line.replace(marker[0], ''), numbering: { reference: 'plan', level: marker[1] } })
        : new Paragraph({ text: line }),
    )
  }
  flush()
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'plan',
          levels: [
            { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.LOWER_LETTER, text: '%3)', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('ĐẦU TRANG KHÔNG ĐỌC')] }) },
        footers: { default: new Footer({ children: [new Paragraph('CHÂN TRANG KHÔNG ĐỌC')] }) },
        children,
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

const PAGE = { width: 595, height: 842, margin: 50 }

/** Words of `text` in lines no wider than `width` at `size`. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word
    if (line && font.widthOfTextAtSize(next, size) > width) {
      out.push(line)
      line = word
    } else line = next
  }
  out.push(line)
  return out
}

/**
 * A plan's text as a PDF with a text layer: A4, DejaVu Sans 10 pt; a two-cell row is a header
 * (columns at the left margin and the middle), a wider row a table with its cells wrapped.
 */
export async function planToPdf(text: string, options: { repeat?: number } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  const font = await pdf.embedFont(readFileSync(DEJAVU), { subset: true })
  const size = 10
  const lead = 14
  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height])
  let y = PAGE.height - PAGE.margin
  const room = (lines: number) => {
    if (y - lines * lead < PAGE.margin) {
      page = pdf.addPage([PAGE.width, PAGE.height])
      y = PAGE.height - PAGE.margin
    }
  }
  const usable = PAGE.width - 2 * PAGE.margin
  for (let copy = 0; copy < (options.repeat ?? 1); copy++) {
    for (const line of text.split('\n')) {
      const cells = line.split('\t')
      if (cells.length === 1) {
        for (const l of wrap(line, font, size, usable)) {
          room(1)
          if (l) page.drawText(l, { x: PAGE.margin, y, size, font })
          y -= lead
        }
        continue
      }
      // Header rows: two halves; tables: a narrow first column, the rest shared.
      const widths = cells.length === 2 ? [usable / 2, usable / 2] : [30, ...cells.slice(1).map(() => (usable - 30) / (cells.length - 1))]
      const wrapped = cells.map((c, i) => wrap(c, font, size, widths[i]! - 14)) // cell padding, as Word leaves it
      const height = Math.max(...wrapped.map((w) => w.length))
      room(height)
      let x = PAGE.margin
      wrapped.forEach((w, i) => {
        w.forEach((l, k) => {
          if (l) page.drawText(l, { x, y: y - k * lead, size, font })
        })
        x += widths[i]!
      })
      y -= height * lead
    }
  }
  return pdf.save()
}
