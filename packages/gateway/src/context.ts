/** The per-request context: the service and one set of DataLoaders (never shared between requests). */
import {
  taskStatusOfObligations,
  type ApiKeyGrant,
  type Assignment,
  type Chidao,
  type DeadlineViolation,
  type Document,
  type EffectiveDeadline,
  type DocumentSource,
  type DocumentSourceRecord,
  type ListPage,
  type ListWindow,
  type ObligationStatusRow,
  type Organization,
  type OrganizationGroup,
  type Report,
  type Target,
  type TargetActual,
  type Task,
  type TaskStatus,
} from '@chidao/core'
import DataLoader from 'dataloader'

/** A task's status on a date and its obligations. */
interface TaskStatusValue {
  status: TaskStatus
  obligations: ObligationStatusRow[]
}

export interface Loaders {
  readonly organization: DataLoader<string, Organization | null>
  readonly document: DataLoader<string, Document | null>
  readonly group: DataLoader<string, OrganizationGroup | null>
  readonly task: DataLoader<string, Task | null>
  readonly assignments: DataLoader<string, Assignment[]>
  readonly effectiveDeadline: DataLoader<string, EffectiveDeadline | null>
  readonly violations: DataLoader<string, DeadlineViolation[]>
  /** Ids of the tasks in lower plans implementing a task. */
  readonly childTaskIds: DataLoader<string, string[]>
  /** Ids of the tasks a task implements. */
  readonly parentTaskIds: DataLoader<string, string[]>
  readonly reports: DataLoader<string, Report[]>
  readonly targets: DataLoader<string, Target[]>
  /** Keyed `asOf|targetId`: one statement per date for a page of targets' latest measured values. */
  readonly latestActual: DataLoader<string, TargetActual | null>
  /** Keyed `asOf|taskId`: one status query per date for a whole page of tasks. */
  readonly taskStatus: DataLoader<string, TaskStatusValue>
  /** The files each document was imported from. */
  readonly documentSources: DataLoader<string, DocumentSourceRecord[]>
}

/** A batch read of one page window for many parents (one statement, or two with reports' evidence). */
export type PageBatch<T> = (chidao: Chidao, parentIds: readonly string[], window: ListWindow) => Promise<Map<string, ListPage<T>>>

export interface Context {
  readonly chidao: Chidao
  readonly loaders: Loaders
  /**
   * The request's loader of one list field for one page window: every parent asking the same window
   * of the same list in a tick is read in one batch, paged in SQL.
   */
  pages<T>(list: string, window: ListWindow, batch: PageBatch<T>): DataLoader<string, ListPage<T>>
  /** The API key presented (Authorization: Bearer …), resolved; null when none was. */
  readonly grant: ApiKeyGrant | null
  /** A key was presented but is unknown or revoked. */
  readonly badKey: boolean
  /** The request's `Idempotency-Key` header: mutations sent again with it answer as the first time. */
  readonly idempotencyKey: string | null
  /** The uploaded file whose text `importPlan` runs on (set only by `POST /import`), kept as the document's source. */
  readonly importSource?: DocumentSource
}

async function statuses(chidao: Chidao, keys: readonly string[]): Promise<TaskStatusValue[]> {
  const byDate = new Map<string, string[]>()
  for (const key of keys) {
    const [asOf, taskId] = [key.slice(0, 10), key.slice(11)]
    byDate.set(asOf, [...(byDate.get(asOf) ?? []), taskId])
  }
  const rows = new Map<string, ObligationStatusRow[]>()
  for (const [asOf, taskIds] of byDate) {
    for (const r of await chidao.obligations({ taskIds }, asOf))
      rows.set(`${asOf}|${r.taskId}`, [...(rows.get(`${asOf}|${r.taskId}`) ?? []), r])
  }
  return keys.map((key) => {
    const obligations = rows.get(key) ?? []
    return { status: taskStatusOfObligations(obligations), obligations }
  })
}

async function latestActuals(chidao: Chidao, keys: readonly string[]): Promise<(TargetActual | null)[]> {
  const byDate = new Map<string, string[]>()
  for (const key of keys) byDate.set(key.slice(0, 10), [...(byDate.get(key.slice(0, 10)) ?? []), key.slice(11)])
  const found = new Map<string, TargetActual>()
  for (const [asOf, ids] of byDate)
    for (const [id, actual] of await chidao.latestMeasurementsOf(ids, asOf)) found.set(`${asOf}|${id}`, actual)
  return keys.map((key) => found.get(key) ?? null)
}

/** Loads many keys through a loader; a failed or missing one is null. */
export async function loadAll<V>(loader: DataLoader<string, V | null>, keys: readonly string[]): Promise<(V | null)[]> {
  return (await loader.loadMany(keys)).map((v) => (v instanceof Error ? null : v))
}

/** Loads many keys through a loader into a map from key to what was found (missing ones left out). */
export async function loadById<V>(loader: DataLoader<string, V | null>, keys: readonly string[]): Promise<Map<string, V>> {
  const values = await loadAll(loader, keys)
  return new Map(
    keys.flatMap((key, i) => {
      const value = values[i]
      return value === null || value === undefined ? [] : [[key, value] as const]
    }),
  )
}

/** A loader over one of core's batch lookups by id (a map from task or document id to a list). */
function perTask<T>(batch: (ids: readonly string[]) => Promise<Map<string, T[]>>): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const map = await batch(ids)
    return ids.map((id) => map.get(id) ?? [])
  })
}

/** Makes a request's context; loaders batch lookups into one query each. */
export function createContext(
  chidao: Chidao,
  grant: ApiKeyGrant | null = null,
  badKey = false,
  idempotencyKey: string | null = null,
): Context {
  const pageLoaders = new Map<string, DataLoader<string, ListPage<unknown>>>()
  const organization = new DataLoader((ids: readonly string[]) => chidao.organizationsByIds(ids))
  const group = new DataLoader((ids: readonly string[]) => chidao.groupsByIds(ids))
  // Assignments come with their assignees (one statement), which then wait in the organisation and group loaders.
  const assignments = new DataLoader(async (ids: readonly string[]) => {
    const found = await chidao.assignmentsWithAssigneesOfTasks(ids)
    for (const [id, o] of found.organizations) organization.prime(id, o)
    for (const [id, g] of found.groups) group.prime(id, g)
    return ids.map((id) => found.assignments.get(id) ?? [])
  })
  return {
    chidao,
    pages<T>(list: string, window: ListWindow, batch: PageBatch<T>): DataLoader<string, ListPage<T>> {
      const key = `${list}|${window.offset}|${window.limit}`
      let loader = pageLoaders.get(key)
      if (!loader) {
        loader = new DataLoader<string, ListPage<unknown>>(async (ids) => {
          const map = await batch(chidao, ids, window)
          return ids.map((id) => map.get(id) ?? { items: [], total: 0 })
        })
        pageLoaders.set(key, loader)
      }
      return loader as DataLoader<string, ListPage<T>>
    },
    grant,
    badKey,
    idempotencyKey,
    loaders: {
      organization,
      document: new DataLoader((ids) => chidao.documentsByIds(ids)),
      group,
      task: new DataLoader((ids) => chidao.tasksByIds(ids)),
      assignments,
      effectiveDeadline: new DataLoader((ids) => chidao.effectiveDeadlinesOf(ids)),
      violations: perTask((ids) => chidao.violationsOfTasks(ids)),
      childTaskIds: perTask((ids) => chidao.taskLinksOf(ids, 'children')),
      parentTaskIds: perTask((ids) => chidao.taskLinksOf(ids, 'parents')),
      reports: perTask((ids) => chidao.reportsOfTasks(ids)),
      targets: perTask((ids) => chidao.targetsOfTasks(ids)),
      latestActual: new DataLoader((keys) => latestActuals(chidao, keys)),
      taskStatus: new DataLoader((keys) => statuses(chidao, keys)),
      documentSources: perTask((ids) => chidao.documentSources(ids)),
    },
  }
}
