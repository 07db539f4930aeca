/**
 * Labelled fields of a plan's items: "Cơ quan chủ trì:", "Cơ quan phối hợp:", "Cơ quan thực hiện:",
 * "Thời gian (thực hiện|hoàn thành):", "Địa điểm:", "Thành phần:" — on a line of their own, written
 * after the item on its own line ("1. Rà soát …; Cơ quan chủ trì: Sở Tư pháp"), or lettered under
 * it ("a) Nhiệm vụ: … b) Cơ quan thực hiện: …").
 */
import { foldInPlace } from '../deadline/ocr-fold.js'
import type { SourceLine } from './lines.js'

/** What a labelled field gives. */
export type FieldRole = 'LEAD' | 'COORDINATING' | 'EXECUTING' | 'TIME' | 'PLACE' | 'MEMBERS'

/** One labelled field of an item. */
export interface OutlineField {
  readonly role: FieldRole
  /** The value as written, lines joined. */
  value: string
  readonly line: SourceLine
}

const FIELD_RES: readonly [RegExp, FieldRole][] = [
  [/^(?:co\s+quan|don\s+vi)\s+ch\S{0,2}\s+tr\S\b/, 'LEAD'],
  [/^(?:co\s+quan|don\s+vi)\s+ph\S{1,3}\s+h\S{1,2}p\b/, 'COORDINATING'],
  [/^(?:co\s+quan|don\s+vi)\s+th\S{1,4}\s+h\S{1,4}\s*:/, 'EXECUTING'],
  [/^th\S{1,3}\s+(?:gian|han)\b[^:]{0,24}:/, 'TIME'],
  [/^[dp]\S{0,2}a\s+d\S{1,4}m\s*:/, 'PLACE'],
  // "Thành phần (tham dự):" who attends an event: its members, not a task.
  [/^th\S{1,2}nh\s+ph\S{1,2}n\b[^:]{0,16}:/, 'MEMBERS'],
]

/** The field a line starts, if it is a labelled one; `value` is the text after the label. */
export function fieldOf(line: Pick<SourceLine, 'text' | 'folded' | 'no'>): { role: FieldRole; value: string } | null {
  const lead = /^[-–—+•*]?\s*/.exec(line.folded)![0].length
  const folded = line.folded.slice(lead)
  for (const [re, role] of FIELD_RES) {
    const m = re.exec(folded)
    if (!m) continue
    const colon = line.text.indexOf(':', lead)
    const valueStart = colon >= 0 && colon - lead <= m[0].length + 16 ? colon + 1 : lead + m[0].length
    return { role, value: line.text.slice(valueStart).trim() }
  }
  return null
}

const TASK_LABEL_RE = /^(?:nhi\S{1,3}m\s+v\S{0,2}|n\S{1,2}i\s+dung)\s*:\s*/
/** A lettered line that is a field of the item above: "Nhiệm vụ: …" (its text) or a labelled field. */
export function labelledPart(text: string, line: SourceLine): { role: FieldRole | 'TASK'; value: string } | null {
  const folded = foldInPlace(text)
  const task = TASK_LABEL_RE.exec(folded)
  if (task) return { role: 'TASK', value: text.slice(task[0].length).trim() }
  const f = fieldOf({ text, folded, no: line.no })
  return f && /:/.test(text.slice(0, 60)) ? f : null
}

const INLINE_FIELD_RE =
  /[.;,]\s*((?:c\S{1,2}\s+quan|\S{1,2}\S?n\s+v\S)\s+(?:ch\S{0,2}\s+tr\S|ph\S{1,3}\s+h\S{1,2}p|th\S{1,4}\s+hi\S{1,3}n)[^:]{0,24}:|th\S{1,3}\s+(?:gian|h\S{1,2}n)[^:]{0,24}:|s\S{1,2}n\s+ph\S{1,2}m\s*:)/g
/** An item's own line split into its text and the labelled fields written after it. */
export function inlineFields(written: string, line: SourceLine): { text: string; fields: OutlineField[] } {
  const folded = foldInPlace(written)
  const cuts: number[] = []
  INLINE_FIELD_RE.lastIndex = 0
  for (let m = INLINE_FIELD_RE.exec(folded); m; m = INLINE_FIELD_RE.exec(folded)) cuts.push(m.index + m[0].length - m[1]!.length)
  if (cuts.length === 0) return { text: written, fields: [] }
  const fields: OutlineField[] = []
  for (const [k, at] of cuts.entries()) {
    const part = written.slice(at, cuts[k + 1] ?? written.length).replace(/[.;,]\s*$/, '')
    const f = fieldOf({ text: part, folded: foldInPlace(part), no: line.no })
    if (f) fields.push({ role: f.role, value: f.value.replace(/[.;]\s*$/, ''), line })
  }
  return { text: written.slice(0, cuts[0]).replace(/[.;,]\s*$/, ''), fields }
}
