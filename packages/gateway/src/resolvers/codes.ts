/**
 * Arguments that name something by code: an unknown one is an error (`NOT_FOUND`, naming the
 * argument and the code), never an empty answer, a null or zeros that look like a real result.
 */
import { refuseControlCharacters, type Chidao, type Document, type Organization } from '@chidao/core'
import { GraphQLError } from 'graphql'

/** The coded error for an unknown code, in Vietnamese and English. */
function notFound(argument: string, what: { vi: string; en: string }, value: string): GraphQLError {
  refuseControlCharacters(value, [argument]) // a NUL in a code is INVALID_TEXT, not an unknown code
  return new GraphQLError(`Không tìm thấy ${what.vi} "${value}" (${argument}) / No ${what.en} "${value}" (${argument})`, {
    extensions: { code: 'NOT_FOUND', argument, value },
  })
}

const ORGANIZATION = { vi: 'cơ quan, đơn vị có mã', en: 'organisation with code' }

/**
 * The organisation with this code, or NOT_FOUND.
 *
 * @example
 * const org = await requireOrganization(chidao, 'QNG.STC', 'organization')
 */
export async function requireOrganization(chidao: Chidao, code: string, argument: string): Promise<Organization> {
  const org = await chidao.organizationByCode(code)
  if (!org) throw notFound(argument, ORGANIZATION, code)
  return org
}

/**
 * A province's code (`QNG`): a province-level territory the store knows, or NOT_FOUND.
 *
 * @example
 * await requireProvince(chidao, 'QNG', 'province')
 */
export async function requireProvince(chidao: Chidao, code: string, argument: string): Promise<string> {
  const org = await chidao.organizationByCode(code)
  if (org?.tier !== 'PROVINCE' || org.kind !== 'TERRITORY')
    throw notFound(argument, { vi: 'tỉnh, thành phố có mã', en: 'province with code' }, code)
  return org.code
}

/**
 * The document with this symbol (any accepted spelling), of this issuer when given; NOT_FOUND when
 * none, BAD_USER_INPUT when several issuers used it and none was named.
 *
 * @example
 * const plan = await requireDocument(chidao, '01-KH/BCĐ', null, 'filter.documentSymbol')
 */
export async function requireDocumentBySymbol(
  chidao: Chidao,
  symbol: string,
  issuerCode: string | null,
  argument: string,
): Promise<Document> {
  let found: Document[]
  try {
    found = await chidao.documentsBySymbol(symbol)
  } catch (e) {
    throw new GraphQLError((e as Error).message, { extensions: { code: 'BAD_USER_INPUT', argument } })
  }
  if (issuerCode !== null) {
    const issuer = await requireOrganization(chidao, issuerCode, 'filter.issuer')
    found = found.filter((d) => d.issuerId === issuer.id)
  }
  const [first, second] = found
  if (!first) throw notFound(argument, { vi: 'văn bản số', en: 'document numbered' }, symbol)
  if (second)
    throw new GraphQLError(
      `Nhiều văn bản mang số "${symbol}": cho biết cơ quan ban hành (filter.issuer) / Several documents are numbered "${symbol}": give the issuer (filter.issuer)`,
      { extensions: { code: 'BAD_USER_INPUT', argument, count: found.length } },
    )
  return first
}
