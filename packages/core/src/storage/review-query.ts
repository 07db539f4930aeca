/**
 * Plans that new direction asks to review, in SQL: lower-tier plans implementing a document that a
 * later, higher-tier document also implements, with no review recorded. The reference rule is
 * `plansNeedingReview` in `hierarchy/scorecard.ts`; its constants come from there (`sql-constants.ts`).
 */
import { sql } from 'kysely'
import type { ReviewNeeded } from '../hierarchy/scorecard.js'
import type { Db } from './db.js'
import { PLAN_KINDS_SQL, tierRankSql } from './sql-constants.js'

export async function plansNeedingReviewSql(db: Db): Promise<ReviewNeeded[]> {
  const result = await sql<{ documentId: string; newDirectionId: string; parentId: string }>`
    select distinct plan.id as document_id, dir.id as new_direction_id, l1.parent_id
    from document dir
    join document_link l1 on l1.child_id = dir.id
    join document_link l2 on l2.parent_id = l1.parent_id
    join document plan on plan.id = l2.child_id
    join organization od on od.id = dir.issuer_id
    join organization op on op.id = plan.issuer_id
    where dir.issued_on is not null and plan.id <> dir.id and plan.kind in ${PLAN_KINDS_SQL}
      and (plan.issued_on is null or plan.issued_on < dir.issued_on)
      and ${tierRankSql('op.tier')} > ${tierRankSql('od.tier')}
      and not exists (select 1 from alignment_review r where r.document_id = plan.id and r.new_direction_id = dir.id)
    order by dir.id, plan.id, l1.parent_id`.execute(db)
  return result.rows
}
