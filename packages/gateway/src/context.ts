/** The per-request context: the service and one set of DataLoaders (never shared between requests). */
import type { ApiKeyGrant, Chidao, Document, Organization } from '@chidao/core'
import DataLoader from 'dataloader'

export interface Loaders {
  readonly organization: DataLoader<string, Organization | null>
  readonly document: DataLoader<string, Document | null>
}

export interface Context {
  readonly chidao: Chidao
  readonly loaders: Loaders
  /** The API key presented (Authorization: Bearer …), resolved; null when none was. */
  readonly grant: ApiKeyGrant | null
  /** A key was presented but is unknown or revoked. */
  readonly badKey: boolean
}

/** Makes a request's context; loaders batch lookups by id into one query each. */
export function createContext(chidao: Chidao, grant: ApiKeyGrant | null = null, badKey = false): Context {
  return {
    chidao,
    grant,
    badKey,
    loaders: {
      organization: new DataLoader((ids) => chidao.organizationsByIds(ids)),
      document: new DataLoader(async (ids) => Promise.all(ids.map((id) => chidao.documentById(id)))),
    },
  }
}
