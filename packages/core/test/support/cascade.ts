/** A small hand-built cascade named after the real documents, for service tests. */
import type { Chidao, Document } from '../../src/index.js'

export const ctx = { actor: 'test' }

export interface SmallCascade {
  nq57: Document
  nq71: Document
  kh359: Document
  kh09: Document
}

export async function registerOrganizations(chidao: Chidao): Promise<void> {
  const orgs = [
    { code: 'BCT', name: 'Bộ Chính trị', tier: 'CENTRAL', bloc: 'PARTY', kind: 'POLITBURO' },
    { code: 'CP', name: 'Chính phủ', tier: 'CENTRAL', bloc: 'STATE', kind: 'GOVERNMENT' },
    { code: 'QNG.TU', name: 'Tỉnh ủy Quảng Ngãi', tier: 'PROVINCE', bloc: 'PARTY', kind: 'PROVINCIAL_PARTY_COMMITTEE', scope: 'QNG' },
    {
      code: 'QNG.BTVTU',
      name: 'Ban Thường vụ Tỉnh ủy Quảng Ngãi',
      tier: 'PROVINCE',
      bloc: 'PARTY',
      kind: 'PARTY_STANDING_COMMITTEE',
      parentCode: 'QNG.TU',
    },
    { code: 'QNG.UBND', name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', tier: 'PROVINCE', bloc: 'STATE', kind: 'PEOPLES_COMMITTEE', scope: 'QNG' },
    { code: 'QNG.SKHCN', name: 'Sở Khoa học và Công nghệ', tier: 'PROVINCE', bloc: 'STATE', kind: 'DEPARTMENT', parentCode: 'QNG.UBND' },
    {
      code: 'QNG.STTTT',
      name: 'Sở Thông tin và Truyền thông',
      tier: 'PROVINCE',
      bloc: 'STATE',
      kind: 'DEPARTMENT',
      parentCode: 'QNG.UBND',
      validTo: '2025-02-28',
    },
    {
      code: 'QNG.THIENTIN.DU',
      name: 'Đảng ủy xã Thiện Tín',
      tier: 'COMMUNE',
      bloc: 'PARTY',
      kind: 'COMMUNE_PARTY_COMMITTEE',
      parentCode: 'QNG.TU',
      validFrom: '2025-07-01',
    },
  ]
  for (const o of orgs) await chidao.registerOrganization(ctx, o)
}

/**
 * The territories a real catalog has (the national catalog and the fixtures do): the importer reads
 * a plan's province and commune from them, and binds no body where it cannot tell the place.
 */
export async function registerTerritories(chidao: Chidao): Promise<void> {
  await chidao.registerOrganization(ctx, { code: 'QNG', name: 'Tỉnh Quảng Ngãi', tier: 'PROVINCE', kind: 'TERRITORY', scope: 'QNG' })
  await chidao.registerOrganization(ctx, {
    code: 'QNG.X.THIENTIN',
    name: 'Xã Thiện Tín',
    tier: 'COMMUNE',
    kind: 'TERRITORY',
    parentCode: 'QNG',
    validFrom: '2025-07-01',
  })
}

export async function registerSmallCascade(chidao: Chidao): Promise<SmallCascade> {
  await registerOrganizations(chidao)
  const nq57 = await chidao.registerDocument(ctx, {
    symbol: '57-NQ/TW',
    issuerCode: 'BCT',
    issuedOn: '2024-12-22',
    title: 'Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  })
  const nq71 = await chidao.registerDocument(ctx, {
    symbol: '71/NQ-CP',
    issuerCode: 'CP',
    issuedOn: '2025-04-01',
    title: 'Chương trình hành động của Chính phủ',
    implements: [nq57.id],
  })
  const kh359 = await chidao.registerDocument(ctx, {
    symbol: '359-KH/TU',
    issuerCode: 'QNG.BTVTU',
    issuedOn: '2025-04-29',
    title: 'Kế hoạch hành động',
    implements: [nq57.id],
  })
  const kh09 = await chidao.registerDocument(ctx, {
    symbol: '09-KH/ĐU',
    issuerCode: 'QNG.THIENTIN.DU',
    issuedOn: '2025-08-22',
    title: 'Kế hoạch của Đảng ủy xã',
    implements: [nq57.id, kh359.id],
  })
  return { nq57, nq71, kh359, kh09 }
}

/**
 * The new direction of seed 004: the Central Steering Committee and its plan 01-KH/BCĐTW (2 June 2025)
 * implementing `nq57Id`, after which plans on 57-NQ/TW need an alignment review.
 */
export async function registerNewDirection(chidao: Chidao, nq57Id: string): Promise<Document> {
  await chidao.registerOrganization(ctx, {
    code: 'BCDTW',
    name: 'Ban Chỉ đạo Trung ương',
    tier: 'CENTRAL',
    bloc: 'PARTY',
    kind: 'STEERING_COMMITTEE',
  })
  return chidao.registerDocument(ctx, {
    symbol: '01-KH/BCĐTW',
    issuerCode: 'BCDTW',
    issuedOn: '2025-06-02',
    title: 'Kế hoạch hành động chiến lược',
    implements: [nq57Id],
  })
}
