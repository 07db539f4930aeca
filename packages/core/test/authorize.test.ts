/** Commands authorize a key's grant themselves, inside their transaction: role first, then the organisation they act for. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commands, COMMANDS, isDomainError, type ApiKeyGrant } from '../src/index.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from './support/dialects.js'
import { registerSmallCascade, type SmallCascade } from './support/cascade.js'

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work
    return 'OK'
  } catch (e) {
    if (isDomainError(e)) return e.code
    throw e
  }
}

describe('command descriptions', () => {
  it('give every command a subject, a description, an input shape, a role and an acting organisation', () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(15)
    for (const c of COMMANDS) {
      expect(c.name).toMatch(/^[a-z][A-Za-z]+$/)
      expect(c.subject).toMatch(/^[A-Z][A-Za-z]+$/)
      expect(c.description.length).toBeGreaterThan(10)
      expect(Object.keys(c.input).length).toBeGreaterThan(0)
      expect(['VIEWER', 'REPORTER', 'EDITOR', 'ADMIN']).toContain(c.role)
      expect(typeof c.actsFor).toBe('function')
    }
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length)
  })
})

for (const dialect of DIALECTS) {
  describe(`authorization inside the command on ${dialect.name}`, () => {
    let t: TestContext
    let cascade: SmallCascade
    const grantOf = async (code: string | null, role: ApiKeyGrant['role']): Promise<ApiKeyGrant> => ({
      keyId: 'k',
      role,
      organizationId: code ? (await t.chidao.organizationByCode(code))!.id : null,
    })
    beforeEach(async () => {
      t = await initTest(dialect)
      cascade = await registerSmallCascade(t.chidao)
    })
    afterEach(async () => {
      await destroyTest(t)
    })

    it('lets a key act for its organisation and those below it, and refuses it above or beside, writing nothing', async () => {
      const input = { documentId: cascade.kh359.id, code: 'Z.1', content: 'Nhiệm vụ thử' }
      const commune = await grantOf('QNG.THIENTIN.DU', 'EDITOR')
      expect(await codeOf(t.chidao.addTask({ actor: 'k', grant: commune }, input))).toBe('FORBIDDEN')
      expect(await codeOf(t.chidao.addTask({ actor: 'k', grant: await grantOf('QNG.UBND', 'EDITOR') }, input))).toBe('FORBIDDEN')
      expect((await t.chidao.tasksOf(cascade.kh359.id)).map((x) => x.code)).not.toContain('Z.1')
      expect(await codeOf(t.chidao.addTask({ actor: 'k', grant: await grantOf('QNG.TU', 'EDITOR') }, input))).toBe('OK')
      expect(await codeOf(t.chidao.run(commands.addTask, { actor: 'k', grant: commune }, { ...input, documentId: cascade.kh09.id }))).toBe(
        'OK',
      )
    })

    it('checks the role before anything else, and leaves trusted callers (no grant) alone', async () => {
      const viewer = await grantOf(null, 'VIEWER')
      expect(await codeOf(t.chidao.addTask({ actor: 'k', grant: viewer }, { documentId: 'nope', code: 'x', content: 'x' }))).toBe(
        'FORBIDDEN',
      )
      const reporter = await grantOf('QNG.THIENTIN.DU', 'REPORTER')
      const task = await t.chidao.addTask(
        { actor: 'test' },
        { documentId: cascade.kh09.id, code: 'R.1', content: 'x', assignments: [{ role: 'LEAD', organizationCode: 'QNG.THIENTIN.DU' }] },
      )
      const report = {
        taskId: task.id,
        organizationCode: 'QNG.THIENTIN.DU',
        period: 'AD_HOC',
        claimedStatus: 'IN_PROGRESS',
        reportedOn: '2025-09-01',
      }
      expect(await codeOf(t.chidao.submitReport({ actor: 'k', grant: reporter }, report))).toBe('OK')
      expect(await codeOf(t.chidao.submitReport({ actor: 'k', grant: reporter }, { ...report, organizationCode: 'QNG.TU' }))).toBe(
        'FORBIDDEN',
      )
      expect(await codeOf(t.chidao.updateTask({ actor: 'k', grant: reporter }, { id: task.id, expectedVersion: 1, content: 'y' }))).toBe(
        'FORBIDDEN',
      )
    })

    it('keeps top-level bodies and national groups for national keys', async () => {
      const top = { code: 'HNI', name: 'Thành phố Hà Nội', tier: 'PROVINCE', kind: 'TERRITORY', scope: 'HNI' }
      expect(await codeOf(t.chidao.registerOrganization({ actor: 'k', grant: await grantOf('QNG.UBND', 'ADMIN') }, top))).toBe('FORBIDDEN')
      expect(await codeOf(t.chidao.registerOrganization({ actor: 'k', grant: await grantOf(null, 'ADMIN') }, top))).toBe('OK')
      const below = { code: 'QNG.STC', name: 'Sở Tài chính', tier: 'PROVINCE', bloc: 'STATE', kind: 'DEPARTMENT', parentCode: 'QNG.UBND' }
      expect(await codeOf(t.chidao.registerOrganization({ actor: 'k', grant: await grantOf('QNG.UBND', 'ADMIN') }, below))).toBe('OK')
    })
  })
}
