/**
 * Reading a GraphQL request's body defensively: a size limit (413), JSON only (415), JSON that
 * parses (400), and no control characters in any string (400): every refusal is an HTTP status
 * and a body with a code, never a reset connection or a 500.
 */
import type { IncomingMessage } from 'node:http'

/** A request the gateway refuses before GraphQL sees it. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }

  /** The JSON body sent back: `{ errors: [{ message, extensions: { code } }] }`. */
  body(): string {
    return JSON.stringify({ errors: [{ message: this.message, extensions: { code: this.code } }] })
  }
}

/** NUL and the other C0 controls and DEL, except tab, line feed, carriage return and form feed (page breaks of extracted text). */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/

/** Content types a POST may carry. */
const JSON_TYPES = /^application\/(graphql-response\+)?json\s*(;|$)/i

/**
 * Reads the body of a POST up to `limit` bytes. Over the limit it keeps draining (up to four times
 * the limit, so the client hears the 413 instead of a reset) and throws HttpRefusal 413.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    req.resume()
    throw new HttpRefusal(413, 'PAYLOAD_TOO_LARGE', `Nội dung yêu cầu vượt quá ${limit} byte / The request body is over ${limit} bytes`)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) {
      if (size > 4 * limit) req.destroy()
      continue
    }
    chunks.push(chunk as Buffer)
  }
  if (size > limit)
    throw new HttpRefusal(413, 'PAYLOAD_TOO_LARGE', `Nội dung yêu cầu vượt quá ${limit} byte / The request body is over ${limit} bytes`)
  return Buffer.concat(chunks).toString('utf8')
}

function refuseControls(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const found = CONTROL.exec(value)
    if (found) {
      throw new HttpRefusal(
        400,
        'INVALID_TEXT',
        `Văn bản chứa ký tự điều khiển (U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) tại ${path} / Text contains a control character at ${path}`,
      )
    }
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) refuseControls(v, `${path}[${i}]`)
  } else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      refuseControls(k, path)
      refuseControls(v, `${path}.${k}`)
    }
}

/**
 * The parsed body of a GraphQL POST, or HttpRefusal: 415 for a content type other than JSON,
 * 400 INVALID_JSON for a body that does not parse, 400 INVALID_TEXT for a string carrying NUL or
 * another control character (PostgreSQL cannot store NUL; SQLite would keep it).
 *
 * @example
 * parseGraphQLBody('application/json', '{"query":"{ __typename }"}') //=> { query: '{ __typename }' }
 */
export function parseGraphQLBody(contentType: string | undefined, text: string): unknown {
  if (!JSON_TYPES.test(contentType ?? '')) {
    throw new HttpRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', 'Chỉ nhận application/json / Only application/json bodies are accepted')
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new HttpRefusal(400, 'INVALID_JSON', 'Nội dung không phải JSON hợp lệ / The body is not valid JSON')
  }
  refuseControls(body, 'body')
  return body
}
