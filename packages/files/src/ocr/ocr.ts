/**
 * OCR of images and scanned PDF pages: Tesseract's LSTM engine with the Vietnamese model, pages
 * rendered by pdftoppm at 300 dpi in grey. Each call works in its own temporary folder, removed
 * afterwards. The text then goes through the importer, which is made for OCR's damage.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileError } from '../errors.js'
import { requireOcr, runTool } from './tools.js'

/** Letters in a text: fewer than a handful is "no text". */
export function letterCount(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length
}

async function inTemp<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'chidao-ocr-'))
  try {
    return await work(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function tesseract(image: string, languages: string): Promise<string> {
  try {
    // psm 3: automatic page segmentation, so a header's two columns come out as two blocks.
    return await runTool('tesseract', [image, 'stdout', '-l', languages, '--psm', '3'])
  } catch (e) {
    throw new FileError('FILE_CORRUPT', 'Không đọc được ảnh (The image cannot be read)', { cause: e })
  }
}

/**
 * OCR of one image (PNG, JPEG or TIFF bytes); a multi-page TIFF gives every page.
 *
 * @example
 * const { text, version } = await ocrImage(pngBytes, 'vie')
 */
export async function ocrImage(bytes: Uint8Array, extension: string, languages: string): Promise<{ text: string; version: string }> {
  const { version } = await requireOcr(languages, false)
  return inTemp(async (dir) => {
    const file = join(dir, `page.${extension}`)
    await writeFile(file, bytes)
    return { text: await tesseract(file, languages), version }
  })
}

/**
 * OCR of the given pages (1-based) of a PDF, each rendered at `dpi`.
 *
 * @example
 * const { pages } = await ocrPdfPages(pdfBytes, [1, 2], 'vie', 300)
 */
export async function ocrPdfPages(
  bytes: Uint8Array,
  pages: readonly number[],
  languages: string,
  dpi: number,
  onPage?: (page: number) => void,
): Promise<{ pages: Map<number, string>; version: string }> {
  const { version } = await requireOcr(languages, true)
  return inTemp(async (dir) => {
    const pdf = join(dir, 'in.pdf')
    await writeFile(pdf, bytes)
    const out = new Map<number, string>()
    for (const page of pages) {
      const prefix = join(dir, `p${page}`)
      try {
        await runTool('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-f', String(page), '-l', String(page), pdf, prefix])
      } catch (e) {
        throw new FileError(
          'FILE_CORRUPT',
          `Không dựng được trang ${page} của PDF để OCR (Page ${page} of the PDF cannot be rendered for OCR)`,
          { cause: e },
        )
      }
      const image = (await readdir(dir)).find((f) => f.startsWith(`p${page}-`) && f.endsWith('.png'))
      if (!image) throw new FileError('FILE_CORRUPT', `Trang ${page} của PDF không dựng được (Page ${page} of the PDF rendered nothing)`)
      out.set(page, await tesseract(join(dir, image), languages))
      await rm(join(dir, image), { force: true })
      onPage?.(page)
    }
    return { pages: out, version }
  })
}
