/**
 * The importer on the shapes of a Word export (one paragraph a line), in short samples written for
 * these tests (not copied from any document): unmarked paragraphs under a task heading, a Party
 * resolution's "I-" sections, a lone dash line, "+" under "-", a paragraph that introduces a list
 * and names its bodies, a heading whose subject is the body that does the dashes under it, a
 * section whose heading does not say it holds tasks, a phase heading's window, and appendix tables
 * with their section rows on a line of their own and a header repeated without its TT cell.
 */
import { describe, expect, it } from 'vitest'
import type { CatalogGroup, CatalogOrganization, ImportCatalog } from '../src/index.js'
import { importPlan } from '../src/index.js'
import { oneParagraphALine } from '../src/import/outline.js'
import { sourceLines } from '../src/import/lines.js'
import { org } from './support/catalog.js'

const ORGS: CatalogOrganization[] = [
  org('BCHTW', 'Ban Chấp hành Trung ương', 'CENTRAL', 'VN'),
  org('BCT', 'Bộ Chính trị', 'CENTRAL', 'VN'),
  org('CP', 'Chính phủ', 'CENTRAL', 'VN'),
  org('BTC', 'Bộ Tài chính', 'CENTRAL', 'VN'),
  org('BNH', 'Tỉnh Bắc Ninh', 'PROVINCE', 'BNH'),
  org('BNH.UBND', 'Ủy ban nhân dân tỉnh Bắc Ninh', 'PROVINCE', 'BNH'),
  org('BNH.STC', 'Sở Tài chính', 'PROVINCE', 'BNH'),
  org('BNH.STP', 'Sở Tư pháp', 'PROVINCE', 'BNH'),
  org('BNH.SYT', 'Sở Y tế', 'PROVINCE', 'BNH'),
]
const GROUPS: CatalogGroup[] = [{ code: 'VN.UBND_TINH', name: 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương' }]
const catalog: ImportCatalog = { organizations: ORGS, groups: GROUPS, documents: [] }

const header = (issuer: string, symbol: string) => [
  `${issuer} -------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc`,
  `Số: ${symbol}\tBắc Ninh, ngày 02 tháng 3 năm 2026`,
]

const RESOLUTION = [
  'BAN CHẤP HÀNH TRUNG ƯƠNG\tĐẢNG CỘNG SẢN VIỆT NAM',
  'Số 99-NQ/TW\tHà Nội, ngày 02 tháng 3 năm 2026',
  'NGHỊ QUYẾT',
  'CỦA BỘ CHÍNH TRỊ',
  'về phát triển thư viện số',
  'Thư viện số đang là nền tảng của xã hội học tập.',
  'I- QUAN ĐIỂM',
  '1. Phát triển thư viện số là nhiệm vụ của cả hệ thống chính trị.',
  'II- NHIỆM VỤ, GIẢI PHÁP',
  '1. Nâng cao nhận thức về thư viện số',
  '-',
  'Quán triệt sâu sắc vai trò của thư viện số trong toàn Đảng.',
  'Xây dựng chương trình truyền thông về văn hóa đọc trên môi trường số.',
  '2. Hoàn thiện thể chế',
  'Sửa đổi quy định về lưu chiểu xuất bản phẩm điện tử.',
  'III- TỔ CHỨC THỰC HIỆN',
  'Nghị quyết này phổ biến đến chi bộ.',
  'Nơi nhận: - Các tỉnh ủy.',
]

describe('a Word export: unmarked paragraphs are items of their own', () => {
  it('tells one paragraph a line from text wrapped at a width', () => {
    expect(oneParagraphALine(sourceLines(RESOLUTION.join('\n')))).toBe(true)
    const wrapped = ['1. Xây dựng kế hoạch số hóa hồ sơ', 'của các sở, ngành trong năm', 'và báo cáo kết quả thực hiện', 'về Sở Tài chính.']
    expect(oneParagraphALine(sourceLines(wrapped.join('\n')))).toBe(false)
  })

  it('reads "I-" sections and each paragraph or dash under a task heading as a task the issuer leads', () => {
    const preview = importPlan(RESOLUTION.join('\n'), catalog)
    const tasks = preview.tasks.filter((t) => !t.grouping)
    expect(tasks.map((t) => t.content.split(' ').slice(0, 3).join(' '))).toEqual(['Quán triệt sâu', 'Xây dựng chương', 'Sửa đổi quy'])
    expect(preview.header.issuer?.code).toBe('BCHTW')
    for (const t of tasks) expect(t.lead.map((l) => l.code)).toEqual(['BCHTW'])
    // The viewpoints (QUAN ĐIỂM) are no tasks; the lone "-" was joined to its paragraph.
    expect(tasks[0]!.code).toBe('II.1.1')
    expect(preview.warnings.some((w) => w.code === 'NO_LEAD_AGENCY')).toBe(true)
  })
})

const PLAN = [
  ...header('ỦY BAN NHÂN DÂN TỈNH BẮC NINH', '41/KH-UBND'),
  'KẾ HOẠCH',
  'Phòng, chống dịch bệnh mùa mưa năm 2026',
  'Thực hiện chỉ đạo của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'Chủ động phòng, chống dịch bệnh.',
  'II. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN',
  'Các hoạt động chia thành hai đợt:',
  '1. Đợt 1: Từ ngày 01/4/2026 đến ngày 30/6/2026:',
  'a) Nội dung kiểm tra:',
  '- Kiểm tra công tác vệ sinh môi trường tại các chợ.',
  '- Khu vực chợ đầu mối có nguy cơ cao.',
  '2. Tuyên truyền',
  '- Tổ chức tuyên truyền trên đài phát thanh:',
  '+ Phát bản tin hằng tuần về phòng bệnh.',
  '+ Đăng tải khuyến cáo trên trang thông tin điện tử.',
  'III. TỔ CHỨC THỰC HIỆN',
  '1. Sở Y tế chủ trì, phối hợp với Sở Tài chính:',
  '- Cấp phát hóa chất khử khuẩn cho các xã.',
  '- Tổng hợp tình hình dịch bệnh hằng tuần.',
  '2. Sở Tư pháp có trách nhiệm:',
  'Thẩm định các văn bản quy phạm pháp luật về phòng bệnh.',
  'Trên đây là Kế hoạch phòng, chống dịch bệnh của tỉnh.',
  'Nơi nhận: - Các sở, ngành.',
]

describe('a plan whose sections and headings say who does what', () => {
  const preview = importPlan(PLAN.join('\n'), catalog)
  const task = (words: string) => preview.tasks.find((t) => !t.grouping && t.content.startsWith(words))

  it('in a section its heading does not name as tasks, reads only the items that open with an action', () => {
    expect(task('Kiểm tra công tác vệ sinh')).toBeDefined()
    expect(task('Khu vực chợ đầu mối')).toBeUndefined()
    expect(task('Chủ động phòng')).toBeUndefined()
  })

  it('gives the items under a phase heading its window as their time', () => {
    expect(task('Kiểm tra công tác vệ sinh')!.timePhrase).toBe('Từ ngày 01/4/2026 đến ngày 30/6/2026')
  })

  it('reads "+" items as the level below the "-" they follow', () => {
    const first = task('Phát bản tin')!
    expect(first.code).toBe('II.2.1.1')
    expect(preview.tasks.find((t) => t.code === 'II.2.1')?.grouping).toBe(true)
  })

  it('leads the dashes under a heading whose subject is a body by that body, and the heading only groups', () => {
    expect(task('Cấp phát hóa chất')!.lead.map((l) => l.code)).toEqual(['BNH.SYT'])
    expect(task('Tổng hợp tình hình')!.lead.map((l) => l.code)).toEqual(['BNH.SYT'])
    expect(preview.tasks.find((t) => t.code === 'III.1')?.grouping).toBe(true)
    expect(task('Thẩm định các văn bản')!.lead.map((l) => l.code)).toEqual(['BNH.STP'])
  })

  it('stops at the closing formula', () => {
    expect(preview.tasks.some((t) => t.content.startsWith('Trên đây là'))).toBe(false)
  })
})

describe('a paragraph that introduces a list and names the bodies that carry it out', () => {
  it('gives those bodies as the lead of the items after it, never a body named only as the one they belong to', () => {
    const text = [
      ...header('BỘ TÀI CHÍNH', '12/KH-BTC'),
      'KẾ HOẠCH',
      'Thực hiện Nghị quyết của Chính phủ, Bộ Tài chính ban hành Kế hoạch như sau:',
      'II. NHIỆM VỤ CỤ THỂ',
      'Để đạt mục tiêu đề ra, các cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương thực hiện các nhiệm vụ sau đây:',
      '1. Rà soát danh mục tài sản công cần số hóa trong năm.',
      '2. Cập nhật dữ liệu tài sản công lên hệ thống quốc gia.',
      'Nơi nhận: - Như trên.',
    ].join('\n')
    const tasks = importPlan(text, catalog).tasks.filter((t) => !t.grouping)
    expect(tasks).toHaveLength(2)
    for (const t of tasks) expect(t.lead.map((l) => l.code)).toEqual(['VN.UBND_TINH'])
  })
})

describe('appendix tables as Word exports them', () => {
  it('reads a section row on a line of its own, and rows under a header repeated without its TT cell', () => {
    const text = [
      ...header('ỦY BAN NHÂN DÂN TỈNH BẮC NINH', '77/KH-UBND'),
      'KẾ HOẠCH',
      'Chuyển đổi số năm 2026',
      'Thực hiện chỉ đạo của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
      'I. NHIỆM VỤ',
      'Các nhiệm vụ tại Phụ lục kèm theo.',
      'Nơi nhận: - Như trên.',
      'PHỤ LỤC',
      'DANH MỤC NHIỆM VỤ',
      'STT\tTên nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành',
      'I. HẠ TẦNG SỐ',
      '1\tNâng cấp mạng truyền số liệu chuyên dùng\tSở KH&CN\tSở Tài chính\tQuý IV/2026',
      'II\tDữ liệu số',
      'Nội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành',
      '2.1\tXây dựng kho dữ liệu dùng chung\tSở Tài chính\tSở Tư pháp\tNăm 2026',
      '2.2\tChuẩn hóa dữ liệu hộ tịch\tSở Tư pháp\t\tQuý III/2026',
    ].join('\n')
    const tasks = importPlan(text, catalog).tasks.filter((t) => t.code.startsWith('PL'))
    expect(tasks.map((t) => [t.code, t.grouping])).toEqual([
      ['PL.I', true],
      ['PL.I.1', false],
      ['PL.II', true],
      ['PL.II.2.1', false],
      ['PL.II.2.2', false],
    ])
    expect(tasks.find((t) => t.code === 'PL.II.2.1')!.lead.map((l) => l.code)).toEqual(['BNH.STC'])
    expect(tasks.find((t) => t.code === 'PL.II.2.2')!.timePhrase).toBe('Quý III/2026')
  })
})
