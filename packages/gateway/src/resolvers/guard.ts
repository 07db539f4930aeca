/**
 * What every mutation shares: a missing or bad API key is a top-level UNAUTHENTICATED error; a
 * DomainError (bad input, FORBIDDEN from core's authorization) is a user error; nothing is
 * written then.
 */
import { DomainError, isDomainError, type CommandContext, type IdempotencyScope } from '@chidao/core'
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
 * How a mutation keeps its first answer for the request's Idempotency-Key: by the gateway, in one
 * transaction around the work (`command` and `input`: what the key's first answer is kept under), or
 * `inCommand`: the work is given the key's scope and keeps the answer itself, in its own write
 * transaction (`importPlan`, which reads its plan outside that transaction).
 */
type Keyed = { readonly command: string; readonly input: unknown } | { readonly inCommand: true }

/**
 * Runs `work` as the request's key (its grant goes to core, which authorizes in the command's
 * transaction). Every mutation says how it is `keyed`: with the request's Idempotency-Key, the
 * first answer is kept and given again for the same input (IDEMPOTENCY_KEY_REUSED for another).
 */
export async function guarded<T>(
  ctx: Context,
  keyed: Keyed,
  work: (as: CommandContext, idempotency: IdempotencyScope | null) => Promise<T>,
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
    const scope = typeof ctx.idempotencyKey === 'string' ? { owner: grant.keyId, key: ctx.idempotencyKey } : null
    const value =
      'inCommand' in keyed ? await work(as, scope) : await ctx.chidao.idempotently(scope, keyed.command, keyed.input, () => work(as, null))
    return { value, userErrors: [] }
  } catch (e) {
    if (isDomainError(e)) return { value: null, userErrors: [userError(e.field ?? null, e.message, e.code)] }
    throw e
  }
}
