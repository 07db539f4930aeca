/** Every mutation made from core's command descriptions: present, typed from the shape, and authorized by core. */
import { COMMANDS, createApiKey, type InputShape, type Shape } from '@chidao/core'
import { isEnumType, isInputObjectType, isNonNullType } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSchema } from '../src/index.js'
import { mutationName } from '../src/resolvers/command.resolver.js'
import { toGlobalId } from '../src/types/relay.js'
import { serve, type Served } from './support.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from '@chidao/core/testing'

/** A value of a shape that GraphQL accepts (core may still refuse it). */
function sample(shape: Shape): unknown {
  switch (shape.kind) {
    case 'text':
      return 'x'
    case 'int':
      return 1
    case 'number':
      return 1.5
    case 'date':
      return '2025-01-02'
    case 'id':
      return toGlobalId(shape.of, 'nope')
    case 'oneOf':
      return shape.values[0]
    case 'list':
      return [sample(shape.of)]
    case 'object':
      return sampleInput(shape.fields)
  }
}

function sampleInput(fields: InputShape): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, sample(spec.shape)]))
}

describe('mutations from command descriptions', () => {
  it('serves each command as an object-first mutation whose input follows its shape (closed sets as enums)', async () => {
    const schema = await buildSchema()
    const mutations = schema.getMutationType()!.getFields()
    expect(mutationName({ name: 'assign', subject: 'Task' })).toBe('taskAssign')
    for (const command of COMMANDS) {
      const field = mutations[mutationName(command)]
      expect(field, command.name).toBeDefined()
      expect(field!.description).toBe(command.description)
      const input = field!.args[0]!.type
      const type = isNonNullType(input) ? input.ofType : input
      expect(isInputObjectType(type)).toBe(true)
      if (!isInputObjectType(type)) continue
      expect(Object.keys(type.getFields())).toEqual(Object.keys(command.input))
      for (const [key, spec] of Object.entries(command.input)) {
        const f = type.getFields()[key]!
        expect(isNonNullType(f.type), `${command.name}.${key}`).toBe(!spec.optional)
        const named = isNonNullType(f.type) ? f.type.ofType : f.type
        if (spec.shape.kind === 'oneOf') expect(isEnumType(named) && named.name).toBe(spec.shape.name)
      }
    }
  })
})

for (const dialect of DIALECTS) {
  describe(`mutations from command descriptions on ${dialect.name}`, () => {
    let t: TestContext
    let served: Served
    beforeAll(async () => {
      t = await initTest(dialect)
      for (const o of [
        { code: 'QNG.TU', name: 'Tỉnh ủy Quảng Ngãi', tier: 'PROVINCE', bloc: 'PARTY', kind: 'PROVINCIAL_PARTY_COMMITTEE', scope: 'QNG' },
        {
          code: 'QNG.UBND',
          name: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
          tier: 'PROVINCE',
          bloc: 'STATE',
          kind: 'PEOPLES_COMMITTEE',
          scope: 'QNG',
        },
        {
          code: 'QNG.SKHCN',
          name: 'Sở Khoa học và Công nghệ',
          tier: 'PROVINCE',
          bloc: 'STATE',
          kind: 'DEPARTMENT',
          parentCode: 'QNG.UBND',
        },
      ])
        await t.chidao.registerOrganization({ actor: 'test' }, o)
      served = await serve({ store: t.store })
    })
    afterAll(async () => {
      await served.close()
      await destroyTest(t)
    })
    const audited = async () =>
      Number(
        (
          await t.store.db
            .selectFrom('auditLog')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )

    it('answers every mutation for a key without the role with FORBIDDEN, writing nothing', async () => {
      const viewer = (await createApiKey(t.store.db, { organizationId: null, role: 'VIEWER' })).secret
      const before = await audited()
      for (const command of COMMANDS) {
        const name = mutationName(command)
        const type = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`
        const { body } = await served.post(
          `mutation($input: ${type}!) { ${name}(input: $input) { userErrors { field code } } }`,
          { input: sampleInput(command.input) },
          viewer,
        )
        expect(body.errors, name).toBeUndefined()
        expect(body.data[name].userErrors, name).toEqual([{ field: null, code: 'FORBIDDEN' }])
      }
      expect(await audited()).toBe(before)
    })

    it('resolves a report by its global ID (Report implements Node)', async () => {
      const ctx = { actor: 'test' }
      const doc = await t.chidao.registerDocument(ctx, {
        symbol: '30/KH-UBND',
        issuerCode: 'QNG.UBND',
        issuedOn: '2025-10-01',
        title: 'Kế hoạch',
      })
      const task = await t.chidao.addTask(ctx, {
        documentId: doc.id,
        code: '1',
        content: 'x',
        assignments: [{ role: 'LEAD', organizationCode: 'QNG.SKHCN' }],
      })
      const report = await t.chidao.submitReport(ctx, {
        taskId: task.id,
        organizationCode: 'QNG.SKHCN',
        period: 'AD_HOC',
        claimedStatus: 'IN_PROGRESS',
        reportedOn: '2025-10-05',
      })
      const id = toGlobalId('Report', report.id)
      const { body } = await served.post(`query($id: ID!) { node(id: $id) { id ... on Report { claimedStatus verificationStatus } } }`, {
        id,
      })
      expect(body.data.node).toEqual({ id, claimedStatus: 'IN_PROGRESS', verificationStatus: 'PENDING' })
    })

    it('registers an alias through a mutation no gateway code was written for', async () => {
      const editor = (
        await createApiKey(t.store.db, { organizationId: (await t.chidao.organizationByCode('QNG.UBND'))!.id, role: 'EDITOR' })
      ).secret
      const ALIAS = `mutation($input: AliasRegisterInput!) { aliasRegister(input: $input) { ok userErrors { code } } }`
      expect((await served.post(ALIAS, { input: { code: 'QNG.SKHCN', alias: 'Sở KH&CN' } }, editor)).body.data.aliasRegister).toEqual({
        ok: true,
        userErrors: [],
      })
      expect(
        (await served.post(ALIAS, { input: { code: 'QNG.TU', alias: 'Tỉnh ủy' } }, editor)).body.data.aliasRegister.userErrors,
      ).toEqual([{ code: 'FORBIDDEN' }])
      const catalog = await t.chidao.importCatalog()
      expect(catalog.organizations.find((o) => o.code === 'QNG.SKHCN')!.aliases).toEqual(['Sở KH&CN'])
    })
  })
}
