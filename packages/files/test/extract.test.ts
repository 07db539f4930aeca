/** The front door: kinds found from content, limits, and what is refused before anything is read. */
import { describe, expect, it } from 'vitest'
import { extractText, sha256Of, sniffKind } from '../src/index.js'
import { plan } from './support.js'

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** An OLE compound file holding `streamName` in its directory (as Office writes its containers). */
function compoundFile(streamName: string): Uint8Array {
  const bytes = new Uint8Array(2048)
  bytes.set(CFB)
  bytes.set(Buffer.from(streamName, 'utf16le'), 1024)
  return bytes
}

describe('extractText', () => {
  it('reads a text file as it is, with its source: name, SHA-256, size, media type', async () => {
    const bytes = new TextEncoder().encode(plan('province-plan.txt'))
    const result = await extractText(bytes, { fileName: 'ke-hoach.txt' })
    expect(result.text).toBe(plan('province-plan.txt'))
    expect(result.source).toEqual({
      fileName: 'ke-hoach.txt',
      sha256: sha256Of(bytes),
      size: bytes.length,
      mediaType: 'text/plain; charset=utf-8',
    })
    expect(result.source.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(result.pages).toBe(1)
  })

  it('chooses by content, not by name: a PDF called .txt is a PDF, a text called .pdf is text', async () => {
    expect(sniffKind(new TextEncoder().encode('%PDF-1.7\n'))).toBe('pdf')
    const result = await extractText(new TextEncoder().encode('KẾ HOẠCH\nTriển khai'), { fileName: 'ke-hoach.pdf' })
    expect(result.source.mediaType).toBe('text/plain; charset=utf-8')
  })

  it('reads UTF-16 text with its byte order mark, and NFC-normalises what it reads', async () => {
    const decomposed = 'Kế hoạch'.normalize('NFD')
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(decomposed, 'utf16le')])
    expect((await extractText(bytes)).text).toBe('Kế hoạch'.normalize('NFC'))
  })

  it('refuses an empty file', async () => {
    await expect(extractText(new Uint8Array())).rejects.toMatchObject({
      code: 'FILE_EMPTY',
      message: expect.stringMatching(/Tệp rỗng.*empty/),
    })
  })

  it('refuses a file of another type (binary, GIF, a legacy .doc)', async () => {
    await expect(extractText(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0, 1, 2]))).rejects.toMatchObject({
      code: 'FILE_UNSUPPORTED',
    })
    await expect(extractText(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0xff]))).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED' })
    await expect(extractText(compoundFile('WordDocument'))).rejects.toMatchObject({
      code: 'FILE_UNSUPPORTED',
      message: expect.stringMatching(/\.docx/),
    })
  })

  it('refuses a password-protected Word file (an encrypted Office package)', async () => {
    await expect(extractText(compoundFile('EncryptedPackage'))).rejects.toMatchObject({ code: 'FILE_ENCRYPTED' })
  })

  it('refuses a file over the limit before reading it', async () => {
    const bytes = new TextEncoder().encode('KẾ HOẠCH '.repeat(200))
    await expect(extractText(bytes, { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      details: { size: bytes.length, limit: 1000 },
    })
  })

  it('refuses a text with no letters', async () => {
    await expect(extractText(new TextEncoder().encode('  \n 12 \n'))).rejects.toMatchObject({ code: 'FILE_NO_TEXT' })
  })
})
