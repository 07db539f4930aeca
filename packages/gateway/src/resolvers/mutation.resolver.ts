/**
 * The plan importer's mutation (its payload is a preview, not an entity). Every other mutation is
 * made from core's command descriptions (`command.resolver.ts`).
 */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql'
import type { Context } from '../context.js'
import { ImportPlanInput, ImportPlanPayload } from '../types/import.type.js'
import { guarded } from './guard.js'

@Resolver()
export class MutationResolver {
  @Mutation(() => ImportPlanPayload, {
    description:
      'Imports a plan from its text: header, implements links, tasks with agencies and deadlines, targets, in one transaction; ' +
      'importing it again writes nothing new. With dryRun, only reads and reports. Every phrase it could not read or match is a warning.',
  })
  async importPlan(@Arg('input', () => ImportPlanInput) input: ImportPlanInput, @Ctx() ctx: Context): Promise<ImportPlanPayload> {
    const resolutions = Object.fromEntries((input.resolutions ?? []).map((r) => [r.phrase, r.code]))
    // Keyed by core: the plan is read outside the write transaction, which keeps the first answer.
    const out = await guarded(ctx, { inCommand: true }, (as, idempotency) =>
      ctx.chidao.importPlan(as, input.text, {
        dryRun: input.dryRun,
        resolutions,
        issuerCode: input.issuerCode ?? null,
        source: ctx.importSource,
        idempotency,
      }),
    )
    return ImportPlanPayload.of(out.value, out.userErrors, input.dryRun)
  }
}
