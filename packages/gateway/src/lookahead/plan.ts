/**
 * Looking ahead at a query: when everything it selects below its root fields is a column, an object
 * or a page of a list of the cascade's own entities (documents, tasks, organisations, assignments,
 * reports), the query is planned whole — what to ask of the store as ONE tree per root field
 * (`Chidao.readTree`), and how to shape the tree into the response. Anything else — a field with a
 * resolver of its own (status, deadlines, obligations …), a directive, a `last`/`before` page, an
 * argument out of range, a variable of the wrong type — gives no plan, and the query runs through
 * the resolvers as before, which also give every error. Pure over the query's syntax and variables.
 */
import { ASSIGNMENT_ROLES, isCalendarDate, type TreeEntity, type TreeField } from '@chidao/core'
import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql'
import { cursorOffset, DEFAULT_PAGE, MAX_PAGE, parseGlobalId } from '../types/relay.js'

/** How one response field is made from a node of the tree the store returns. */
export type Out =
  | { readonly kind: 'typename'; readonly key: string; readonly value: string }
  | { readonly kind: 'value'; readonly key: string }
  | { readonly kind: 'globalId'; readonly key: string; readonly type: string }
  | { readonly kind: 'object'; readonly key: string; readonly outs: readonly Out[] }
  /** A column of an object pointed to, flattened (an assignment's `groupCode` is its group's code). */
  | { readonly kind: 'through'; readonly key: string; readonly column: string }
  | { readonly kind: 'connection'; readonly key: string; readonly offset: number; readonly limit: number; readonly parts: readonly Part[] }

/** The parts of a connection (and of its edges and page info) asked for, in the query's order. */
export type Part =
  | { readonly kind: 'typename'; readonly key: string; readonly value: string }
  | { readonly kind: 'totalCount'; readonly key: string }
  | { readonly kind: 'edges'; readonly key: string; readonly parts: readonly Part[] }
  | { readonly kind: 'cursor'; readonly key: string }
  | { readonly kind: 'node'; readonly key: string; readonly outs: readonly Out[] }
  | { readonly kind: 'pageInfo'; readonly key: string; readonly parts: readonly Part[] }
  | { readonly kind: 'hasNextPage' | 'hasPreviousPage' | 'startCursor' | 'endCursor'; readonly key: string }

/** One root field planned: how its rows are found, what tree to read of them, how to shape it. */
export type RootPlan =
  | { readonly kind: 'typename'; readonly key: string }
  | {
      readonly kind: 'byId'
      readonly key: string
      readonly entity: TreeEntity
      readonly id: string
      readonly tree: TreeField[]
      readonly outs: readonly Out[]
    }
  | {
      readonly kind: 'bySymbol'
      readonly key: string
      readonly symbol: string
      readonly issuedOn: string | null
      readonly tree: TreeField[]
      readonly outs: readonly Out[]
    }
  | {
      readonly kind: 'owedBy'
      readonly key: string
      readonly organization: string
      readonly role: string | null
      readonly asOf: string | null
      readonly offset: number
      readonly limit: number
      readonly tree: TreeField[]
      readonly parts: readonly Part[]
    }

/** The GraphQL types read from the tree: their entity, columns, objects and lists. */
const TYPES: Readonly<
  Record<
    string,
    {
      readonly entity: TreeEntity
      readonly globalId: boolean
      readonly columns: readonly string[]
      readonly objects: Readonly<Record<string, string>>
      readonly lists: Readonly<Record<string, string>>
    }
  >
> = {
  Organization: {
    entity: 'organization',
    globalId: true,
    columns: ['code', 'name', 'shortName', 'tier', 'bloc', 'kind', 'scope', 'validFrom', 'validTo'],
    objects: {},
    lists: {},
  },
  Document: {
    entity: 'document',
    globalId: true,
    columns: ['symbol', 'symbolWritten', 'kind', 'issuedOn', 'title', 'status', 'version'],
    objects: { issuer: 'Organization' },
    lists: { tasks: 'Task', implementedBy: 'Document', implements: 'Document' },
  },
  Task: {
    entity: 'task',
    globalId: true,
    columns: ['code', 'content', 'timePhrase', 'output', 'state', 'version'],
    objects: { document: 'Document' },
    lists: { assignments: 'Assignment', reports: 'Report' },
  },
  Assignment: { entity: 'assignment', globalId: false, columns: ['role', 'note'], objects: { organization: 'Organization' }, lists: {} },
  Report: {
    entity: 'report',
    globalId: true,
    columns: ['claimedStatus', 'percent', 'reportedOn', 'completedOn', 'verificationStatus', 'version'],
    objects: {},
    lists: {},
  },
}

/** Not plannable: the query goes through the resolvers. One instance, thrown as is: no stack captured per query. */
class NoPlan extends Error {}
const NO_PLAN = new NoPlan('no plan')

/** What a selection is read against: the query's fragments and variables. */
interface Scope {
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>
  readonly variables: Readonly<Record<string, unknown>>
}

const keyOf = (f: FieldNode) => f.alias?.value ?? f.name.value

/** The fields of a selection on a type (fragments flattened where they apply); each response key once. */
function fieldsOf(selection: SelectionSetNode | undefined, type: string, scope: Scope, out: FieldNode[] = []): FieldNode[] {
  if (!selection) throw NO_PLAN
  for (const s of selection.selections) {
    if (s.directives?.length) throw NO_PLAN
    if (s.kind === Kind.FIELD) {
      if (out.some((f) => keyOf(f) === keyOf(s))) throw NO_PLAN
      out.push(s)
    } else {
      const fragment = s.kind === Kind.FRAGMENT_SPREAD ? scope.fragments[s.name.value] : s
      if (!fragment) throw NO_PLAN
      const on = fragment.typeCondition?.name.value
      if (on === undefined || on === type || on === 'Node') fieldsOf(fragment.selectionSet, type, scope, out)
    }
  }
  return out
}

/** An argument's value: a literal, or a variable's value as sent; undefined when absent. */
function arg(field: FieldNode, name: string, scope: Scope): unknown {
  const node = field.arguments?.find((a) => a.name.value === name)?.value
  return node ? literalValue(node, scope) : undefined
}

function literalValue(node: ValueNode, scope: Scope): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return scope.variables[node.name.value]
    case Kind.INT:
      return Number(node.value)
    case Kind.STRING:
    case Kind.ENUM:
      return node.value
    case Kind.NULL:
      return null
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literalValue(f.value, scope)]))
    default:
      throw NO_PLAN
  }
}

const text = (v: unknown): string => {
  if (typeof v !== 'string') throw NO_PLAN
  return v
}
const optionalText = (v: unknown): string | null => (v == null ? null : text(v))

/**
 * A connection's window from `first`/`after` (relay.ts's rules); `last`/`before`, another argument
 * than those and `others`, and bad values give no plan.
 */
function windowOf(field: FieldNode, scope: Scope, others: readonly string[] = []): { offset: number; limit: number } {
  for (const a of field.arguments ?? []) if (!['first', 'after', ...others].includes(a.name.value)) throw NO_PLAN
  const first = arg(field, 'first', scope) ?? null
  if (first !== null && (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_PAGE)) throw NO_PLAN
  const after = optionalText(arg(field, 'after', scope) ?? null)
  let offset = 0
  if (after !== null) {
    const at = cursorOffset(after)
    if (at === null) throw NO_PLAN
    offset = at + 1
  }
  return { offset, limit: (first as number | null) ?? DEFAULT_PAGE }
}

/** An optional date argument: a calendar date, null, or no plan. */
const optionalDate = (v: unknown): string | null => {
  const date = optionalText(v)
  if (date !== null && !isCalendarDate(date)) throw NO_PLAN
  return date
}

const noArgs = (field: FieldNode) => {
  if (field.arguments?.length) throw NO_PLAN
}

/** The parts of a connection of `item`s, and whether its tree needs the total and which node fields. */
function partsOf(field: FieldNode, item: string, scope: Scope): { parts: Part[]; total: boolean; tree: TreeField[] | null } {
  let total = false
  let tree: TreeField[] | null = null
  const named = (f: FieldNode, kind: 'typename', value: string): Part => ({ kind, key: keyOf(f), value })
  const parts = fieldsOf(field.selectionSet, `${item}Connection`, scope).map((f): Part => {
    const key = keyOf(f)
    switch (f.name.value) {
      case '__typename':
        return named(f, 'typename', `${item}Connection`)
      case 'totalCount':
        total = true
        return { kind: 'totalCount', key }
      case 'pageInfo':
        total = true
        return {
          kind: 'pageInfo',
          key,
          parts: fieldsOf(f.selectionSet, 'PageInfo', scope).map((p): Part => {
            if (p.name.value === '__typename') return named(p, 'typename', 'PageInfo')
            if (!['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'].includes(p.name.value)) throw NO_PLAN
            return { kind: p.name.value as 'hasNextPage', key: keyOf(p) }
          }),
        }
      case 'edges': {
        if (tree) throw NO_PLAN
        const edgeParts = fieldsOf(f.selectionSet, `${item}Edge`, scope).map((e): Part => {
          if (e.name.value === '__typename') return named(e, 'typename', `${item}Edge`)
          if (e.name.value === 'cursor') return { kind: 'cursor', key: keyOf(e) }
          if (e.name.value !== 'node' || tree) throw NO_PLAN
          const planned = objectOf(e, item, scope)
          tree = planned.tree
          return { kind: 'node', key: keyOf(e), outs: planned.outs }
        })
        tree ??= []
        return { kind: 'edges', key, parts: edgeParts }
      }
      default:
        throw NO_PLAN
    }
  })
  return { parts, total, tree }
}

/** The outs of an object of `type` and the tree fields they read. */
function objectOf(field: FieldNode, type: string, scope: Scope): { outs: Out[]; tree: TreeField[] } {
  const def = TYPES[type]
  if (!def) throw NO_PLAN
  const tree: TreeField[] = []
  const outs = fieldsOf(field.selectionSet, type, scope).map((f): Out => {
    const key = keyOf(f)
    const name = f.name.value
    if (name === '__typename') return { kind: 'typename', key, value: type }
    if (name === 'id' && def.globalId) {
      tree.push({ key, column: 'id' })
      return { kind: 'globalId', key, type }
    }
    if (def.columns.includes(name)) {
      noArgs(f)
      tree.push({ key, column: name })
      return { kind: 'value', key }
    }
    if (type === 'Assignment' && name === 'groupCode') {
      tree.push({ key, object: 'group', fields: [{ key: 'code', column: 'code' }] })
      return { kind: 'through', key, column: 'code' }
    }
    const object = def.objects[name]
    if (object) {
      noArgs(f)
      const planned = objectOf(f, object, scope)
      tree.push({ key, object: name, fields: planned.tree })
      return { kind: 'object', key, outs: planned.outs }
    }
    const list = def.lists[name]
    if (list) {
      const window = windowOf(f, scope)
      const { parts, total, tree: items } = partsOf(f, list, scope)
      tree.push({ key, list: name, window, total, fields: items })
      return { kind: 'connection', key, ...window, parts }
    }
    throw NO_PLAN
  })
  return { outs, tree }
}

/** One root field of a query planned, or NoPlan. */
function rootOf(field: FieldNode, scope: Scope): RootPlan {
  const key = keyOf(field)
  const name = field.name.value
  const only = (...names: string[]) => {
    for (const a of field.arguments ?? []) if (!names.includes(a.name.value)) throw NO_PLAN
  }
  if (name === '__typename') return { kind: 'typename', key }
  if (name === 'node' || name === 'task') {
    only('id')
    const parsed = parseGlobalId(text(arg(field, 'id', scope)))
    if (!parsed || !TYPES[parsed.type]?.globalId || (name === 'task' && parsed.type !== 'Task')) throw NO_PLAN
    const { outs, tree } = objectOf(field, parsed.type, scope)
    return { kind: 'byId', key, entity: TYPES[parsed.type]!.entity, id: parsed.id, tree, outs }
  }
  if (name === 'document') {
    only('symbol', 'issuedOn')
    const issuedOn = optionalDate(arg(field, 'issuedOn', scope) ?? null)
    const { outs, tree } = objectOf(field, 'Document', scope)
    return { kind: 'bySymbol', key, symbol: text(arg(field, 'symbol', scope)), issuedOn, tree, outs }
  }
  if (name === 'tasks') {
    const filter = arg(field, 'filter', scope) as Record<string, unknown> | null | undefined
    if (!filter || typeof filter !== 'object') throw NO_PLAN
    for (const [k, v] of Object.entries(filter)) if (v != null && k !== 'organization' && k !== 'role') throw NO_PLAN
    const role = optionalText(filter.role ?? null)
    if (role !== null && !(ASSIGNMENT_ROLES as readonly string[]).includes(role)) throw NO_PLAN
    const asOf = optionalDate(arg(field, 'asOf', scope) ?? null)
    const { parts, tree } = partsOf(field, 'Task', scope)
    const window = windowOf(field, scope, ['filter', 'asOf'])
    return { kind: 'owedBy', key, organization: text(filter.organization), role, asOf, ...window, tree: tree ?? [], parts }
  }
  throw NO_PLAN
}

/**
 * The plan of a query's root fields with its variables, or null when any part of it needs the resolvers.
 *
 * @example
 * const plan = planQuery(operation, fragments, { id })
 * if (plan) await answerPlan(plan, chidao)
 */
export function planQuery(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  sent: Readonly<Record<string, unknown>>,
): RootPlan[] | null {
  if (operation.operation !== 'query' || operation.directives?.length) return null
  try {
    // The variables as sent, with the operation's defaults for those not sent.
    const variables: Record<string, unknown> = { ...sent }
    for (const v of operation.variableDefinitions ?? []) {
      const name = v.variable.name.value
      if (variables[name] === undefined && v.defaultValue) variables[name] = literalValue(v.defaultValue, { fragments, variables: {} })
    }
    const scope = { fragments, variables }
    return fieldsOf(operation.selectionSet, 'Query', scope).map((f) => rootOf(f, scope))
  } catch (e) {
    if (e === NO_PLAN) return null
    throw e
  }
}
