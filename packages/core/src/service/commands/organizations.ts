/** Commands on organisations: registering bodies, successions, groups and aliases. */
import { DomainError } from '../../errors.js'
import { keyText } from '../../import/tokens.js'
import {
  BLOCS,
  ORGANIZATION_KINDS,
  SUCCESSION_KINDS,
  TIERS,
  tierRank,
  type GroupSelector,
  type Organization,
  type OrganizationGroup,
  type Succession,
} from '../../model/organization.js'
import { refreshGroupDerived, refreshOrganizationDerived } from '../../storage/derived.js'
import { refreshObligationSpans, tasksInvolving } from '../../storage/obligation-span.js'
import {
  findAliasByKey,
  findGroupByCode,
  findOrganizationByCode,
  insertAlias,
  insertGroup,
  insertOrganization,
  insertSuccession,
  successionReaches,
} from '../../storage/repo/organizations.js'
import { toGroup, toSuccession } from '../../storage/rows.js'
import { requireActFor, requireRole } from '../authorize.js'
import { defineCommand } from '../command-tx.js'
import { NATIONAL, organizationIdOf } from '../authorize.js'
import { date, list, oneOf, optional, required, text } from '../shape.js'
import { requireOrganization, requireOrganizationById } from '../lookup.js'
import { optionalDate, optionalText, requireDate, requireOneOf, requireText } from '../validate.js'

export interface RegisterOrganizationInput {
  code: string
  name: string
  shortName?: string | null
  tier: string
  /** Required except for a TERRITORY. */
  bloc?: string | null
  kind: string
  parentCode?: string | null
  /** Partition key; defaults to the parent's scope, or `VN` at the centre. */
  scope?: string | null
  validFrom?: string | null
  validTo?: string | null
}

export interface RegisterSuccessionInput {
  predecessorCode: string
  successorCode: string
  kind: string
  effectiveOn: string
  note?: string | null
}

export interface RegisterGroupInput {
  code: string
  name: string
  scope?: string | null
  withinCode?: string | null
  tiers?: string[]
  kinds?: string[]
  blocs?: string[]
  memberCodes?: string[]
}

export interface RegisterAliasInput {
  code: string
  alias: string
}

/** Registers an organisation. Errors: INVALID_INPUT, INVALID_DATE, UNKNOWN_ORGANIZATION (parent), DUPLICATE_ORGANIZATION. */
export const registerOrganization = defineCommand({
  name: 'registerOrganization',
  subject: 'Organization',
  description: 'Registers an organisation under a parent (a key acts for the parent; a top-level body needs a national key).',
  input: {
    code: required(text),
    name: required(text),
    shortName: optional(text),
    tier: required(oneOf('Tier', TIERS)),
    bloc: optional(oneOf('Bloc', BLOCS), 'None for a TERRITORY.'),
    kind: required(oneOf('OrganizationKind', ORGANIZATION_KINDS)),
    parentCode: optional(text),
    scope: optional(text),
    validFrom: optional(date),
    validTo: optional(date),
  },
  role: 'ADMIN',
  actsFor: async ({ trx }, input: RegisterOrganizationInput) =>
    (input.parentCode ? await organizationIdOf(trx, input.parentCode) : null) ?? NATIONAL,
  answer: { entity: 'Organization' },
  duplicate: 'DUPLICATE_ORGANIZATION',
  async run({ trx, stamp, newId, grant }, input: RegisterOrganizationInput) {
    requireRole(grant, 'ADMIN')
    const code = requireText(input.code, 'code', 100)
    const row = {
      id: newId(),
      code,
      name: requireText(input.name, 'name', 500),
      shortName: optionalText(input.shortName, 'shortName', 200),
      tier: requireOneOf(input.tier, TIERS, 'tier'),
      kind: requireOneOf(input.kind, ORGANIZATION_KINDS, 'kind'),
      bloc:
        input.kind === 'TERRITORY' && (input.bloc === undefined || input.bloc === null) ? null : requireOneOf(input.bloc, BLOCS, 'bloc'),
      validFrom: optionalDate(input.validFrom, 'validFrom'),
      validTo: optionalDate(input.validTo, 'validTo'),
    }
    if (row.validFrom && row.validTo && row.validTo < row.validFrom) {
      throw new DomainError('INVALID_DATE', 'validTo is before validFrom', { field: ['input', 'validTo'] })
    }
    const parent = input.parentCode ? await requireOrganization(trx, input.parentCode, 'parentCode') : null
    await requireActFor(trx, grant, parent?.id ?? null, ['input', 'parentCode'])
    if (parent && tierRank(parent.tier) > tierRank(row.tier)) {
      throw new DomainError('INVALID_INPUT', `A ${row.tier} body cannot sit under a ${parent.tier} body`, {
        field: ['input', 'parentCode'],
      })
    }
    if (await findOrganizationByCode(trx, code)) {
      throw new DomainError('DUPLICATE_ORGANIZATION', `Organization ${code} exists`, { field: ['input', 'code'] })
    }
    const scope = optionalText(input.scope, 'scope', 20) ?? parent?.scope ?? 'VN'
    await insertOrganization(trx, { ...row, parentId: parent?.id ?? null, scope, createdAt: stamp, updatedAt: stamp })
    await refreshOrganizationDerived(trx, row.id)
    const created: Organization = await requireOrganizationById(trx, row.id)
    return { entity: 'organization', entityId: created.id, before: null, after: created, result: created }
  },
})

/** Records that one organisation's duties passed to another from a date. */
export const registerSuccession = defineCommand({
  name: 'registerSuccession',
  subject: 'Succession',
  description: 'Records that an organisation’s duties passed to another from a date (admin keys).',
  input: {
    predecessorCode: required(text),
    successorCode: required(text),
    kind: required(oneOf('SuccessionKind', SUCCESSION_KINDS)),
    effectiveOn: required(date),
    note: optional(text),
  },
  role: 'ADMIN',
  actsFor: ({ trx }, input: RegisterSuccessionInput) => organizationIdOf(trx, input.predecessorCode),
  duplicate: 'INVALID_INPUT',
  async run({ trx, stamp, newId, grant }, input: RegisterSuccessionInput) {
    requireRole(grant, 'ADMIN')
    const kind = requireOneOf(input.kind, SUCCESSION_KINDS, 'kind')
    const effectiveOn = requireDate(input.effectiveOn, 'effectiveOn')
    const predecessor = await requireOrganization(trx, input.predecessorCode, 'predecessorCode')
    const successor = await requireOrganization(trx, input.successorCode, 'successorCode')
    await requireActFor(trx, grant, predecessor.id, ['input', 'predecessorCode'])
    await requireActFor(trx, grant, successor.id, ['input', 'successorCode'])
    if (predecessor.id === successor.id) {
      throw new DomainError('INVALID_INPUT', 'An organization cannot succeed itself', { field: ['input', 'successorCode'] })
    }
    // Duties flow forward only: a succession may not lead back to its predecessor.
    if (await successionReaches(trx, successor.id, predecessor.id)) {
      throw new DomainError('INVALID_INPUT', `${input.successorCode} already succeeds ${input.predecessorCode}: that would be a cycle`, {
        field: ['input', 'successorCode'],
      })
    }
    const row = {
      id: newId(),
      predecessorId: predecessor.id,
      successorId: successor.id,
      kind,
      effectiveOn,
      note: optionalText(input.note, 'note', 1000),
      createdAt: stamp,
    }
    await insertSuccession(trx, row)
    await refreshObligationSpans(trx, await tasksInvolving(trx, [row.predecessorId, row.successorId]))
    const created: Succession = toSuccession(row)
    return { entity: 'succession', entityId: created.id, before: null, after: created, result: created }
  },
})

/** Registers a named group of organisations that assignments can name. */
export const registerGroup = defineCommand({
  name: 'registerGroup',
  subject: 'Group',
  description: 'Registers a named group of organisations that assignments can name.',
  input: {
    code: required(text),
    name: required(text),
    withinCode: optional(text, 'Members are bodies below this organisation…'),
    tiers: optional(list(oneOf('Tier', TIERS)), '…of these tiers…'),
    kinds: optional(list(oneOf('OrganizationKind', ORGANIZATION_KINDS)), '…kinds…'),
    blocs: optional(list(oneOf('Bloc', BLOCS)), '…and blocs.'),
    memberCodes: optional(list(text), 'Explicit members, in addition.'),
    scope: optional(text, 'Partition key; defaults to that of withinCode, or VN.'),
  },
  role: 'EDITOR',
  actsFor: async ({ trx }, input: RegisterGroupInput) =>
    (input.withinCode ? await organizationIdOf(trx, input.withinCode) : null) ?? NATIONAL,
  duplicate: 'DUPLICATE_ORGANIZATION',
  async run({ trx, stamp, newId, grant }, input: RegisterGroupInput) {
    requireRole(grant, 'EDITOR')
    const code = requireText(input.code, 'code', 100)
    const within = input.withinCode ? await requireOrganization(trx, input.withinCode, 'withinCode') : null
    await requireActFor(trx, grant, within?.id ?? null, ['input', 'withinCode'])
    const members: string[] = []
    for (const memberCode of input.memberCodes ?? []) members.push((await requireOrganization(trx, memberCode, 'memberCodes')).id)
    for (const member of members) await requireActFor(trx, grant, member, ['input', 'memberCodes'])
    const selector: GroupSelector = {
      ...(within ? { withinId: within.id } : {}),
      ...(input.tiers?.length ? { tiers: input.tiers.map((t) => requireOneOf(t, TIERS, 'tiers')) } : {}),
      ...(input.kinds?.length ? { kinds: input.kinds.map((k) => requireOneOf(k, ORGANIZATION_KINDS, 'kinds')) } : {}),
      ...(input.blocs?.length ? { blocs: input.blocs.map((b) => requireOneOf(b, BLOCS, 'blocs')) } : {}),
      ...(members.length ? { memberIds: members } : {}),
    }
    if (!selector.withinId && !selector.memberIds) {
      throw new DomainError('INVALID_INPUT', 'A group needs withinCode or memberCodes', { field: ['input', 'withinCode'] })
    }
    if (await findGroupByCode(trx, code))
      throw new DomainError('DUPLICATE_ORGANIZATION', `Group ${code} exists`, { field: ['input', 'code'] })
    const row = {
      id: newId(),
      code,
      name: requireText(input.name, 'name', 500),
      scope: optionalText(input.scope, 'scope', 20) ?? within?.scope ?? 'VN',
      selector: JSON.stringify(selector),
      createdAt: stamp,
    }
    await insertGroup(trx, row)
    await refreshGroupDerived(trx, row.id)
    const created: OrganizationGroup = toGroup(row)
    return { entity: 'organizationGroup', entityId: created.id, before: null, after: created, result: created }
  },
})

/**
 * Records another name of an organisation or group, for the importer. Idempotent for the same
 * body. Errors: UNKNOWN_ORGANIZATION, DUPLICATE_ORGANIZATION (the phrase names another body).
 */
export const registerAlias = defineCommand({
  name: 'registerAlias',
  subject: 'Alias',
  description: 'Records another name of an organisation or group, that the importer then recognises (idempotent).',
  input: {
    code: required(text, 'The organisation or group it names.'),
    alias: required(text),
  },
  role: 'EDITOR',
  actsFor: async ({ trx }, input: RegisterAliasInput) =>
    (await findGroupByCode(trx, input.code)) ? NATIONAL : organizationIdOf(trx, input.code),
  duplicate: 'DUPLICATE_ORGANIZATION',
  async run({ trx, stamp, newId, grant }, input: RegisterAliasInput) {
    requireRole(grant, 'EDITOR')
    const code = requireText(input.code, 'code', 100)
    const alias = requireText(input.alias, 'alias', 500)
    const aliasKey = keyText(alias)
    if (!aliasKey) throw new DomainError('INVALID_INPUT', 'The alias has no words', { field: ['input', 'alias'] })
    const group = await findGroupByCode(trx, code)
    const org = group ? null : await requireOrganization(trx, code, 'code')
    await requireActFor(trx, grant, org?.id ?? group?.selector.withinId ?? null, ['input', 'code'])
    const existing = await findAliasByKey(trx, aliasKey)
    if (existing) {
      if ((group && existing.groupId === group.id) || (org && existing.organizationId === org.id)) {
        return { entity: 'agencyAlias', entityId: existing.id, before: null, after: null, result: { code, alias: existing.alias } }
      }
      throw new DomainError('DUPLICATE_ORGANIZATION', `"${alias}" already names another organisation or group`, {
        field: ['input', 'alias'],
      })
    }
    const row = { id: newId(), alias, aliasKey, organizationId: org?.id ?? null, groupId: group?.id ?? null, createdAt: stamp }
    await insertAlias(trx, row)
    return { entity: 'agencyAlias', entityId: row.id, before: null, after: row, result: { code, alias } }
  },
})
