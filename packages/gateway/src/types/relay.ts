/**
 * Relay plumbing: opaque global IDs (`base64("Type:id")`), the `Node` interface, and connections
 * made by a factory (type-graphql's `PaginatedResponse` pattern).
 */
import { Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql'
import { GraphQLError } from 'graphql'

export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url')
}

export function fromGlobalId(globalId: string): { type: string; id: string } {
  const text = Buffer.from(globalId, 'base64url').toString('utf8')
  const colon = text.indexOf(':')
  if (colon <= 0) throw new GraphQLError('Not a chidao global ID', { extensions: { code: 'BAD_USER_INPUT' } })
  return { type: text.slice(0, colon), id: text.slice(colon + 1) }
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

/**
 * Where a page starts: the offset after the `after` cursor, with `first` checked (0–100).
 * Cursors are opaque offsets.
 */
export function pageWindow(first: number, after?: string | null): { offset: number; first: number } {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw new GraphQLError(`first must be 0–${MAX_PAGE}`, { extensions: { code: 'BAD_USER_INPUT' } })
  }
  const offset = after ? Number(Buffer.from(after, 'base64url').toString('utf8').replace(/^offset:/, '')) + 1 : 0
  if (!Number.isInteger(offset) || offset < 0) throw new GraphQLError('Bad cursor', { extensions: { code: 'BAD_USER_INPUT' } })
  return { offset, first }
}

/** A connection from one page of items that starts at `offset` in a list of `total`. */
export function connectionOf<T>(page: readonly T[], window: { offset: number; first: number }, total: number): ConnectionShape<T> {
  const cursor = (i: number) => Buffer.from(`offset:${i}`, 'utf8').toString('base64url')
  const edges = page.map((node, i) => ({ cursor: cursor(window.offset + i), node }))
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: window.offset + window.first < total, hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  }
}

/** A page of an in-memory list: `first` (capped at 100) items after the `after` cursor. */
export function paginate<T>(items: readonly T[], first = 20, after?: string | null): ConnectionShape<T> {
  const window = pageWindow(first, after)
  return connectionOf(items.slice(window.offset, window.offset + window.first), window, items.length)
}
