import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, fromDayNumber, toDayNumber } from '../calendar/date.js'
import { isWorkingDay } from '../calendar/work-calendar.js'
import { formatDeadline } from './format.js'
import { parseDeadline } from './parse.js'
import type { Deadline, DeadlineKind } from './types.js'

type Row = [text: string, kind: DeadlineKind, start: string | null, due: string | null, extra?: Partial<Deadline>]

// Every "Thời gian" line of seeds 000, 001 and 002 exactly as OCR'd (labels included), with what it means.
const SEED_LINES: Row[] = [
  ['1. Thoi gian: Dy kién 03 ngay, tir ngay 14/12/2025 dén ngay 16/12/2025.', 'DATE_RANGE', '2025-12-14', '2025-12-16'],
  [
    '- Thoi gian hoan thanh: Quy 1V/2025 (theo tién d6 thuc hién tai cac nhiém\nvu dugc giao trong cac van ban chi dao néu trén).',
    'QUARTER',
    '2025-10-01',
    '2025-12-31',
    { inheritsFromParents: true, condition: null },
  ],
  ['- Thoi gian hoan thanh: thyc hién thuong xuyén, hang ngay.', 'RECURRING', null, null, { recurrence: 'DAILY' }],
  ['- Thoi gian hoan thanh: thyc hién thuong xuyén.', 'RECURRING', null, null, { recurrence: 'CONTINUOUS' }],
  [
    '- Thoi gian hoan thanh: Quy 1V/2025 (theo 16 trinh huéng dan cta Vin\nphong Trung wong Déang).',
    'QUARTER',
    '2025-10-01',
    '2025-12-31',
    { condition: 'theo 16 trinh huéng dan cta Vin phong Trung wong Déang', inheritsFromParents: false },
  ],
  ['- Thoi gian hoan thanh: Trong thang 10/2025.', 'MONTH', '2025-10-01', '2025-10-31'],
  [
    '- Thoi gian hoan thanh: Theo chi dao, huéng dan cua cac bo, nganh Trung\nuong.',
    'CONDITIONAL',
    null,
    null,
    { condition: 'Theo chi dao, huéng dan cua cac bo, nganh Trung uong' },
  ],
  [
    '- Thoi gian hoan thanh: Quy 1V/2025 (theo 10 trinh huéng dan cia cac co\nquan Trung vong).',
    'QUARTER',
    '2025-10-01',
    '2025-12-31',
    { condition: 'theo 10 trinh huéng dan cia cac co quan Trung vong' },
  ],
  [
    '- Thoi gian hoan thanh: Quy IV/2025 (theo 10 trinh cac nhi€ém vu dugc giao).',
    'QUARTER',
    '2025-10-01',
    '2025-12-31',
    { inheritsFromParents: true, condition: null },
  ],
  ['- Thoi gian thuc hién: Thuong xuyén hang nim.', 'RECURRING', null, null, { recurrence: 'YEARLY' }],
  ['- Thoi gian thuc hién: Nam 2021 va nhimg ndm tiép theo.', 'OPEN_ENDED', '2021-01-01', null],
  ['- Thoi gian thue hién: Nam 2022-2025.', 'YEAR_RANGE', '2022-01-01', '2025-12-31'],
  ['- Thoi gian thyc hién: Thuong xuyén hang nam.', 'RECURRING', null, null, { recurrence: 'YEARLY' }],
  ['- Thoi gian thuc hién: Thudng xuyén hang nam.', 'RECURRING', null, null, { recurrence: 'YEARLY' }],
  ['- Thoi gian thye hién: Nam 2020 va nhitng nim tiép theo.', 'OPEN_ENDED', '2020-01-01', null],
  ['- Thoi gian thue hién: Nam 2020 va nhitng nim tiép theo.', 'OPEN_ENDED', '2020-01-01', null],
  ['- Thoi gian thuc hién: Nam 2020 va nhig nim tiép theo.', 'OPEN_ENDED', '2020-01-01', null],
  ['- Thoi gian thue hién: Nam 2020 va nhimg nam tiép theo.', 'OPEN_ENDED', '2020-01-01', null],
  ['- Thoi gian thue hién: T nam 2021 — 2030.', 'YEAR_RANGE', '2021-01-01', '2030-12-31'],
  ['- Thot gian thue hién: TU nam 2021 — 2030.', 'YEAR_RANGE', '2021-01-01', '2030-12-31'],
  ['- Thot gian thue hién: Tirnam 2021 — 2025.', 'YEAR_RANGE', '2021-01-01', '2025-12-31'],
  ['- Thoi gian thuc hién: 2021- 2030', 'YEAR_RANGE', '2021-01-01', '2030-12-31'],
  [
    '- Thoi gian thue hién: Theo hudng dan cia B Théng tin va Tr uyén\nthong va theo thuc tién.',
    'CONDITIONAL',
    null,
    null,
    { condition: 'Theo hudng dan cia B Théng tin va Tr uyén thong va theo thuc tién' },
  ],
  [
    '- Thoi gian thue hi¢n: Nam 2022 - 2024: X4y dung quy hoach. Nim\n2025 va nhitng nam tiép theo: Trién khai thuc hién.',
    'PHASED',
    '2022-01-01',
    null,
  ],
  ['- Thoi gian thuc hién: Nam 2021 — 2030.', 'YEAR_RANGE', '2021-01-01', '2030-12-31'],
  ['- Thoi gian thue hién: Nam 2021.', 'YEAR', '2021-01-01', '2021-12-31'],
  ['- Thoi gian thue hién: Nam 2021 — 2030.', 'YEAR_RANGE', '2021-01-01', '2030-12-31'],
  ['- Thot gian thuc hién: Tir nam 2021 — 2030.', 'YEAR_RANGE', '2021-01-01', '2030-12-31'],
  ['- Thoi gian thue hién: Tirndm 2021 - 2030.', 'YEAR_RANGE', '2021-01-01', '2030-12-31'],
  ['- Thot gian thuc hién: Nam 2020 — 2030.', 'YEAR_RANGE', '2020-01-01', '2030-12-31'],
  ['- Thoi gian: Nam 2020 va nhimg nim tiép theo.', 'OPEN_ENDED', '2020-01-01', null],
  ['- Thoi gian: 2020 - 2030', 'YEAR_RANGE', '2020-01-01', '2030-12-31'],
  ['- Thoi gian thuc hién: Nam 2020 — 2030.', 'YEAR_RANGE', '2020-01-01', '2030-12-31'],
  ['- Théi gian thue hién: Nam 2020 — 2030,', 'YEAR_RANGE', '2020-01-01', '2030-12-31'],
  ['- Thoi gian thuc hién: Thudng xuyén.', 'RECURRING', null, null, { recurrence: 'CONTINUOUS' }],
  [
    '- Thoi gian thyc hién: Nam 2025 - 2030: 80% truomg THPT dugc té\nchire day thi diém; 50% truong THCS duoc t6 chirc day thi diém. Nam 2030\n— 2045: trién khai dai tra cho tat ¢4 cac truong THCS, THPT.',
    'PHASED',
    '2025-01-01',
    '2045-12-31',
  ],
  ['- Thoi gian thue hién: Nam 2020 va nhiing nam tiép theo.', 'OPEN_ENDED', '2020-01-01', null],
  ['- Thoi gian thuc hién: Nam 2021 va nhitng nim tiép theo.', 'OPEN_ENDED', '2021-01-01', null],
  ['- Thoi gian: Nam 2020 va nhimg nam tiép theo.', 'OPEN_ENDED', '2020-01-01', null],
  ['- Thoi gian thue hién: Nam 2022 — 2025.', 'YEAR_RANGE', '2022-01-01', '2025-12-31'],
  ['- Thot gian thyc hién: Ndm 2021 va nhitng nam tiép theo.', 'OPEN_ENDED', '2021-01-01', null],
  ['- Thoi gian thue hién: Nam 2021- 2025.', 'YEAR_RANGE', '2021-01-01', '2025-12-31'],
  ['- Thoi gian thye hién: Nam 2021- 2025.', 'YEAR_RANGE', '2021-01-01', '2025-12-31'],
  ['- Thoi gian thye hién: Nam 2020 — 2030.', 'YEAR_RANGE', '2020-01-01', '2030-12-31'],
  ['- Thot gian thuc hién: Nam 2022-2025.', 'YEAR_RANGE', '2022-01-01', '2025-12-31'],
  ['- Thoi gian thye hién: Nam 2021 va nhiing nam tiép theo.', 'OPEN_ENDED', '2021-01-01', null],
  ['- Thoi gian thue hién: Nam 2025 — 2030.', 'YEAR_RANGE', '2025-01-01', '2030-12-31'],
  ['- Thot gian thuc hién: Nam 2021 - 2025.', 'YEAR_RANGE', '2021-01-01', '2025-12-31'],
  ['- Thoi gian thue hién: ndm 2021 -2030.', 'YEAR_RANGE', '2021-01-01', '2030-12-31'],
  ['- Thoi gian thuc hién: Nam 2021 — 2025.', 'YEAR_RANGE', '2021-01-01', '2025-12-31'],
  ['- Thoi gian thuc hién: Thudng xuyén hang nim.', 'RECURRING', null, null, { recurrence: 'YEARLY' }],
  // Deadlines stated in the body of seeds 000 and 001.
  ['trudc ngay 10/12/2025', 'BEFORE_DATE', null, '2025-12-09'],
  ['trurde ngay 28/10/2025', 'BEFORE_DATE', null, '2025-10-27'],
]

// DOMAIN.md §5 and the examples, with diacritics.
const DOMAIN_PHRASES: Row[] = [
  ['Quý IV/2025', 'QUARTER', '2025-10-01', '2025-12-31'],
  ['Trong tháng 10/2025', 'MONTH', '2025-10-01', '2025-10-31'],
  ['trước ngày 28/10/2025', 'BEFORE_DATE', null, '2025-10-27'],
  ['chậm nhất ngày 28/10/2025', 'DATE', null, '2025-10-28'],
  ['Năm 2021', 'YEAR', '2021-01-01', '2021-12-31'],
  ['Năm 2022 – 2025', 'YEAR_RANGE', '2022-01-01', '2025-12-31'],
  ['Từ năm 2021 – 2030', 'YEAR_RANGE', '2021-01-01', '2030-12-31'],
  ['2021-2030', 'YEAR_RANGE', '2021-01-01', '2030-12-31'],
  ['Năm 2020 và những năm tiếp theo', 'OPEN_ENDED', '2020-01-01', null],
  ['Thường xuyên', 'RECURRING', null, null, { recurrence: 'CONTINUOUS' }],
  ['Thường xuyên hằng năm', 'RECURRING', null, null, { recurrence: 'YEARLY' }],
  ['thực hiện thường xuyên, hằng ngày', 'RECURRING', null, null, { recurrence: 'DAILY' }],
  [
    'Theo chỉ đạo, hướng dẫn của các bộ, ngành Trung ương',
    'CONDITIONAL',
    null,
    null,
    { condition: 'Theo chỉ đạo, hướng dẫn của các bộ, ngành Trung ương' },
  ],
  [
    'Theo hướng dẫn của Bộ TT&TT và theo thực tiễn',
    'CONDITIONAL',
    null,
    null,
    { condition: 'Theo hướng dẫn của Bộ TT&TT và theo thực tiễn' },
  ],
  [
    'Quý IV/2025 (theo lộ trình hướng dẫn của Văn phòng Trung ương Đảng)',
    'QUARTER',
    '2025-10-01',
    '2025-12-31',
    { condition: 'theo lộ trình hướng dẫn của Văn phòng Trung ương Đảng' },
  ],
  ['Năm 2022 - 2024: Xây dựng quy hoạch. Năm 2025 và những năm tiếp theo: Triển khai thực hiện.', 'PHASED', '2022-01-01', null],
  ['Năm 2025 - 2030: 80% trường THPT được tổ chức dạy thí điểm; Năm 2030 – 2045: triển khai đại trà', 'PHASED', '2025-01-01', '2045-12-31'],
  ['Dự kiến 03 ngày, từ ngày 14/12/2025 đến ngày 16/12/2025', 'DATE_RANGE', '2025-12-14', '2025-12-16'],
  ['(năm 2026)', 'YEAR', '2026-01-01', '2026-12-31'],
  ['Cuối tháng 2/2028', 'DATE', null, '2028-02-29'],
  ['Đầu tháng 3/2026', 'DATE', null, '2026-03-01'],
  ['Giữa năm 2026', 'DATE', null, '2026-06-30'],
  ['Cuối năm 2025', 'DATE', null, '2025-12-31'],
  ['Đến hết năm 2030', 'DATE', null, '2030-12-31'],
  ['6 tháng đầu năm 2026', 'HALF_YEAR', '2026-01-01', '2026-06-30'],
  ['6 tháng cuối năm 2026', 'HALF_YEAR', '2026-07-01', '2026-12-31'],
  ['9 tháng đầu năm 2025', 'NINE_MONTHS', '2025-01-01', '2025-09-30'],
  ['Quý 1 năm 2026', 'QUARTER', '2026-01-01', '2026-03-31'],
  ['Quy I11/2025', 'QUARTER', '2025-07-01', '2025-09-30'],
  ['tháng 10 năm 2025', 'MONTH', '2025-10-01', '2025-10-31'],
  ['Từ tháng 10/2025', 'OPEN_ENDED', '2025-10-01', null],
  ['Hằng quý', 'RECURRING', null, null, { recurrence: 'QUARTERLY' }],
  ['Định kỳ 6 tháng một lần', 'RECURRING', null, null, { recurrence: 'HALF_YEARLY' }],
  ['Hằng tháng', 'RECURRING', null, null, { recurrence: 'MONTHLY' }],
  ['Hằng tuần', 'RECURRING', null, null, { recurrence: 'WEEKLY' }],
  ['Theo tiến độ các nhiệm vụ được giao', 'INHERITED', null, null, { inheritsFromParents: true }],
  ['', 'INHERITED', null, null, { inheritsFromParents: true }],
  ['Thời gian thực hiện: Quý IV/2025', 'QUARTER', '2025-10-01', '2025-12-31'],
  ['Thời gian hoàn thành: Năm 2021', 'YEAR', '2021-01-01', '2021-12-31'],
]

describe('parseDeadline on every time phrase of the seeds (as OCR’d)', () => {
  it.each(SEED_LINES)('%j → %s', (text, kind, start, due, extra) => check(text, kind, start, due, extra))
})

describe('parseDeadline on the phrases of DOMAIN.md §5', () => {
  it.each(DOMAIN_PHRASES)('%j → %s', (text, kind, start, due, extra) => check(text, kind, start, due, extra))
})

function check(text: string, kind: DeadlineKind, start: string | null, due: string | null, extra?: Partial<Deadline>) {
  const d = parseDeadline(text)
  expect(d.kind, d.reason ?? '').toBe(kind)
  expect(d.startDate).toBe(start)
  expect(d.dueDate).toBe(due)
  expect(d.text).toBe(text)
  if (extra) expect(d).toMatchObject(extra)
}

describe('parseDeadline details', () => {
  it('gives canonical Vietnamese for OCR’d phrases', () => {
    expect(parseDeadline('- Thoi gian hoan thanh: Quy 1V/2025').normalized).toBe('Quý IV/2025')
    expect(parseDeadline('Nam 2021 va nhimg ndm tiép theo.').normalized).toBe('Năm 2021 và những năm tiếp theo')
    expect(parseDeadline('Tirnam 2021 — 2025.').normalized).toBe('Năm 2021 – 2025')
    expect(parseDeadline('Thuong xuyén hang nim.').normalized).toBe('Thường xuyên hằng năm')
    expect(parseDeadline('trurde ngay 28/10/2025').normalized).toBe('Trước ngày 28/10/2025')
  })

  it('reads phases with their labels as written', () => {
    const d = parseDeadline('Năm 2022 - 2024: Xây dựng quy hoạch. Năm 2025 và những năm tiếp theo: Triển khai thực hiện.')
    expect(d.phases.map((p) => [p.label, p.deadline.kind, p.deadline.startDate, p.deadline.dueDate])).toEqual([
      ['Xây dựng quy hoạch', 'YEAR_RANGE', '2022-01-01', '2024-12-31'],
      ['Triển khai thực hiện', 'OPEN_ENDED', '2025-01-01', null],
    ])
    const ocr = parseDeadline(SEED_LINES.find((r) => r[0].includes('80% truomg'))![0])
    expect(ocr.phases.map((p) => [p.deadline.startDate, p.deadline.dueDate])).toEqual([
      ['2025-01-01', '2030-12-31'],
      ['2030-01-01', '2045-12-31'],
    ])
    expect(ocr.phases[0]!.label).toMatch(/^80% truomg THPT/)
  })

  it('moves the due date past weekends and holidays (Art. 148)', () => {
    // 2045-12-31 is a Sunday and 1/1 a holiday.
    expect(parseDeadline('Năm 2045').effectiveDueDate).toBe('2046-01-02')
    // 2025-10-26 is a Sunday.
    expect(parseDeadline('Ngày 26/10/2025').effectiveDueDate).toBe('2025-10-27')
    // Quý IV/2025 ends on a Wednesday.
    expect(parseDeadline('Quý IV/2025').effectiveDueDate).toBe('2025-12-31')
    // Trước ngày 02/02/2025: due Saturday 1/2 → Monday 3/2.
    expect(parseDeadline('trước ngày 02/02/2025').effectiveDueDate).toBe('2025-02-03')
  })

  it('resolves relative phrases against the issue date, and says why when it cannot', () => {
    const wd = parseDeadline('trong 10 ngày làm việc kể từ ngày ban hành', { issuedOn: '2025-10-17' })
    expect(wd).toMatchObject({
      kind: 'RELATIVE',
      startDate: '2025-10-18',
      dueDate: '2025-10-31',
      relative: { amount: 10, unit: 'WORKING_DAY', anchor: 'ISSUE' },
    })
    expect(parseDeadline('Trong vòng 30 ngày kể từ ngày ký', { issuedOn: '2025-12-08' }).dueDate).toBe('2026-01-07')
    expect(parseDeadline('trong 01 tháng kể từ ngày ban hành', { issuedOn: '2025-01-31' }).dueDate).toBe('2025-02-28')
    const unresolved = parseDeadline('trong 10 ngày làm việc kể từ ngày ban hành')
    expect(unresolved).toMatchObject({ kind: 'RELATIVE', dueDate: null })
    expect(unresolved.reason).toMatch(/issuedOn/)
    expect(parseDeadline('trong 15 ngày kể từ ngày nhận được văn bản', { issuedOn: '2025-01-01' })).toMatchObject({
      kind: 'RELATIVE',
      dueDate: null,
    })
  })

  it('never throws: nonsense and impossible dates are UNKNOWN with a reason', () => {
    expect(parseDeadline('abc')).toMatchObject({ kind: 'UNKNOWN', reason: 'no time expression recognised' })
    expect(parseDeadline('Ngày 31/02/2025').kind).toBe('UNKNOWN')
    expect(parseDeadline('Ngày 31/02/2025').reason).toMatch(/impossible date/)
    expect(parseDeadline('Quý V/2025').kind).toBe('UNKNOWN')
    expect(parseDeadline(undefined as unknown as string).kind).toBe('INHERITED')
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const d = parseDeadline(text)
        expect(d.text).toBe(text)
      }),
      { numRuns: 2000 },
    )
  })

  it('accepts NFD input and diacritics-free input alike', () => {
    const a = parseDeadline('Quý IV/2025 (theo lộ trình hướng dẫn của Văn phòng Trung ương Đảng)'.normalize('NFD'))
    const b = parseDeadline('Quy IV/2025 (theo lo trinh huong dan cua Van phong Trung uong Dang)')
    expect([a.kind, a.dueDate]).toEqual([b.kind, b.dueDate])
    expect(a.condition).toBe('theo lộ trình hướng dẫn của Văn phòng Trung ương Đảng')
  })

  it('writes English labels', () => {
    expect(formatDeadline(parseDeadline('Quy 1V/2025'), 'en')).toBe('Q4 2025')
    expect(formatDeadline(parseDeadline('trước ngày 28/10/2025'), 'en')).toBe('Before 28 Oct 2025')
    expect(formatDeadline(parseDeadline('Thường xuyên hằng năm'), 'en')).toBe('Yearly')
    expect(formatDeadline(parseDeadline('Năm 2022-2025'), 'en')).toBe('2022–2025')
  })
})

// ---- properties ----

const year = fc.integer({ min: 1990, max: 2080 })
const day = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2080-12-31') }).map(fromDayNumber)
const phrase = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 4 }), year).map(([q, y]) => `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${y}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), year).map(([m, y]) => `Trong tháng ${m}/${y}`),
  day.map((d) => `trước ngày ${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`),
  day.map((d) => `Ngày ${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`),
  fc.tuple(day, fc.integer({ min: 0, max: 400 })).map(([d, n]) => {
    const e = addDays(d, n)
    return `Từ ngày ${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)} đến ngày ${e.slice(8)}/${e.slice(5, 7)}/${e.slice(0, 4)}`
  }),
  year.map((y) => `Năm ${y}`),
  fc.tuple(year, fc.integer({ min: 0, max: 20 })).map(([y, n]) => `Năm ${y} – ${y + n}`),
  year.map((y) => `Năm ${y} và những năm tiếp theo`),
  fc.tuple(fc.constantFrom('đầu', 'cuối'), year).map(([p, y]) => `6 tháng ${p} năm ${y}`),
  year.map((y) => `9 tháng đầu năm ${y}`),
  fc.constantFrom(
    'Thường xuyên',
    'Thường xuyên hằng năm',
    'Hằng quý',
    'Hằng tháng',
    'Hằng tuần',
    'Thường xuyên, hằng ngày',
    '6 tháng một lần',
  ),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), year)
    .map(([q, y]) => `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${y} (theo hướng dẫn của Bộ Khoa học và Công nghệ)`),
  fc
    .tuple(year, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 10 }))
    .map(([y, a, b]) => `Năm ${y} – ${y + a}: Xây dựng đề án. Năm ${y + a + 1} – ${y + a + b}: Triển khai`),
)

function structure(d: Deadline): unknown {
  const { text: _text, ...rest } = d
  return { ...rest, phases: d.phases.map((p) => ({ label: p.label, deadline: structure(p.deadline) })) }
}

describe('parseDeadline properties', () => {
  it('dueDate ≤ effectiveDueDate, and the effective date is a working day', () => {
    fc.assert(
      fc.property(phrase, (text) => {
        const d = parseDeadline(text)
        if (d.dueDate === null) {
          expect(d.effectiveDueDate).toBeNull()
        } else {
          expect(d.effectiveDueDate! >= d.dueDate).toBe(true)
          expect(isWorkingDay(d.effectiveDueDate!)).toBe(true)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('startDate ≤ dueDate', () => {
    fc.assert(
      fc.property(phrase, (text) => {
        const d = parseDeadline(text)
        expect(d.kind).not.toBe('UNKNOWN')
        if (d.startDate !== null && d.dueDate !== null) expect(d.startDate <= d.dueDate).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('format → parse gives the same deadline', () => {
    fc.assert(
      fc.property(phrase, (text) => {
        const d = parseDeadline(text)
        const again = parseDeadline(formatDeadline(d))
        expect(structure(again)).toEqual(structure(d))
        expect(again.normalized).toBe(d.normalized)
      }),
      { numRuns: 1000 },
    )
  })
})

// ---- the seeds themselves, when ../shared is beside the repository ----

const here = dirname(fileURLToPath(import.meta.url))
const seeds = join(here, '../../../../../shared/seeds')

describe.skipIf(!existsSync(seeds))('the seeds’ own text (../shared/seeds)', () => {
  it('every "Thời gian" line of seeds 000, 001 and 002 parses to a known kind and is in the table', () => {
    const lines: string[] = []
    for (const file of ['000_18ae298b8774ac4f.txt', '001_2548d24a4fc0360b.txt', '002_221ff7e4d995610f.txt']) {
      const text = readFileSync(join(seeds, file), 'utf8').split('\n')
      text.forEach((line, i) => {
        if (!/^\s*(?:-|\d\.)?\s*Th\S{1,3}\s+gian/.test(line)) return
        let phrase = line.trim()
        for (let j = i + 1; j < text.length && text[j]!.trim() && !/^\s*(-|\d+\.|\S\)|[IVX1]+\.)\s/.test(text[j]!); j++)
          phrase += `\n${text[j]!.trim()}`
        lines.push(phrase)
      })
    }
    expect(lines.length).toBe(53)
    for (const line of lines) expect(parseDeadline(line).kind, line).not.toBe('UNKNOWN')
    const table = new Set(SEED_LINES.map((r) => r[0].split('\n')[0]))
    for (const line of lines) expect(table.has(line.split('\n')[0]!), line).toBe(true)
  })
})
