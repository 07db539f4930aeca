/** Paging helpers shared by the domain resolvers. */
import { loadAll, type Context, type PageBatch } from '../context.js'
import { TaskType } from '../types/domain.type.js'
import { ConnectionArgs, pageFromStore, type ConnectionShape } from '../types/relay.js'

/**
 * A page of one parent's list through the request's batch loader for that list and window: all the
 * parents at one level of the query share one SQL statement, paged per parent.
 */
export function pageOf<R, T>(
  ctx: Context,
  list: string,
  parentId: string,
  args: ConnectionArgs,
  batch: PageBatch<R>,
  to: (r: R) => T,
): Promise<ConnectionShape<T>> {
  return pageFromStore(args, async (window) => {
    const found = await ctx.pages(list, window, batch).load(parentId)
    return { items: found.items.map(to), total: found.total }
  })
}

/** Tasks by id through the request's loader, skipping unknown ids. */
export async function loadTasks(loaders: Context['loaders'], ids: readonly string[]): Promise<TaskType[]> {
  return (await loadAll(loaders.task, ids)).filter((x) => x !== null).map(TaskType.of)
}
