/**
 * Whether a text is a time phrase at all — for readers (the plan importer) that find candidate
 * phrases in running text and must not take a budget line or a bare "định kỳ" for a deadline.
 */
import { periodless } from './forms/recurrence.js'
import { parseDeadline, prepare } from './parse.js'

/**
 * True when `text` states a time a task can be held to: `parseDeadline` reads it (not `UNKNOWN`),
 * it is not empty, and it is not only "định kỳ" with no period. Budget lines are not time phrases:
 * "kinh phí chi thường xuyên", "dự toán ngân sách hàng năm" (blanked before reading, so
 * "Thường xuyên; kinh phí chi thường xuyên" still is one). Pass the phrase with the words before it
 * in its clause, so that a budget word in front is seen.
 *
 * @example
 * isTimePhrase('Hằng năm') //=> true
 * isTimePhrase('Quý I/2026 và Quý II/2026') //=> true
 * isTimePhrase('bố trí trong dự toán ngân sách hàng năm') //=> false
 * isTimePhrase('kinh phí chi thường xuyên') //=> false
 * isTimePhrase('định kỳ') //=> false
 */
export function isTimePhrase(text: string): boolean {
  const d = parseDeadline(text)
  if (d.kind === 'UNKNOWN') return false
  const { t, f } = prepare(d.text)
  if (t === '') return false
  return !(d.kind === 'RECURRING' && periodless(f))
}
