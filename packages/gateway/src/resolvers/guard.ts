/**
 * What every mutation shares: a missing or bad API key is a top-level UNAUTHENTICATED error; a
 * DomainError (bad input, FORBIDDEN from core's authorization) is a user error; nothing is
 * written then.
 */
import { DomainError, isDomainError, type CommandContext } from '@chidao/core'
import { GraphQLError } from 'graphql'
import type { Context } from '../context.js'
import { UserError } from '../types/mutation.type.js'
import { fromGlobalId } from '../types/relay.js'

interface Outcome<T> {
  value: T | null
  userErrors: UserError[]
}

function userError(field: readonly string[] | null, message: string, code: string): UserError {
  return Object.assign(new UserError(), { field: field ? [...field] : null, message, code })
}

/** The raw id of a global ID of the expected type, or INVALID_INPUT naming the field. */
export function rawId(globalId: unknown, type: string, field: string): string {
  try {
    const decoded = fromGlobalId(String(globalId))
    if (decoded.type === type) return decoded.id
  } catch {
    // fall through
  }
  throw new DomainError('INVALID_INPUT', `${field} is not a ${type} ID`, { field: ['input', field] })
}

/**
 * Runs `work` as the request's key (its grant goes to core, which authorizes in the command's
 * transaction). With the request's Idempotency-Key and `keyed` (the mutation and its input), the
 * first answer is kept and given again for the same input (IDEMPOTENCY_KEY_REUSED for another).
 */
export async function guarded<T>(
  ctx: Context,
  work: (as: CommandContext) => Promise<T>,
  keyed?: { command: string; input: unknown },
): Promise<Outcome<T>> {
  if (ctx.badKey)
    throw new GraphQLError('The API key is unknown or revoked', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } })
  const grant = ctx.grant
  if (!grant)
    throw new GraphQLError('Writes need an API key (Authorization: Bearer …)', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    })
  try {
    const as: CommandContext = { actor: `key:${grant.keyId}`, grant }
    const scope = keyed && ctx.idempotencyKey ? { owner: grant.keyId, key: ctx.idempotencyKey } : null
    const value = scope ? await ctx.chidao.idempotently(scope, keyed!.command, keyed!.input, () => work(as)) : await work(as)
    return { value, userErrors: [] }
  } catch (e) {
    if (isDomainError(e)) return { value: null, userErrors: [userError(e.field ?? null, e.message, e.code)] }
    throw e
  }
}
