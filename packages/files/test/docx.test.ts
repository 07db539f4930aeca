/** .docx: what Word users send, read back into the text the importer reads. */
import { strToU8, zipSync } from 'fflate'
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx'
import { describe, expect, it } from 'vitest'
import { extractText } from '../src/index.js'
import { planToDocx } from './build.js'
import { plan, read } from './support.js'

const docx = async (children: (Paragraph | Table)[], numbering?: ConstructorParameters<typeof Document>[0]['numbering']) =>
  new Uint8Array(await Packer.toBuffer(new Document({ numbering, sections: [{ children }] })))

describe('a .docx plan', () => {
  it('imports as its text does: header table, automatic numbering, appendix table; page header and footer left out', async () => {
    const text = plan('province-plan.txt')
    const result = await extractText(await planToDocx(text), { fileName: 'ke-hoach-212.docx' })
    expect(result.source.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(result.source.fileName).toBe('ke-hoach-212.docx')
    expect(result.extractor.name).toMatch(/docx/)
    expect(result.text).not.toMatch(/ĐẦU TRANG|CHÂN TRANG/)
    // Numbers Word computes are back in the text, table rows are tab-separated lines.
    expect(result.text).toContain('II. NHIỆM VỤ')
    expect(result.text).toContain('3. Bảo đảm an toàn thông tin')
    expect(result.text).toContain('b) Sở Khoa học và Công nghệ diễn tập')
    expect(result.text).toContain('ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(result.text).toContain('2\tĐào tạo kỹ năng số cho cán bộ, công chức\tSở Nội vụ\tCác sở, ban, ngành tỉnh\tNăm 2026')
    const fromFile = read(result.text)
    expect(fromFile.tasks.length).toBeGreaterThan(5)
    expect(fromFile).toEqual(read(text))
  })

  it('repeats a cell merged across columns and one merged down', async () => {
    const bytes = await docx([
      new Table({
        rows: [
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph('1')] }),
              new TableCell({ children: [new Paragraph('Sở Tài chính')], columnSpan: 2 }),
              new TableCell({ children: [new Paragraph('Quý I/2026')], verticalMerge: VerticalMergeType.RESTART }),
            ],
          }),
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph('2')] }),
              new TableCell({ children: [new Paragraph('Sở Nội vụ')] }),
              new TableCell({ children: [new Paragraph('Công an tỉnh')] }),
              new TableCell({ children: [], verticalMerge: VerticalMergeType.CONTINUE }),
            ],
          }),
        ],
      }),
    ])
    const { text } = await extractText(bytes)
    expect(text.split('\n')).toEqual(['1\tSở Tài chính\tSở Tài chính\tQuý I/2026', '2\tSở Nội vụ\tCông an tỉnh\tQuý I/2026'])
  })

  it('counts numbering as Word does: levels restart under their parent, a start value, letters and roman numerals', async () => {
    const numbering = {
      config: [
        {
          reference: 'n',
          levels: [
            { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT, start: 3 },
            { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    }
    const p = (text: string, level: number) => new Paragraph({ text, numbering: { reference: 'n', level } })
    const { text } = await extractText(await docx([p('A', 0), p('B', 1), p('C', 1), p('D', 2), p('E', 0), p('F', 1)], numbering))
    expect(text.split('\n')).toEqual(['III. A', 'III.1. B', 'III.2. C', '- D', 'IV. E', 'IV.1. F'])
  })

  it('refuses a zip that is not a Word document', async () => {
    const bytes = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), '[Content_Types].xml': strToU8('<Types/>') })
    await expect(extractText(bytes)).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED' })
  })

  it('refuses a truncated .docx as corrupt', async () => {
    const bytes = await planToDocx(plan('province-plan.txt'))
    await expect(extractText(bytes.subarray(0, Math.floor(bytes.length / 2)))).rejects.toMatchObject({ code: 'FILE_CORRUPT' })
  })

  it('refuses a zip bomb before inflating it: a part declaring a huge size, or inflating far beyond its compressed size', async () => {
    const huge = new Uint8Array(65 * 1024 * 1024) // 65 MiB of zeros, over the 64 MiB limit: ~64 KiB compressed
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': huge }, { level: 9 })
    expect(bomb.length).toBeLessThan(1024 * 1024)
    await expect(extractText(bomb)).rejects.toMatchObject({ code: 'FILE_ZIP_BOMB' })
    const ratio = zipSync(
      { '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(4 * 1024 * 1024) },
      { level: 9 },
    )
    await expect(extractText(ratio)).rejects.toMatchObject({ code: 'FILE_ZIP_BOMB' })
  })

  it('refuses a Word document with no text', async () => {
    await expect(extractText(await docx([new Paragraph('')]))).rejects.toMatchObject({ code: 'FILE_NO_TEXT' })
  })
})
