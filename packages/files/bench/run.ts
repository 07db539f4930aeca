/**
 * `npm run bench -w @chidao/files`: pages per second for .docx, PDF with a text layer and OCR,
 * and the peak memory of reading a 200-page PDF (in a child process, so the files made here do not
 * count). A "page" is one A4 page of the written plan (test/plans/province-plan.txt).
 * Printed, never asserted.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { extractText, ocrTools } from '../dist/index.js'
import { planToDocx, planToPdf } from '../test/build.js'
import { plan } from '../test/support.js'

const text = plan('province-plan.txt')
const dir = mkdtempSync(join(tmpdir(), 'chidao-files-bench-'))
const rate = (pages: number, ms: number) =>
  `${(pages / (ms / 1000)).toPrecision(3)} pages/s (${pages} pages in ${(ms / 1000).toFixed(2)} s)`

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

try {
  console.log('@chidao/files on this machine')
  // .docx: the plan 100 times over (its page count in the PDF of the same text).
  const docx = await planToDocx(Array.from({ length: 100 }, () => text).join('\n'))
  await extractText(docx)
  console.log(`  .docx            ${rate(100, await time(() => extractText(docx)))}`)

  const pdf = await planToPdf(text, { repeat: 200 })
  const pages = (await PDFDocument.load(pdf)).getPageCount()
  writeFileSync(join(dir, 'plan-200.pdf'), pdf)
  await extractText(pdf)
  console.log(`  PDF, text layer  ${rate(pages, await time(() => extractText(pdf)))}`)

  // Peak memory: a fresh process that reads the 200-page PDF and reports its max RSS.
  const child = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `
    import { readFileSync } from 'node:fs'
    const { extractText } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)})
    const before = process.resourceUsage().maxRSS
    const r = await extractText(readFileSync(${JSON.stringify(join(dir, 'plan-200.pdf'))}))
    console.log(JSON.stringify({ before, after: process.resourceUsage().maxRSS, pages: r.pages, chars: r.text.length }))
  `,
    ],
    { encoding: 'utf8' },
  )
  const peak = JSON.parse(child) as { before: number; after: number; pages: number; chars: number }
  console.log(
    `  PDF, ${peak.pages} pages: peak memory (max RSS) ${(peak.after / 1024).toFixed(0)} MiB (${(peak.before / 1024).toFixed(0)} MiB before reading), ${peak.chars.toLocaleString('en')} characters`,
  )

  const tools = await ocrTools()
  if (!tools.tesseract?.languages.includes('vie') || !tools.pdftoppm) {
    console.log('  OCR              skipped: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils')
  } else {
    // A scanned PDF: 3 pages rendered at 300 dpi and embedded as images (no text layer).
    writeFileSync(join(dir, 'plan.pdf'), await planToPdf(text))
    execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', '-f', '1', '-l', '1', join(dir, 'plan.pdf'), join(dir, 'scan')])
    const png = readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith('scan'))!))
    const scan = await PDFDocument.create()
    const image = await scan.embedPng(png)
    for (let i = 0; i < 3; i++) scan.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 })
    const bytes = await scan.save()
    console.log(`  OCR (scan, 300 dpi, tesseract ${tools.tesseract.version} vie)  ${rate(3, await time(() => extractText(bytes)))}`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
