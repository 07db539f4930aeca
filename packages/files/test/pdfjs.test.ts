/**
 * pdfjs-dist's legacy build replaces built-ins for the whole process when it loads (core-js on
 * Node 20's V8): it is loaded only when a PDF is read, and the natives are put back after.
 * Vitest runs each test file in its own process, so this file starts with pdfjs not yet loaded.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'

const natives = { push: Array.prototype.push, parse: JSON.parse, toString: Function.prototype.toString }
const pdfjsLoaded = () => 'pdfjsLib' in globalThis

describe('pdfjs and the process’s built-ins', () => {
  it('is not loaded by importing the package, and leaves push, JSON.parse and toString native once a PDF is read', async () => {
    const { extractText } = await import('../src/index.js')
    expect(pdfjsLoaded()).toBe(false)
    const doc = await PDFDocument.create()
    doc.addPage().drawText('KE HOACH trien khai thuc hien nhiem vu nam 2026', { font: await doc.embedFont(StandardFonts.Helvetica) })
    const read = await extractText(await doc.save())
    expect(read.text).toContain('KE HOACH')
    expect(read.extractor.name).toBe('pdfjs-dist')
    expect(pdfjsLoaded()).toBe(true)
    expect(Array.prototype.push).toBe(natives.push)
    expect(JSON.parse).toBe(natives.parse)
    expect(Function.prototype.toString).toBe(natives.toString)
    // What pdfjs only adds, and needs, stays.
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function')
  })
})
