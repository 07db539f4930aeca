/** What the extractors return, and the limits they keep. */

/** The kinds of file read, found from their content. */
export type FileKind = 'text' | 'docx' | 'pdf' | 'png' | 'jpeg' | 'tiff'

/** A note on how the text was got: a page read by OCR, a part left out, a guess. */
export interface ExtractWarning {
  readonly code: string
  readonly message: string
  /** 1-based page, when it concerns one. */
  readonly page?: number
}

/** Which program turned the file into text, and its version. */
export interface ExtractorInfo {
  readonly name: string
  readonly version: string
}

/** The file a text came from: enough to tell which file, byte for byte, a task was read from. */
export interface FileSource {
  readonly fileName: string
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string
  /** Bytes. */
  readonly size: number
  /** The media type found from the content (not from the name). */
  readonly mediaType: string
}

/** A file's text, ready for the importer, with where it came from. */
export interface ExtractResult {
  /** Lines; a table row is one line of tab-separated cells, as Word's text export writes it. */
  readonly text: string
  readonly extractor: ExtractorInfo
  readonly source: FileSource
  /** Pages read (1 for text and .docx, which have no fixed pages). */
  readonly pages: number
  readonly warnings: readonly ExtractWarning[]
}

/** Limits and tools of {@link extractText}; every field has a default. */
export interface ExtractOptions {
  /** The file's name as given (kept in the source; its extension is never trusted). */
  readonly fileName?: string
  /** Largest file accepted, bytes (default 20 MiB). */
  readonly maxBytes?: number
  /** Largest total of the .docx parts read, uncompressed, bytes (default 64 MiB). */
  readonly maxUncompressedBytes?: number
  /** Largest inflation ratio of one .docx part (default 200). */
  readonly maxCompressionRatio?: number
  /** Most pages read from a PDF (default 500). */
  readonly maxPages?: number
  /** Tesseract languages (default `vie`). */
  readonly ocrLanguages?: string
  /** Resolution PDF pages are rendered at for OCR (default 300 dpi). */
  readonly ocrDpi?: number
  /** Called as pages are read. */
  readonly onProgress?: (done: number, total: number) => void
}

export const DEFAULT_LIMITS = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 64 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxPages: 500,
  ocrLanguages: 'vie',
  ocrDpi: 300,
})

/** What one extractor gives back before the source is stamped on. */
export interface Extracted {
  readonly text: string
  readonly extractor: ExtractorInfo
  readonly pages: number
  readonly warnings: readonly ExtractWarning[]
}
