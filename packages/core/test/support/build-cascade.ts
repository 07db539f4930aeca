/** A small builder of in-memory cascades for the pure rules' tests. */
import type {
  AlignmentReview,
  Assignment,
  Bloc,
  Document,
  GroupSelector,
  Organization,
  OrganizationKind,
  Report,
  Succession,
  SuccessionKind,
  Task,
  Tier,
} from '../../src/index.js'
import { parseDeadline } from '../../src/index.js'
import type { CascadeData, Link } from '../../src/hierarchy/cascade.js'

export class CascadeBuilder {
  organizations: Organization[] = []
  successions: Succession[] = []
  groups: { id: string; code: string; name: string; scope: string; selector: GroupSelector }[] = []
  documents: Document[] = []
  documentLinks: Link[] = []
  tasks: Task[] = []
  taskLinks: Link[] = []
  assignments: Assignment[] = []
  reports: Report[] = []
  alignmentReviews: AlignmentReview[] = []

  org(
    code: string,
    tier: Tier,
    kind: OrganizationKind = 'OTHER',
    o: { parent?: string; bloc?: Bloc | null; scope?: string; validFrom?: string; validTo?: string } = {},
  ): string {
    this.organizations.push({
      id: code,
      code,
      name: code,
      shortName: null,
      tier,
      bloc: o.bloc === undefined ? 'STATE' : o.bloc,
      kind,
      parentId: o.parent ?? null,
      scope: o.scope ?? (o.parent ? this.organizations.find((x) => x.id === o.parent)!.scope : 'VN'),
      validFrom: o.validFrom ?? null,
      validTo: o.validTo ?? null,
      version: 1,
    })
    return code
  }

  succession(from: string, to: string, on: string, kind: SuccessionKind = 'MERGED_INTO'): void {
    this.successions.push({ id: `${from}>${to}`, predecessorId: from, successorId: to, kind, effectiveOn: on, note: null })
  }

  group(code: string, selector: GroupSelector): string {
    this.groups.push({ id: code, code, name: code, scope: 'VN', selector })
    return code
  }

  doc(symbol: string, issuer: string, issuedOn: string | null, parents: string[] = [], kind = 'KH'): string {
    this.documents.push({
      id: symbol,
      scope: 'VN',
      kind: kind as Document['kind'],
      symbol,
      symbolWritten: symbol,
      issuerId: issuer,
      issuedOn,
      title: symbol,
      status: 'IN_FORCE',
      version: 1,
    })
    for (const p of parents) this.documentLinks.push({ childId: symbol, parentId: p })
    return symbol
  }

  task(
    document: string,
    code: string,
    time: string | null,
    o: {
      parents?: string[]
      lead?: string[]
      leadGroup?: string
      coordinating?: string[]
      content?: string
      state?: Task['state']
      parent?: string
    } = {},
  ): string {
    const id = `${document}#${code}`
    const issuedOn = this.documents.find((d) => d.id === document)!.issuedOn
    this.tasks.push({
      id,
      scope: 'VN',
      documentId: document,
      code,
      parentId: o.parent ? `${document}#${o.parent}` : null,
      ordinal: this.tasks.length + 1,
      content: o.content ?? `Nhiệm vụ ${code}`,
      timePhrase: time,
      deadline: parseDeadline(time ?? '', issuedOn ? { issuedOn } : {}),
      output: null,
      state: o.state ?? 'ACTIVE',
      version: 1,
    })
    for (const p of o.parents ?? []) this.taskLinks.push({ childId: id, parentId: p })
    let ordinal = 0
    for (const org of o.lead ?? [])
      this.assignments.push({
        id: `${id}/L/${org}`,
        taskId: id,
        role: 'LEAD',
        organizationId: org,
        groupId: null,
        note: null,
        ...{ ordinal: ordinal++ },
      } as Assignment)
    if (o.leadGroup)
      this.assignments.push({
        id: `${id}/LG`,
        taskId: id,
        role: 'LEAD',
        organizationId: null,
        groupId: o.leadGroup,
        note: null,
      } as Assignment)
    for (const org of o.coordinating ?? [])
      this.assignments.push({
        id: `${id}/C/${org}`,
        taskId: id,
        role: 'COORDINATING',
        organizationId: org,
        groupId: null,
        note: null,
      } as Assignment)
    return id
  }

  report(
    task: string,
    org: string,
    reportedOn: string,
    o: { completedOn?: string; percent?: number; accepted?: boolean; status?: Report['claimedStatus'] } = {},
  ): void {
    this.reports.push({
      id: `${task}/${org}/${reportedOn}/${this.reports.length}`,
      scope: 'VN',
      taskId: task,
      organizationId: org,
      period: 'AD_HOC',
      periodStart: null,
      periodEnd: null,
      claimedStatus: o.status ?? (o.completedOn ? 'COMPLETED' : 'IN_PROGRESS'),
      percent: o.percent ?? (o.completedOn ? 100 : 50),
      narrative: null,
      completedOn: o.completedOn ?? null,
      reportedOn,
      evidence: [],
      verification: { status: o.accepted ? 'ACCEPTED' : 'PENDING', verifierId: null, verifiedOn: null, note: null },
      version: 1,
    })
  }

  review(document: string, newDirection: string, decidedOn: string): void {
    this.alignmentReviews.push({
      id: `${document}~${newDirection}`,
      documentId: document,
      newDirectionId: newDirection,
      decision: 'KEEP',
      reasons: 'x',
      memoId: null,
      decidedOn,
    })
  }

  build(): CascadeData {
    return { ...this }
  }
}
