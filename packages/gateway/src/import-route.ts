/**
 * `POST /import`: a plan as a file (multipart/form-data with a `file` field, or the raw body with
 * its content type), read by `@chidao/files` and imported by the `importPlan` mutation itself, so
 * the key rules and the payload are the mutation's. The file is kept as the document's source.
 *
 *   curl -H 'Authorization: Bearer chd_…' -F file=@ke-hoach.pdf -F dryRun=true http://127.0.0.1:4000/import
 *   curl -H 'Authorization: Bearer chd_…' -H 'content-type: application/pdf' --data-binary @ke-hoach.pdf \
 *     'http://127.0.0.1:4000/import?fileName=ke-hoach.pdf'
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApolloServer } from '@apollo/server'
import { hasRole, resolveApiKey, type Chidao, type Store } from '@chidao/core'
import { extractText, isFileError, type ExtractResult, type FileErrorCode } from '@chidao/files'
import busboy from 'busboy'
import { createContext, type Context } from './context.js'

/** What the route needs from the gateway. */
interface ImportRoute {
  readonly server: ApolloServer<Context>
  readonly chidao: Chidao
  readonly store: Store
  /** Largest file accepted, bytes. */
  readonly maxBytes: number
}

const AGENCY = 'text code kind name confidence'
/** The whole ImportPlanPayload, so the answer is the mutation's payload field for field. */
const IMPORT_PLAN = `mutation ImportFile($input: ImportPlanInput!) { importPlan(input: $input) {
  document { id symbol symbolWritten kind issuedOn title status version sources { fileName sha256 size mediaType extractor extractorVersion pages importedAt } }
  dryRun symbol issuer { ${AGENCY} } issuedOn title implements { symbol issuedOn issuerCode known }
  tasks { code parentCode content lead { ${AGENCY} } coordinating { ${AGENCY} } timePhrase deadlineKind dueDate grouping line }
  warnings { code severity message line text } created { documents links tasks assignments targets sources } violations
  userErrors { field message code } } }`

const FILE_STATUS: Partial<Record<FileErrorCode, number>> = { FILE_TOO_LARGE: 413, FILE_UNSUPPORTED: 415, OCR_UNAVAILABLE: 503 }

class TooLarge extends Error {}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
}

function userError(res: ServerResponse, status: number, code: string, message: string, field: string[] | null = null): void {
  send(res, status, { userErrors: [{ field, message, code }] })
}

interface Upload {
  bytes: Uint8Array
  fileName: string
  fields: Map<string, string[]>
}

async function readRaw(req: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBytes) throw new TooLarge()
    chunks.push(chunk as Buffer)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

function readMultipart(req: IncomingMessage, maxBytes: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string[]>()
    let file: { bytes: Uint8Array; fileName: string } | null = null
    let tooLarge = false
    const bb = busboy({ headers: req.headers, limits: { fileSize: maxBytes, files: 1, fields: 100 } })
    bb.on('field', (name, value) => fields.set(name, [...(fields.get(name) ?? []), value]))
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('limit', () => {
        tooLarge = true
      })
      stream.on('end', () => {
        if (name === 'file') file = { bytes: new Uint8Array(Buffer.concat(chunks)), fileName: info.filename || 'upload' }
      })
    })
    bb.on('error', reject)
    bb.on('close', () => {
      if (tooLarge) reject(new TooLarge())
      else if (!file) reject(new Error('no file'))
      else resolve({ ...file, fields })
    })
    req.pipe(bb)
  })
}

/** Reads the upload: a multipart `file` field, or the raw body; options from fields or the query string. */
async function upload(req: IncomingMessage, url: URL, maxBytes: number): Promise<Upload> {
  const type = req.headers['content-type'] ?? ''
  if (/^multipart\/form-data/i.test(type)) return readMultipart(req, maxBytes)
  // The query string is decoded already (decoding it again mangled a name holding "%"); a
  // Content-Disposition filename* is percent-encoded, and kept as sent when that encoding is broken.
  const disposition = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(req.headers['content-disposition'] ?? '')?.[1]
  const fileName = url.searchParams.get('fileName') ?? (disposition === undefined ? undefined : percentDecoded(disposition))
  return { bytes: await readRaw(req, maxBytes), fileName: fileName || 'upload', fields: new Map() }
}

function percentDecoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function option(u: Upload, url: URL, name: string): string[] {
  return [...(u.fields.get(name) ?? []), ...url.searchParams.getAll(name)]
}

/**
 * Handles `POST /import`. Statuses: 200 imported (or read, on a dry run); 401 no or unknown key;
 * 403 a key that may not import for that body; 413 over the size limit; 415 not a file type read;
 * 422 a file that cannot be read or a plan that cannot be imported (coded `userErrors`); 503 OCR
 * needed but not installed.
 *
 * @example
 * if (url.pathname === '/import') return handleImport(req, res, { server, chidao, store, maxBytes: 20 << 20 })
 */
export async function handleImport(req: IncomingMessage, res: ServerResponse, route: ImportRoute): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('POST a file to /import')
    return
  }
  // Who asks comes first: nothing is read, let alone OCR'd, for a caller who may not import.
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
  const grant = bearer ? await resolveApiKey(route.store.db, bearer) : null
  if (!grant) {
    send(res, 401, {
      errors: [
        {
          message: bearer ? 'The API key is unknown or revoked' : 'Writes need an API key (Authorization: Bearer …)',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    })
    req.resume()
    return
  }
  if (!hasRole(grant, 'EDITOR')) {
    userError(res, 403, 'FORBIDDEN', `Cần khóa EDITOR; khóa này là ${grant.role} / This needs an EDITOR key; this key is ${grant.role}`)
    req.resume()
    return
  }
  const declared = Number(req.headers['content-length'] ?? 0)
  const limitMessage = `Tệp quá giới hạn ${(route.maxBytes / 1024 / 1024).toFixed(0)} MB (The file is over the ${(route.maxBytes / 1024 / 1024).toFixed(0)} MB limit)`
  if (declared > route.maxBytes + 64 * 1024) {
    userError(res, 413, 'FILE_TOO_LARGE', limitMessage, ['file'])
    req.resume()
    return
  }
  let u: Upload
  try {
    u = await upload(req, url, route.maxBytes)
  } catch (e) {
    if (e instanceof TooLarge) userError(res, 413, 'FILE_TOO_LARGE', limitMessage, ['file'])
    else
      userError(
        res,
        400,
        'INVALID_INPUT',
        'Gửi tệp trong trường "file" của multipart/form-data, hoặc làm thân yêu cầu (Send the file as the "file" field of multipart/form-data, or as the request body)',
        ['file'],
      )
    return
  }
  let extracted: ExtractResult
  try {
    extracted = await extractText(u.bytes, { fileName: u.fileName, maxBytes: route.maxBytes })
  } catch (e) {
    if (!isFileError(e)) throw e
    userError(res, FILE_STATUS[e.code] ?? 422, e.code, e.message, ['file'])
    return
  }
  const resolutions = option(u, url, 'resolve').flatMap((pair) => {
    const at = pair.lastIndexOf('=')
    return at > 0 ? [{ phrase: pair.slice(0, at).trim(), code: pair.slice(at + 1).trim() }] : []
  })
  const dryRun = option(u, url, 'dryRun').some((v) => /^(1|true|yes)$/i.test(v))
  const { source, extractor, pages, warnings } = extracted
  // With an Idempotency-Key, a retry of this upload gets the import's first answer (kept by core in its write transaction).
  const idempotencyKey = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null
  const context: Context = { ...createContext(route.chidao, grant, false, idempotencyKey), importSource: { ...source, extractor, pages } }
  const result = await route.server.executeOperation(
    { query: IMPORT_PLAN, variables: { input: { text: extracted.text, dryRun, resolutions } } },
    { contextValue: context },
  )
  if (result.body.kind !== 'single' || result.body.singleResult.errors?.length || !result.body.singleResult.data) {
    send(res, 500, { errors: [{ message: 'The import failed unexpectedly' }] })
    return
  }
  const payload = (result.body.singleResult.data as { importPlan: { userErrors: { code: string }[] } }).importPlan
  const status = payload.userErrors.some((x) => x.code === 'FORBIDDEN') ? 403 : payload.userErrors.length ? 422 : 200
  send(res, status, { ...payload, file: { source, extractor, pages, warnings } })
}
