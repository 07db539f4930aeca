/**
 * Text out of a .docx: the body's paragraphs and tables in document order, list numbers Word
 * computes put back, a table row as one line of tab-separated cells (a cell merged across columns
 * repeated in each, one merged down repeated in each row), headers, footers, footnotes and
 * deleted revisions left out. Read with fflate (zip) and fast-xml-parser (XML): only the parts
 * needed are inflated, and only after their declared sizes pass the limits.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate'
import { FileError } from '../errors.js'
import type { Extracted, ExtractWarning } from '../types.js'
import { Numbering, numberingOf, styleNumbering } from './numbering.js'
import { child, children, find, parseXml, val, type XmlNode } from './xml.js'
import { VERSION } from '../version.js'

const PARTS = ['[Content_Types].xml', 'word/document.xml', 'word/numbering.xml', 'word/styles.xml'] as const

interface DocxLimits {
  readonly maxUncompressedBytes: number
  readonly maxCompressionRatio: number
}

/** Inflates the parts the reader needs, refusing a bomb before inflating it. */
function unzipParts(bytes: Uint8Array, limits: DocxLimits): Map<string, string> {
  let declared = 0
  const bomb = (info: UnzipFileInfo) =>
    new FileError(
      'FILE_ZIP_BOMB',
      'Tệp .docx bị nén bất thường (có thể là "zip bomb"), không đọc (The .docx inflates abnormally — a zip bomb? — and is not read)',
      { details: { part: info.name, compressed: info.size, uncompressed: info.originalSize } },
    )
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter(info) {
        if (!(PARTS as readonly string[]).includes(info.name)) return false
        declared += info.originalSize
        if (declared > limits.maxUncompressedBytes || info.originalSize > Math.max(info.size, 1) * limits.maxCompressionRatio)
          throw bomb(info)
        return true
      },
    })
  } catch (e) {
    if (e instanceof FileError) throw e
    throw new FileError('FILE_CORRUPT', 'Tệp .docx bị hỏng, không giải nén được (The .docx is damaged and cannot be unzipped)', {
      cause: e,
    })
  }
  const decoder = new TextDecoder('utf-8')
  return new Map(Object.entries(files).map(([name, data]) => [name, decoder.decode(data)]))
}

/** A paragraph's text: runs, tabs and breaks, deleted revisions and field codes left out. */
function runText(node: XmlNode, out: string[]): void {
  for (const c of node.children) {
    switch (c.tag) {
      case 'w:t':
        out.push(c.children.map((t) => t.text ?? '').join(''))
        break
      case 'w:tab':
        out.push(' ')
        break // a tab inside a paragraph is spacing, not a cell
      case 'w:br':
      case 'w:cr':
        out.push(c.attrs['w:type'] === 'page' ? '' : '\n')
        break
      case 'w:noBreakHyphen':
        out.push('-')
        break
      case 'w:sym':
        out.push(String.fromCharCode(parseInt(c.attrs['w:char'] ?? '20', 16)))
        break
      case 'w:del':
      case 'w:instrText':
      case 'w:delText':
      case 'w:pPr':
      case 'w:rPr':
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        break
      default:
        runText(c, out)
    }
  }
}

interface Walk {
  readonly numbering: Numbering
  readonly styles: ReadonlyMap<string, { numId: string; ilvl: number }>
  readonly warnings: ExtractWarning[]
}

function paragraph(p: XmlNode, walk: Walk): string {
  const parts: string[] = []
  runText(p, parts)
  const text = parts
    .join('')
    .replace(/[ \u00a0]+/g, ' ')
    .trim()
  const num = numberingOf(child(p, 'w:pPr'), walk.styles)
  const label = num ? walk.numbering.label(num.numId, num.ilvl) : null
  return label && text ? `${label} ${text}` : text
}

/** A cell's text: its paragraphs joined by a space (a row is one line). */
function cellText(tc: XmlNode, walk: Walk): string {
  const lines: string[] = []
  body(tc.children, walk, lines)
  return lines
    .map((l) => l.replace(/\t/g, ' '))
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function table(tbl: XmlNode, walk: Walk, out: string[]): void {
  // What each grid column held in the row above, for cells merged down (w:vMerge continue).
  let above: string[] = []
  for (const tr of children(tbl, 'w:tr')) {
    const row: string[] = []
    for (const tc of children(tr, 'w:tc')) {
      const props = child(tc, 'w:tcPr')
      const span = Number(val(props, 'w:gridSpan') ?? 1)
      const vMerge = child(props, 'w:vMerge')
      const continues = vMerge !== undefined && vMerge.attrs['w:val'] !== 'restart'
      const text = continues ? (above[row.length] ?? '') : cellText(tc, walk)
      for (let i = 0; i < Math.max(1, span); i++) row.push(text)
    }
    above = row
    if (row.some(Boolean)) out.push(row.join('\t'))
  }
}

function body(nodes: readonly XmlNode[], walk: Walk, out: string[]): void {
  for (const n of nodes) {
    if (n.tag === 'w:p')
      out.push(
        ...paragraph(n, walk)
          .split('\n')
          .map((l) => l.trim()),
      )
    else if (n.tag === 'w:tbl') table(n, walk, out)
    else if (n.tag === 'w:sdt') body(child(n, 'w:sdtContent')?.children ?? [], walk, out)
    else if (n.tag === 'w:customXml' || n.tag === 'w:ins' || n.tag === 'w:smartTag') body(n.children, walk, out)
  }
}

/**
 * Reads a .docx into text lines.
 *
 * @example
 * const { text } = readDocx(bytes, { maxUncompressedBytes: 64 << 20, maxCompressionRatio: 200 })
 * text.split('\n')[0] //=> 'UBND TỈNH QUẢNG NGÃI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
 */
export function readDocx(bytes: Uint8Array, limits: DocxLimits): Extracted {
  const parts = unzipParts(bytes, limits)
  const types = parts.get('[Content_Types].xml')
  const document = parts.get('word/document.xml')
  if (!types || !document) {
    throw new FileError('FILE_UNSUPPORTED', 'Tệp nén này không phải văn bản Word .docx (This zip is not a Word .docx document)')
  }
  let root: XmlNode[]
  try {
    root = parseXml(document)
  } catch (e) {
    throw new FileError('FILE_CORRUPT', 'Nội dung tệp .docx bị hỏng (The .docx document part is damaged)', { cause: e })
  }
  const bodyNode = child(find(root, 'w:document'), 'w:body')
  if (!bodyNode) throw new FileError('FILE_CORRUPT', 'Tệp .docx không có phần thân văn bản (The .docx has no document body)')
  const warnings: ExtractWarning[] = []
  const walk: Walk = {
    numbering: new Numbering(parts.has('word/numbering.xml') ? parseXml(parts.get('word/numbering.xml')!) : []),
    styles: parts.has('word/styles.xml') ? styleNumbering(parseXml(parts.get('word/styles.xml')!)) : new Map(),
    warnings,
  }
  const lines: string[] = []
  body(bodyNode.children, walk, lines)
  const text = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return { text, extractor: { name: '@chidao/files docx (fflate + fast-xml-parser)', version: VERSION }, pages: 1, warnings }
}
