/**
 * The closed set of reasons a file is refused. Every message is Vietnamese with English beside it;
 * callers switch on `code`.
 */
export type FileErrorCode =
  /** The file has no bytes. */
  | 'FILE_EMPTY'
  /** Over the size limit (bytes, pages, or uncompressed parts of a .docx). */
  | 'FILE_TOO_LARGE'
  /** Not text, .docx, PDF, PNG, JPEG or TIFF (by its content, whatever its name). */
  | 'FILE_UNSUPPORTED'
  /** A .docx or PDF that cannot be read: truncated, damaged, or not what its first bytes claim. */
  | 'FILE_CORRUPT'
  /** Password-protected (an encrypted Office package or an encrypted PDF). */
  | 'FILE_ENCRYPTED'
  /** A compressed part that inflates far beyond what a plan needs (a zip bomb). */
  | 'FILE_ZIP_BOMB'
  /** Nothing readable: an image or scan in which OCR found no text, or an empty document. */
  | 'FILE_NO_TEXT'
  /** OCR is needed but Tesseract, its Vietnamese model or pdftoppm is not installed. */
  | 'OCR_UNAVAILABLE'

/**
 * A file that cannot be turned into a plan's text; nothing was written.
 *
 * @example
 * try { await extractText(new Uint8Array(), { fileName: 'x.pdf' }) } catch (e) { if (isFileError(e)) e.code }
 * //=> 'FILE_EMPTY'
 */
export class FileError extends Error {
  override readonly name = 'FileError'
  readonly code: FileErrorCode
  readonly details: Readonly<Record<string, unknown>> | undefined

  constructor(code: FileErrorCode, message: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.details = options.details
  }
}

/**
 * Tells whether `value` is a {@link FileError}.
 *
 * @example
 * if (isFileError(error)) console.error(error.code)
 */
export function isFileError(value: unknown): value is FileError {
  return value instanceof FileError
}
