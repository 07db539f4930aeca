/** A catalog organisation for the importer's tests: code, name, tier and province (null: none). */
import type { CatalogOrganization } from '../../src/index.js'

export const org = (code: string, name: string, tier: CatalogOrganization['tier'], scope: string | null): CatalogOrganization => ({
  code,
  name,
  tier,
  scope,
})
