/**
 * Leads that the text gives away from the item: a duty that assigns a part of the plan by
 * reference ("chủ trì … thực hiện các nhiệm vụ quy định tại các mục 1, 2 Phần II"), and the
 * issuer, with a warning, where nobody is named. Texts written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { referencedCodes } from '../src/import/reference.js'
import { importPlan } from '../src/index.js'
import { org } from './support/catalog.js'

const catalog = {
  organizations: [
    org('CP', 'Chính phủ', 'CENTRAL', 'VN'),
    org('TTG', 'Thủ tướng Chính phủ', 'CENTRAL', 'VN'),
    org('BTC', 'Bộ Tài chính', 'CENTRAL', 'VN'),
    org('BYT', 'Bộ Y tế', 'CENTRAL', 'VN'),
  ],
  groups: [],
  documents: [],
}

const DECISION = [
  'THỦ TƯỚNG CHÍNH PHỦ -------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------',
  'Số: 901/QĐ-TTg\tHà Nội, ngày 02 tháng 12 năm 2025',
  'QUYẾT ĐỊNH',
  'Phê duyệt Đề án số hóa hồ sơ khám bệnh',
  'THỦ TƯỚNG CHÍNH PHỦ',
  'Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;',
  'QUYẾT ĐỊNH:',
  'Điều 1. Phê duyệt Đề án với những nội dung sau:',
  'I. MỤC TIÊU',
  'Số hóa toàn bộ hồ sơ khám bệnh.',
  'II. NHIỆM VỤ VÀ GIẢI PHÁP',
  '1. Hoàn thiện thể chế',
  'a) Rà soát các quy định về hồ sơ bệnh án điện tử để sửa đổi, bổ sung.',
  'b) Xây dựng tiêu chuẩn kết nối dữ liệu khám bệnh giữa các cơ sở.',
  '2. Bảo đảm nguồn lực',
  'a) Bố trí kinh phí số hóa hồ sơ trong dự toán hằng năm.',
  'III. TỔ CHỨC THỰC HIỆN',
  '1. Bộ Y tế',
  'a) Chủ trì, phối hợp với các bộ, cơ quan liên quan thực hiện các nhiệm vụ quy định tại mục 1 Phần II Điều 1 Quyết định này;',
  'b) Tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện hằng năm.',
  '2. Bộ Tài chính',
  'a) Chủ trì thực hiện nhiệm vụ quy định tại điểm a mục 2 Phần II Điều 1 Quyết định này.',
  'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
].join('\n')

describe('leads given by reference', () => {
  it('reads the items a reference names', () => {
    expect(referencedCodes('Chủ trì, phối hợp thực hiện các nhiệm vụ quy định tại các mục 1, 2; điểm a, b mục 7 Phần III Điều 1')).toEqual([
      'III.1',
      'III.2',
      'III.7.a',
      'III.7.b',
    ])
    // A body that only takes part leads nothing.
    expect(referencedCodes('Phối hợp với Bộ Y tế thực hiện các nhiệm vụ quy định tại mục 1 Phần II')).toEqual([])
  })

  it('gives the items of a part that names no body to the duty that assigns them, and notes it', () => {
    const preview = importPlan(DECISION, catalog)
    const lead = (code: string) => preview.tasks.find((t) => t.code === code)?.lead.map((m) => m.code ?? m.text)
    expect(lead('II.1.a')).toEqual(['BYT'])
    expect(lead('II.1.b')).toEqual(['BYT'])
    expect(lead('II.2.a')).toEqual(['BTC'])
    expect(preview.warnings.filter((w) => w.code === 'LEAD_BY_REFERENCE').map((w) => w.severity)).toEqual(['INFO', 'INFO', 'INFO'])
  })
})
