/**
 * Times that wait on something rather than a date: "Theo chỉ đạo, hướng dẫn của …", "theo lộ trình,
 * hướng dẫn của Bộ", "khi Chính phủ ban hành …", "Sau khi Nghị định … ban hành" (CONDITIONAL on
 * that, kept as written), and the parent tasks' schedule ("theo tiến độ các nhiệm vụ được giao":
 * INHERITED). A schedule named after something else ("theo tiến độ được giao của Luật …", "theo
 * tiến độ xây dựng dự thảo văn bản …") is a condition, not the parent's schedule.
 */
import { collapse, spec, type Spec } from '../spec.js'

const THEO_RE = /^(?:(?:thuc\s+hien|hoan\s+thanh|trien\s+khai|thoi\s+gian)\s+)?theo\b/
const WHEN_RE =
  /^(?:(?:thuc\s+hien|hoan\s+thanh|trien\s+khai|ngay)\s+)?(?:ngay\s+)?(?:sau\s+khi|khi|k[a-z]\s+t[a-z]{1,2}\s+khi|tu\s+khi|cho\s+den\s+khi|den\s+khi)\b/
// "Từ ngày thành lập … đến ngày kết thúc …", "Từ khi … đến khi …": both ends are events.
const EVENT_FROM_RE = /^t(?:u|ir)\s+(?:ngay|khi)\s+[a-z]/
const EVENT_TO_RE = /\sd[a-z]n\s+(?:ngay|khi|het)\s+[a-z]/
const SCHEDULE = '(?:tien\\s+d\\S{0,2}|[l1]\\S{0,2}\\s+trinh)'
const PARENTS_RE = new RegExp(`\\b${SCHEDULE}\\b.*?\\b(?:nhi\\S{1,3}m\\s+vu|cap\\s+tren)\\b|^theo\\s+${SCHEDULE}$`)

/**
 * Whether a phrase (folded) says the time follows the parent tasks' schedules.
 *
 * @example
 * followsParents('theo tien do cac nhiem vu duoc giao') //=> true
 * followsParents('theo tien do duoc giao cua luat dat dai') //=> false
 */
export function followsParents(f: string): boolean {
  return PARENTS_RE.test(f)
}

/**
 * A "theo …" phrase (INHERITED or CONDITIONAL), a "khi …" one without a year in it, or one from an
 * event to an event with no number at all; else null.
 *
 * @example
 * conditional('khi Chính phủ ban hành', 'khi chinh phu ban hanh') //=> CONDITIONAL 'khi Chính phủ ban hành'
 */
export function conditional(t: string, f: string): Spec | null {
  if (THEO_RE.test(f)) return followsParents(f) ? spec('INHERITED', { inherits: true }) : spec('CONDITIONAL', { condition: collapse(t) })
  if (WHEN_RE.test(f) && !/\d{4}/.test(f)) return spec('CONDITIONAL', { condition: collapse(t) })
  if (EVENT_FROM_RE.test(f) && !/\d/.test(f) && EVENT_TO_RE.test(f)) return spec('CONDITIONAL', { condition: collapse(t) })
  return null
}
