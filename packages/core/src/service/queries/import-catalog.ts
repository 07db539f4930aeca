/** What the importer reads from the store: the catalog it matches against, and a plan read against it. */
import { AgencyMatcher } from '../../import/agency.js'
import { importPlan, type ImportCatalog, type ImportPlanOptions, type PlanPreview } from '../../import/plan.js'
import type { Db } from '../../storage/db.js'
import { catalogRows } from '../../storage/repo/organizations.js'

/** Everything the importer matches against, read from the store. */
export async function importCatalog(db: Db): Promise<ImportCatalog> {
  const { organizations: orgs, groups, aliases, documents } = await catalogRows(db)
  const aliasesOf = (key: 'organizationId' | 'groupId', id: string) => aliases.filter((a) => a[key] === id).map((a) => a.alias)
  return {
    organizations: orgs.map((o) => ({
      code: o.code,
      name: o.name,
      shortName: o.shortName,
      tier: o.tier,
      scope: o.scope,
      validFrom: o.validFrom,
      validTo: o.validTo,
      aliases: aliasesOf('organizationId', o.id),
    })),
    groups: groups.map((g) => ({ code: g.code, name: g.name, scope: g.scope, aliases: aliasesOf('groupId', g.id) })),
    documents: documents.map((d) => ({ key: d.id, symbol: d.symbol, issuedOn: d.issuedOn, issuerTier: d.tier })),
  }
}

/**
 * Reads a plan against the store's catalog, writing nothing.
 *
 * @example
 * const preview = await previewImport(chidao.db, text)
 */
export async function previewImport(db: Db, text: string, options: ImportPlanOptions = {}): Promise<PlanPreview> {
  const catalog = await importCatalog(db)
  return importPlan(text, catalog, { ...options, matcher: new AgencyMatcher(catalog.organizations, catalog.groups) })
}
