/**
 * The cost limit: an estimate, before a query runs, of the rows it returns and the SQL statements it
 * runs, with its variables (a `first: $n` counts as n; an absent page as the default page).
 *
 * Rows: every list field returns at most its page for each row of the list around it (a connection's
 * `first`/`last`, else {@link DEFAULT_PAGE}; a plain list of objects counts {@link MAX_PAGE}), so the rows
 * of a field are the product of the pages around it. Statements: the lists are read in batches per
 * level (see the context's page loaders), so each list field costs up to 2 statements and each
 * object field 1, whatever the width of the data.
 */
import type { ApolloServerPlugin } from '@apollo/server'
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql'
import { DEFAULT_PAGE, MAX_PAGE } from './types/relay.js'

/** The limits of {@link costLimitPlugin}. */
export interface CostLimits {
  /** Most rows a query may return, estimated (default 50,000). */
  readonly maxRows?: number
  /** Most SQL statements a query may run, estimated (default 200). */
  readonly maxStatements?: number
}

/** What a query is estimated to cost. */
interface QueryCost {
  readonly rows: number
  readonly statements: number
}

function argValue(node: ValueNode | undefined, variables: Record<string, unknown>, defaults: Map<string, unknown>): unknown {
  if (!node) return undefined
  if (node.kind === Kind.VARIABLE) return variables[node.name.value] ?? defaults.get(node.name.value)
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.NULL) return null
  return undefined
}

/**
 * Estimates the rows and statements of an operation with its variables.
 *
 * @example
 * const { rows, statements } = queryCost(schema, operation, fragments, { n: 100 })
 */
function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): QueryCost {
  const defaults = new Map<string, unknown>()
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue) defaults.set(v.variable.name.value, argValue(v.defaultValue, {}, new Map()))
  }
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType()
  let rows = 0
  let statements = 0
  const seen = new Set<string>()

  const pageOf = (field: FieldNode): number => {
    const arg = (name: string) => argValue(field.arguments?.find((a) => a.name.value === name)?.value, variables, defaults)
    const n = arg('first') ?? arg('last')
    return typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.min(n, MAX_PAGE)) : DEFAULT_PAGE
  }

  const walk = (type: GraphQLCompositeType, set: SelectionSetNode, multiplicity: number, depth: number): void => {
    if (depth > 64) return
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type
        walk((on ?? type) as GraphQLCompositeType, sel.selectionSet, multiplicity, depth + 1)
        continue
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments[sel.name.value]
        if (!frag) continue
        const on = schema.getType(frag.typeCondition.name.value)
        walk((on ?? type) as GraphQLCompositeType, frag.selectionSet, multiplicity, depth + 1)
        continue
      }
      // Introspection reads the schema in memory, never the store.
      if (!sel.selectionSet || sel.name.value.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue
      const def: GraphQLField<unknown, unknown> | undefined = type.getFields()[sel.name.value]
      if (!def) continue
      const named = getNamedType(def.type) as GraphQLCompositeType
      const isConnection = named.name.endsWith('Connection')
      const isList = isListType(getNullableType(def.type))
      let inner = multiplicity
      if (isConnection) {
        inner = multiplicity * pageOf(sel)
        rows += inner
        statements += 2
      } else if (isList) {
        // A connection's edges are its page, counted on the connection; other lists of objects count a full page.
        if (!type.name.endsWith('Connection')) {
          inner = multiplicity * MAX_PAGE
          rows += inner
          statements += 2
        }
      } else if (!type.name.endsWith('Edge')) {
        // An edge's node is the row its connection counted.
        rows += multiplicity
        // Object fields of one level are batched per kind (DataLoader): one statement per distinct path.
        const path = `${depth}|${type.name}.${sel.name.value}`
        if (!seen.has(path)) {
          seen.add(path)
          statements += 1
        }
      }
      walk(named, sel.selectionSet, inner, depth + 1)
    }
  }
  if (root) walk(root, operation.selectionSet, 1, 0)
  return { rows, statements }
}

/**
 * An Apollo plugin refusing, before it runs, an operation estimated to return more than `maxRows`
 * rows or to run more than `maxStatements` statements (code `QUERY_TOO_COSTLY`, HTTP 400).
 *
 * @example
 * new ApolloServer({ schema, plugins: [costLimitPlugin({ maxRows: 50_000, maxStatements: 200 })] })
 */
export function costLimitPlugin<C extends object>(limits: CostLimits = {}): ApolloServerPlugin<C> {
  const maxRows = limits.maxRows ?? 50_000
  const maxStatements = limits.maxStatements ?? 200
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return
          const fragments: Record<string, FragmentDefinitionNode> = {}
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d
          const cost = queryCost(schema, operation, fragments, request.variables ?? {})
          if (cost.rows > maxRows || cost.statements > maxStatements) {
            throw new GraphQLError(
              `Truy vấn quá lớn: ước tính ${cost.rows} dòng, ${cost.statements} câu lệnh (tối đa ${maxRows} dòng, ${maxStatements} câu lệnh) / ` +
                `Query too costly: an estimated ${cost.rows} rows and ${cost.statements} statements (at most ${maxRows} rows, ${maxStatements} statements)`,
              {
                extensions: {
                  code: 'QUERY_TOO_COSTLY',
                  rows: cost.rows,
                  statements: cost.statements,
                  maxRows,
                  maxStatements,
                  http: { status: 400 },
                },
              },
            )
          }
        },
      }
    },
  }
}
