/**
 * The OCR programs chidao calls: Tesseract (with its Vietnamese model) and poppler's pdftoppm.
 * Looked up once per process; when one is missing the error names the Debian packages to install.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { FileError } from '../errors.js'

const run = promisify(execFile)

/** What is installed: Tesseract's version and languages, and whether pdftoppm answers. */
export interface OcrTools {
  readonly tesseract: { readonly version: string; readonly languages: readonly string[] } | null
  readonly pdftoppm: boolean
}

let found: Promise<OcrTools> | null = null

async function probe(): Promise<OcrTools> {
  let tesseract: OcrTools['tesseract'] = null
  try {
    const v = await run('tesseract', ['--version'])
    const version = /tesseract\s+v?([\d.]+\S*)/i.exec(`${v.stdout}\n${v.stderr}`)?.[1] ?? 'unknown'
    const l = await run('tesseract', ['--list-langs'])
    const languages = `${l.stdout}`
      .split('\n')
      .slice(1)
      .map((s) => s.trim())
      .filter(Boolean)
    tesseract = { version, languages }
  } catch {
    tesseract = null
  }
  let pdftoppm = false
  try {
    await run('pdftoppm', ['-v'])
    pdftoppm = true
  } catch (e) {
    // pdftoppm -v exits 0 on recent poppler, 99 on older ones: either way it is there unless not found.
    pdftoppm = (e as NodeJS.ErrnoException).code !== 'ENOENT'
  }
  return { tesseract, pdftoppm }
}

/**
 * The installed OCR tools (probed once).
 *
 * @example
 * (await ocrTools()).tesseract?.languages.includes('vie') //=> true
 */
export function ocrTools(): Promise<OcrTools> {
  found ??= probe()
  return found
}

const INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils'

/** Throws OCR_UNAVAILABLE unless Tesseract with `languages` (and pdftoppm, when asked) is installed. */
export async function requireOcr(languages: string, needPdftoppm: boolean): Promise<NonNullable<OcrTools['tesseract']>> {
  const tools = await ocrTools()
  if (!tools.tesseract) {
    throw new FileError(
      'OCR_UNAVAILABLE',
      `Cần OCR nhưng chưa cài Tesseract: ${INSTALL} (OCR is needed but Tesseract is not installed: on Debian/Ubuntu, ${INSTALL})`,
    )
  }
  const missing = languages.split('+').filter((l) => !tools.tesseract!.languages.includes(l))
  if (missing.length) {
    throw new FileError(
      'OCR_UNAVAILABLE',
      `Thiếu mô hình ngôn ngữ Tesseract ${missing.join(', ')}: apt-get install ${missing.map((l) => `tesseract-ocr-${l}`).join(' ')} (Tesseract's ${missing.join(', ')} model is missing: apt-get install ${missing.map((l) => `tesseract-ocr-${l}`).join(' ')})`,
    )
  }
  if (needPdftoppm && !tools.pdftoppm) {
    throw new FileError(
      'OCR_UNAVAILABLE',
      'Cần pdftoppm để đọc bản quét PDF: apt-get install poppler-utils (pdftoppm is needed to read a scanned PDF: apt-get install poppler-utils)',
    )
  }
  return tools.tesseract
}

/**
 * Runs a program, returning its standard output. Tesseract runs on one thread unless
 * OMP_THREAD_LIMIT says otherwise: on a busy 2-core machine its OpenMP threads made a page take
 * 21 s instead of 9 s.
 */
export async function runTool(program: string, args: readonly string[]): Promise<string> {
  const env = { ...process.env, OMP_THREAD_LIMIT: process.env.OMP_THREAD_LIMIT ?? '1' }
  const { stdout } = await run(program, [...args], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', env })
  return stdout
}
