/**
 * A target's fields beyond its stored ones: its global ID (which `targetMeasure` takes) and its
 * latest measured value on a day, read for a whole page of targets in one statement.
 */
import { todayInVietnam, type Target } from '@chidao/core'
import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql'
import type { Context } from '../context.js'
import { DateScalar } from '../scalars.js'
import { OrganizationType, TargetType } from '../types/domain.type.js'
import { TargetActualType } from '../types/measurement.type.js'
import { toGlobalId } from '../types/relay.js'

/** TargetType is built from a core Target (`TargetType.of` spreads it), so its stored id is at hand. */
const raw = (t: TargetType) => t as unknown as Target

@Resolver(() => TargetType)
export class TargetResolver {
  @FieldResolver(() => ID, { description: 'Its global ID.' })
  id(@Root() t: TargetType): string {
    return toGlobalId('Target', raw(t).id)
  }

  @FieldResolver(() => TargetActualType, {
    nullable: true,
    description:
      'Its latest measured value on or before `asOf` (default: today in Vietnam), and whether it meets the target; null when none.',
  })
  async latestActual(
    @Root() t: TargetType,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
  ): Promise<TargetActualType | null> {
    const actual = await loaders.latestActual.load(`${asOf ?? todayInVietnam()}|${raw(t).id}`)
    if (!actual) return null
    const organization = await loaders.organization.load(actual.organizationId)
    return Object.assign(new TargetActualType(), {
      value: actual.value,
      asOf: actual.measuredOn,
      organization: organization ? OrganizationType.of(organization) : null,
      met: actual.met,
    })
  }
}
