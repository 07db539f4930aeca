/** PDFs with a text layer: lines, header columns and table rows recovered from positions. */
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { extractText, layoutPage } from '../src/index.js'
import { hasDejaVu, planToPdf } from './build.js'
import { plan, read } from './support.js'

describe('layoutPage', () => {
  it('keeps the two header columns apart as cells of one line', () => {
    const text = layoutPage([
      { str: 'ỦY BAN NHÂN DÂN', x: 80, y: 800, width: 90, size: 12 },
      { str: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', x: 300, y: 800.4, width: 230, size: 12 },
      { str: 'TỈNH QUẢNG NGÃI', x: 82, y: 785, width: 90, size: 12 },
      { str: 'Độc lập - Tự do - Hạnh phúc', x: 340, y: 785, width: 150, size: 12 },
      { str: 'KẾ HOẠCH', x: 270, y: 740, width: 60, size: 12 },
    ])
    expect(text.split('\n')).toEqual([
      'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH QUẢNG NGÃI\tĐộc lập - Tự do - Hạnh phúc',
      'KẾ HOẠCH',
    ])
  })

  it('joins pieces of one word, spaces pieces of two, puts a wrapped table cell back in its row, and marks a paragraph break by a wide vertical gap', () => {
    const text = layoutPage([
      { str: 'TT', x: 50, y: 700, width: 10, size: 10 },
      { str: 'Nhiệm vụ', x: 80, y: 700, width: 40, size: 10 },
      { str: 'Chủ trì', x: 250, y: 700, width: 30, size: 10 },
      { str: 'Thời hạn', x: 400, y: 700, width: 40, size: 10 },
      { str: '1', x: 50, y: 686, width: 5, size: 10 },
      { str: 'Nâng cấp Cổng', x: 80, y: 686, width: 70, size: 10 },
      { str: 'dịch', x: 153, y: 686, width: 18, size: 10 },
      { str: 'vụ', x: 171, y: 686, width: 10, size: 10 },
      { str: 'Sở Khoa học và', x: 250, y: 686, width: 70, size: 10 },
      { str: 'Quý I/2026', x: 400, y: 686, width: 50, size: 10 },
      { str: 'công của tỉnh', x: 80, y: 672, width: 60, size: 10 },
      { str: 'Công nghệ', x: 250, y: 672, width: 50, size: 10 },
      { str: 'Nơi nhận:', x: 50, y: 640, width: 40, size: 10 },
    ])
    expect(text.split('\n')).toEqual([
      'TT\tNhiệm vụ\tChủ trì\tThời hạn',
      '1\tNâng cấp Cổng dịchvụ công của tỉnh\tSở Khoa học và Công nghệ\tQuý I/2026',
      '',
      'Nơi nhận:',
    ])
  })
})

describe.skipIf(!hasDejaVu)('a PDF plan with a text layer (DejaVu Sans from fonts-dejavu-core)', () => {
  it('imports as its text does: header columns, wrapped lines, the appendix table with wrapped cells', async () => {
    const text = plan('province-plan.txt')
    const result = await extractText(await planToPdf(text), { fileName: 'ke-hoach-212.pdf' })
    expect(result.extractor.name).toBe('pdfjs-dist')
    expect(result.source.mediaType).toBe('application/pdf')
    expect(result.warnings).toEqual([])
    expect(result.text).toContain('ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(result.text).toContain(
      '1\tNâng cấp Cổng dịch vụ công và hệ thống thông tin giải quyết thủ tục hành chính của tỉnh\tSở Khoa học và Công nghệ\tCông an tỉnh\tQuý I/2026',
    )
    const fromFile = read(result.text)
    expect(fromFile.tasks.length).toBeGreaterThan(5)
    expect(fromFile).toEqual(read(text))
  })

  it('counts its pages, given a Node Buffer as readFile gives', async () => {
    const result = await extractText(Buffer.from(await planToPdf(plan('province-plan.txt'), { repeat: 3 })))
    expect(result.pages).toBe(3)
  })
})

describe('bad PDFs', () => {
  it('refuses a password-protected PDF', async () => {
    // An encrypted PDF as writers make them: a standard security handler in the trailer.
    const { encryptedPdf } = await import('./encrypted.js')
    await expect(extractText(encryptedPdf())).rejects.toMatchObject({ code: 'FILE_ENCRYPTED' })
  })

  it('refuses a damaged PDF: garbage after the signature, or a real one cut short', async () => {
    await expect(extractText(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage'))).rejects.toMatchObject({
      code: 'FILE_CORRUPT',
    })
    const doc = await PDFDocument.create()
    doc.addPage().drawText('KE HOACH', { font: await doc.embedFont(StandardFonts.Helvetica) })
    const bytes = await doc.save()
    await expect(extractText(bytes.subarray(0, 200))).rejects.toMatchObject({ code: expect.stringMatching(/FILE_CORRUPT|FILE_NO_TEXT/) })
  })
})
