/**
 * What a file is, from its first bytes (magic numbers), never from its name: a renamed .doc is
 * not read as .docx, a PDF named `.txt` is still a PDF.
 */
import { FileError } from './errors.js'
import type { FileKind } from './types.js'

/** Media types of the kinds read. */
export const MEDIA_TYPES: Readonly<Record<FileKind, string>> = Object.freeze({
  text: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
})

const starts = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b)

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** Whether the bytes hold `text` encoded as UTF-16LE (the way CFB streams name themselves). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le')
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle)
}

/** A text file: UTF-8 (a BOM allowed) or UTF-16 with its BOM, no NUL bytes; null otherwise. */
export function decodeText(bytes: Uint8Array): string | null {
  if (starts(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (starts(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  if (bytes.includes(0)) return null
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return null
  }
}

/**
 * The kind of a file from its content; refuses what is not read with a coded error
 * (a password-protected Office file is `FILE_ENCRYPTED`, a .doc or .xlsx `FILE_UNSUPPORTED`).
 *
 * @example
 * sniffKind(new TextEncoder().encode('%PDF-1.7\n…'))
 * //=> 'pdf'
 */
export function sniffKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) throw new FileError('FILE_EMPTY', 'Tệp rỗng (The file is empty)')
  if (bytes.length >= 5 && starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  // Some writers put a few bytes before "%PDF-"; readers accept it within the first KiB.
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf'
  if (starts(bytes, ZIP)) return 'docx' // which zip it is, the .docx reader checks ([Content_Types].xml)
  if (starts(bytes, CFB)) {
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      throw new FileError(
        'FILE_ENCRYPTED',
        'Tệp Word có mật khẩu: hãy gỡ mật khẩu rồi gửi lại (The Word file is password-protected: remove the password and try again)',
      )
    }
    throw new FileError(
      'FILE_UNSUPPORTED',
      'Tệp Word 97–2003 (.doc) hoặc Office cũ: hãy lưu thành .docx hoặc PDF (A legacy .doc/Office file: save it as .docx or PDF)',
    )
  }
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (starts(bytes, [0x49, 0x49, 0x2a, 0x00]) || starts(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff'
  if (decodeText(bytes) !== null) return 'text'
  throw new FileError(
    'FILE_UNSUPPORTED',
    'Không đọc được loại tệp này: chỉ nhận .txt, .docx, .pdf, .png, .jpg, .tif (Unsupported file type: only text, .docx, PDF, PNG, JPEG and TIFF are read)',
  )
}
