/**
 * The outline of a plan's body: sections (I., II.), items (1., 2.1.), lettered items (a), đ)),
 * dash items, and the labelled fields under them ("- Cơ quan chủ trì: …", "- Thời gian hoàn
 * thành: …"), with the repairs OCR makes necessary: Roman numerals read as digits or letters
 * ("I1II.", "11 KINH PHÍ"), letters read as other marks ("¢)", a second "d)" for "đ)", "2)").
 */
import { foldInPlace } from '../deadline/ocr-fold.js'
import { fieldOf, inlineFields, labelledPart, type OutlineField } from './fields.js'
import type { SourceLine } from './lines.js'
import { isNoise } from './lines.js'
import type { Warn } from './warnings.js'

/** Marker levels, outermost first; `PARA` is an unmarked paragraph of a text written one paragraph a line. */
export type OutlineLevel = 'SECTION' | 'ITEM' | 'SUBITEM' | 'LETTER' | 'DASH' | 'PLUS' | 'PARA'

/** One node of the outline. */
export interface OutlineNode {
  readonly level: OutlineLevel
  /** Position code within the document: `II`, `II.1`, `II.2.1`, `II.1.a`. */
  readonly code: string
  /** Its own marker: `II`, `1`, `a`. */
  readonly label: string
  /** Heading and continuation lines, joined. */
  text: string
  readonly fields: OutlineField[]
  readonly children: OutlineNode[]
  readonly line: SourceLine
  readonly parent: OutlineNode | null
}

const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y']
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 }

const ROMAN_RE = /^([IVXLl1|]{1,5})\s*(?:[.,:]|[-–](?=\s*\p{Lu}))\s*(\S.*)$/u
const BARE_NUMBER_HEADING_RE = /^(\d{1,2})\s+(\p{Lu}[\p{L}\s,.'’]{3,})$/u
const LETTER_WITHOUT_PAREN_RE = /^(\S)\s+(\p{Lu}.*)$/u
/** The line before ends a sentence or a list entry. */
const TERMINAL_RE = /[.:;!?…]\s*$/
const SUBITEM_RE = /^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/
const ITEM_RE = /^(\d{1,2})\s*\.\s*(\S.*)$/
const LETTER_RE = /^(\S)\s*\)\s*(.*)$/u
const DASH_RE = /^([-–—+•])\s*(\p{L}.*)$/u
/** A marker alone on its line, its text on the next one. */
const LONE_MARK_RE = /^[-–—+•]$/

/** Whether a line is "Nơi nhận:", where the body ends. */
export function isRecipientsLine(line: SourceLine): boolean {
  return /^n\S{1,2}i\s+nh\S{1,3}n\b/.test(line.folded)
}

function romanValue(token: string): number | null {
  const t = token.replace(/[1l|]/g, 'I')
  if (!/^[IVXL]+$/.test(t)) return null
  let total = 0
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]!]!
    const next = ROMAN[t[i + 1] ?? ''] ?? 0
    total += v < next ? -v : v
  }
  const canonical = toRoman(total)
  return canonical === t ? total : null
}

/** A number as a Roman numeral. */
function toRoman(n: number): string {
  const table: [number, string][] = [
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ]
  let out = ''
  for (const [v, s] of table)
    while (n >= v) {
      out += s
      n -= v
    }
  return out
}

/**
 * Reads the body's lines into an outline. Lines before the first marker and lines that belong to
 * nothing are reported as ignored; `onLine` is told of each line read (for progress).
 */
export function readOutline(lines: readonly SourceLine[], warn: Warn, onLine?: (index: number) => void): OutlineNode[] {
  const roots: OutlineNode[] = []
  let section: OutlineNode | null = null
  let item: OutlineNode | null = null
  let sub: OutlineNode | null = null
  let letter: OutlineNode | null = null
  let dash: OutlineNode | null = null
  let dashMark = ''
  let plus: OutlineNode | null = null
  let field: OutlineField | null = null
  let sectionCount = 0
  /** The last node added, an unmarked paragraph too: where a continuation line goes. */
  let last: OutlineNode | null = null
  const innermost = () => plus ?? dash ?? letter ?? sub ?? item ?? section
  // A text written one paragraph a line (a Word export): an unmarked line that starts a sentence is a paragraph of its own.
  const paragraphs = oneParagraphALine(lines)
  let pendingMark = ''
  let fieldList = false
  /** An unmarked paragraph that introduces a list ("… các nội dung sau:", "UBND các tỉnh:"): the dashes after it are its items. */
  let intro: OutlineNode | null = null

  const add = (level: OutlineLevel, label: string, written: string, line: SourceLine, parent: OutlineNode | null): OutlineNode => {
    const code = parent ? `${parent.code}.${label}` : label
    // Fields written on the item's own line ("1. Rà soát …; Cơ quan chủ trì: Sở Tư pháp; Thời gian: …").
    const { text, fields } = inlineFields(written, line)
    const node: OutlineNode = { level, code, label, text, fields, children: [], line, parent }
    // A long heading line may be wrapped mid-phrase ("… chính trị" / "- xã hội"): only a short one counts.
    headingBefore = level !== 'DASH' && level !== 'PLUS' && level !== 'PARA' && line.text.length < 65
    if (parent) parent.children.push(node)
    else roots.push(node)
    if (level !== 'PLUS' && level !== 'PARA') plus = null
    if (level !== 'PLUS' && level !== 'DASH') intro = level === 'PARA' && /:\s*$/.test(text) ? node : null
    field = null
    last = node
    return node
  }
  const childLetters = (parent: OutlineNode | null) => (parent ? parent.children : roots).filter((n) => n.level === 'LETTER').length
  const lastNumber = (parent: OutlineNode | null, level: OutlineLevel) => {
    const list = (parent ? parent.children : roots).filter((n) => n.level === level)
    return list.length === 0 ? 0 : Number(list[list.length - 1]!.label)
  }

  let previous = ''
  let headingBefore = false
  for (let i = 0; i < lines.length; i++) {
    onLine?.(i)
    const line = lines[i]!
    if (line.text === '') previous = ''
    if (paragraphs && LONE_MARK_RE.test(line.text)) {
      pendingMark = line.text
      continue
    }
    if (line.text === '' || isNoise(line)) continue
    // After a heading line a dash starts an item even without a full stop before it.
    const afterBreak = paragraphs || previous === '' || TERMINAL_RE.test(previous) || headingBefore
    headingBefore = false
    previous = line.text
    if (isRecipientsLine(line)) break
    const text = `${pendingMark} ${line.text.replace(/^[_\s]+(?=\S)/, '')}`.trim()
    pendingMark = ''

    const f = fieldOf(line)
    const owner = innermost()
    if (f && owner) {
      // A field bulleted "*" after dashes is the item's, not the last dash's.
      const holder = text.startsWith('*') ? (letter ?? sub ?? item ?? section ?? owner) : owner
      field = { role: f.role, value: f.value, line }
      fieldList = f.value === ''
      holder.fields.push(field)
      continue
    }
    // "Thời gian thực hiện:" then "+ Đợt 1: …", "+ Đợt 2: …": the field's value, listed.
    if (field && fieldList && /^[-–+•]/.test(text)) {
      field.value = `${field.value} ${text}`.trim()
      continue
    }
    fieldList = false

    const roman = ROMAN_RE.exec(text)
    const bareMatch = BARE_NUMBER_HEADING_RE.exec(text)
    const bare = bareMatch && mostlyUpper(bareMatch[2]!) ? bareMatch : null
    if ((roman && /[IVX]/.test(roman[1]!) && !/^\p{Ll}/u.test(roman[2]!)) || bare) {
      const token = roman ? roman[1]! : bare![1]!
      const value = romanValue(token)
      const next = value !== null && (value === sectionCount + 1 || sectionCount === 0) ? value : sectionCount + 1
      if (value !== next) warn('OUTLINE_REPAIRED', `"${token}" read as section ${toRoman(next)}`, line)
      sectionCount = next
      section = add('SECTION', toRoman(next), (roman ? roman[2]! : bare![2]!).trim(), line, null)
      item = sub = letter = dash = null
      continue
    }
    const subitem = SUBITEM_RE.exec(text)
    if (subitem && item && Number(subitem[1]) === Number(item.label)) {
      const n = Number(subitem[2])
      if (n === lastNumber(item, 'SUBITEM') + 1) {
        sub = add('SUBITEM', String(n), subitem[3]!, line, item)
        letter = dash = null
        continue
      }
    }
    const numbered = ITEM_RE.exec(text)
    if (numbered && !/^\d+\s*[./]/.test(numbered[2]!)) {
      const n = Number(numbered[1])
      const last = lastNumber(section, 'ITEM')
      if (n === last + 1 || (n === 1 && last === 0)) {
        item = add('ITEM', String(n), numbered[2]!, line, section)
        sub = letter = dash = null
        continue
      }
    }
    const lettered = LETTER_RE.exec(text)
    const letterParent = sub ?? item ?? section
    // "a) Nhiệm vụ: … b) Cơ quan thực hiện: … c) Thời gian thực hiện: …": one task, its fields lettered.
    const letteredField = lettered && letterParent && !letter ? labelledPart(lettered[2]!, line) : null
    if (letteredField && letterParent) {
      if (letteredField.role === 'TASK') letterParent.text = `${letterParent.text} ${letteredField.value}`.trim()
      else letterParent.fields.push((field = { role: letteredField.role, value: letteredField.value.replace(/[.;]\s*$/, ''), line }))
      if (letteredField.role === 'TASK') field = null
      continue
    }
    if (lettered && (letter || /^[a-zđ]$/u.test(lettered[1]!))) {
      const written = lettered[1]!.toLowerCase()
      const count = childLetters(letterParent)
      const expected = LETTERS[count] ?? String(count + 1)
      const index = LETTERS.indexOf(written)
      const label = index >= count ? written : expected
      if (label !== written) warn('OUTLINE_REPAIRED', `"${lettered[1]})" read as "${label})"`, line)
      letter = add('LETTER', label, lettered[2]!, line, letterParent)
      dash = null
      continue
    }
    // ")" lost: "2 Đẩy mạnh …" where "g)" is due.
    const unparenthesised = letter && afterBreak ? LETTER_WITHOUT_PAREN_RE.exec(text) : null
    if (unparenthesised) {
      const count = childLetters(letterParent)
      const expected = LETTERS[count]
      if (expected && (unparenthesised[1] === expected || (unparenthesised[1] === '2' && expected === 'g'))) {
        warn('OUTLINE_REPAIRED', `"${unparenthesised[1]}" read as "${expected})"`, line)
        letter = add('LETTER', expected, unparenthesised[2]!, line, letterParent)
        dash = null
        continue
      }
    }
    const dashed = afterBreak ? DASH_RE.exec(text) : null
    if (dashed && owner) {
      // "+" under a "-" is the level below it.
      if (dashed[1] === '+' && dash && dashMark !== '+') {
        plus = add('PLUS', String(dash.children.filter((n) => n.level === 'PLUS').length + 1), dashed[2]!, line, dash)
        continue
      }
      const parent = intro ?? letter ?? sub ?? item ?? section
      dash = add('DASH', String((parent ? parent.children : roots).filter((n) => n.level === 'DASH').length + 1), dashed[2]!, line, parent)
      dashMark = dashed[1]!
      continue
    }
    const emptyField = field !== null && field.value === ''
    if (paragraphs && owner && !emptyField && STARTS_SENTENCE_RE.test(text)) {
      // The closing formula ("Trên đây là Kế hoạch …") and a decision's articles are not the plan's items.
      if (CLOSING_RE.test(foldInPlace(text))) break
      // A paragraph of its own: under a heading that introduces it (ends in ":"), else beside the dashes.
      const listed = owner.level === 'DASH' || owner.level === 'PLUS'
      const parent = listed && !/:\s*$/.test(owner.text) ? (letter ?? sub ?? item ?? section) : owner
      if (parent !== owner) dash = plus = null
      add('PARA', `p${(parent ? parent.children : roots).filter((n) => n.level === 'PARA').length + 1}`, text, line, parent)
      continue
    }
    // A continuation: of the open field, else of the last node.
    const target = last ?? owner
    if (field) field.value = `${field.value} ${text}`.trim()
    else if (target) target.text = `${target.text} ${text}`.trim()
    else warn('TEXT_IGNORED', 'Text before the first heading of the body', line)
  }
  for (const root of roots) foldDescriptions(root)
  return roots
}

const CLOSING_RE = /^(?:tr\S{1,3}n\s+\S{1,3}y\s+l\S\s|\S{1,2}i\S{1,2}u\s+\d+\s*\.)/
/** A line that starts a sentence: a capital, a digit, a bracket or a quote. */
const STARTS_SENTENCE_RE = /^[\p{Lu}\d("“'‘]/u

/**
 * Whether the text is written one paragraph a line (a Word export) rather than wrapped at a
 * width (a PDF or OCR): wrapped text starts many of its lines inside a sentence, in lower case.
 */
export function oneParagraphALine(lines: readonly SourceLine[]): boolean {
  let counted = 0
  let lower = 0
  for (const line of lines) {
    if (line.text === '' || isNoise(line) || LETTER_RE.test(line.text)) continue
    counted++
    if (/^\p{Ll}/u.test(line.text)) lower++
  }
  return counted > 0 && lower / counted < 0.25
}

/** Paragraphs under a node that has its own fields describe it: they are read back into its text. */
function foldDescriptions(node: OutlineNode): void {
  for (const child of node.children) foldDescriptions(child)
  if (node.fields.length === 0) return
  const kept = node.children.filter((c) => c.level !== 'PARA' || c.children.length > 0)
  if (kept.length === node.children.length) return
  for (const c of node.children) if (c.level === 'PARA' && c.children.length === 0) node.text = `${node.text} ${c.text}`.trim()
  node.children.splice(0, node.children.length, ...kept)
}

function mostlyUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters.length >= 4 && letters.replace(/[^\p{Lu}]/gu, '').length >= letters.length * 0.8
}
