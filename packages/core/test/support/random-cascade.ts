/** Random but well-formed cascades as rows, for the property tests that hold the SQL to the reference rules. */
import type { Insertable } from 'kysely'
import { addDays, parseDeadline, type Bloc, type OrganizationKind, type Tier } from '../../src/index.js'
import type { Database } from '../../src/storage/schema.js'

const STAMP = '2025-01-01T00:00:00.000Z'
const PHRASES = [
  'Quý IV/2025',
  'Trong tháng 10/2025',
  'trước ngày 28/10/2025',
  'Năm 2025',
  'Thường xuyên hằng năm',
  'Theo hướng dẫn của Bộ Tài chính',
  '',
  'Năm 2020 và những năm tiếp theo',
  'Ngày 26/10/2025',
  'Quý I/2026',
  'Quý IV/2025 (theo tiến độ các nhiệm vụ được giao)',
]
export const DATES = ['2025-03-01', '2025-07-01', '2025-09-15', '2025-10-20', '2025-10-31', '2025-11-15', '2026-01-10']

export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Rows = { [K in keyof Database]?: Insertable<Database[K]>[] }

/** A random but well-formed cascade: tiers respected, links acyclic, tasks implementing ancestors. */
export function randomCascade(seed: number): Rows {
  const r = prng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  const org = (
    id: string,
    tier: Tier,
    kind: OrganizationKind,
    parentId: string | null,
    scope: string,
    o: { bloc?: Bloc | null; validFrom?: string | null; validTo?: string | null } = {},
  ) => ({
    id,
    code: id,
    name: id,
    shortName: null,
    tier,
    bloc: o.bloc === undefined ? 'STATE' : o.bloc,
    kind,
    parentId,
    scope,
    validFrom: o.validFrom ?? null,
    validTo: o.validTo ?? null,
    createdAt: STAMP,
    updatedAt: STAMP,
  })
  const orgs = [
    org('C', 'CENTRAL', 'GOVERNMENT', null, 'VN'),
    org('P', 'PROVINCE', 'TERRITORY', null, 'P', { bloc: null }),
    org('P2', 'PROVINCE', 'TERRITORY', null, 'P2', { bloc: null }),
  ]
  const bodies: string[] = []
  for (const [i, province] of ['P', 'P2'].entries()) {
    for (let b = 0; b < 2 + Math.floor(r() * 2); b++) {
      const id = `${province}.B${b}`
      orgs.push(
        org(id, 'PROVINCE', pick(['DEPARTMENT', 'PEOPLES_COMMITTEE'] as const), province, province, {
          validTo: r() < 0.2 ? pick(DATES) : null,
        }),
      )
      bodies.push(id)
    }
    for (let c = 0; c < 1 + Math.floor(r() * 3); c++) {
      const x = `${province}.X${c}`
      orgs.push(org(x, 'COMMUNE', 'TERRITORY', province, province, { bloc: null }))
      const u = `${x}.U`
      orgs.push(org(u, 'COMMUNE', 'PEOPLES_COMMITTEE', x, province, { validFrom: r() < 0.3 ? pick(DATES) : null }))
      bodies.push(u)
    }
    void i
  }
  const successions: Insertable<Database['succession']>[] = []
  for (let i = 0; i + 1 < bodies.length; i++) {
    if (r() < 0.25)
      successions.push({
        id: `s${i}`,
        predecessorId: bodies[i]!,
        successorId: bodies[i + 1 + Math.floor(r() * (bodies.length - i - 1))]!,
        kind: pick(['MERGED_INTO', 'SPLIT_INTO', 'RENAMED_TO'] as const),
        effectiveOn: pick(DATES),
        note: null,
        createdAt: STAMP,
      })
  }
  const groups = [
    {
      id: 'g1',
      code: 'g1',
      name: 'UBND các xã',
      scope: 'P',
      selector: JSON.stringify({ withinId: 'P', tiers: ['COMMUNE'], kinds: ['PEOPLES_COMMITTEE'] }),
      createdAt: STAMP,
    },
    {
      id: 'g2',
      code: 'g2',
      name: 'Explicit',
      scope: 'VN',
      selector: JSON.stringify({ memberIds: [pick(bodies), pick(bodies)] }),
      createdAt: STAMP,
    },
  ]
  const docs: Insertable<Database['document']>[] = [
    {
      id: 'D0',
      scope: 'VN',
      kind: 'NQ',
      symbol: '1-NQ/TW',
      symbolWritten: null,
      issuerId: 'C',
      issuedOn: '2025-01-15',
      title: 'root',
      status: 'IN_FORCE',
      createdAt: STAMP,
      updatedAt: STAMP,
    },
  ]
  const docLinks: Insertable<Database['documentLink']>[] = []
  const issuers = bodies.filter((b) => !b.includes('.X'))
  for (let d = 1; d < 5 + Math.floor(r() * 4); d++) {
    const issuer = d < 3 ? pick(issuers) : pick(bodies)
    const issuedOn = r() < 0.1 ? null : pick(DATES.slice(0, 5))
    docs.push({
      id: `D${d}`,
      scope: 'P',
      kind: 'KH',
      symbol: `${d}/KH-UBND`,
      symbolWritten: null,
      issuerId: issuer,
      issuedOn,
      title: `D${d}`,
      status: 'IN_FORCE',
      createdAt: STAMP,
      updatedAt: STAMP,
    })
    const tierOf = (id: string): number => (id === 'C' ? 0 : id.includes('.X') ? 3 : 1)
    const parents = docs.slice(0, d).filter((p) => tierOf(p.issuerId) <= tierOf(issuer) && r() < 0.5)
    for (const p of parents.length ? parents : [docs[0]!]) docLinks.push({ childId: `D${d}`, parentId: p.id, createdAt: STAMP })
  }
  const ancestors = (id: string): Set<string> => {
    const out = new Set<string>()
    const stack = docLinks.filter((l) => l.childId === id).map((l) => l.parentId)
    while (stack.length) {
      const p = stack.pop()!
      if (!out.has(p)) {
        out.add(p)
        stack.push(...docLinks.filter((l) => l.childId === p).map((l) => l.parentId))
      }
    }
    return out
  }
  const tasks: Insertable<Database['task']>[] = []
  const taskLinks: Insertable<Database['taskLink']>[] = []
  const assignments: Insertable<Database['assignment']>[] = []
  const reports: Insertable<Database['report']>[] = []
  for (const d of docs) {
    for (let t = 0; t < 1 + Math.floor(r() * 3); t++) {
      const id = `${d.id}#${t}`
      const phrase = pick(PHRASES)
      const content = r() < 0.2 ? 'Xây dựng kế hoạch triển khai, gửi về Văn phòng' : `Nhiệm vụ ${t}`
      tasks.push({
        id,
        scope: d.scope,
        documentId: d.id,
        parentId: null,
        code: String(t),
        ordinal: t + 1,
        content,
        timePhrase: phrase,
        deadline: JSON.stringify(parseDeadline(phrase, d.issuedOn ? { issuedOn: d.issuedOn } : {})),
        output: null,
        state: r() < 0.05 ? 'CANCELLED' : r() < 0.05 ? 'SUPERSEDED' : 'ACTIVE',
        createdAt: STAMP,
        updatedAt: STAMP,
      })
      const up = ancestors(d.id)
      for (const p of tasks.filter((x) => up.has(x.documentId)))
        if (r() < 0.4) taskLinks.push({ childId: id, parentId: p.id, createdAt: STAMP })
      const n = 1 + Math.floor(r() * 3)
      for (let a = 0; a < n; a++) {
        const viaGroup = r() < 0.3
        const role = pick(['LEAD', 'COORDINATING'] as const)
        const target = viaGroup ? pick(['g1', 'g2']) : pick(bodies)
        if (assignments.some((x) => x.taskId === id && x.role === role && (viaGroup ? x.groupId === target : x.organizationId === target)))
          continue
        assignments.push({
          id: `${id}/a${a}`,
          taskId: id,
          ordinal: a,
          role,
          organizationId: viaGroup ? null : target,
          groupId: viaGroup ? target : null,
          note: null,
          createdAt: STAMP,
        })
      }
      for (let k = 0; k < Math.floor(r() * 4); k++) {
        const reportedOn = addDays(pick(DATES), Math.floor(r() * 20))
        const done = r() < 0.4
        // Now and then a completion dated after the report (visible only from that date).
        const completedOn = done ? addDays(reportedOn, r() < 0.2 ? 1 + Math.floor(r() * 10) : -Math.floor(r() * 10)) : null
        reports.push({
          id: `${id}/r${k}`,
          scope: 'P',
          taskId: id,
          organizationId: pick(bodies),
          period: 'AD_HOC',
          periodStart: null,
          periodEnd: null,
          claimedStatus: done ? 'COMPLETED' : pick(['IN_PROGRESS', 'NOT_STARTED'] as const),
          percent: done ? 100 : 30,
          narrative: null,
          completedOn,
          reportedOn,
          verificationStatus: 'PENDING',
          verifierId: null,
          verifiedOn: null,
          verificationNote: null,
          createdAt: STAMP,
          updatedAt: STAMP,
        })
      }
    }
  }
  return {
    organization: orgs,
    succession: successions,
    organizationGroup: groups,
    document: docs,
    documentLink: docLinks,
    task: tasks,
    taskLink: taskLinks,
    assignment: assignments,
    report: reports,
  }
}

export const ORDER: (keyof Database)[] = [
  'organization',
  'succession',
  'organizationGroup',
  'document',
  'documentLink',
  'task',
  'taskLink',
  'assignment',
  'report',
]
export const CLEAR: (keyof Database)[] = [
  'obligationSpan',
  'taskViolation',
  'taskEffective',
  'organizationGroupMember',
  'organizationClosure',
  'report',
  'assignment',
  'taskLink',
  'task',
  'documentLink',
  'document',
  'organizationGroup',
  'succession',
  'organization',
]
