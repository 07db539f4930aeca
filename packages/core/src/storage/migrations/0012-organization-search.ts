import type { Kysely, Migration } from 'kysely'
import { organizationSearchKey } from '../repo/organization-search.js'

/**
 * A folded search key per organisation (its name, short name and code without diacritics, lower
 * case: "so tai chinh tinh quang ngai qng.stc"), so that `organizations(search:)` finds "Sở Tài
 * chính" from "so tai chinh" in SQL on both stores (SQLite has no `unaccent`). Filled here for the
 * rows already stored; every insert writes it.
 */
export const organizationSearchMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('organization').addColumn('search_key', 'text').execute()
    const rows: { id: string; code: string; name: string; short_name: string | null }[] = await db
      .selectFrom('organization')
      .select(['id', 'code', 'name', 'short_name'])
      .execute()
    for (const r of rows)
      await db
        .updateTable('organization')
        .set({ search_key: organizationSearchKey({ code: r.code, name: r.name, shortName: r.short_name }) })
        .where('id', '=', r.id)
        .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('organization').dropColumn('search_key').execute()
  },
}
