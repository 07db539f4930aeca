/** Helpers of the storage suites: an expected error code, a table's row count, an injected write failure. */
import { OperationNodeTransformer, sql, TableNode, type InsertQueryNode, type KyselyPlugin } from 'kysely'
import { expect } from 'vitest'
import { DomainError, type DomainErrorCode } from '../../src/index.js'
import type { TestContext } from './dialects.js'

/** Awaits a promise that must fail with this DomainError code. */
export async function expectCode(promise: Promise<unknown>, code: DomainErrorCode): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, `expected ${code}`).toBeInstanceOf(DomainError)
  expect((error as DomainError).code).toBe(code)
  return error as DomainError
}

/** The rows of a table. */
export async function count(
  t: TestContext,
  table: 'document' | 'task' | 'assignment' | 'auditLog' | 'taskLink' | 'report' | 'organization',
): Promise<number> {
  const row = await t.store.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Makes every insert into one table fail: a write that breaks half way through a command. */
export function failInsertsInto(table: string): KyselyPlugin {
  class Transformer extends OperationNodeTransformer {
    protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
      if (node.into && TableNode.is(node.into) && node.into.table.identifier.name === table) {
        throw new Error(`injected failure on insert into ${table}`)
      }
      return super.transformInsertQuery(node)
    }
  }
  const transformer = new Transformer()
  return { transformQuery: (args) => transformer.transformNode(args.node), transformResult: async (args) => args.result }
}
