/**
 * One entry point: a file's bytes in, its text and provenance out. The kind is found from the
 * content; the limits are checked before anything is parsed.
 */
import { createHash } from 'node:crypto'
import { readDocx } from './docx/docx.js'
import { FileError } from './errors.js'
import { letterCount, ocrImage } from './ocr/ocr.js'
import { readPdf } from './pdf/pdf.js'
import { decodeText, MEDIA_TYPES, sniffKind } from './sniff.js'
import { DEFAULT_LIMITS, type Extracted, type ExtractOptions, type ExtractResult } from './types.js'
import { VERSION } from './version.js'

const MIB = 1024 * 1024

/**
 * Hex SHA-256 of bytes.
 *
 * @example
 * sha256Of(new TextEncoder().encode('abc')) //=> 'ba7816bf…'
 */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Throws FILE_TOO_LARGE when `size` is over `limit` bytes.
 *
 * @example
 * checkSize(file.size, 50 * 1024 * 1024) // throws FILE_TOO_LARGE above 50 MiB
 */
export function checkSize(size: number, limit: number = DEFAULT_LIMITS.maxBytes): void {
  if (size > limit) {
    throw new FileError(
      'FILE_TOO_LARGE',
      `Tệp ${(size / MIB).toFixed(1)} MB, quá giới hạn ${(limit / MIB).toFixed(1)} MB (The file is ${(size / MIB).toFixed(1)} MB, over the ${(limit / MIB).toFixed(1)} MB limit)`,
      { details: { size, limit } },
    )
  }
}

async function extractKind(
  bytes: Uint8Array,
  kind: ReturnType<typeof sniffKind>,
  o: Required<Omit<ExtractOptions, 'onProgress' | 'fileName'>> & ExtractOptions,
): Promise<Extracted> {
  switch (kind) {
    case 'text': {
      const text = decodeText(bytes)!.replace(/^\uFEFF/, '')
      return { text, extractor: { name: '@chidao/files text', version: VERSION }, pages: 1, warnings: [] }
    }
    case 'docx':
      return readDocx(bytes, o)
    case 'pdf':
      return readPdf(bytes, o)
    case 'png':
    case 'jpeg':
    case 'tiff': {
      const { text, version } = await ocrImage(bytes, kind === 'jpeg' ? 'jpg' : kind === 'tiff' ? 'tif' : 'png', o.ocrLanguages)
      o.onProgress?.(1, 1)
      return {
        text: text.trim(),
        extractor: { name: 'tesseract', version: `${version} ${o.ocrLanguages}` },
        pages: 1,
        warnings: [{ code: 'OCR', message: 'Ảnh đã đọc bằng OCR: hãy kiểm tra kết quả (an image read by OCR: check the result)' }],
      }
    }
  }
}

/**
 * Reads a plan file (text, .docx, PDF with or without a text layer, PNG/JPEG/TIFF scan) into the
 * text the importer reads, with its provenance. Bad input is a {@link FileError}: FILE_EMPTY,
 * FILE_TOO_LARGE, FILE_UNSUPPORTED, FILE_CORRUPT, FILE_ENCRYPTED, FILE_ZIP_BOMB, FILE_NO_TEXT,
 * OCR_UNAVAILABLE.
 *
 * @example
 * const result = await extractText(await readFile('ke-hoach.docx'), { fileName: 'ke-hoach.docx' })
 * result.source //=> { fileName: 'ke-hoach.docx', sha256: '9f…', size: 18234, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }
 * result.extractor.name //=> '@chidao/files docx (fflate + fast-xml-parser)'
 */
export async function extractText(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractResult> {
  const o = { ...DEFAULT_LIMITS, ...options }
  checkSize(bytes.length, o.maxBytes)
  const kind = sniffKind(bytes)
  const extracted = await extractKind(bytes, kind, o)
  const text = extracted.text.normalize('NFC')
  if (letterCount(text) < 3) {
    throw new FileError(
      'FILE_NO_TEXT',
      kind === 'text' || kind === 'docx'
        ? 'Tệp không có nội dung chữ (The file has no text)'
        : 'Không nhận ra chữ nào trong ảnh (No text was recognised in the image)',
    )
  }
  const mediaType = MEDIA_TYPES[kind]
  return {
    ...extracted,
    text,
    source: { fileName: options.fileName ?? 'upload', sha256: sha256Of(bytes), size: bytes.length, mediaType },
  }
}
