/** The fields of a document: issuer, links, cascade, reviews, targets, sources and tasks. */
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql'
import { loadAll, loadById, type Context } from '../context.js'
import {
  AlignmentReviewConnection,
  AlignmentReviewType,
  DocumentConnection,
  DocumentType,
  OrganizationType,
  TargetConnection,
  TargetType,
  TaskConnection,
  TaskType,
} from '../types/domain.type.js'
import { ConnectionArgs, paginate } from '../types/relay.js'
import { DocumentSourceType } from '../types/document-source.type.js'
import { pageOf } from './paging.js'

@Resolver(() => DocumentType)
export class DocumentResolver {
  @FieldResolver(() => OrganizationType)
  async issuer(@Root() d: DocumentType, @Ctx() { loaders }: Context): Promise<OrganizationType> {
    return OrganizationType.of((await loaders.organization.load(d.raw.issuerId))!)
  }

  @FieldResolver(() => DocumentConnection, { description: 'The documents this one implements.' })
  implements(@Root() d: DocumentType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return pageOf(ctx, 'implements', d.raw.id, page, (c, ids, w) => c.linkedDocumentPages(ids, 'parents', w), DocumentType.of)
  }

  @FieldResolver(() => DocumentConnection, { description: 'The documents implementing this one directly.' })
  implementedBy(@Root() d: DocumentType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return pageOf(ctx, 'implementedBy', d.raw.id, page, (c, ids, w) => c.linkedDocumentPages(ids, 'children', w), DocumentType.of)
  }

  @FieldResolver(() => DocumentConnection, { description: 'Every document below this one.' })
  cascade(@Root() d: DocumentType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return pageOf(ctx, 'cascade', d.raw.id, page, (c, ids, w) => c.cascadePages(ids, w), DocumentType.of)
  }

  @FieldResolver(() => AlignmentReviewConnection, { description: 'Recorded alignment reviews of this plan, oldest first.' })
  async alignmentReviews(@Root() d: DocumentType, @Ctx() { chidao, loaders }: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    const reviews = await chidao.alignmentReviewsOf(d.raw.id)
    const byId = await loadById(
      loaders.document,
      reviews.flatMap((r) => (r.memoId ? [r.newDirectionId, r.memoId] : [r.newDirectionId])),
    )
    return paginate(
      reviews.map((r) =>
        Object.assign(new AlignmentReviewType(), {
          decision: r.decision,
          reasons: r.reasons,
          decidedOn: r.decidedOn,
          newDirection: DocumentType.of(byId.get(r.newDirectionId)!),
          memo: r.memoId ? DocumentType.of(byId.get(r.memoId)!) : null,
        }),
      ),
      page,
    )
  }

  @FieldResolver(() => DocumentConnection, {
    description: 'Later, higher-tier documents on a shared parent that this plan has not yet been reviewed against.',
  })
  async needsReviewAgainst(@Root() d: DocumentType, @Ctx() { chidao, loaders }: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    const ids = [...new Set((await chidao.plansNeedingReview()).filter((r) => r.documentId === d.raw.id).map((r) => r.newDirectionId))]
    return paginate((await loadAll(loaders.document, ids)).filter((x) => x !== null).map(DocumentType.of), page)
  }

  @FieldResolver(() => TargetConnection, { description: 'Its targets, by milestone.' })
  async targets(@Root() d: DocumentType, @Ctx() { chidao }: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return paginate((await chidao.targetsOf(d.raw.id)).map(TargetType.of), page)
  }

  @FieldResolver(() => [DocumentSourceType], {
    description: 'The files it was imported from (a .docx, PDF or scan), oldest first; empty when entered by hand or from text.',
  })
  async sources(@Root() d: DocumentType, @Ctx() { loaders }: Context): Promise<DocumentSourceType[]> {
    return (await loaders.documentSources.load(d.raw.id)).map(DocumentSourceType.of)
  }

  @FieldResolver(() => TaskConnection, { description: 'Its tasks in plan order.' })
  tasks(@Root() d: DocumentType, @Ctx() ctx: Context, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return pageOf(ctx, 'tasks', d.raw.id, page, (c, ids, w) => c.taskPagesOfDocuments(ids, w), TaskType.of)
  }
}
