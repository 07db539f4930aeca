/**
 * Agency phrases larger than one catalog name: an owner after "thuộc", lists of classes, a body's
 * standing board, and the names of bodies the catalog lacks read whole (diacritics tell "Hải
 * quan" from "quản lý"). Texts written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { AgencyMatcher, type AgencyMatchContext } from '../src/index.js'
import { proposeBodies } from '../src/import/proposal.js'
import { org } from './support/catalog.js'

const matcher = new AgencyMatcher(
  [
    org('CP', 'Chính phủ', 'CENTRAL', 'VN'),
    org('QNG.X.AN.MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam xã An Phú', 'COMMUNE', 'QNG'),
    org('QNG.STC', 'Sở Tài chính', 'PROVINCE', 'QNG'),
  ],
  [{ code: 'VN.BO_NGANH', name: 'Các bộ, cơ quan ngang bộ', scope: 'VN' }],
)
const central = { scope: 'VN', proposeUnder: { code: 'CP', tier: 'CENTRAL' as const } }
const commune = { scope: 'QNG', commune: 'an phu', proposeUnder: { code: 'QNG.X.AN.MTTQ', tier: 'COMMUNE' as const } }
const brief = (text: string, context: AgencyMatchContext = central) =>
  matcher.match(text, context).matches.map((m) => [m.text, m.kind, m.code, m.proposedParent ?? null])

describe('agency phrases', () => {
  it('reads "cơ quan thuộc Chính phủ" as part of the class before it, not as the Government', () => {
    expect(brief('các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ')).toEqual([
      ['các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ', 'GROUP', 'VN.BO_NGANH', null],
    ])
  })

  it('reads a list of classes as one class a person resolves, not one body and a generic word', () => {
    expect(brief('Các bộ, ngành, địa phương')).toEqual([['Các bộ, ngành, địa phương', 'GROUP', null, null]])
    // "Whoever is concerned" twice is still whoever is concerned.
    expect(brief('các cơ quan, đơn vị liên quan, các địa phương').map(([, kind]) => kind)).toEqual(['GENERIC'])
  })

  it('keeps a named body apart from the class after it', () => {
    expect(brief('Sở Tài chính, các địa phương', { ...commune, commune: 'x' }).map(([t, k]) => [t, k])).toEqual([
      ['Sở Tài chính', 'ORGANIZATION'],
      ['các địa phương', 'GENERIC'],
    ])
  })

  it('proposes a body’s standing board as new under that body, never binds it to the body', () => {
    expect(brief('Ban Thường trực Ủy ban MTTQ Việt Nam xã An Phú', commune)).toEqual([
      ['Ban Thường trực Ủy ban MTTQ Việt Nam xã An Phú', 'NEW', null, 'QNG.X.AN.MTTQ'],
    ])
  })
})

describe('proposeBodies: the names of bodies the catalog lacks', () => {
  it.each([
    ['Chi cục Hải quan khu vực V thực hiện thủ tục', 'Chi cục Hải quan khu vực V'],
    ['Doanh nghiệp viễn thông bảo đảm kinh phí', 'Doanh nghiệp viễn thông'],
    ['Trung tâm Xúc tiến đầu tư chủ trì', 'Trung tâm Xúc tiến đầu tư'],
    ['Văn phòng Cơ quan Ủy ban MTTQ xã tham mưu', 'Văn phòng Cơ quan Ủy ban MTTQ xã'],
    ['Bộ Công Thương chỉ đạo các tập đoàn', 'Bộ Công Thương'],
    ['Bộ Tài nguyên và Môi trường hướng dẫn', 'Bộ Tài nguyên và Môi trường'],
    ['bộ tài liệu hướng dẫn', null],
    ['Liên minh Hợp tác xã cấp tỉnh rà soát', 'Liên minh Hợp tác xã cấp tỉnh'],
    ['Hội Nông dân tỉnh Xây dựng kế hoạch', 'Hội Nông dân tỉnh'],
    ['Ban quản lý dự án có trách nhiệm', null],
  ])('%s', (text, name) => {
    expect(proposeBodies(text)[0]?.text ?? null).toBe(name)
  })

  it('stops at the verb in OCR text without diacritics, where "quan" may be "quản"', () => {
    expect(proposeBodies('Ban Tuyen giao quan ly viec nay')[0]?.text).toBe('Ban Tuyen giao')
  })
})

describe('group names written in another order or in part', () => {
  const groups = new AgencyMatcher(
    [org('DNI.UBND', 'Ủy ban nhân dân thành phố Đồng Nai', 'PROVINCE', 'DNI')],
    [
      { code: 'DNI.SO_BAN_NGANH', name: 'Các sở, ban, ngành thành phố', scope: 'DNI' },
      { code: 'DNI.UBND_XA', name: 'UBND các xã, phường, đặc khu', scope: 'DNI' },
    ],
  )
  const codes = (text: string) => groups.match(text, { scope: 'DNI' }).matches.map((m) => [m.text, m.code])

  it.each([
    ['Các sở, ngành liên quan', 'Các sở, ngành', 'DNI.SO_BAN_NGANH'],
    ['Các sở chủ trì', 'Các sở', 'DNI.SO_BAN_NGANH'],
    ['UBND các phường, xã', 'UBND các phường, xã', 'DNI.UBND_XA'],
  ])('%s', (text, written, code) => {
    expect(codes(text)).toEqual([[written, code]])
  })

  it('does not read "số Thành phố" as the city’s departments', () => {
    expect(codes('Trung tâm Chuyển đổi số Thành phố').some(([, code]) => code === 'DNI.SO_BAN_NGANH')).toBe(false)
  })
})
