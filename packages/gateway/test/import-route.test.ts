/**
 * `POST /import`: a plan as a file, through the importPlan mutation's own key rules and payload;
 * the file kept as the document's source; limits and bad files answered with coded errors.
 */
import { createApiKey } from '@chidao/core'
import { loadFixtures } from '@chidao/fixtures'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { hasDejaVu, planToDocx, planToPdf } from '../../files/test/build.js'
import { plan } from '../../files/test/support.js'
import { serve, type Served } from './support.js'
import { DIALECTS, destroyTest, initTest, type TestContext } from '@chidao/core/testing'

const LIMIT = 300_000

for (const dialect of DIALECTS) {
  describe(`POST /import on ${dialect.name}`, () => {
    let t: TestContext
    let served: Served
    let url: string
    const text = plan('province-plan.txt')
    beforeAll(async () => {
      t = await initTest(dialect)
      await loadFixtures(t.chidao)
      served = await serve({ store: t.store, maxUploadBytes: LIMIT })
      url = served.url.replace(/\/graphql$/, '/import')
    })
    afterAll(async () => {
      await served.close()
      await destroyTest(t)
    })

    const key = async (code: string | null, role: string) =>
      (await createApiKey(t.store.db, { organizationId: code ? (await t.chidao.organizationByCode(code))!.id : null, role })).secret
    const count = async (table: 'task' | 'documentSource') =>
      Number((await t.store.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n)
    const multipart = (bytes: Uint8Array, name: string, fields: Record<string, string> = {}) => {
      const form = new FormData()
      form.append('file', new Blob([Uint8Array.from(bytes)]), name)
      for (const [k, v] of Object.entries(fields)) form.append(k, v)
      return form
    }
    const post = async (body: RequestInit['body'], headers: Record<string, string>, query = '') => {
      const res = await fetch(url + query, { method: 'POST', headers, body })
      return { status: res.status, body: (await res.json()) as any }
    }

    it('asks for a key before reading anything: none or unknown is 401, a viewer key 403', async () => {
      const docx = await planToDocx(text)
      const before = await count('task')
      expect((await post(multipart(docx, 'kh.docx'), {})).status).toBe(401)
      expect((await post(multipart(docx, 'kh.docx'), { authorization: 'Bearer chd_nope' })).body.errors[0].extensions.code).toBe(
        'UNAUTHENTICATED',
      )
      const viewer = await post(multipart(docx, 'kh.docx'), { authorization: `Bearer ${await key('QNG.UBND', 'VIEWER')}` })
      expect(viewer).toMatchObject({ status: 403, body: { userErrors: [{ code: 'FORBIDDEN' }] } })
      expect(await count('task')).toBe(before)
    })

    it("reads a .docx sent as multipart/form-data on a dry run: the mutation's payload, and the file read", async () => {
      const docx = await planToDocx(text)
      const before = await count('task')
      const { status, body } = await post(multipart(docx, 'ke-hoach-212.docx', { dryRun: 'true' }), {
        authorization: `Bearer ${await key('QNG.UBND', 'EDITOR')}`,
      })
      expect(status).toBe(200)
      expect(body).toMatchObject({
        document: null,
        dryRun: true,
        symbol: '212/KH-UBND',
        issuer: { code: 'QNG.UBND' },
        userErrors: [],
        created: { documents: 0, tasks: 0, sources: 0 },
        file: {
          source: { fileName: 'ke-hoach-212.docx', size: docx.length, sha256: createHash('sha256').update(docx).digest('hex') },
          pages: 1,
        },
      })
      // The same reading as the mutation given the same plan's text.
      const same = await served.post(
        `mutation($input: ImportPlanInput!) { importPlan(input: $input) { tasks { code content timePhrase dueDate lead { code } } } }`,
        { input: { text, dryRun: true } },
        await key('QNG.UBND', 'EDITOR'),
      )
      expect(
        body.tasks.map((x: any) => ({
          code: x.code,
          content: x.content,
          timePhrase: x.timePhrase,
          dueDate: x.dueDate,
          lead: x.lead.map((l: any) => ({ code: l.code })),
        })),
      ).toEqual(same.body.data.importPlan.tasks)
      expect(await count('task')).toBe(before)
    })

    it.skipIf(!hasDejaVu)(
      "imports a PDF sent as the raw body, keeps it as the document's source, and writes nothing for a key that may not act for the issuer",
      async () => {
        const pdf = await planToPdf(text)
        const headers = { 'content-type': 'application/pdf' }
        const commune = await post(
          pdf,
          { ...headers, authorization: `Bearer ${await key('QNG.X.THIENTIN.UBND', 'EDITOR')}` },
          '?fileName=ke-hoach-212.pdf',
        )
        expect(commune).toMatchObject({ status: 403, body: { userErrors: [{ code: 'FORBIDDEN' }] } })
        const before = { task: await count('task'), source: await count('documentSource') }
        expect(before.source).toBe(0)
        const editor = await key('QNG.UBND', 'EDITOR')
        const { status, body } = await post(pdf, { ...headers, authorization: `Bearer ${editor}` }, '?fileName=ke-hoach-212.pdf')
        expect(status).toBe(200)
        expect(body.created).toMatchObject({ documents: 1, sources: 1 })
        expect(body.created.tasks).toBeGreaterThan(5)
        expect(body.document.sources).toEqual([
          expect.objectContaining({
            fileName: 'ke-hoach-212.pdf',
            sha256: createHash('sha256').update(pdf).digest('hex'),
            size: pdf.length,
            mediaType: 'application/pdf',
            extractor: 'pdfjs-dist',
            pages: 1,
          }),
        ])
        expect(await count('task')).toBe(before.task + body.created.tasks)
        const again = await post(pdf, { ...headers, authorization: `Bearer ${editor}` }, '?fileName=ke-hoach-212.pdf')
        expect(again.body.created).toEqual({ documents: 0, links: 0, tasks: 0, assignments: 0, targets: 0, sources: 0 })
        // Readable through the API.
        const read = await served.post(`{ document(symbol: "212/KH-UBND") { sources { fileName extractor extractorVersion mediaType } } }`)
        expect(read.body.data.document.sources).toEqual([
          {
            fileName: 'ke-hoach-212.pdf',
            extractor: 'pdfjs-dist',
            extractorVersion: expect.stringMatching(/^5\./),
            mediaType: 'application/pdf',
          },
        ])
      },
    )

    it('gives the first answer again for a retried upload with its Idempotency-Key: one write, also for five racing twins', async () => {
      const editor = await key('QNG.UBND', 'EDITOR')
      const plan216 = text.replace('212/KH-UBND', '216/KH-UBND')
      const bytes = new TextEncoder().encode(plan216)
      const upload = (key: string, body: Uint8Array = bytes) =>
        post(body, { authorization: `Bearer ${editor}`, 'content-type': 'text/plain', 'idempotency-key': key }, '?fileName=kh-216.txt')
      const before = await count('task')
      const first = await upload('up-1')
      expect(first.status).toBe(200)
      expect(first.body.created.documents).toBe(1)
      const n = first.body.created.tasks
      expect(n).toBeGreaterThan(5)
      expect(await count('task')).toBe(before + n)
      // The retry: the same status and body, its counts the first import's, and nothing written.
      const again = await upload('up-1')
      expect([again.status, JSON.stringify(again.body)]).toEqual([200, JSON.stringify(first.body)])
      expect(await count('task')).toBe(before + n)
      // Another file with that key is refused, and writes nothing.
      const other = new TextEncoder().encode(text.replace('212/KH-UBND', '217/KH-UBND'))
      expect(await upload('up-1', other)).toMatchObject({ status: 422, body: { userErrors: [{ code: 'IDEMPOTENCY_KEY_REUSED' }] } })
      expect(await count('task')).toBe(before + n)
      // Five racing uploads of another plan under one key: one write, five identical answers.
      const racing = await Promise.all(Array.from({ length: 5 }, () => upload('up-2', other)))
      expect(racing.map((r) => r.status)).toEqual(Array(5).fill(200))
      expect(new Set(racing.map((r) => JSON.stringify(r.body))).size).toBe(1)
      expect(racing[0]!.body.created.tasks).toBe(n)
      expect(await count('task')).toBe(before + 2 * n)
    })

    it('gives the first importPlan payload again for its Idempotency-Key over GraphQL: one write, also for five racing twins', async () => {
      const editor = await key('QNG.UBND', 'EDITOR')
      const IMPORT = `mutation($input: ImportPlanInput!) { importPlan(input: $input) {
        document { id symbol } dryRun symbol tasks { code dueDate lead { code } } warnings { code line }
        created { documents links tasks assignments targets sources } violations userErrors { field code message } } }`
      const importPlan = async (input: Record<string, unknown>, idempotencyKey: string) => {
        const res = await fetch(served.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}`, 'idempotency-key': idempotencyKey },
          body: JSON.stringify({ query: IMPORT, variables: { input } }),
        })
        return ((await res.json()) as any).data.importPlan
      }
      const plan218 = text.replace('212/KH-UBND', '218/KH-UBND')
      const before = await count('task')
      const first = await importPlan({ text: plan218 }, 'gql-1')
      expect(first.userErrors).toEqual([])
      const n = first.created.tasks
      expect(n).toBeGreaterThan(5)
      expect(await importPlan({ text: plan218 }, 'gql-1')).toEqual(first)
      expect(await count('task')).toBe(before + n)
      expect((await importPlan({ text: plan218, dryRun: true }, 'gql-1')).userErrors).toEqual([
        expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['idempotencyKey'] }),
      ])
      const plan219 = text.replace('212/KH-UBND', '219/KH-UBND')
      const racing = await Promise.all(Array.from({ length: 5 }, () => importPlan({ text: plan219 }, 'gql-2')))
      expect(racing.every((r) => JSON.stringify(r) === JSON.stringify(racing[0]))).toBe(true)
      expect(racing[0].created.tasks).toBe(n)
      expect(await count('task')).toBe(before + 2 * n)
    })

    it('keeps a file name as sent in the query (decoded once), and refuses one carrying NUL with INVALID_TEXT, writing nothing', async () => {
      const editor = { authorization: `Bearer ${await key('QNG.UBND', 'EDITOR')}`, 'content-type': 'text/plain' }
      const body = text.replace('212/KH-UBND', '231/KH-UBND')
      const percent = await post(body, editor, `?dryRun=true&fileName=${encodeURIComponent('kế hoạch 100%E0.txt')}`)
      expect(percent).toMatchObject({ status: 200, body: { file: { source: { fileName: 'kế hoạch 100%E0.txt' } } } })
      const before = { task: await count('task'), source: await count('documentSource') }
      const nul = await post(body, editor, '?fileName=kh%00.txt')
      expect(nul).toMatchObject({ status: 422, body: { userErrors: [{ code: 'INVALID_TEXT', field: ['input', 'source', 'fileName'] }] } })
      expect({ task: await count('task'), source: await count('documentSource') }).toEqual(before)
    })

    it('answers a file over the limit with 413, other types with 415 and unreadable files with 422, writing nothing', async () => {
      const editor = { authorization: `Bearer ${await key('QNG.UBND', 'EDITOR')}` }
      const before = await count('task')
      const big = new Uint8Array(LIMIT + 1).fill(65)
      expect(await post(multipart(big, 'big.txt'), editor)).toMatchObject({
        status: 413,
        body: { userErrors: [{ code: 'FILE_TOO_LARGE', field: ['file'] }] },
      })
      expect(await post(big, { ...editor, 'content-type': 'text/plain' })).toMatchObject({
        status: 413,
        body: { userErrors: [{ code: 'FILE_TOO_LARGE' }] },
      })
      expect(
        await post(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 1]), { ...editor, 'content-type': 'image/gif' }),
      ).toMatchObject({ status: 415, body: { userErrors: [{ code: 'FILE_UNSUPPORTED' }] } })
      expect(await post(multipart(new Uint8Array(), 'empty.pdf'), editor)).toMatchObject({
        status: 422,
        body: { userErrors: [{ code: 'FILE_EMPTY' }] },
      })
      const truncated = (await planToDocx(text)).subarray(0, 2000)
      expect(await post(multipart(truncated, 'broken.docx'), editor)).toMatchObject({
        status: 422,
        body: { userErrors: [{ code: 'FILE_CORRUPT' }] },
      })
      expect(await count('task')).toBe(before)
    })
  })
}
