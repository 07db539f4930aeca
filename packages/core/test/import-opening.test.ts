/**
 * The opening of a plan (text written for this test): a one-line "Triển khai thực hiện …" with no
 * "như sau:" ends at the body's first section, so that the aims and their targets are read.
 */
import { describe, expect, it } from 'vitest'
import { importPlan } from '../src/index.js'

const PLAN = [
  'ỦY BAN NHÂN DÂN TỈNH AN GIANG -------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------',
  'Số: 77/KH-UBND\tAn Giang, ngày 04 tháng 12 năm 2025',
  'KẾ HOẠCH',
  'Phát triển hạ tầng số trên địa bàn tỉnh',
  'Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch.',
  'I. MỤC TIÊU',
  '1. Mục tiêu đến hết năm 2026',
  '- 100% xã có sóng 5G.',
  'II. NHIỆM VỤ',
  '1. Sở Khoa học và Công nghệ chủ trì rà soát hạ tầng, hoàn thành trước ngày 30/6/2026.',
  'III. TỔ CHỨC THỰC HIỆN',
  'Thực hiện chế độ báo cáo như sau:',
  '1. Báo cáo 6 tháng gửi Sở Khoa học và Công nghệ.',
].join('\n')

describe('the opening', () => {
  const preview = importPlan(PLAN, { organizations: [], groups: [], documents: [] })

  it('ends at the first section when it has no "như sau:", and the aims after it are read', () => {
    expect(preview.targets.map((t) => [t.milestoneOn, t.value, t.unit])).toEqual([['2026-12-31', 100, '%']])
    expect(preview.tasks.some((t) => t.code === 'II.1')).toBe(true)
  })
})
