/**
 * Duty-list headings: the words of a heading that name the body whose duties follow. The layout
 * of "Tổ chức thực hiện" (Decree 30/2020's body, DOMAIN.md §8) puts each body's duties under a
 * heading that is only the body ("1. Sở Tài chính:"), a lead-in and the body ("Trách nhiệm của
 * UBND xã", "Đề nghị: Hội Nông dân tỉnh, …"), or the body and an introducing clause ending in a
 * colon ("Sở Tài chính có trách nhiệm:", "Sở X chỉ đạo Chi cục Y thực hiện các nội dung sau:" —
 * there the body directed, Chi cục Y, does the work).
 */
import { foldInPlace } from '../deadline/ocr-fold.js'

/** Lead-ins before the body: "Trách nhiệm của", "Nhiệm vụ của", "Giao (cho)", "Đề nghị", "Đối với". */
const DUTY_PREFIX_RE =
  /^(?:tr\S{1,3}ch\s+nhi\S{1,3}m\s+c\S{1,3}a|nhi\S{1,3}m\s+v\S{0,2}\s+c\S{1,3}a|giao(?:\s+cho)?|\S{1,2}\S?\s+ngh\S{1,2}|\S{1,2}\S?i\s+v\S{1,3}i)(?:\s*:\s*|\s+)/
/** "… chỉ đạo <body> (thực hiện …)": the body directed. */
const DIRECTS_RE = /\s+ch\S{1,2}\s+\S{1,2}\S?o\s+(.+?)(?:\s+(?:th\S{1,3}c\s+hi\S{1,3}n|tri\S{1,3}n\s+khai)\b.*)?$/
/** An introducing clause after the body: "chủ trì, phối hợp với …", "có trách nhiệm", "thực hiện các nội dung/nhiệm vụ sau", "… như sau", "cụ thể". */
const INTRO_RE =
  /\s+(?:ch\S{0,2}\s+tr\S,?\s|c\S\s+tr\S{1,3}ch\s+nhi\S{1,3}m|th\S{1,3}c\s+hi\S{1,3}n\s+(?:c\S{1,2}c\s+)?(?:n\S{1,2}i\s+dung|nhi\S{1,3}m\s+v\S{0,2}|c\S{1,2}ng\s+vi\S{1,3}c)|tri\S{1,3}n\s+khai\s+(?:th\S{1,3}c\s+hi\S{1,3}n\s+)?(?:c\S{1,2}c\s+)?(?:n\S{1,2}i\s+dung|nhi\S{1,3}m\s+v\S{0,2}))\b.*$/

/**
 * The words of a duty-list heading that name its body, or null when the heading is not of that
 * shape (text after its colon that is more than the bodies, or no colon and a clause). The caller
 * checks that the words are (mostly) catalog bodies.
 *
 * @example
 * dutyBodyText('Sở Tài chính:') //=> 'Sở Tài chính'
 * dutyBodyText('Đề nghị: Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh') //=> 'Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh'
 * dutyBodyText('Sở Nông nghiệp và Môi trường chỉ đạo Chi cục Thủy sản thực hiện các nội dung sau:') //=> 'Chi cục Thủy sản'
 * dutyBodyText('Sở Tài chính có trách nhiệm:') //=> 'Sở Tài chính'
 * dutyBodyText('Sở Tài chính: tham mưu bố trí kinh phí') //=> null
 */
export function dutyBodyText(heading: string): string | null {
  let text = heading.trim()
  const prefix = DUTY_PREFIX_RE.exec(foldInPlace(text))?.[0].length ?? 0
  text = text.slice(prefix).trim()
  const colon = text.indexOf(':')
  const after = colon >= 0 ? text.slice(colon + 1).trim() : ''
  if (after.length > 0) return null
  const head = (colon >= 0 ? text.slice(0, colon) : text).replace(/[.;]$/, '').trim()
  if (colon < 0) return head
  // An introducing clause ends in the colon: the body is before it, or the one it directs.
  const folded = foldInPlace(head)
  const directs = DIRECTS_RE.exec(folded)
  if (directs && directs.index > 0) {
    const start = directs.index + directs[0].indexOf(directs[1]!)
    return head.slice(start, start + directs[1]!.length).trim()
  }
  const intro = INTRO_RE.exec(folded)
  return intro && intro.index > 0 ? head.slice(0, intro.index).trim() : head
}
