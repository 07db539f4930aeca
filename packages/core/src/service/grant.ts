/** What an API key grants: a role, and the organisation it acts for (null: all of them). */

/** What a key may do: read; report progress; edit plans; everything, including successions. */
export const API_KEY_ROLES = ['VIEWER', 'REPORTER', 'EDITOR', 'ADMIN'] as const
export type ApiKeyRole = (typeof API_KEY_ROLES)[number]

/** A resolved key. */
export interface ApiKeyGrant {
  readonly keyId: string
  readonly organizationId: string | null
  readonly role: ApiKeyRole
}

/**
 * Whether a grant has at least a role.
 *
 * @example
 * hasRole({ keyId: 'k', organizationId: null, role: 'EDITOR' }, 'REPORTER') //=> true
 */
export function hasRole(grant: ApiKeyGrant, role: ApiKeyRole): boolean {
  return API_KEY_ROLES.indexOf(grant.role) >= API_KEY_ROLES.indexOf(role)
}
