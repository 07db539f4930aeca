/** The `Date` scalar: a calendar date `YYYY-MM-DD` (a day in Asia/Ho_Chi_Minh), never a timestamp. */
import { isCalendarDate } from '@chidao/core'
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql'

function check(value: unknown): string {
  if (!isCalendarDate(value)) throw new GraphQLError(`Date must be a real calendar date written YYYY-MM-DD; got ${JSON.stringify(value)}`)
  return value
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (a day in Asia/Ho_Chi_Minh).',
  serialize: (value) => check(value),
  parseValue: (value) => check(value),
  parseLiteral: (ast) => check(ast.kind === Kind.STRING ? ast.value : undefined),
})
