/** The per-request context: the service and one set of DataLoaders (never shared between requests). */
import {
  taskStatusOfObligations, type ApiKeyGrant, type Assignment, type Chidao, type Document, type ObligationStatusRow, type Organization, type OrganizationGroup,
  type TaskStatus,
} from '@chidao/core'
import DataLoader from 'dataloader'

/** A task's status on a date and its obligations. */
export interface TaskStatusValue {
  status: TaskStatus
  obligations: ObligationStatusRow[]
}

export interface Loaders {
  readonly organization: DataLoader<string, Organization | null>
  readonly document: DataLoader<string, Document | null>
  readonly group: DataLoader<string, OrganizationGroup | null>
  readonly assignments: DataLoader<string, Assignment[]>
  /** Keyed `asOf|taskId`: one status query per date for a whole page of tasks. */
  readonly taskStatus: DataLoader<string, TaskStatusValue>
}

export interface Context {
  readonly chidao: Chidao
  readonly loaders: Loaders
  /** The API key presented (Authorization: Bearer …), resolved; null when none was. */
  readonly grant: ApiKeyGrant | null
  /** A key was presented but is unknown or revoked. */
  readonly badKey: boolean
}

async function statuses(chidao: Chidao, keys: readonly string[]): Promise<TaskStatusValue[]> {
  const byDate = new Map<string, string[]>()
  for (const key of keys) {
    const [asOf, taskId] = [key.slice(0, 10), key.slice(11)]
    byDate.set(asOf, [...(byDate.get(asOf) ?? []), taskId])
  }
  const rows = new Map<string, ObligationStatusRow[]>()
  for (const [asOf, taskIds] of byDate) {
    for (const r of await chidao.obligations({ taskIds }, asOf)) rows.set(`${asOf}|${r.taskId}`, [...(rows.get(`${asOf}|${r.taskId}`) ?? []), r])
  }
  return keys.map((key) => {
    const obligations = rows.get(key) ?? []
    return { status: taskStatusOfObligations(obligations), obligations }
  })
}

/** Makes a request's context; loaders batch lookups into one query each. */
export function createContext(chidao: Chidao, grant: ApiKeyGrant | null = null, badKey = false): Context {
  return {
    chidao,
    grant,
    badKey,
    loaders: {
      organization: new DataLoader((ids) => chidao.organizationsByIds(ids)),
      document: new DataLoader((ids) => chidao.documentsByIds(ids)),
      group: new DataLoader((ids) => chidao.groupsByIds(ids)),
      assignments: new DataLoader(async (ids) => {
        const map = await chidao.assignmentsOfTasks(ids)
        return ids.map((id) => map.get(id) ?? [])
      }),
      taskStatus: new DataLoader((keys) => statuses(chidao, keys)),
    },
  }
}
