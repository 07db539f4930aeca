/**
 * Word's automatic numbering: list numbers are not in a .docx's text but computed from
 * `word/numbering.xml` (abstract definitions, their instances, level formats like `%1.%2.`),
 * counted through the document as Word counts them.
 */
import { child, children, find, val, type XmlNode } from './xml.js'

interface Level {
  readonly start: number
  readonly format: string
  readonly text: string
  /** The level whose increment restarts this one (Word: any higher level, unless lvlRestart says). */
  readonly restartAfter: number | null
}

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
]

function roman(n: number): string {
  let out = ''
  for (const [v, s] of ROMAN)
    while (n >= v) {
      out += s
      n -= v
    }
  return out
}

function letters(n: number): string {
  // Word repeats the letter past z: a…z, aa…zz.
  const letter = String.fromCharCode(97 + ((n - 1) % 26))
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

/** A number in one of Word's formats (`decimal`, `upperRoman`, `lowerLetter`…). */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return roman(n)
    case 'lowerRoman':
      return roman(n).toLowerCase()
    case 'upperLetter':
      return letters(n).toUpperCase()
    case 'lowerLetter':
      return letters(n)
    case 'decimalZero':
      return String(n).padStart(2, '0')
    case 'none':
      return ''
    default:
      return String(n)
  }
}

/** Bullets become the dash the importer reads as an item ("+" kept, for sub-items). */
function bulletText(text: string): string {
  const t = text.trim()
  return t === '+' || t === '-' || t === '–' ? t : '-'
}

/**
 * Counts list numbers through a document, one paragraph at a time.
 *
 * @example
 * const n = new Numbering(numberingXmlNodes)
 * n.label('1', 0) //=> 'I.'
 * n.label('1', 1) //=> '1.'
 */
export class Numbering {
  readonly #abstractOf = new Map<string, string>()
  readonly #levels = new Map<string, Map<number, Level>>()
  readonly #overrides = new Map<string, Map<number, number>>()
  /** Counters per abstract definition (Word continues a list across its instances). */
  readonly #counters = new Map<string, (number | undefined)[]>()
  readonly #started = new Set<string>()

  constructor(nodes: readonly XmlNode[]) {
    const root = find(nodes, 'w:numbering')
    for (const a of children(root, 'w:abstractNum')) {
      const levels = new Map<number, Level>()
      for (const l of children(a, 'w:lvl')) {
        const ilvl = Number(l.attrs['w:ilvl'] ?? 0)
        const restart = val(l, 'w:lvlRestart')
        levels.set(ilvl, {
          start: Number(val(l, 'w:start') ?? 1),
          format: val(l, 'w:numFmt') ?? 'decimal',
          text: val(l, 'w:lvlText') ?? '',
          restartAfter: restart === undefined ? null : Number(restart) - 1,
        })
      }
      this.#levels.set(a.attrs['w:abstractNumId'] ?? '', levels)
    }
    for (const n of children(root, 'w:num')) {
      const numId = n.attrs['w:numId'] ?? ''
      this.#abstractOf.set(numId, val(n, 'w:abstractNumId') ?? '')
      const overrides = new Map<number, number>()
      for (const o of children(n, 'w:lvlOverride')) {
        const start = val(o, 'w:startOverride')
        if (start !== undefined) overrides.set(Number(o.attrs['w:ilvl'] ?? 0), Number(start))
      }
      if (overrides.size) this.#overrides.set(numId, overrides)
    }
  }

  /** The label Word shows for the next paragraph of list `numId` at level `ilvl` ("1.", "a)", "-"), or null. */
  label(numId: string, ilvl: number): string | null {
    if (numId === '0') return null // numbering removed on this paragraph
    const abstractId = this.#abstractOf.get(numId)
    const levels = abstractId === undefined ? undefined : this.#levels.get(abstractId)
    const level = levels?.get(ilvl)
    if (!levels || !level || abstractId === undefined) return null
    if (level.format === 'bullet') return bulletText(level.text)
    const counters = this.#counters.get(abstractId) ?? []
    // An instance with a start override restarts the list the first time it is used.
    const overrides = this.#overrides.get(numId)
    if (overrides && !this.#started.has(numId)) {
      this.#started.add(numId)
      for (const [l, start] of overrides) counters[l] = start - 1
    }
    const current = counters[ilvl]
    counters[ilvl] = current === undefined ? level.start : current + 1
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const d = levels.get(deeper)
      if (!d) continue
      if (d.restartAfter === null || d.restartAfter >= ilvl) counters[deeper] = undefined
    }
    this.#counters.set(abstractId, counters)
    const text = level.text.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1
      const lv = levels.get(l)
      const value = counters[l] ?? lv?.start ?? 1
      return formatNumber(value, l === ilvl ? level.format : (lv?.format ?? 'decimal'))
    })
    return text.trim() || null
  }
}

/** The numbering of a paragraph's properties (`w:numPr`), or of its style's. */
export function numberingOf(
  pPr: XmlNode | undefined,
  styleNumbering: ReadonlyMap<string, { numId: string; ilvl: number }>,
): { numId: string; ilvl: number } | null {
  const numPr = child(pPr, 'w:numPr')
  const style = val(pPr, 'w:pStyle')
  const fromStyle = style ? styleNumbering.get(style) : undefined
  const numId = val(numPr, 'w:numId') ?? fromStyle?.numId
  if (numId === undefined) return null
  const ilvl = Number(val(numPr, 'w:ilvl') ?? fromStyle?.ilvl ?? 0)
  return { numId, ilvl }
}

/** Paragraph styles that carry numbering (headings numbered by their style), from `word/styles.xml`. */
export function styleNumbering(nodes: readonly XmlNode[]): Map<string, { numId: string; ilvl: number }> {
  const map = new Map<string, { numId: string; ilvl: number }>()
  for (const s of children(find(nodes, 'w:styles'), 'w:style')) {
    const numPr = child(child(s, 'w:pPr'), 'w:numPr')
    const numId = val(numPr, 'w:numId')
    if (numId !== undefined && s.attrs['w:styleId']) map.set(s.attrs['w:styleId'], { numId, ilvl: Number(val(numPr, 'w:ilvl') ?? 0) })
  }
  return map
}
