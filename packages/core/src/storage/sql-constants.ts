/**
 * SQL fragments made from the TypeScript constants of the reference rules, so the two forms of a
 * rule cannot drift apart by a hand-copied literal: the tier order, and the document kinds that are
 * plans. Values are inlined as SQL literals (they are constants, never input).
 */
import { sql, type RawBuilder } from 'kysely'
import { REVIEWABLE_PLAN_KINDS } from '../hierarchy/scorecard.js'
import { TIERS } from '../model/organization.js'

/**
 * A tier's rank (`tierRank`) of the column `column`: `case col when 'CENTRAL' then 0 … end`.
 *
 * @example
 * sql`${tierRankSql('op.tier')} > ${tierRankSql('od.tier')}`
 */
export function tierRankSql(column: string): RawBuilder<number> {
  const whens = TIERS.map((tier, rank) => sql`when ${sql.lit(tier)} then ${sql.lit(rank)}`)
  return sql<number>`case ${sql.ref(column)} ${sql.join(whens, sql` `)} else ${sql.lit(TIERS.length)} end`
}

/** `(…)`: the literals of a closed set, for `in`. */
function sqlList(values: readonly string[]): RawBuilder<unknown> {
  return sql`(${sql.join(values.map((v) => sql.lit(v)))})`
}

/** The kinds of document that are plans (`REVIEWABLE_PLAN_KINDS`), for `kind in …`. */
export const PLAN_KINDS_SQL = sqlList(REVIEWABLE_PLAN_KINDS)
