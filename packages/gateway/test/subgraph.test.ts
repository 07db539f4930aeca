import { loadFixtures } from '@chidao/fixtures'
import { describe, expect, it } from 'vitest'
import { serve } from './support.js'
import { DIALECTS, destroyTest, initTest } from '@chidao/core/testing'

describe('federation subgraph mode', () => {
  it('publishes its SDL with @key on Organization, Document and Task, and resolves those entities by id', async () => {
    const t = await initTest(DIALECTS[0]!)
    await loadFixtures(t.chidao)
    const served = await serve({ store: t.store, subgraph: true })
    const post = async (query: string, variables: Record<string, unknown> = {}) => (await served.post(query, variables)).body
    try {
      const sdl = (await post('{ _service { sdl } }')).data._service.sdl as string
      // @apollo/subgraph 2.14 prints the directive on its own line, 2.15 on the type's: whitespace is not the point.
      for (const entity of ['Organization', 'Document', 'Task'])
        expect(sdl.replace(/\s+/g, ' ')).toContain(`type ${entity} implements Node @key(fields: "id")`)
      const doc = (await post('{ document(symbol: "01-KH/BCĐ") { id tasks(first: 1) { edges { node { id code } } } } }')).data.document
      const org = (await post('{ organization(code: "QNG.SKHCN") { id } }')).data.organization
      const found = await post(
        `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Document { symbol } ... on Task { code } ... on Organization { name } } }`,
        {
          r: [
            { __typename: 'Document', id: doc.id },
            { __typename: 'Task', id: doc.tasks.edges[0].node.id },
            { __typename: 'Organization', id: org.id },
          ],
        },
      )
      expect(found.errors).toBeUndefined()
      expect(found.data._entities).toEqual([{ symbol: '01-KH/BCĐ' }, { code: 'II' }, { name: 'Sở Khoa học và Công nghệ' }])
      // The ordinary queries still work in subgraph mode.
      expect((await post('{ parseDeadline(text: "Quý IV/2025") { dueDate } }')).data.parseDeadline.dueDate).toBe('2025-12-31')
    } finally {
      await served.close()
      await destroyTest(t)
    }
  })
})
