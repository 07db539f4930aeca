/**
 * Text out of a PDF: pages with a text layer through pdfjs-dist (lines and table rows from the
 * positions, see `layout.ts`); pages without one (a scan) through OCR. Encrypted and damaged files
 * are refused with their own codes.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js'
import { FileError } from '../errors.js'
import { letterCount, ocrPdfPages } from '../ocr/ocr.js'
import type { Extracted, ExtractWarning } from '../types.js'
import { layoutPage, type TextPiece } from './layout.js'
import { pdfjs } from './pdfjs.js'

/** A page with fewer letters than this in its text layer is taken for a scan. */
const MIN_LETTERS = 20

interface PdfOptions {
  readonly maxPages: number
  readonly ocrLanguages: string
  readonly ocrDpi: number
  readonly onProgress?: (done: number, total: number) => void
}

async function open(bytes: Uint8Array) {
  const { getDocument } = await pdfjs()
  try {
    // pdfjs transfers the buffer it is given to its worker, and refuses a Node Buffer: hand it a plain copy.
    return await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise
  } catch (e) {
    const name = (e as Error).name
    if (name === 'PasswordException') {
      throw new FileError(
        'FILE_ENCRYPTED',
        'PDF có mật khẩu: hãy gỡ mật khẩu rồi gửi lại (The PDF is password-protected: remove the password and try again)',
        { cause: e },
      )
    }
    throw new FileError('FILE_CORRUPT', 'PDF bị hỏng, không mở được (The PDF is damaged and cannot be opened)', { cause: e })
  }
}

/**
 * Reads a PDF into text lines, OCR-ing the pages that have no text layer.
 *
 * @example
 * const { text, pages, warnings } = await readPdf(bytes, { maxPages: 500, ocrLanguages: 'vie', ocrDpi: 300 })
 */
export async function readPdf(bytes: Uint8Array, options: PdfOptions): Promise<Extracted> {
  const doc = await open(bytes)
  const pdfjsVersion = (await pdfjs()).version
  try {
    const total = doc.numPages
    if (total > options.maxPages) {
      throw new FileError(
        'FILE_TOO_LARGE',
        `PDF có ${total} trang, quá giới hạn ${options.maxPages} (The PDF has ${total} pages, over the limit of ${options.maxPages})`,
        { details: { pages: total, limit: options.maxPages } },
      )
    }
    const texts: string[] = []
    const scanned: number[] = []
    for (let n = 1; n <= total; n++) {
      let pieces: TextPiece[]
      try {
        const page = await doc.getPage(n)
        const content = await page.getTextContent()
        pieces = (content.items as TextItem[])
          .filter((i) => typeof i.str === 'string')
          .map((i) => ({
            str: i.str,
            x: i.transform[4] as number,
            y: i.transform[5] as number,
            width: i.width,
            size: Math.hypot(i.transform[2] as number, i.transform[3] as number) || i.height,
          }))
        page.cleanup()
      } catch (e) {
        throw new FileError('FILE_CORRUPT', `Trang ${n} của PDF bị hỏng (Page ${n} of the PDF is damaged)`, { cause: e })
      }
      const text = layoutPage(pieces)
      texts.push(text)
      if (letterCount(text) < MIN_LETTERS) scanned.push(n)
      options.onProgress?.(n - scanned.length, total)
    }
    const warnings: ExtractWarning[] = []
    let extractor = { name: 'pdfjs-dist', version: pdfjsVersion }
    if (scanned.length) {
      let done = total - scanned.length
      const ocr = await ocrPdfPages(bytes, scanned, options.ocrLanguages, options.ocrDpi, () => options.onProgress?.(++done, total))
      for (const [page, text] of ocr.pages) {
        texts[page - 1] = text.trim()
        warnings.push({
          code: 'PAGE_OCR',
          message: `Trang ${page} không có lớp chữ, đã đọc bằng OCR (page ${page} has no text layer; read by OCR)`,
          page,
        })
      }
      extractor =
        scanned.length === total
          ? { name: 'tesseract (pdftoppm)', version: `${ocr.version} ${options.ocrLanguages}` }
          : { name: 'pdfjs-dist + tesseract', version: `${pdfjsVersion} + ${ocr.version} ${options.ocrLanguages}` }
    }
    const text = texts.join('\n\n').trim()
    if (letterCount(text) === 0) throw new FileError('FILE_NO_TEXT', 'Không tìm thấy chữ nào trong PDF (No text found in the PDF)')
    return { text, extractor, pages: total, warnings }
  } finally {
    await doc.destroy()
  }
}
