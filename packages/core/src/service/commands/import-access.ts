/**
 * Who may import a plan as whom: the role an import needs, the issuer a key acts for (checked
 * before the text is read), the issuer a plan is imported as, and the file's provenance.
 */
import { DomainError } from '../../errors.js'
import { AgencyMatcher, type AgencyMatch } from '../../import/agency.js'
import { readHeader } from '../../import/header.js'
import { sourceLines } from '../../import/lines.js'
import type { PlanPreview } from '../../import/plan.js'
import type { DocumentSource } from '../../model/document.js'
import { territoriesOf } from '../../import/province.js'
import { warningList } from '../../import/warnings.js'
import { findOrganizationByCode, isAtOrAbove } from '../../storage/repo/organizations.js'
import { requireActFor, requireRole } from '../authorize.js'
import type { CommandContext, ServiceEnv } from '../command-tx.js'
import { importCatalog } from '../queries/import-catalog.js'
import { refuseControlCharacters } from '../validate.js'

/** The role an import needs, for the plan's issuer (checked when a key acts). */
const IMPORT_ROLE = 'EDITOR'

/** Whether the key may register a document as issued by this body (its own subtree; a key for no organisation: any). */
export async function mayIssueAs(env: ServiceEnv, ctx: CommandContext, issuerCode: string): Promise<boolean> {
  if (!ctx.grant || ctx.grant.organizationId === null) return true
  const issuer = await findOrganizationByCode(env.db, issuerCode)
  return issuer !== null && (await isAtOrAbove(env.db, ctx.grant.organizationId, issuer.id))
}

/**
 * Refuses, before the plan is read, a key that may not import it: below EDITOR, or not acting for
 * the issuer it is imported as (`issuerCode`), or, when none is named, for the issuer its header
 * names (only the header is read for that).
 */
export async function authorizeImport(env: ServiceEnv, ctx: CommandContext, text: string, named: string | null | undefined): Promise<void> {
  if (!ctx.grant) return
  requireRole(ctx.grant, IMPORT_ROLE)
  if (ctx.grant.organizationId === null) return
  let issuerCode = named ?? null
  if (issuerCode === null) {
    const catalog = await importCatalog(env.db)
    const { warn } = warningList()
    const matcher = new AgencyMatcher(catalog.organizations, catalog.groups)
    const issuer = readHeader(sourceLines(text), matcher, warn, text, territoriesOf(catalog.organizations)).header.issuer
    issuerCode = issuer?.code && issuer.kind === 'ORGANIZATION' ? issuer.code : null
  }
  if (issuerCode === null) {
    throw new DomainError('IMPORT_INCOMPLETE', 'The issuing body could not be read: name it (issuerCode) and import again', {
      field: ['input', 'issuerCode'],
    })
  }
  const issuer = await findOrganizationByCode(env.db, issuerCode)
  if (!issuer) throw new DomainError('UNKNOWN_ORGANIZATION', `No organization with code ${issuerCode}`, { field: ['input', 'issuerCode'] })
  await requireActFor(env.db, ctx.grant, issuer.id, ['input', 'issuerCode'])
}

/** The preview with the issuer it is imported as: the header's, which must agree, or this one when the header names none. */
export async function asImportedBy(env: ServiceEnv, preview: PlanPreview, issuerCode: string | null | undefined): Promise<PlanPreview> {
  if (!issuerCode) return preview
  const read = preview.header.issuer
  if (read?.code && read.kind === 'ORGANIZATION') {
    if (read.code !== issuerCode) {
      throw new DomainError(
        'INVALID_INPUT',
        `The plan's header names ${read.code}, not ${issuerCode} / Tiêu đề kế hoạch ghi cơ quan ban hành khác`,
        { field: ['input', 'issuerCode'] },
      )
    }
    return preview
  }
  const org = await findOrganizationByCode(env.db, issuerCode)
  if (!org) throw new DomainError('UNKNOWN_ORGANIZATION', `No organization with code ${issuerCode}`, { field: ['input', 'issuerCode'] })
  const issuer: AgencyMatch = {
    text: org.name,
    code: org.code,
    kind: 'ORGANIZATION',
    tier: org.tier,
    name: org.name,
    confidence: 1,
    start: 0,
    end: 0,
  }
  return { ...preview, header: { ...preview.header, issuer } }
}

/** Refuses a file's provenance whose names carry control characters or bidi overrides (a name that reads otherwise), or are over-long. */
export function checkSource(source: DocumentSource): void {
  const field = (name: string) => ['input', 'source', name]
  for (const [name, value, max] of [
    ['fileName', source.fileName, 500],
    ['mediaType', source.mediaType, 200],
    ['extractor', source.extractor?.name, 200],
    ['extractorVersion', source.extractor?.version, 200],
  ] as const) {
    if (typeof value !== 'string' || value.length === 0 || value.length > max) {
      throw new DomainError('INVALID_INPUT', `source.${name} has 1 to ${max} characters`, { field: field(name) })
    }
    refuseControlCharacters(value, field(name))
  }
  if (!/^[0-9a-f]{64}$/.test(source.sha256))
    throw new DomainError('INVALID_INPUT', 'source.sha256 is a hex SHA-256', { field: field('sha256') })
}
