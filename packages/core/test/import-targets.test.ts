/**
 * Targets: milestone headings of every common form (OCR-damaged too), target lines with the
 * figure first, last or inside, lines with a qualifier before a colon, lines with two figures,
 * and target tables in an appendix. Texts written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { figureOf, figuresOf, numberOf } from '../src/import/target-figure.js'
import { readTargets } from '../src/import/target.js'
import { sourceLines } from '../src/import/lines.js'

const read = (text: string, tablesOnly = false) => {
  const warnings: string[] = []
  const targets = readTargets(sourceLines(text), (code, _m, line) => warnings.push(`${code}@${line?.no}`), { tablesOnly })
  return { targets: targets.map((t) => [t.milestoneOn, t.comparator, t.value, t.unit, t.metric]), warnings }
}

describe('figureOf: one target line', () => {
  it.each([
    ['Tỷ lệ hộ dùng cáp quang đạt tối thiểu 90%;', 'Tỷ lệ hộ dùng cáp quang', 'GTE', 90, '%'],
    ['Tỷ lệ hộ dùng ví điện tử phấn đấu đạt trên 70%', 'Tỷ lệ hộ dùng ví điện tử phấn đấu', 'GT', 70, '%'],
    ['Chỉ số chuyển đổi số của xã > 0,75', 'Chỉ số chuyển đổi số của xã', 'GT', 0.75, null],
    ['100% trường học có mạng không dây.', '100% trường học có mạng không dây', 'GTE', 100, '%'],
    ['Phấn đấu ít nhất 60% hộ kinh doanh bán hàng trực tuyến', 'Phấn đấu ít nhất 60% hộ kinh doanh bán hàng trực tuyến', 'GTE', 60, '%'],
    ['Khu dân cư: 100% thôn có loa truyền thanh thông minh', '100% thôn có loa truyền thanh thông minh', 'GTE', 100, '%'],
    ['Kinh tế số chiếm 25% GRDP của tỉnh', 'Kinh tế số chiếm', 'GTE', 25, '%'],
    ['Tỷ lệ hồ sơ trễ hạn không quá 2%', 'Tỷ lệ hồ sơ trễ hạn', 'LTE', 2, '%'],
  ])('%s', (line, metric, comparator, value, unit) => {
    expect(figureOf(line)).toEqual({ metric, comparator, value, unit })
  })

  it('reads no figure where there is none, and none of two', () => {
    expect(figureOf('Hoàn thiện khung pháp lý về dữ liệu')).toBeNull()
    expect(figureOf('Tỷ lệ A đạt 50% và tỷ lệ B đạt 60%')).toBeNull()
  })

  it('splits a line that states two targets in clauses', () => {
    expect(figuresOf('100% hộ ở vùng ngập được cảnh báo sớm; ít nhất 50% hộ ở nơi khác được tập huấn').map((f) => f.value)).toEqual([
      100, 50,
    ])
  })

  it('reads numbers as plans write them', () => {
    expect([numberOf('0,60'), numberOf('46.200'), numberOf('1.5'), numberOf('12')]).toEqual([0.6, 46200, 1.5, 12])
  })
})

describe('readTargets: milestones and the lines under them', () => {
  it('reads numbered, lettered and "(n)" items under numbered milestones, and one ending "… đến năm 2030"', () => {
    const { targets, warnings } = read(
      [
        'II. MỤC TIÊU',
        '1. Mục tiêu đến hết năm 2026',
        '- Hoàn thành quy hoạch mạng cáp quang.',
        '- 100% thôn có sóng di động.',
        '2. Phát triển dịch vụ số đến năm 2030 (2 mục tiêu)',
        '(1) Tỷ lệ người dân dùng dịch vụ công trực tuyến đạt tối thiểu 80%;',
        '(2) Tỷ lệ giao dịch không dùng tiền mặt đạt trên 70%.',
        'c) Tầm nhìn đến năm 2035',
        '- Hoàn thành 100% số hóa hồ sơ lưu trữ.',
        'III. NHIỆM VỤ',
        '1. Đầu tư hạ tầng: đạt 90% vào năm 2027.',
      ].join('\n'),
    )
    expect(targets).toEqual([
      ['2026-12-31', 'GTE', 100, '%', '100% thôn có sóng di động'],
      ['2030-12-31', 'GTE', 80, '%', 'Tỷ lệ người dân dùng dịch vụ công trực tuyến'],
      ['2030-12-31', 'GT', 70, '%', 'Tỷ lệ giao dịch không dùng tiền mặt'],
      ['2035-12-31', 'GTE', 100, '%', 'Hoàn thành 100% số hóa hồ sơ lưu trữ'],
    ])
    // The line with no figure is reported; the task section is not read for targets.
    expect(warnings).toEqual(['TARGET_UNREADABLE@3'])
  })

  it('reads a milestone and its target on one line, and OCR-damaged milestones', () => {
    const { targets } = read(
      [
        '1. Muc tieu cu the',
        'a) Den het nam 2025: Co ≥ 30% ho kinh doanh dung hoa don dien tu.',
        'b) Dén nim 2030: Co ≥ 60% ho kinh doanh dung hoa don dien tu.',
        'c) Pen nam 2035',
        '- Ty le xa dat chuan nong thon moi kieu mau dat 40%.',
      ].join('\n'),
    )
    expect(targets.map((t) => t.slice(0, 4))).toEqual([
      ['2025-12-31', 'GTE', 30, '%'],
      ['2030-12-31', 'GTE', 60, '%'],
      ['2035-12-31', 'GTE', 40, '%'],
    ])
  })

  it('reads a target table: section rows give the milestone, the unit column the unit', () => {
    const { targets } = read(
      [
        'PHỤ LỤC I',
        'TT\tChỉ tiêu\tĐơn vị\tKết quả\tCơ quan chủ trì theo dõi',
        'I\tĐến năm 2030\t\t\t',
        '1\tSố khu công nghệ số tập trung\tKhu\t≥ 3\tBộ A',
        '2\tTỷ lệ dân số có chữ ký số\t%\t80\tBộ B',
        '3\tVị thế quốc tế\tThứ bậc\tTrong nhóm dẫn đầu\tBộ C',
        'II\tĐến năm 2045\t\t\t',
        '4\tQuy mô kinh tế số\t% GDP\t≥ 50\tBộ D',
        'Nơi nhận:',
      ].join('\n'),
      true,
    )
    expect(targets).toEqual([
      ['2030-12-31', 'GTE', 3, 'Khu', 'Số khu công nghệ số tập trung'],
      ['2030-12-31', 'GTE', 80, '%', 'Tỷ lệ dân số có chữ ký số'],
      ['2045-12-31', 'GTE', 50, '% GDP', 'Quy mô kinh tế số'],
    ])
  })

  it('reads a table whose value columns name their milestones', () => {
    const { targets } = read(['STT\tChỉ tiêu\tĐơn vị tính\tNăm 2025\tNăm 2030', '1\tTỷ lệ xã có bưu cục\t%\t70\t100'].join('\n'), true)
    expect(targets.map((t) => [t[0], t[2]])).toEqual([
      ['2025-12-31', 70],
      ['2030-12-31', 100],
    ])
  })
})
