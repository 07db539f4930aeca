/**
 * `@chidao/files`: plans as they arrive — text, Word (.docx), PDF with a text layer, scanned PDFs
 * and images (OCR) — turned into the text chidao's importer reads, with where it came from.
 */
export { extractText, sha256Of, checkSize } from './extract.js'
export { FileError, isFileError, type FileErrorCode } from './errors.js'
export { sniffKind, MEDIA_TYPES } from './sniff.js'
export { layoutPage, type TextPiece } from './pdf/layout.js'
export { ocrTools, type OcrTools } from './ocr/tools.js'
export {
  DEFAULT_LIMITS,
  type ExtractOptions,
  type ExtractResult,
  type ExtractWarning,
  type ExtractorInfo,
  type FileKind,
  type FileSource,
} from './types.js'
export { VERSION } from './version.js'
