/**
 * What a heading of a plan's outline says about the items under it: aims, means, scope or an account
 * of what was done (no tasks), a section that names its items as tasks ("Nhiệm vụ, giải pháp"),
 * an event made of labelled fields ("Thời gian: …", "Địa điểm: …"), or a phase with its window
 * ("Đợt 1: Từ ngày … đến ngày …:").
 */
import { foldInPlace } from '../deadline/ocr-fold.js'
import type { SourceLine } from './lines.js'
import { fieldOf } from './fields.js'
import type { OutlineNode } from './outline.js'
import { clean } from './task-builder.js'
import { keyText, similarity } from './tokens.js'

/** Section headings that state aims or means, not tasks. */
const NON_TASK_HEADINGS = [
  'muc dich',
  'yeu cau',
  'muc tieu',
  'quan diem',
  'thanh phan',
  'kinh phi',
  'can cu',
  'boi canh',
  'tinh hinh',
  'ket qua',
  'hien trang',
  'thuc trang',
  'doi tuong',
  'pham vi',
  'nguyen tac',
]

/** A heading over an account of what was done ("Về đánh giá tình hình …", "Kết quả thực hiện"). */
const REVIEW_HEADING_RE = /^(?:ve\s+)?(?:danh\s+gia\s+)?(?:tinh\s+hinh|ket\s+qua)\b/

/** Headings of the sections whose items are tasks ("Nhiệm vụ, giải pháp", "Nội dung thực hiện"). */
const TASK_SECTION_RE =
  /^(?:[^a-z]*\s*)?(?:v\S\s+)?(?:cac\s+)?(?:nhi\S{1,3}m\s+v\S{0,2}|n\S{1,2}i\s+dung\s+(?:th\S{1,3}c\s+hi\S{1,3}n|nhi\S{1,3}m\s+v\S{0,2})|gi\S{1,2}i\s+ph\S{1,2}p)(?:\s|,|$)/

export function isTaskSection(node: OutlineNode): boolean {
  if (node.level !== 'SECTION' && node.level !== 'ITEM') return false
  const heading = foldInPlace(node.text.split(/[:.]/)[0] ?? '')
  return heading.split(' ').length <= 12 && TASK_SECTION_RE.test(heading)
}

/** "Đợt 1: <window>:", "Giai đoạn 2: <window>": a phase heading's window, when it names a year. */
const PHASE_RE = /^(?:\S{1,2}\S?t|giai\s+\S{1,2}o\S{1,2}n|b\S{1,2}\S?c)\s*[\divx]{0,4}\s*:\s*/

export function phaseTime(text: string): string | null {
  const head = PHASE_RE.exec(foldInPlace(text))
  if (!head) return null
  const phrase = clean(text.slice(head[0].length)).replace(/\s*(?:g\S{1,2}m\s+c\S{1,2}c\s+n\S{1,2}i\s+dung.*)?:?$/u, '')
  return /\d{4}/.test(phrase) && phrase.split(' ').length <= 16 ? phrase : null
}

/**
 * The time phrase of a section made only of labelled fields, one of them its time ("IV. Thời gian,
 * địa điểm" / "1. Thời gian: …" / "2. Địa điểm: …"): an event the issuer holds; else null.
 */
export function eventTimeOf(node: OutlineNode): { phrase: string; line: SourceLine } | null {
  if (node.children.length === 0 || node.children.some((c) => c.children.length > 0)) return null
  const fields = node.children.map((c) => ({ field: fieldOf({ text: c.text, folded: foldInPlace(c.text), no: c.line.no }), line: c.line }))
  if (fields.some((f) => f.field === null)) return null
  const time = fields.find((f) => f.field!.role === 'TIME')
  return time ? { phrase: time.field!.value, line: time.line } : null
}

/** A section or short item heading that states aims or means ("I. MỤC ĐÍCH, YÊU CẦU", "2. Yêu cầu"). */
export function isNonTaskHeading(node: OutlineNode): boolean {
  if (node.level !== 'SECTION' && node.level !== 'ITEM' && node.level !== 'SUBITEM') return false
  const words = keyText(node.text.split(/[:.]/)[0] ?? '').split(' ')
  if (node.level !== 'SECTION' && words.length > 6) return false
  if (REVIEW_HEADING_RE.test(words.join(' '))) return true
  const key = words.slice(0, 2).join(' ')
  return NON_TASK_HEADINGS.some((h) => similarity(key, h) >= 0.75)
}
