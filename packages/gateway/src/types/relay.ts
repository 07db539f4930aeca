/**
 * Relay plumbing: opaque global IDs (`base64("Type:id")`), the `Node` interface, and connections
 * made by a factory (type-graphql's `PaginatedResponse` pattern).
 */
import { ArgsType, Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql'
import { GraphQLError } from 'graphql'

export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url')
}

/**
 * A global ID's type and id, or null when it is not one.
 *
 * @example
 * parseGlobalId(toGlobalId('Task', 't:1')) //=> { type: 'Task', id: 't:1' }
 */
export function parseGlobalId(globalId: string): { type: string; id: string } | null {
  const text = Buffer.from(globalId, 'base64url').toString('utf8')
  const colon = text.indexOf(':')
  return colon <= 0 ? null : { type: text.slice(0, colon), id: text.slice(colon + 1) }
}

export function fromGlobalId(globalId: string): { type: string; id: string } {
  const parsed = parseGlobalId(globalId)
  if (!parsed) throw new GraphQLError('Not a chidao global ID', { extensions: { code: 'BAD_USER_INPUT' } })
  return parsed
}

@InterfaceType({ description: 'An object with a global ID.' })
export abstract class Node {
  @Field(() => ID)
  id!: string
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean
  @Field(() => Boolean) hasPreviousPage!: boolean
  @Field(() => String, { nullable: true }) startCursor!: string | null
  @Field(() => String, { nullable: true }) endCursor!: string | null
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[]
  pageInfo: PageInfo
  totalCount: number
}

/** Makes `XConnection` and `XEdge` for an object type. */
export function Connection<T extends object>(item: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string
    @Field(() => item) node!: T
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge]) edges!: Edge[]
    @Field(() => PageInfo) pageInfo!: PageInfo
    @Field(() => Int) totalCount!: number
  }
  return ConnectionType
}

/** The most a page may hold. */
export const MAX_PAGE = 100
/** The page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE = 20

/** Relay's paging arguments, on every connection field. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `The first n items after \`after\` (0–${MAX_PAGE}; ${DEFAULT_PAGE} when neither first nor last is given).`,
  })
  first?: number | null

  @Field(() => String, { nullable: true, description: 'Start after this cursor.' })
  after?: string | null

  @Field(() => Int, { nullable: true, description: `The last n items before \`before\` (0–${MAX_PAGE}).` })
  last?: number | null

  @Field(() => String, { nullable: true, description: 'End before this cursor.' })
  before?: string | null
}

/** Which slice of a list a page holds. */
interface PageWindow {
  readonly offset: number
  readonly limit: number
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } })

function checkCount(name: string, n: number | null | undefined): void {
  if (n != null && (!Number.isInteger(n) || n < 0 || n > MAX_PAGE)) throw badInput(`${name} must be 0–${MAX_PAGE}`)
}

function checkArgs(args: ConnectionArgs): void {
  checkCount('first', args.first)
  checkCount('last', args.last)
  if (args.first != null && args.last != null) throw badInput('Give first or last, not both')
}

/** Cursors are opaque: base64url of `offset:N`. */
/** A cursor: base64url of `offset:N`. */
export const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`, 'utf8').toString('base64url')

/** A cursor's offset, or null when it is not one. */
export function cursorOffset(cursor: string): number | null {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  return match ? Number(match[1]) : null
}

function decodeCursor(cursor: string): number {
  const offset = cursorOffset(cursor)
  if (offset === null) throw badInput('Bad cursor')
  return offset
}

/** Whether the window can be found without the list's length (only `last` without `before` needs it). */
const needsTotal = (args: ConnectionArgs) => args.last != null && !args.before

/**
 * Relay's cursor algorithm over offsets: `after`/`before` bound the list, then `first` takes from
 * the front of what is left or `last` from the back. `total` is needed only for `last` without `before`.
 * The arguments are checked by the callers, before any fetch.
 */
function pageWindow(args: ConnectionArgs, total?: number): PageWindow {
  const start = args.after ? decodeCursor(args.after) + 1 : 0
  let end = args.before ? Math.max(start, decodeCursor(args.before)) : (total ?? Number.POSITIVE_INFINITY)
  let from = start
  if (args.last != null) {
    if (!Number.isFinite(end)) throw new Error('pageWindow: last without before needs the total')
    from = Math.max(start, end - args.last)
  } else {
    end = Math.min(end, start + (args.first ?? DEFAULT_PAGE))
  }
  if (total !== undefined) end = Math.min(end, Math.max(total, from))
  return { offset: from, limit: Math.max(0, end - from) }
}

/** A connection from one page of items that starts at `window.offset` in a list of `total`. */
function connectionOf<T>(page: readonly T[], window: PageWindow, total: number): ConnectionShape<T> {
  const edges = page.map((node, i) => ({ cursor: encodeCursor(window.offset + i), node }))
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: window.offset + page.length < total,
      hasPreviousPage: window.offset > 0 && total > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  }
}

/** A page of a list held in memory (short lists: a task's assignments, a year's holidays). */
export function paginate<T>(items: readonly T[], args: ConnectionArgs): ConnectionShape<T> {
  checkArgs(args)
  const window = pageWindow(args, items.length)
  return connectionOf(items.slice(window.offset, window.offset + window.limit), window, items.length)
}

/**
 * A page of a list the store pages (SQL `limit`/`offset` with a count): one fetch, or two for
 * `last` without `before` (the first only counts).
 */
export async function pageFromStore<T>(
  args: ConnectionArgs,
  fetch: (window: PageWindow) => Promise<{ items: readonly T[]; total: number }>,
): Promise<ConnectionShape<T>> {
  checkArgs(args)
  const total = needsTotal(args) ? (await fetch({ offset: 0, limit: 0 })).total : undefined
  const window = pageWindow(args, total)
  const page = await fetch(window)
  return connectionOf(page.items, window, page.total)
}
