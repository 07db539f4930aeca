/**
 * Finding organisations: by words of their name or code without diacritics (the folded
 * `search_key`), tier, kind and province, paged in SQL on both stores.
 */
import { sql } from 'kysely'
import type { Organization, OrganizationKind, Tier } from '../../model/organization.js'
import { fold } from '../../text/fold.js'
import type { Db } from '../db.js'
import { toOrganization } from '../rows.js'

/**
 * The folded key an organisation is searched by: name, short name and code, without diacritics.
 *
 * @example
 * organizationSearchKey({ code: 'QNG.STC', name: 'Sở Tài chính', shortName: null }) //=> 'so tai chinh qng.stc'
 */
export function organizationSearchKey(o: { code: string; name: string; shortName?: string | null }): string {
  return fold([o.name, o.shortName ?? '', o.code].filter(Boolean).join(' '))
}

/** What to find: every given criterion must hold. */
export interface OrganizationSearch {
  /** Words that must all appear in the name, short name or code; diacritics and case ignored. */
  readonly search?: string | null
  readonly tier?: Tier | null
  readonly kind?: OrganizationKind | null
  /** The province's code (`QNG`), or `VN` for central bodies: the organisation's scope. */
  readonly province?: string | null
}

/** `%`, `_` and `\` taken literally in a LIKE pattern (escape `\`). */
function likeLiteral(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * A page of the organisations matching a search, by code, with the count of all matches (two statements).
 *
 * @example
 * await findOrganizations(db, { search: 'so tai chinh', province: 'QNG' }, { offset: 0, limit: 20 })
 */
export async function findOrganizations(
  db: Db,
  search: OrganizationSearch,
  page: { offset: number; limit: number },
): Promise<{ items: Organization[]; total: number }> {
  const words = fold(search.search ?? '')
    .split(' ')
    .filter(Boolean)
  let query = db.selectFrom('organization')
  for (const word of words) query = query.where(sql<boolean>`search_key like ${`%${likeLiteral(word)}%`} escape '\\'`)
  if (search.tier) query = query.where('tier', '=', search.tier)
  if (search.kind) query = query.where('kind', '=', search.kind)
  if (search.province) query = query.where('scope', '=', search.province)
  const [{ n }] = (await query.select((eb) => eb.fn.countAll<number | string>().as('n')).execute()) as [{ n: number | string }]
  const rows = page.limit ? await query.selectAll().orderBy('code').limit(page.limit).offset(page.offset).execute() : []
  return { items: rows.map(toOrganization), total: Number(n) }
}
