/**
 * The forms of real plans' time phrases (issue #19, point 4), one table per form, in short phrases
 * written here (with diacritics, without, and with the OCR damage the seeds show: Đ read as D or
 * P, "nam"/"nim" for "năm").
 */
import { describe, expect, it } from 'vitest'
import { formatDeadline } from './format.js'
import { parseDeadline } from './parse.js'
import { isTimePhrase } from './time-phrase.js'
import type { Deadline, DeadlineKind } from './types.js'

type Row = [text: string, kind: DeadlineKind, start: string | null, due: string | null, extra?: Partial<Deadline>]

function check([text, kind, start, due, extra]: Row): void {
  const d = parseDeadline(text, { issuedOn: '2025-11-20' })
  expect(d.kind, `${text}: ${d.reason ?? d.normalized}`).toBe(kind)
  expect([d.startDate, d.dueDate], text).toEqual([start, due])
  if (extra) expect(d, text).toMatchObject(extra)
}

const WRITTEN_OUT: Row[] = [
  ['trước ngày 15 tháng 3 năm 2026', 'BEFORE_DATE', null, '2026-03-14'],
  ['hoàn thành trước ngày 15 tháng 3 năm 2026', 'BEFORE_DATE', null, '2026-03-14'],
  ['chậm nhất ngày 15 tháng 3 năm 2026', 'DATE', null, '2026-03-15'],
  ['Chậm nhất là ngày 01 tháng 02 năm 2026', 'DATE', null, '2026-02-01'],
  ['truoc ngay 15 thang 3 nim 2026', 'BEFORE_DATE', null, '2026-03-14'],
  ['trurde ngay 5 thang 12 nam 2025', 'BEFORE_DATE', null, '2025-12-04'],
  ['ngày 20 tháng 11 năm 2025', 'DATE', null, '2025-11-20'],
  ['Từ nay đến hết ngày 31 tháng 12 năm 2025', 'DATE', null, '2025-12-31'],
  ['từ ngày 01 tháng 10 năm 2025 đến hết ngày 31 tháng 12 năm 2025', 'DATE_RANGE', '2025-10-01', '2025-12-31'],
  ['từ ngày 08 đến ngày 10 tháng 12 năm 2025', 'DATE_RANGE', '2025-12-08', '2025-12-10'],
  // A day and month without a year is no date.
  ['trước ngày 15 tháng 6', 'UNKNOWN', null, null],
  ['Ngày 31 tháng 02 năm 2026', 'UNKNOWN', null, null],
]

const DATE_RANGES: Row[] = [
  ['Từ ngày 05/02/2026 - 08/02/2026', 'DATE_RANGE', '2026-02-05', '2026-02-08'],
  ['từ 17/12/2025 đến 25/01/2026', 'DATE_RANGE', '2025-12-17', '2026-01-25'],
  ['từ 15/12 đến 15/01/2026', 'DATE_RANGE', '2025-12-15', '2026-01-15'],
  ['Trong khoảng từ ngày 03/01/2026 đến 17 giờ 00, ngày 05/01/2026', 'DATE_RANGE', '2026-01-03', '2026-01-05'],
  ['từ ngày 10/01/2026 đến 05 giờ 00 ngày 14/01/2026', 'DATE_RANGE', '2026-01-10', '2026-01-14'],
  ['Từ tháng 01 đến ngày khai mạc 20/3/2026', 'DATE_RANGE', '2026-01-01', '2026-03-20'],
  ['Từ ngày 01/3/2026 đến tháng 6/2026', 'DATE_RANGE', '2026-03-01', '2026-06-30'],
  ['Từ tháng 2/2026 đến hết năm 2026', 'DATE_RANGE', '2026-02-01', '2026-12-31'],
  ['Tuần đầu tháng 12/2025', 'DATE_RANGE', '2025-12-01', '2025-12-07'],
  ['Tuần cuối tháng 2/2026', 'DATE_RANGE', '2026-02-22', '2026-02-28'],
  ['Từ 31/12/2026 đến 01/01/2026', 'UNKNOWN', null, null],
]

const SPANS: Row[] = [
  ['Tháng 3 - 4/2026', 'DATE_RANGE', '2026-03-01', '2026-04-30'],
  ['Tháng 3-4/2026', 'DATE_RANGE', '2026-03-01', '2026-04-30'],
  ['Tháng 11, 12/2025', 'DATE_RANGE', '2025-11-01', '2025-12-31'],
  ['Tháng 11 - 2/2026', 'DATE_RANGE', '2025-11-01', '2026-02-28'],
  ['Từ tháng 2/2026 đến tháng 6/2026', 'DATE_RANGE', '2026-02-01', '2026-06-30'],
  ['Tu thang 2/2026 den thang 6/2026', 'DATE_RANGE', '2026-02-01', '2026-06-30'],
  ['Từ tháng 1/2026 đến quý II/2026', 'DATE_RANGE', '2026-01-01', '2026-06-30'],
  ['Quý IV/2025 - Quý II/2026', 'DATE_RANGE', '2025-10-01', '2026-06-30'],
  ['Quý I/2026 và Quý II/2026', 'DATE_RANGE', '2026-01-01', '2026-06-30'],
  ['Quý I và Quý II năm 2026', 'DATE_RANGE', '2026-01-01', '2026-06-30'],
  ['Quy 1 va Quy 11 nim 2026', 'DATE_RANGE', '2026-01-01', '2026-06-30'],
  // Two periods apart are two phases, due at the later one's end.
  ['Tháng 6/2026 và tháng 12/2026', 'PHASED', '2026-06-01', '2026-12-31'],
  ['Quý I/2026 và Quý III/2026', 'PHASED', '2026-01-01', '2026-09-30'],
  // Never a date made of two months.
  ['tháng 3/4/2026', 'UNKNOWN', null, null],
  // No year: what recurs each year, or nothing.
  ['Từ tháng 3 đến tháng 11 hằng năm', 'RECURRING', null, null, { recurrence: 'YEARLY' }],
]

const STARTS_AND_ENDS: Row[] = [
  ['Từ 01/3/2026', 'OPEN_ENDED', '2026-03-01', null],
  ['Từ ngày 04/02/2026', 'OPEN_ENDED', '2026-02-04', null],
  ['Kể từ ngày 01/7/2026 trở đi', 'OPEN_ENDED', '2026-07-01', null],
  ['Từ tháng 10/2025', 'OPEN_ENDED', '2025-10-01', null],
  ['Từ Quý II/2026', 'OPEN_ENDED', '2026-04-01', null],
  ['Sau ngày khai mạc 15/3/2026', 'OPEN_ENDED', '2026-03-16', null],
  ['Giai đoạn 2026-2030 và những năm tiếp theo', 'OPEN_ENDED', '2026-01-01', null],
  ['2025 và những năm tiếp theo', 'OPEN_ENDED', '2025-01-01', null],
  ['Quý IV năm 2025 và các năm tiếp theo', 'OPEN_ENDED', '2025-10-01', null],
  ['Từ tháng 2/2026 đến khi kết thúc dự án', 'CONDITIONAL', '2026-02-01', null, { condition: 'đến khi kết thúc dự án' }],
  ['Từ ngày 15/3/2026 đến ngày bầu cử', 'CONDITIONAL', '2026-03-15', null, { condition: 'đến ngày bầu cử' }],
  ['Từ năm 2026 đến năm 2030', 'YEAR_RANGE', '2026-01-01', '2030-12-31'],
  ['2026 đến 2030', 'YEAR_RANGE', '2026-01-01', '2030-12-31'],
]

const MILESTONES: Row[] = [
  ['Đến năm 2030', 'YEAR', null, '2030-12-31'],
  ['Định hướng đến năm 2035', 'YEAR', null, '2035-12-31'],
  ['Dinh huong dén nam 2035', 'YEAR', null, '2035-12-31'],
  ['Pinh huong pen nim 2035', 'YEAR', null, '2035-12-31'],
  ['Đến hết năm 2030', 'DATE', null, '2030-12-31'],
  ['Pén hét nam 2025', 'DATE', null, '2025-12-31'],
  ['từ nay đến năm 2030', 'DATE', null, '2030-12-31'],
  ['Pau nam 2026', 'DATE', null, '2026-01-01'],
]

const TABLE_CELLS: Row[] = [
  ['6/2025', 'MONTH', '2025-06-01', '2025-06-30'],
  ['12/2028', 'MONTH', '2028-12-01', '2028-12-31'],
  ['hoàn thành 9/2026', 'MONTH', '2026-09-01', '2026-09-30'],
  ['2027', 'YEAR', '2027-01-01', '2027-12-31'],
  ['2025 - 2026', 'YEAR_RANGE', '2025-01-01', '2026-12-31'],
  // A document number is no month.
  ['Quyết định số 5/2025', 'UNKNOWN', null, null],
  ['Nghị định 13/2023/NĐ-CP', 'UNKNOWN', null, null],
]

const LATEST_AND_AFTER: Row[] = [
  ['Dự kiến ngày 05/12/2025 (Chậm nhất ngày 10/12/2025 - 95 ngày trước bầu cử)', 'DATE', null, '2025-12-10'],
  ['chậm nhất vào ngày 03/02/2026', 'DATE', null, '2026-02-03'],
  ['chậm nhất trước ngày 03/02/2026', 'BEFORE_DATE', null, '2026-02-02'],
  [
    'sau 30 ngày kể từ ngày được cấp có thẩm quyền phê duyệt',
    'RELATIVE',
    null,
    null,
    { relative: { amount: 30, unit: 'DAY', anchor: 'EVENT' }, condition: 'được cấp có thẩm quyền phê duyệt' },
  ],
]

const PRECISE_AND_BEFORE: Row[] = [
  ['Quý IV/2025 (trước ngày 15/12/2025)', 'BEFORE_DATE', null, '2025-12-14'],
  ['Tháng 12 năm 2025 (chậm nhất ngày 20/12/2025)', 'DATE', null, '2025-12-20'],
  // A day outside the period in brackets is only a note.
  ['Quý IV/2025 (trước ngày 15/1/2026)', 'QUARTER', '2025-10-01', '2025-12-31', { condition: 'trước ngày 15/1/2026' }],
  ['Hoàn thành trước Quý II/2026', 'BEFORE_DATE', null, '2026-03-31'],
  ['trước năm 2026', 'BEFORE_DATE', null, '2025-12-31'],
  ['Đầu quý I/2026', 'DATE', null, '2026-01-01'],
  ['Giữa quý II/2026', 'DATE', null, '2026-05-15'],
  ['Cuối quý IV/2025', 'DATE', null, '2025-12-31'],
  ['Năm 2026 và 2027', 'YEAR_RANGE', '2026-01-01', '2027-12-31'],
  ['Năm 2026, 2028', 'PHASED', '2026-01-01', '2028-12-31'],
  ['Tháng 12/2025 hoặc Quý I/2026', 'UNKNOWN', null, null, { reason: 'two times given as alternatives (hoặc)' }],
  ['Trước ngày 15/6/2026 và 15/12/2026', 'PHASED', null, '2026-12-14'],
  ['ngày 15/6/2026, ngày 15/12/2026', 'PHASED', null, '2026-12-15'],
]

const RECURRING: Row[] = [
  ['định kỳ (hằng quý)', 'RECURRING', null, null, { recurrence: 'QUARTERLY', condition: null }],
  ['Định kỳ (hàng tháng)', 'RECURRING', null, null, { recurrence: 'MONTHLY' }],
  ['Định kỳ 06 tháng', 'RECURRING', null, null, { recurrence: 'HALF_YEARLY' }],
  ['Pinh ky hang nam', 'RECURRING', null, null, { recurrence: 'YEARLY' }],
  ['định kỳ trước ngày 01/6 và 15/11 hằng năm', 'RECURRING', null, null, { recurrence: 'HALF_YEARLY' }],
  ['trước ngày 15/12 hằng năm', 'RECURRING', null, null, { recurrence: 'YEARLY' }],
  ['Thường xuyên; kinh phí chi thường xuyên', 'RECURRING', null, null, { recurrence: 'CONTINUOUS' }],
]

const CONDITIONS: Row[] = [
  [
    'theo lộ trình, hướng dẫn của Bộ',
    'CONDITIONAL',
    null,
    null,
    { condition: 'theo lộ trình, hướng dẫn của Bộ', inheritsFromParents: false },
  ],
  ['khi Chính phủ ban hành Nghị định hướng dẫn', 'CONDITIONAL', null, null, { condition: 'khi Chính phủ ban hành Nghị định hướng dẫn' }],
  ['Sau khi Nghị định quy định chi tiết được ban hành', 'CONDITIONAL', null, null],
  ['Ngay sau khi Kế hoạch được ban hành', 'CONDITIONAL', null, null],
  ['theo tiến độ được giao của Luật Đất đai', 'CONDITIONAL', null, null, { inheritsFromParents: false }],
  ['Theo tiến độ xây dựng dự thảo văn bản của cơ quan chủ trì', 'CONDITIONAL', null, null, { inheritsFromParents: false }],
  ['hoàn thành theo chỉ đạo tại các công điện của Thủ tướng', 'CONDITIONAL', null, null],
  ['Theo tiến độ các nhiệm vụ được giao', 'INHERITED', null, null, { inheritsFromParents: true }],
  ['Thực hiện theo lộ trình của cấp trên', 'INHERITED', null, null, { inheritsFromParents: true }],
  ['Theo tiến độ', 'INHERITED', null, null, { inheritsFromParents: true }],
  ['Từ ngày thành lập Ban chỉ đạo đến ngày kết thúc nhiệm vụ', 'CONDITIONAL', null, null],
  ['Từ khi khởi công đến khi bàn giao', 'CONDITIONAL', null, null],
]

const BUDGET: Row[] = [
  ['kinh phí chi thường xuyên', 'UNKNOWN', null, null, { reason: 'a budget line (kinh phí, ngân sách …), not a time' }],
  ['bố trí trong dự toán ngân sách hàng năm', 'UNKNOWN', null, null],
  ['Nguồn kinh phí chi thường xuyên của đơn vị', 'UNKNOWN', null, null],
]

describe('parseDeadline: forms of real plans', () => {
  it.each(WRITTEN_OUT)('date written out: %j → %s', (...row) => check(row))
  it.each(DATE_RANGES)('range of days: %j → %s', (...row) => check(row))
  it.each(SPANS)('months and quarters: %j → %s', (...row) => check(row))
  it.each(STARTS_AND_ENDS)('start, open or with an event for end: %j → %s', (...row) => check(row))
  it.each(MILESTONES)('milestone: %j → %s', (...row) => check(row))
  it.each(TABLE_CELLS)('table cell: %j → %s', (...row) => check(row))
  it.each(LATEST_AND_AFTER)('latest day, relative: %j → %s', (...row) => check(row))
  it.each(PRECISE_AND_BEFORE)('a day in brackets, before a period, part of a quarter, lists: %j → %s', (...row) => check(row))
  it.each(RECURRING)('recurring: %j → %s', (...row) => check(row))
  it.each(CONDITIONS)('condition or parents: %j → %s', (...row) => check(row))
  it.each(BUDGET)('budget line: %j → %s', (...row) => check(row))

  it('writes the new forms back so that they read the same', () => {
    for (const text of [
      'Tháng 3 - 4/2026',
      'Từ 01/3/2026',
      'Đến năm 2030',
      'Quý IV năm 2025 và các năm tiếp theo',
      'Quý I/2026 và Quý III/2026',
      'Tháng 6/2026 và tháng 12/2026',
      'Từ tháng 2/2026 đến khi kết thúc dự án',
    ]) {
      const d = parseDeadline(text)
      const again = parseDeadline(formatDeadline(d))
      expect([again.kind, again.startDate, again.dueDate], `${text} → ${d.normalized}`).toEqual([d.kind, d.startDate, d.dueDate])
    }
    expect(formatDeadline(parseDeadline('Đến năm 2030'), 'en')).toBe('By 2030')
    expect(parseDeadline('Quý I/2026 và Quý III/2026').phases.map((p) => p.deadline.normalized)).toEqual(['Quý I/2026', 'Quý III/2026'])
    expect(parseDeadline('Trước ngày 15/6/2026 và 15/12/2026').phases.map((p) => p.deadline.dueDate)).toEqual(['2026-06-14', '2026-12-14'])
  })
})

describe('isTimePhrase', () => {
  it.each([
    ['Hằng năm', true],
    ['Quý I/2026 và Quý II/2026', true],
    ['định kỳ (hằng quý)', true],
    ['Định kỳ 6 tháng', true],
    ['Theo tiến độ các nhiệm vụ được giao', true],
    ['khi Chính phủ ban hành Nghị định', true],
    ['Thường xuyên; kinh phí chi thường xuyên', true],
    ['định kỳ', false],
    ['Định kỳ.', false],
    ['kinh phí chi thường xuyên', false],
    ['bố trí trong dự toán ngân sách hàng năm', false],
    ['Kinh phí thực hiện được bố trí hằng năm', false],
    ['', false],
    ['Sở Tài chính', false],
    ['Quyết định số 5/2025', false],
  ] as const)('%j → %s', (text, expected) => expect(isTimePhrase(text)).toBe(expected))
})
