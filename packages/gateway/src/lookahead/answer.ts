/**
 * Answering a planned query (plan.ts): each root field's rows found as its resolver finds them,
 * their trees read in one statement, and the trees shaped into the response — global IDs, cursors
 * and page info made as relay.ts makes them. Installed as an Apollo plugin that answers before
 * execution (`responseForOperation`); a query with no plan, or one whose answer fails, runs through
 * the resolvers, which give the errors.
 */
import type { ApolloServerPlugin } from '@apollo/server'
import { todayInVietnam, type AssignmentRole, type Chidao } from '@chidao/core'
import { Kind, type FragmentDefinitionNode } from 'graphql'
import type { Context } from '../context.js'
import { encodeCursor, toGlobalId } from '../types/relay.js'
import { planQuery, type Out, type Part, type RootPlan } from './plan.js'

type Tree = Record<string, unknown>
interface ListTree {
  readonly total?: number
  readonly items?: Tree[]
}

/** A response object from a tree node, in the query's order. */
function shape(outs: readonly Out[], tree: Tree): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const o of outs) {
    const value = tree[o.key]
    switch (o.kind) {
      case 'typename':
        out[o.key] = o.value
        break
      case 'value':
        out[o.key] = value
        break
      case 'globalId':
        out[o.key] = toGlobalId(o.type, value as string)
        break
      case 'object':
        out[o.key] = value == null ? null : shape(o.outs, value as Tree)
        break
      case 'through':
        out[o.key] = value == null ? null : ((value as Tree)[o.column] ?? null)
        break
      case 'connection':
        out[o.key] = connection(o.parts, o.offset, o.limit, value as ListTree)
        break
    }
  }
  return out
}

/** A connection from one page (relay.ts's `connectionOf`): `items` start at `offset` in a list of `total`. */
function connection(parts: readonly Part[], offset: number, limit: number, list: ListTree): Record<string, unknown> {
  const total = list.total ?? 0
  const size = list.items ? list.items.length : Math.min(limit, Math.max(0, total - offset))
  const out: Record<string, unknown> = {}
  for (const p of parts) {
    switch (p.kind) {
      case 'typename':
        out[p.key] = p.value
        break
      case 'totalCount':
        out[p.key] = total
        break
      case 'edges':
        out[p.key] = (list.items ?? []).map((item, i) => {
          const edge: Record<string, unknown> = {}
          for (const e of p.parts) {
            if (e.kind === 'typename') edge[e.key] = e.value
            else if (e.kind === 'cursor') edge[e.key] = encodeCursor(offset + i)
            else if (e.kind === 'node') edge[e.key] = shape(e.outs, item)
          }
          return edge
        })
        break
      case 'pageInfo': {
        const info: Record<string, unknown> = {}
        for (const q of p.parts) {
          if (q.kind === 'typename') info[q.key] = q.value
          else if (q.kind === 'hasNextPage') info[q.key] = offset + size < total
          else if (q.kind === 'hasPreviousPage') info[q.key] = offset > 0 && total > 0
          else if (q.kind === 'startCursor') info[q.key] = size ? encodeCursor(offset) : null
          else if (q.kind === 'endCursor') info[q.key] = size ? encodeCursor(offset + size - 1) : null
        }
        out[p.key] = info
        break
      }
    }
  }
  return out
}

/**
 * One root field's answer: its rows found as the resolver finds them and their trees read — in one
 * statement (after the lookup of a symbol for a document by symbol).
 */
async function answerRoot(root: RootPlan, chidao: Chidao): Promise<unknown> {
  switch (root.kind) {
    case 'typename':
      return 'Query'
    case 'byId': {
      const tree = (await chidao.readTree(root.entity, [root.id], root.tree)).get(root.id)
      return tree ? shape(root.outs, tree) : null
    }
    case 'bySymbol': {
      const found = (await chidao.documentsBySymbol(root.symbol, root.issuedOn ?? undefined))[0]
      if (!found) return null
      return shape(root.outs, (await chidao.readTree('document', [found.id], root.tree)).get(found.id)!)
    }
    case 'owedBy': {
      const role = root.role as AssignmentRole | null
      const found = await chidao.owedTaskTrees(
        role ? { organizationCode: root.organization, role } : { organizationCode: root.organization },
        root.asOf ?? todayInVietnam(),
        { offset: root.offset, limit: root.limit },
        root.tree,
      )
      if (!found.known) throw new Error('unknown organisation: the resolvers give the error')
      return connection(root.parts, root.offset, root.limit, { total: found.total, items: found.trees })
    }
  }
}

/** The data of a planned query: its root fields answered side by side. */
async function answerQuery(plan: readonly RootPlan[], chidao: Chidao): Promise<Record<string, unknown>> {
  const values = await Promise.all(plan.map((root) => answerRoot(root, chidao)))
  const data: Record<string, unknown> = {}
  plan.forEach((root, i) => {
    data[root.key] = values[i]
  })
  return data
}

/**
 * The plugin that answers planned queries before execution, in one statement per root field (and
 * one to find a document by its symbol first): see plan.ts for what is planned.
 *
 * @example
 * new ApolloServer({ schema, plugins: [lookaheadPlugin()] })
 */
export function lookaheadPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc) {
          const fragments: Record<string, FragmentDefinitionNode> = {}
          for (const d of rc.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d
          const plan = planQuery(rc.operation, fragments, rc.request.variables ?? {})
          if (!plan) return null
          try {
            const data = await answerQuery(plan, rc.contextValue.chidao)
            return { http: rc.response.http, body: { kind: 'single', singleResult: { data } } }
          } catch {
            return null
          }
        },
      }
    },
  }
}
