/**
 * What the agency matcher works with: the catalog's organisations and groups as the importer
 * needs them, what a phrase is matched to, the context of a match, and the generic phrases that
 * name "whoever is concerned".
 */
import type { CalendarDate } from '../calendar/date.js'
import type { Tier } from '../model/organization.js'

/** An organisation as the importer needs to know it. */
export interface CatalogOrganization {
  readonly code: string
  readonly name: string
  readonly shortName?: string | null
  readonly tier: Tier
  /** The territory it belongs to (province code), for telling `UBND tỉnh` of two provinces apart. */
  readonly scope?: string | null
  readonly validFrom?: CalendarDate | null
  readonly validTo?: CalendarDate | null
  /** Other names it goes by, e.g. `VPUB`, `Sở KH&CN`. */
  readonly aliases?: readonly string[]
}

/** A group (a class of bodies an assignment can name) as the importer needs to know it. */
export interface CatalogGroup {
  readonly code: string
  readonly name: string
  readonly scope?: string | null
  readonly aliases?: readonly string[]
}

/** What an agency phrase was matched to. */
export interface AgencyMatch {
  /** The words of the original text that were matched. */
  readonly text: string
  /** Organisation or group code; null for a generic phrase nobody resolved, a body proposed as new, or a class of bodies (`GROUP`) the catalog has no group for. */
  readonly code: string | null
  readonly kind: 'ORGANIZATION' | 'GROUP' | 'GENERIC' | 'NEW'
  /** The organisation's tier; null for groups and generic phrases. */
  readonly tier: Tier | null
  /** The name matched, as the catalog writes it. */
  readonly name: string
  /** 0–1: how closely the text matched the name (1 = the same words). */
  readonly confidence: number
  /** For a body the catalog lacks (`kind: 'NEW'`): the code of the body it is proposed under. */
  readonly proposedParent?: string | null
  readonly start: number
  readonly end: number
}

/** Words between matches that name nobody: left over, to be reported. */
export interface UnmatchedText {
  readonly text: string
  readonly start: number
  readonly end: number
}

/** Generic phrases: they name "whoever is concerned", which only a person can resolve. */
export const GENERIC_AGENCY_PHRASES: readonly string[] = [
  'các cơ quan, tổ chức, đơn vị có liên quan',
  'các cơ quan, đơn vị có liên quan',
  'các cơ quan, đơn vị liên quan',
  'cơ quan, đơn vị có liên quan',
  'các tổ chức, cá nhân có liên quan',
  'các tổ chức cá nhân liên quan',
  'địa phương có liên quan',
  'các địa phương',
  'địa phương',
  'các đoàn thể',
  'các cơ quan, đơn vị',
  'các tổ chức chính trị - xã hội',
]

/** Options of {@link AgencyMatcher.match}. */
export interface AgencyMatchContext {
  /** The date the text speaks of: bodies that existed then win ties. */
  readonly on?: CalendarDate | null
  /**
   * The issuer's province code (`VN` for a central issuer; any other string for a province the
   * catalog lacks): bodies of other provinces are never matched. Unset: every body may match.
   */
  readonly scope?: string | null
  /** Phrases a person resolved for this text: phrase → organisation or group code. */
  readonly resolutions?: Readonly<Record<string, string>>
  /** The issuer's commune (its place key, `thien tin`): there "UBND xã" is its own committee. */
  readonly commune?: string | null
  /** Where a body the catalog lacks is proposed (the issuer's executive body or territory); with it, such bodies come back as `NEW` matches. */
  readonly proposeUnder?: { readonly code: string | null; readonly tier: Tier | null } | null
}
