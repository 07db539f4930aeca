/**
 * A commune Party committee's action plan as OCR gives it (text written for this test): lost
 * diacritics, Đ read as D or P, "nim" for "năm", a section number skipped (III after I, read as
 * II) and a milestone's number repeated. It
 * yields its milestones, the targets under each and its task groups, led by the body named or,
 * where none is, by the issuer with a warning.
 */
import { describe, expect, it } from 'vitest'
import { importPlan } from '../src/index.js'
import { org } from './support/catalog.js'

const catalog = {
  organizations: [
    org('QNG', 'Tỉnh Quảng Ngãi', 'PROVINCE', 'QNG'),
    org('QNG.X.BA', 'Xã Ba Tơ', 'COMMUNE', 'QNG'),
    org('QNG.X.BA.DU', 'Đảng ủy xã Ba Tơ', 'COMMUNE', 'QNG'),
    org('QNG.X.BA.UBND', 'Ủy ban nhân dân xã Ba Tơ', 'COMMUNE', 'QNG'),
    org('QNG.X.BA.MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam xã Ba Tơ', 'COMMUNE', 'QNG'),
  ],
  groups: [],
  documents: [],
}

const PLAN = [
  'DANG BO TINH QUANG NGAI DANG CONG SAN VIET NAM',
  'PANG UY XA BA TO',
  '*',
  'So 14-KH/PU Ba To, ngay 10 thang 9 nim 2025',
  'KE HOACH',
  'thuc hien Nghi quyet ve chuyen doi so tren dia ban xa',
  '',
  'Thuc hien Ke hoach so 359-KH/TU ngay 29/4/2025 cua Ban Thuong vu Tinh uy,',
  'Ban Thuong vu Dang uy xa ban hanh Ke hoach nhu sau:',
  '',
  'I. MUC TIEU',
  '1. Muc tieu chung',
  'Xay dung xa so, chinh quyen so hoat dong hieu qua.',
  '2. Muc tieu cu the',
  '2.1. Dén hét nim 2025',
  '- Ty le thon co song di dong bang rong dat 100%.',
  '- Toi thieu 70% can bo, cong chuc xa su dung thanh thao chu ky so.',
  '2.1. Pén nam 2030',
  '- Chi so chuyen doi so cua xa > 0,80.',
  '- Phan dau tren 60% ho gia dinh thanh toan khong dung tien mat.',
  'III. NHIEM VU, GIAI PHAP',
  '1. Nang cao nhan thuc',
  '- Quan triet Ke hoach den cac chi bo va dang vien.',
  '- Tuyen truyen tren he thong loa truyen thanh cua xa.',
  '2. Phat trien ha tang so',
  '- Ra soat cac thon chua co song di dong, de xuat doanh nghiep dau tu.',
  'IV. TO CHUC THUC HIEN',
  '1. Uy ban nhan dan xa',
  '- Xay dung ke hoach trien khai hang nam, trinh Dang uy xa.',
  '2. Uy ban MTTQ xa',
  '- Van dong nhan dan tham gia cac nen tang so.',
].join('\n')

describe('a commune Party action plan, OCR-damaged', () => {
  const preview = importPlan(PLAN, catalog)

  it('reads the header with Đ read as P', () => {
    expect(preview.header).toMatchObject({ kind: 'KH', issuedOn: '2025-09-10', scope: 'QNG' })
    expect(preview.header.issuer?.code).toBe('QNG.X.BA.DU')
  })

  it('reads each milestone, damaged or repeated in number, and the targets under it', () => {
    expect(preview.targets.map((t) => [t.milestoneOn, t.comparator, t.value, t.unit])).toEqual([
      ['2025-12-31', 'GTE', 100, '%'],
      ['2025-12-31', 'GTE', 70, '%'],
      ['2030-12-31', 'GT', 0.8, null],
      ['2030-12-31', 'GT', 60, '%'],
    ])
    expect(preview.targets[0]!.metric).toBe('Ty le thon co song di dong bang rong')
  })

  it('reads the task groups and their items, the section whose number was skipped read as the next, led by the issuer with a warning', () => {
    expect(preview.warnings.filter((w) => w.code === 'OUTLINE_REPAIRED').map((w) => w.line)).toEqual([21, 27])
    expect(preview.tasks.filter((t) => t.grouping).map((t) => t.code)).toEqual(['II', 'II.1', 'II.2', 'III', 'III.1', 'III.2'])
    const items = preview.tasks.filter((t) => /^II\.\d\.\d$/.test(t.code))
    expect(items.map((t) => t.content.split(' ')[0])).toEqual(['Quan', 'Tuyen', 'Ra'])
    for (const t of items) expect(t.lead.map((m) => m.code)).toEqual(['QNG.X.BA.DU'])
    expect(preview.warnings.filter((w) => w.code === 'NO_LEAD_AGENCY').length).toBe(3)
  })

  it('reads each duty under the body that heads it, "Ủy ban MTTQ xã" without "Việt Nam" too', () => {
    const lead = (prefix: string) => preview.tasks.filter((t) => t.code.startsWith(prefix) && !t.grouping).map((t) => t.lead[0]?.code)
    expect(lead('III.1.')).toEqual(['QNG.X.BA.UBND'])
    expect(lead('III.2.')).toEqual(['QNG.X.BA.MTTQ'])
  })
})
