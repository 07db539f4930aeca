/**
 * The importer on each shape of real plan, in short samples written for these tests (not copied
 * from any document): a decision issuing a plan with an appendix table, duties listed per body,
 * lettered and same-line fields, a Party action plan as OCR gives it, and the province rule (a
 * body is matched in the issuer's province or the centre, else proposed as new — never bound to
 * another province's).
 */
import { describe, expect, it } from 'vitest'
import type { CatalogOrganization, ImportCatalog } from '../src/index.js'
import { AgencyMatcher, importPlan, parseSymbol } from '../src/index.js'
import { org } from './support/catalog.js'

/** Two provinces with the same departments, and the centre. */
const ORGS: CatalogOrganization[] = [
  org('CP', 'Chính phủ', 'CENTRAL', 'VN'),
  org('BTC', 'Bộ Tài chính', 'CENTRAL', 'VN'),
  org('QNG', 'Tỉnh Quảng Ngãi', 'PROVINCE', 'QNG'),
  org('QNG.UBND', 'Ủy ban nhân dân tỉnh Quảng Ngãi', 'PROVINCE', 'QNG'),
  org('QNG.STC', 'Sở Tài chính', 'PROVINCE', 'QNG'),
  org('QNG.STP', 'Sở Tư pháp', 'PROVINCE', 'QNG'),
  org('QNG.X.THIENTIN', 'Xã Thiện Tín', 'COMMUNE', 'QNG'),
  org('QNG.X.THIENTIN.DU', 'Đảng ủy xã Thiện Tín', 'COMMUNE', 'QNG'),
  org('QNG.X.THIENTIN.UBND', 'Ủy ban nhân dân xã Thiện Tín', 'COMMUNE', 'QNG'),
  org('BNH', 'Tỉnh Bắc Ninh', 'PROVINCE', 'BNH'),
  org('BNH.UBND', 'Ủy ban nhân dân tỉnh Bắc Ninh', 'PROVINCE', 'BNH'),
  org('BNH.STC', 'Sở Tài chính', 'PROVINCE', 'BNH'),
  org('BNH.STP', 'Sở Tư pháp', 'PROVINCE', 'BNH'),
]
const catalog = (orgs: CatalogOrganization[] = ORGS): ImportCatalog => ({ organizations: orgs, groups: [], documents: [] })

const DECISION = [
  'ỦY BAN NHÂN DÂN TỈNH BẮC NINH -------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------',
  'Số: 512/QĐ-UBND\tBắc Ninh, ngày 03 tháng 12 năm 2025',
  'QUYẾT ĐỊNH',
  'BAN HÀNH KẾ HOẠCH SỐ HÓA HỒ SƠ ĐẤT ĐAI NĂM 2026',
  'ỦY BAN NHÂN DÂN TỈNH BẮC NINH',
  'Căn cứ Luật Tổ chức chính quyền địa phương;',
  'Theo đề nghị của Giám đốc Sở Tài chính.',
  'QUYẾT ĐỊNH:',
  'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch số hóa hồ sơ đất đai năm 2026.',
  'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
  'Điều 3. Chánh Văn phòng, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này.',
  'Nơi nhận: - Như Điều 3; - Lưu: VT.',
  'KẾ HOẠCH',
  'SỐ HÓA HỒ SƠ ĐẤT ĐAI NĂM 2026',
  '(Kèm theo Quyết định số 512/QĐ-UBND ngày 03 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh)',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích',
  '- Hoàn thành việc số hóa hồ sơ đất đai trong năm.',
  'II. NHIỆM VỤ',
  '1. Rà soát danh mục hồ sơ cần số hóa; Cơ quan chủ trì: Sở Tài chính; Thời gian hoàn thành: trước ngày 15 tháng 3 năm 2026.',
  '2. Xây dựng quy chế khai thác dữ liệu',
  'a) Nhiệm vụ: Soạn thảo và trình ban hành quy chế khai thác dữ liệu đất đai.',
  'b) Cơ quan thực hiện: Sở Tư pháp.',
  'c) Thời gian thực hiện: Quý II/2026.',
  'III. TỔ CHỨC THỰC HIỆN',
  '1. Sở Tài chính:',
  '- Bố trí kinh phí chi thường xuyên để thực hiện Kế hoạch.',
  '- Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.',
  '2. Sở Nội vụ:',
  '- Hướng dẫn chỉnh lý tài liệu lưu trữ trước khi số hóa.',
  'Nơi nhận: - Các sở, ngành; - Lưu: VT.',
  'PHỤ LỤC',
  'DANH MỤC NHIỆM VỤ',
  '(Kèm theo Kế hoạch ban hành kèm Quyết định số 512/QĐ-UBND)',
  'TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành',
  'I\tSố hóa\t\t\t',
  '1\tQuét hồ sơ địa chính các xã\tSở Tài chính\tSở Tư pháp\tTháng 6/2026',
  '2\tKiểm tra chất lượng dữ liệu quét\tSở Tư pháp\t\tTháng 9/2026',
  'II\tKhai thác\t\t\t',
  '1\tCông bố dữ liệu trên cổng thông tin\tSở Tài chính\t\tQuý IV/2026',
].join('\n')

describe('importPlan: a decision issuing a plan, with an appendix table', () => {
  const preview = importPlan(DECISION, catalog())
  const task = (code: string) => preview.tasks.find((t) => t.code === code)

  it('reads the header on two tab-separated lines, the province, and the issuer within it', () => {
    expect(preview.header).toMatchObject({
      kind: 'QĐ',
      symbol: '512/QĐ-UBND',
      issuedOn: '2025-12-03',
      place: 'Bắc Ninh',
      province: 'Bắc Ninh',
      scope: 'BNH',
    })
    expect(preview.header.issuer?.code).toBe('BNH.UBND')
  })

  it('reads the attached plan, not the articles, and its body tasks with same-line and lettered fields', () => {
    expect(preview.tasks.some((t) => /Điều/.test(t.content))).toBe(false)
    expect(task('II.1')).toMatchObject({ content: 'Rà soát danh mục hồ sơ cần số hóa', timePhrase: 'trước ngày 15 tháng 3 năm 2026' })
    expect(task('II.1')!.lead.map((m) => m.code)).toEqual(['BNH.STC'])
    // Three lettered lines, one task.
    expect(task('II.2')).toMatchObject({
      content: 'Xây dựng quy chế khai thác dữ liệu Soạn thảo và trình ban hành quy chế khai thác dữ liệu đất đai.',
      timePhrase: 'Quý II/2026',
    })
    expect(task('II.2')!.lead.map((m) => m.code)).toEqual(['BNH.STP'])
    expect(task('II.2.a')).toBeUndefined()
  })

  it('reads each duty under a body as a task that body leads; a body the catalog lacks is proposed under the issuer', () => {
    expect(task('III.1')?.grouping).toBe(true)
    expect(['III.1.1', 'III.1.2'].map((c) => task(c)?.lead.map((m) => m.code))).toEqual([['BNH.STC'], ['BNH.STC']])
    // "kinh phí chi thường xuyên" is a budget line, not a deadline.
    expect(task('III.1.1')?.timePhrase).toBeNull()
    const noi = task('III.2.1')!.lead[0]!
    expect(noi).toMatchObject({ kind: 'NEW', code: null, text: 'Sở Nội vụ', proposedParent: 'BNH.UBND' })
    expect(preview.warnings.some((w) => w.code === 'AGENCY_NEW' && w.message.includes('Sở Nội vụ'))).toBe(true)
  })

  it('reads the appendix table by its header: section rows group, rows are tasks with their cells', () => {
    expect(
      preview.tasks
        .filter((t) => t.code.startsWith('PL'))
        .map((t) => [t.code, t.grouping, t.lead.map((m) => m.code).join(), t.coordinating.map((m) => m.code).join(), t.timePhrase]),
    ).toEqual([
      ['PL.I', true, '', '', null],
      ['PL.I.1', false, 'BNH.STC', 'BNH.STP', 'Tháng 6/2026'],
      ['PL.I.2', false, 'BNH.STP', '', 'Tháng 9/2026'],
      ['PL.II', true, '', '', null],
      ['PL.II.1', false, 'BNH.STC', '', 'Quý IV/2026'],
    ])
    expect(task('PL.I.1')?.parentCode).toBe('PL.I')
  })

  it('never binds a body to another province: Quảng Ngãi’s Sở Tài chính is not Bắc Ninh’s', () => {
    const codes = preview.tasks.flatMap((t) => [...t.lead, ...t.coordinating]).map((m) => m.code ?? '')
    expect(codes.filter((c) => c.startsWith('QNG'))).toEqual([])
  })

  it('a province the catalog lacks: its bodies are proposed as new, none bound to another province', () => {
    const without = importPlan(DECISION, catalog(ORGS.filter((o) => !o.code.startsWith('BNH'))))
    expect(without.header.scope).toBe('?bac ninh')
    expect(without.header.issuer).toMatchObject({ kind: 'NEW', code: null })
    const agencies = without.tasks.flatMap((t) => [...t.lead, ...t.coordinating])
    expect(agencies.length).toBeGreaterThan(0)
    expect(agencies.filter((m) => m.code !== null)).toEqual([])
    expect(agencies.find((m) => m.text === 'Sở Tài chính')?.kind).toBe('NEW')
  })
})

/** A commune Party committee's action plan as OCR gives it: no diacritics, Đ read as D or P, "nim" for "năm". */
const PARTY_OCR = [
  'DANG BO TINH QUANG NGAI DANG CONG SAN VIET NAM',
  'DANG UY XA THIEN TIN',
  '*',
  'So 12-KH/DU Thien Tin, ngay 05 thang 9 nam 2025',
  'KE HOACH',
  'hanh dong ve chuyen doi so tren dia ban xa',
  '',
  'Thuc hien Ke hoach so 359-KH/TU ngay 29/4/2025 cua Ban Thuong vu Tinh uy,',
  'Dang uy xa ban hanh Ke hoach hanh dong nhu sau:',
  '',
  'I. MUC TIEU',
  '1. Muc tieu chung',
  'Xay dung chinh quyen so cap xa hoat dong hieu qua.',
  '2. Muc tieu cu the',
  '2.1. Den het nam 2025',
  '- Ty le phu song 5G tren dia ban dat 100%.',
  '- Toi thieu 80% can bo xa duoc boi duong ky nang so.',
  '2.2. Dén nim 2030',
  '- Phan dau tren 50% ho gia dinh co nguoi su dung thanh toan so.',
  'II. NHIEM VU, GIAI PHAP',
  '1. Nang cao nhan thuc ve chuyen doi so',
  '- Quan triet Ke hoach den toan the dang vien trong cac chi bo.',
  '- To chuc tuyen truyen tren he thong loa truyen thanh cua xa.',
  '2. Phat trien ha tang so',
  '- Rà soat cac thon chua co song di dong de de xuat dau tu.',
  'III. TO CHUC THUC HIEN',
  '1. Uy ban nhan dan xa',
  '- Xay dung ke hoach thuc hien hang nam, trinh Dang uy xa.',
  '- Bao cao ket qua 6 thang, hang nam ve Dang uy xa.',
].join('\n')

describe('importPlan: a commune Party action plan, OCR-damaged', () => {
  const preview = importPlan(PARTY_OCR, catalog())

  it('reads the Party header: symbol, issuer, place and date', () => {
    expect(preview.header).toMatchObject({ kind: 'KH', symbol: '12-KH/ĐU', issuedOn: '2025-09-05', scope: 'QNG' })
    expect(preview.header.issuer?.code).toBe('QNG.X.THIENTIN.DU')
  })

  it('reads milestones, OCR-damaged too, and the targets under each with comparator, value and unit', () => {
    expect(preview.targets.map((t) => [t.milestoneOn, t.comparator, t.value, t.unit])).toEqual([
      ['2025-12-31', 'GTE', 100, '%'],
      ['2025-12-31', 'GTE', 80, '%'],
      ['2030-12-31', 'GT', 50, '%'],
    ])
    expect(preview.targets[0]!.metric).toBe('Ty le phu song 5G tren dia ban')
  })

  it('reads the task groups and their items, led by the issuer with a warning when the plan names no body', () => {
    const tasks = preview.tasks.map((t) => [t.code, t.grouping, t.lead.map((m) => m.code).join()])
    expect(tasks.filter(([c]) => c === 'II' || String(c).startsWith('II.'))).toEqual([
      ['II', true, ''],
      ['II.1', true, ''],
      ['II.1.1', false, 'QNG.X.THIENTIN.DU'],
      ['II.1.2', false, 'QNG.X.THIENTIN.DU'],
      ['II.2', true, ''],
      ['II.2.1', false, 'QNG.X.THIENTIN.DU'],
    ])
    expect(preview.warnings.filter((w) => w.code === 'NO_LEAD_AGENCY').length).toBeGreaterThanOrEqual(3)
  })

  it('reads each duty listed under the commune committee as a task it leads', () => {
    const duties = preview.tasks.filter((t) => t.code.startsWith('III.1.'))
    expect(duties.map((t) => t.lead.map((m) => m.code).join())).toEqual(['QNG.X.THIENTIN.UBND', 'QNG.X.THIENTIN.UBND'])
    // No target is read as a task.
    expect(preview.tasks.some((t) => t.code.startsWith('I.'))).toBe(false)
  })
})

describe('symbols of every format in use', () => {
  it.each([
    ['16/KH-MTTQ-BTT', '16/KH-MTTQ-BTT', 'KH'],
    ['3260-KH/ĐĐQH15', '3260-KH/ĐĐQH15', 'KH'],
    ['25-CTr/TU', '25-CTr/TU', 'CTr'],
    ['Số: 4085/UBND-ĐT', '4085/UBND-ĐT', 'CV'],
  ])('%s', (written, text, kind) => {
    expect(parseSymbol(written)).toMatchObject({ text, kind })
  })
})

describe('headers whose columns come on separate lines, places of any length', () => {
  it('reads "Thành phố Hồ Chí Minh" as the place and a blank number as no symbol', () => {
    const text = [
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ HỒ CHÍ MINH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: /KH-UBND',
      'Thành phố Hồ Chí Minh, ngày 10 tháng 11 năm 2025',
      'KẾ HOẠCH',
      'Thí điểm trợ lý số cho cán bộ phường',
      'Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;',
      'Ủy ban nhân dân Thành phố ban hành Kế hoạch như sau:',
      'I. NHIỆM VỤ',
      '1. Sở Tư pháp chủ trì rà soát quy trình, hoàn thành trước ngày 20/12/2025.',
    ].join('\n')
    const preview = importPlan(text, catalog())
    expect(preview.header).toMatchObject({
      kind: 'KH',
      symbol: null,
      place: 'Thành phố Hồ Chí Minh',
      province: 'Hồ Chí Minh',
      issuedOn: '2025-11-10',
    })
    expect(preview.tasks.find((t) => t.code === 'I.1')?.lead[0]).toMatchObject({ kind: 'NEW', text: 'Sở Tư pháp' })
    expect(preview.tasks.find((t) => t.code === 'I.1')?.deadline?.dueDate).toBe('2025-12-19')
  })
})

describe('committees of a tier named as a class', () => {
  it('does not take "Ủy ban nhân dân các xã, phường" for the province\'s committee', () => {
    const m = new AgencyMatcher(ORGS, [
      { code: 'BNH.UBND_XA', name: 'UBND các xã, phường, đặc khu', scope: 'BNH', aliases: ['UBND các xã, phường', 'UBND cấp xã'] },
    ])
    const codes = (text: string) => m.match(text, { scope: 'BNH' }).matches.map((x) => x.code)
    expect(codes('Ủy ban nhân dân các xã, phường')).toEqual(['BNH.UBND_XA'])
    expect(codes('Ủy ban nhân dân cấp xã')).toEqual(['BNH.UBND_XA'])
    expect(codes('Ủy ban nhân dân tỉnh')).toEqual(['BNH.UBND'])
    expect(codes('Sở Tài chính; Ủy ban nhân dân các xã, phường')).not.toContain('BNH.UBND')
  })
})

describe('Party committees and communes that share a name', () => {
  const orgs = [
    ...ORGS,
    org('QNG.TU', 'Tỉnh ủy Quảng Ngãi', 'PROVINCE', 'QNG'),
    org('QNG.VPTU', 'Văn phòng Tỉnh ủy Quảng Ngãi', 'PROVINCE', 'QNG'),
    org('BNH.X.THIENTIN', 'Xã Thiện Tín', 'COMMUNE', 'BNH'),
  ]
  it('matches "Tỉnh ủy X" as a body, and never a bare "Văn phòng" as its office', () => {
    const m = new AgencyMatcher(orgs, [])
    expect(m.match('Tỉnh ủy Quảng Ngãi', { scope: 'QNG' }).matches.map((x) => x.code)).toEqual(['QNG.TU'])
    expect(m.match('Văn phòng Cơ quan Ủy ban MTTQ xã', { scope: 'QNG' }).matches.map((x) => x.code)).not.toContain('QNG.VPTU')
  })
  it('places a commune two provinces share by the province its text names', () => {
    const text = (province: string) =>
      [
        'ỦY BAN MTTQ VIỆT NAM XÃ THIỆN TÍN BAN THƯỜNG TRỰC Số: 12/KH-MTTQ-BTT\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Thiện Tín, ngày 02 tháng 12 năm 2025',
        'KẾ HOẠCH',
        'Tổ chức hội nghị hiệp thương',
        `Căn cứ Hướng dẫn số 13/HD-MTTQ-BTT của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh ${province};`,
        'I. NHIỆM VỤ',
        '1. Tổ chức hội nghị hiệp thương lần thứ nhất.',
      ].join('\n')
    expect(importPlan(text('Quảng Ngãi'), catalog(orgs)).header).toMatchObject({ province: 'Quảng Ngãi', scope: 'QNG' })
    expect(importPlan(text('Bắc Ninh'), catalog(orgs)).header).toMatchObject({ province: 'Bắc Ninh', scope: 'BNH' })
  })
})

describe('duty headings with a lead-in or an introducing clause', () => {
  const text = [
    'ỦY BAN NHÂN DÂN TỈNH BẮC NINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc',
    'Số: 77/KH-UBND\tBắc Ninh, ngày 03 tháng 12 năm 2025',
    'KẾ HOẠCH',
    'Nuôi biển bền vững năm 2026',
    'I. TỔ CHỨC THỰC HIỆN',
    '1. Sở Tài chính chỉ đạo Chi cục Thủy sản thực hiện các nội dung sau:',
    '- Lập danh sách cơ sở nuôi trồng trên địa bàn tỉnh.',
    '- Tổ chức tập huấn cho người nuôi về quy trình mới.',
    '2. Đề nghị: Hiệp hội Nuôi biển tỉnh, Hội Nông dân tỉnh',
    'a) Tuyên truyền, vận động hội viên tham gia mô hình.',
    'b) Phối hợp với Sở Tư pháp phổ biến quy định mới.',
  ].join('\n')
  it('reads each dash as a task of the body directed, each item under "Đề nghị:" as the named bodies\'', () => {
    const p = importPlan(text, catalog())
    const lead = (code: string) => p.tasks.find((t) => t.code === code)?.lead.map((m) => m.name)
    expect(p.tasks.find((t) => t.code === 'I.1')?.grouping).toBe(true)
    expect(lead('I.1.1')).toEqual(['Chi cục Thủy sản'])
    expect(lead('I.1.2')).toEqual(['Chi cục Thủy sản'])
    expect(p.tasks.find((t) => t.code === 'I.2')?.grouping).toBe(true)
    expect(lead('I.2.a')).toEqual(['Hiệp hội Nuôi biển tỉnh', 'Hội Nông dân tỉnh'])
  })
})
