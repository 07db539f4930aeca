import { describe, expect, it } from 'vitest'
import { CascadeIndex } from '../src/hierarchy/cascade.js'
import { deadlineViolations, effectiveDeadlines } from '../src/hierarchy/effective-deadline.js'
import { groupMembers, obligationsOfTask } from '../src/hierarchy/obligations.js'
import { bottlenecks, evaluateCascade, plansNeedingReview, scorecard, select, uncoveredParentTasks } from '../src/hierarchy/scorecard.js'
import { obligationStatus, taskStatusOf } from '../src/hierarchy/status.js'
import { CascadeBuilder } from './support/build-cascade.js'

/** The Resolution 57 cascade in miniature: 57-NQ/TW → 07-TB/CQTTBCĐ → 01-KH/BCĐ → commune plans. */
function nq57() {
  const b = new CascadeBuilder()
  b.org('BCT', 'CENTRAL', 'POLITBURO', { bloc: 'PARTY' })
  b.org('BCDTW', 'CENTRAL', 'STEERING_COMMITTEE', { bloc: 'PARTY' })
  b.org('QNG', 'PROVINCE', 'TERRITORY', { bloc: null, scope: 'QNG' })
  b.org('QNG.BCD', 'PROVINCE', 'STEERING_COMMITTEE', { parent: 'QNG', bloc: 'PARTY' })
  b.org('QNG.UBND', 'PROVINCE', 'PEOPLES_COMMITTEE', { parent: 'QNG' })
  b.org('QNG.SKHCN', 'PROVINCE', 'DEPARTMENT', { parent: 'QNG.UBND' })
  b.org('QNG.STTTT', 'PROVINCE', 'DEPARTMENT', { parent: 'QNG.UBND', validTo: '2025-02-28' })
  b.org('QNG.STC', 'PROVINCE', 'DEPARTMENT', { parent: 'QNG.UBND' })
  b.org('QNG.H.LYSON', 'DISTRICT', 'PEOPLES_COMMITTEE', { parent: 'QNG', validTo: '2025-06-30' })
  b.org('XA.THIENTIN', 'COMMUNE', 'TERRITORY', { parent: 'QNG', bloc: null, validFrom: '2025-07-01' })
  b.org('XA.THIENTIN.UBND', 'COMMUNE', 'PEOPLES_COMMITTEE', { parent: 'XA.THIENTIN', validFrom: '2025-07-01' })
  b.org('XA.THIENTIN.DU', 'COMMUNE', 'COMMUNE_PARTY_COMMITTEE', { parent: 'XA.THIENTIN', bloc: 'PARTY', validFrom: '2025-07-01' })
  b.org('XA.LYSON', 'COMMUNE', 'TERRITORY', { parent: 'QNG', bloc: null, validFrom: '2025-07-01' })
  b.org('XA.LYSON.UBND', 'COMMUNE', 'PEOPLES_COMMITTEE', { parent: 'XA.LYSON', validFrom: '2025-07-01' })
  b.succession('QNG.STTTT', 'QNG.SKHCN', '2025-03-01')
  b.succession('QNG.H.LYSON', 'XA.LYSON.UBND', '2025-07-01', 'RENAMED_TO')
  b.group('UBND_XA', { withinId: 'QNG', tiers: ['COMMUNE'], kinds: ['PEOPLES_COMMITTEE'] })
  b.doc('57-NQ/TW', 'BCT', '2024-12-22', [], 'NQ')
  b.doc('07-TB/CQTTBCĐ', 'BCDTW', '2025-10-15', ['57-NQ/TW'], 'TB')
  b.doc('01-KH/BCĐ', 'QNG.BCD', '2025-10-17', ['07-TB/CQTTBCĐ'])
  return b
}

describe('effective deadlines (task inheritance)', () => {
  it('uses the task’s own date when its phrase gives one', () => {
    const b = nq57()
    const t = b.task('01-KH/BCĐ', 'II.5', 'Trong tháng 10/2025')
    const e = effectiveDeadlines(new CascadeIndex(b.build())).get(t)!
    expect(e).toMatchObject({ source: 'OWN', dueDate: '2025-10-31', effectiveDueDate: '2025-10-31' })
  })

  it('takes the earliest effective deadline of its parents when it has none (or follows them, like 01-KH/BCĐ II.1)', () => {
    const b = nq57()
    const p1 = b.task('07-TB/CQTTBCĐ', '1', 'Trong tháng 11/2025')
    const p2 = b.task('07-TB/CQTTBCĐ', '2', 'trước ngày 28/10/2025')
    const undated = b.task('01-KH/BCĐ', 'A', null, { parents: [p1, p2] })
    const follows = b.task(
      '01-KH/BCĐ',
      'II.1',
      'Quý IV/2025 (theo tiến độ thực hiện tại các nhiệm vụ được giao trong các văn bản chỉ đạo nêu trên)',
      { parents: [p1, p2] },
    )
    const lone = b.task('01-KH/BCĐ', 'II.9', 'Quý IV/2025 (theo tiến độ các nhiệm vụ được giao)')
    const e = effectiveDeadlines(new CascadeIndex(b.build()))
    expect(e.get(undated)).toMatchObject({ source: 'INHERITED', fromTaskId: p2, dueDate: '2025-10-27', effectiveDueDate: '2025-10-27' })
    expect(e.get(follows)).toMatchObject({ source: 'INHERITED', fromTaskId: p2, dueDate: '2025-10-27' })
    // Nothing to follow: its own words stand.
    expect(e.get(lone)).toMatchObject({ source: 'OWN', dueDate: '2025-12-31' })
  })

  it('inherits through several levels, and from a conditional or recurring parent', () => {
    const b = nq57()
    const root = b.task('57-NQ/TW', '1', 'Năm 2025')
    const mid = b.task('07-TB/CQTTBCĐ', '1', null, { parents: [root] })
    const leaf = b.task('01-KH/BCĐ', '1', '', { parents: [mid] })
    const cond = b.task('07-TB/CQTTBCĐ', '2', 'Theo hướng dẫn của Bộ Khoa học và Công nghệ')
    const waits = b.task('01-KH/BCĐ', '2', null, { parents: [cond] })
    const rec = b.task('07-TB/CQTTBCĐ', '3', 'Thường xuyên hằng năm')
    const recurs = b.task('01-KH/BCĐ', '3', null, { parents: [rec] })
    const none = b.task('01-KH/BCĐ', '4', null)
    const e = effectiveDeadlines(new CascadeIndex(b.build()))
    expect(e.get(leaf)).toMatchObject({ source: 'INHERITED', fromTaskId: root, dueDate: '2025-12-31' })
    expect(e.get(waits)).toMatchObject({ source: 'INHERITED', dueDate: null, condition: 'Theo hướng dẫn của Bộ Khoa học và Công nghệ' })
    expect(e.get(recurs)).toMatchObject({ source: 'INHERITED', recurrence: 'YEARLY' })
    expect(e.get(none)).toMatchObject({ source: 'NONE', dueDate: null })
  })

  it('records DEADLINE_AFTER_PARENT with both dates and the parent task', () => {
    const b = nq57()
    const p = b.task('07-TB/CQTTBCĐ', '1', 'Trong tháng 10/2025')
    const late = b.task('01-KH/BCĐ', '1', 'Quý IV/2025', { parents: [p] })
    b.task('01-KH/BCĐ', '2', 'trước ngày 20/10/2025', { parents: [p] })
    const index = new CascadeIndex(b.build())
    expect(deadlineViolations(index, effectiveDeadlines(index))).toEqual([
      { code: 'DEADLINE_AFTER_PARENT', taskId: late, parentTaskId: p, dueDate: '2025-12-31', parentDueDate: '2025-10-31' },
    ])
  })
})

describe('obligations: group fan-out and succession', () => {
  it('expands a group into one obligation per member valid on the plan’s issue date', () => {
    const b = nq57()
    const t = b.task('01-KH/BCĐ', 'II.5', 'Trong tháng 10/2025', { lead: ['QNG.UBND'], leadGroup: 'UBND_XA' })
    const index = new CascadeIndex(b.build())
    expect(groupMembers(index, 'UBND_XA', '2025-06-30').map((o) => o.id)).toEqual([])
    expect(obligationsOfTask(index, t, '2025-10-20').map((o) => [o.organizationId, o.via])).toEqual([
      ['QNG.UBND', 'DIRECT'],
      ['XA.LYSON.UBND', 'GROUP'],
      ['XA.THIENTIN.UBND', 'GROUP'],
    ])
  })

  it('passes open obligations to the successor from the date; earlier queries show the old holder', () => {
    const b = nq57()
    b.doc('KH-2020', 'QNG.UBND', '2020-05-19')
    const t = b.task('KH-2020', 'II.3.a', 'Năm 2021 – 2030', { lead: ['QNG.STTTT'] })
    const d = b.task('KH-2020', 'II.3.đ', 'Năm 2021', { lead: ['QNG.H.LYSON'] })
    const index = new CascadeIndex(b.build())
    expect(obligationsOfTask(index, t, '2025-02-28').map((o) => o.organizationId)).toEqual(['QNG.STTTT'])
    expect(obligationsOfTask(index, t, '2025-03-01')).toMatchObject([
      { organizationId: 'QNG.SKHCN', assignedOrganizationId: 'QNG.STTTT', succeededOn: '2025-03-01' },
    ])
    expect(obligationsOfTask(index, d, '2025-07-01').map((o) => o.organizationId)).toEqual(['XA.LYSON.UBND'])
  })

  it('keeps with the old holder what it completed before the succession, and keeps its earlier reports in the record', () => {
    const b = nq57()
    b.doc('KH-2020', 'QNG.UBND', '2020-05-19')
    const done = b.task('KH-2020', '1', 'Năm 2021', { lead: ['QNG.STTTT'] })
    const open = b.task('KH-2020', '2', 'Năm 2021 – 2030', { lead: ['QNG.STTTT'] })
    b.report(done, 'QNG.STTTT', '2021-12-20', { completedOn: '2021-12-15' })
    b.report(open, 'QNG.STTTT', '2024-06-01', { percent: 40 })
    const index = new CascadeIndex(b.build())
    expect(obligationsOfTask(index, done, '2025-06-01').map((o) => o.organizationId)).toEqual(['QNG.STTTT'])
    const [ob] = obligationsOfTask(index, open, '2025-06-01')
    expect(ob!.organizationId).toBe('QNG.SKHCN')
    expect(obligationStatus(index, ob!, effectiveDeadlines(index).get(open), '2025-06-01')).toMatchObject({
      status: 'IN_PROGRESS',
      percent: 40,
    })
  })
})

describe('status as of a date', () => {
  function statusOf(
    time: string | null,
    reports: (b: CascadeBuilder, t: string) => void,
    asOf: string,
    state?: 'CANCELLED' | 'SUPERSEDED',
  ) {
    const b = nq57()
    const t = b.task('01-KH/BCĐ', '1', time, { lead: ['QNG.SKHCN'], ...(state ? { state } : {}) })
    reports(b, t)
    const index = new CascadeIndex(b.build())
    const [ob] = obligationsOfTask(index, t, asOf)
    return obligationStatus(index, ob!, effectiveDeadlines(index).get(t), asOf)
  }

  it('tells completed on time from completed late, by the effective (Art. 148) due date', () => {
    // Due Sunday 26/10/2025 → effective Monday 27/10.
    expect(
      statusOf('Ngày 26/10/2025', (b, t) => b.report(t, 'QNG.SKHCN', '2025-10-27', { completedOn: '2025-10-27' }), '2025-11-01').status,
    ).toBe('COMPLETED_ON_TIME')
    expect(
      statusOf('Ngày 26/10/2025', (b, t) => b.report(t, 'QNG.SKHCN', '2025-10-29', { completedOn: '2025-10-28' }), '2025-11-01').status,
    ).toBe('COMPLETED_LATE')
  })

  it('is IN_PROGRESS (and due soon), OVERDUE or NOT_STARTED by reports made up to the date', () => {
    const inProgress = statusOf('Trong tháng 10/2025', (b, t) => b.report(t, 'QNG.SKHCN', '2025-10-20'), '2025-10-27')
    expect(inProgress).toMatchObject({ status: 'IN_PROGRESS', dueSoon: true, percent: 50 })
    expect(statusOf('Quý IV/2025', (b, t) => b.report(t, 'QNG.SKHCN', '2025-10-20'), '2025-10-21')).toMatchObject({
      status: 'IN_PROGRESS',
      dueSoon: false,
    })
    expect(statusOf('Trong tháng 10/2025', (b, t) => b.report(t, 'QNG.SKHCN', '2025-10-20'), '2025-11-03').status).toBe('OVERDUE')
    expect(statusOf('Trong tháng 10/2025', () => {}, '2025-10-20').status).toBe('NOT_STARTED')
    // A report made after the date is not known on it.
    expect(
      statusOf('Trong tháng 10/2025', (b, t) => b.report(t, 'QNG.SKHCN', '2025-10-25', { completedOn: '2025-10-24' }), '2025-10-22').status,
    ).toBe('NOT_STARTED')
  })

  it('is ONGOING for recurring work, counting the periods without a report', () => {
    const s = statusOf('Thường xuyên hằng tháng', (b, t) => b.report(t, 'QNG.SKHCN', '2025-11-10'), '2026-02-05')
    // Issued 17/10/2025: periods Oct, Nov, Dec, Jan have elapsed; only November has a report.
    expect(s).toMatchObject({ status: 'ONGOING', missingReports: 3 })
  })

  it('is AWAITING_GUIDANCE for conditional work, and SUPERSEDED or CANCELLED with its task', () => {
    expect(statusOf('Theo chỉ đạo, hướng dẫn của các bộ, ngành Trung ương', () => {}, '2025-12-01').status).toBe('AWAITING_GUIDANCE')
    expect(statusOf('Quý IV/2025', () => {}, '2025-12-01', 'CANCELLED').status).toBe('CANCELLED')
    expect(statusOf('Quý IV/2025', () => {}, '2025-12-01', 'SUPERSEDED').status).toBe('SUPERSEDED')
  })

  it('keeps the claimed and the verified status apart', () => {
    const claimed = statusOf(
      'Trong tháng 10/2025',
      (b, t) => b.report(t, 'QNG.SKHCN', '2025-10-20', { completedOn: '2025-10-20' }),
      '2025-11-03',
    )
    expect([claimed.status, claimed.verifiedStatus]).toEqual(['COMPLETED_ON_TIME', 'OVERDUE'])
    const accepted = statusOf(
      'Trong tháng 10/2025',
      (b, t) => b.report(t, 'QNG.SKHCN', '2025-10-20', { completedOn: '2025-10-20', accepted: true }),
      '2025-11-03',
    )
    expect([accepted.status, accepted.verifiedStatus]).toEqual(['COMPLETED_ON_TIME', 'COMPLETED_ON_TIME'])
  })

  it('fulfils a plan-ordering task per assignee by that assignee’s plan; its status follows the plan’s issue date', () => {
    const b = nq57()
    const order = b.task('01-KH/BCĐ', 'III.2', 'trước ngày 28/10/2025', {
      leadGroup: 'UBND_XA',
      content: 'Xây dựng kế hoạch triển khai, gửi về Văn phòng Tỉnh ủy',
    })
    b.doc('KH-THIENTIN', 'XA.THIENTIN.UBND', '2025-10-24', ['01-KH/BCĐ'])
    const index = new CascadeIndex(b.build())
    const e = effectiveDeadlines(index).get(order)
    const statuses = obligationsOfTask(index, order, '2025-11-03').map((o) => [
      o.organizationId,
      obligationStatus(index, o, e, '2025-11-03').status,
    ])
    expect(statuses).toEqual([
      ['XA.LYSON.UBND', 'OVERDUE'],
      ['XA.THIENTIN.UBND', 'COMPLETED_ON_TIME'],
    ])
  })

  it('rolls obligations up into the task’s status', () => {
    expect(taskStatusOf(['COMPLETED_ON_TIME', 'COMPLETED_LATE'])).toBe('COMPLETED_LATE')
    expect(taskStatusOf(['COMPLETED_ON_TIME', 'OVERDUE', 'IN_PROGRESS'])).toBe('OVERDUE')
    expect(taskStatusOf(['COMPLETED_ON_TIME', 'NOT_STARTED'])).toBe('IN_PROGRESS')
    expect(taskStatusOf(['NOT_STARTED', 'CANCELLED'])).toBe('NOT_STARTED')
    expect(taskStatusOf(['CANCELLED', 'SUPERSEDED'])).toBe('SUPERSEDED')
    expect(taskStatusOf([])).toBe('NOT_STARTED')
  })
})

describe('rollups, scorecards and bottlenecks', () => {
  function cascade() {
    const b = nq57()
    const root = b.task('07-TB/CQTTBCĐ', '1', 'Trong tháng 10/2025', { lead: ['BCDTW'] })
    const a = b.task('01-KH/BCĐ', 'II.5', 'Trong tháng 10/2025', {
      parents: [root],
      lead: ['QNG.UBND'],
      leadGroup: 'UBND_XA',
      coordinating: ['QNG.SKHCN', 'QNG.STC'],
    })
    b.doc('KH-THIENTIN', 'XA.THIENTIN.DU', '2025-10-20', ['01-KH/BCĐ'])
    b.task('KH-THIENTIN', '1', null, { parents: [a], lead: ['XA.THIENTIN.DU'] })
    b.task('KH-THIENTIN', '2', null, { parents: [a], lead: ['XA.THIENTIN.DU'] })
    b.report(a, 'QNG.UBND', '2025-10-28', { completedOn: '2025-10-28' })
    b.report(a, 'XA.THIENTIN.UBND', '2025-11-05', { completedOn: '2025-11-04' })
    b.report(root, 'BCDTW', '2025-10-30', { completedOn: '2025-10-30' })
    return { b, index: new CascadeIndex(b.build()), root, a }
  }

  it('counts statuses, percent complete and on-time rate for an organisation, a province, a tier and the nation', () => {
    const { index } = cascade()
    const evaluation = evaluateCascade(index, '2025-11-10')
    const province = scorecard(select(index, evaluation, { province: 'QNG' }))
    // QNG.UBND on time; Thiện Tín late; Lý Sơn overdue; SKHCN, STC (coordinating) overdue; ĐU Thiện Tín ×2 overdue (inherited 31/10).
    expect(province.counts).toMatchObject({ COMPLETED_ON_TIME: 1, COMPLETED_LATE: 1, OVERDUE: 5 })
    expect(province.percentComplete).toBe(28.57)
    expect(province.onTimeRate).toBe(14.29)
    expect(scorecard(select(index, evaluation, { organizationId: 'QNG.SKHCN', role: 'COORDINATING' })).counts.OVERDUE).toBe(1)
    expect(scorecard(select(index, evaluation, { organizationId: 'QNG.SKHCN', role: 'LEAD' })).total).toBe(0)
    expect(scorecard(select(index, evaluation, { tier: 'CENTRAL' })).counts.COMPLETED_ON_TIME).toBe(1)
    expect(scorecard(select(index, evaluation, { national: true })).total).toBe(8)
  })

  it('selects a document’s cascade and a task’s subtree', () => {
    const { index, a } = cascade()
    const evaluation = evaluateCascade(index, '2025-11-10')
    expect(select(index, evaluation, { documentId: '01-KH/BCĐ' }).length).toBe(7)
    expect(select(index, evaluation, { documentId: 'KH-THIENTIN' }).length).toBe(2)
    expect(select(index, evaluation, { taskId: a }).length).toBe(7)
  })

  it('lists the overdue, longest overdue first, and ranks bottlenecks by dependent tasks in lower plans', () => {
    const { index, a } = cascade()
    const evaluation = evaluateCascade(index, '2025-11-10')
    const card = scorecard(evaluation.statuses)
    expect(card.overdue.every((s) => s.status === 'OVERDUE')).toBe(true)
    const top = bottlenecks(index, evaluation.statuses, 3)
    expect(top[0]).toMatchObject({ dependentTasks: 2 })
    expect(top[0]!.status.obligation.taskId).toBe(a)
  })

  it('only counts what was known on the date', () => {
    const { index } = cascade()
    expect(evaluateCascade(index, '2025-10-16').statuses.map((s) => s.obligation.taskId)).toEqual(['07-TB/CQTTBCĐ#1'])
  })
})

describe('coverage and alignment review', () => {
  it('lists parent tasks owed by the plan’s issuer that the plan does not implement (UNCOVERED_PARENT_TASK)', () => {
    const b = nq57()
    const covered = b.task('01-KH/BCĐ', 'II.5', 'Trong tháng 10/2025', { leadGroup: 'UBND_XA' })
    const missed = b.task('01-KH/BCĐ', 'III.2', 'trước ngày 28/10/2025', { leadGroup: 'UBND_XA' })
    b.task('01-KH/BCĐ', 'II.7', 'Quý IV/2025', { lead: ['QNG.STC'] })
    b.doc('KH-THIENTIN', 'XA.THIENTIN.UBND', '2025-10-24', ['01-KH/BCĐ'])
    b.task('KH-THIENTIN', '1', null, { parents: [covered] })
    expect(uncoveredParentTasks(new CascadeIndex(b.build()), 'KH-THIENTIN')).toEqual([
      { code: 'UNCOVERED_PARENT_TASK', planId: 'KH-THIENTIN', parentDocumentId: '01-KH/BCĐ', parentTaskId: missed },
    ])
  })

  it('lists plans that new direction on a parent asks to review, until a decision is recorded (seed 004)', () => {
    const b = nq57()
    b.org('QNG.BTVTU', 'PROVINCE', 'PARTY_STANDING_COMMITTEE', { parent: 'QNG', bloc: 'PARTY' })
    b.doc('359-KH/TU', 'QNG.BTVTU', '2025-04-29', ['57-NQ/TW'])
    b.doc('368-KH/TU', 'QNG.BTVTU', '2025-05-24', ['57-NQ/TW'])
    b.doc('01-KH/BCĐTW', 'BCDTW', '2025-06-02', ['57-NQ/TW'])
    const before = plansNeedingReview(new CascadeIndex(b.build())).filter((r) => r.newDirectionId === '01-KH/BCĐTW')
    expect(before.map((r) => r.documentId)).toEqual(['359-KH/TU', '368-KH/TU'])
    b.review('359-KH/TU', '01-KH/BCĐTW', '2025-06-16')
    const after = plansNeedingReview(new CascadeIndex(b.build())).filter((r) => r.newDirectionId === '01-KH/BCĐTW')
    expect(after.map((r) => r.documentId)).toEqual(['368-KH/TU'])
  })
})
