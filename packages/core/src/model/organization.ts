/**
 * Organisations (cơ quan, đơn vị) of the four blocs at every tier, with validity dates and
 * dated succession links (the 2025 restructuring merged, split and renamed many of them).
 */
import type { CalendarDate } from '../calendar/date.js'

/** Administrative tier (cấp). The district tier ended on 30/6/2025. */
export const TIERS = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'BELOW'] as const
export type Tier = (typeof TIERS)[number]

/**
 * Rank of a tier, 0 = central; a lower number is a higher tier.
 *
 * @example
 * tierRank('CENTRAL') < tierRank('COMMUNE') //=> true
 */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier)
}

/** Bloc (khối): the Party line, the State executive, the elected councils, the Fatherland Front. */
export const BLOCS = ['PARTY', 'STATE', 'PEOPLES_COUNCIL', 'FRONT'] as const
export type Bloc = (typeof BLOCS)[number]

/** What sort of body an organisation is. */
export const ORGANIZATION_KINDS = [
  'POLITBURO',
  'SECRETARIAT',
  'PARTY_CENTRAL_COMMITTEE',
  'NATIONAL_ASSEMBLY',
  'GOVERNMENT',
  'PRIME_MINISTER',
  'MINISTRY',
  'STEERING_COMMITTEE',
  'STEERING_STANDING_BODY',
  'STEERING_WORKING_GROUP',
  'PARTY_OFFICE',
  'GOVERNMENT_OFFICE',
  'POLICE',
  'PROVINCIAL_PARTY_COMMITTEE',
  'PARTY_STANDING_COMMITTEE',
  'PARTY_BOARD',
  'PEOPLES_COUNCIL',
  'PEOPLES_COMMITTEE',
  'PEOPLES_COMMITTEE_OFFICE',
  'DEPARTMENT',
  'FATHERLAND_FRONT',
  'SOCIO_POLITICAL_ORGANIZATION',
  'DISTRICT_PARTY_COMMITTEE',
  'COMMUNE_PARTY_COMMITTEE',
  'PARTY_CELL',
  'AUTHORITY',
  'PRESS',
  'TERRITORY',
  'OTHER',
] as const
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]

/** An organisation as stored. */
export interface Organization {
  readonly id: string
  /** Stable, human-chosen code, e.g. `QNG.SKHCN`. */
  readonly code: string
  /** Full Vietnamese name with diacritics (NFC). */
  readonly name: string
  readonly shortName: string | null
  readonly tier: Tier
  /** The bloc; null for a TERRITORY (tỉnh, xã), the root under which a place's bodies sit. */
  readonly bloc: Bloc | null
  readonly kind: OrganizationKind
  readonly parentId: string | null
  /** Partition key: the province code, or `VN` for central bodies. */
  readonly scope: string
  /** First day it exists; null when older than anything recorded. */
  readonly validFrom: CalendarDate | null
  /** Last day it exists; null while it exists. */
  readonly validTo: CalendarDate | null
  readonly version: number
}

/** How one organisation's duties passed to another. */
export const SUCCESSION_KINDS = ['MERGED_INTO', 'SPLIT_INTO', 'RENAMED_TO'] as const
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number]

/** A dated succession link: from `effectiveOn`, the predecessor's open duties are the successor's. */
export interface Succession {
  readonly id: string
  readonly predecessorId: string
  readonly successorId: string
  readonly kind: SuccessionKind
  readonly effectiveOn: CalendarDate
  /** For a split: which part of the duties this successor takes. */
  readonly note: string | null
}

/**
 * A group an assignment can name instead of one body ("UBND các xã, phường, đặc khu").
 * Members are the organisations under `withinId` matching the filters, plus any listed explicitly.
 */
export interface OrganizationGroup {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly scope: string
  readonly selector: GroupSelector
}

/** The rule that makes a group's membership on a date. */
export interface GroupSelector {
  /** Organisation whose descendants are candidates. */
  readonly withinId?: string
  readonly tiers?: readonly Tier[]
  readonly kinds?: readonly OrganizationKind[]
  readonly blocs?: readonly Bloc[]
  /** Explicit members, in addition. */
  readonly memberIds?: readonly string[]
}
