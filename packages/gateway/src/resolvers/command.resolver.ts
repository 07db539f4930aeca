/**
 * Mutations made from core's command descriptions (`COMMANDS`): one type-graphql factory turns
 * each command's input shape into an input type (closed sets as enums, ids as global IDs), names
 * the mutation object-first (`addTask` on Task → `taskAdd`), and answers with the entity's payload
 * or `RecordPayload`. Authorization is core's, inside the command's transaction.
 */
import type { AnyCommand, CommandAnswer, InputShape, Shape } from '@chidao/core'
import { Arg, Ctx, Field, Float, ID, InputType, Int, Mutation, Resolver } from 'type-graphql'
import type { Context } from '../context.js'
import { DateScalar } from '../scalars.js'
import { DocumentType, OrganizationType, TaskType } from '../types/domain.type.js'
import { enumType } from '../types/enums.js'
import { DocumentPayload, OrganizationPayload, RecordPayload, ReportPayload, ReportType, TaskPayload } from '../types/mutation.type.js'
import { guarded, rawId } from './guard.js'

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)

/**
 * A command's mutation name, object-first: its subject, then its verb.
 *
 * @example
 * mutationName({ name: 'registerDocument', subject: 'Document' }) //=> 'documentRegister'
 * mutationName({ name: 'assign', subject: 'Task' })               //=> 'taskAssign'
 */
export function mutationName(command: Pick<AnyCommand, 'name' | 'subject'>): string {
  const verb = command.name.endsWith(command.subject) ? command.name.slice(0, -command.subject.length) : command.name
  return lowerFirst(command.subject) + upperFirst(verb)
}

const inputTypes = new Map<string, new () => object>()

function graphqlType(shape: Shape): unknown {
  switch (shape.kind) {
    case 'text':
      return String
    case 'int':
      return Int
    case 'number':
      return Float
    case 'date':
      return DateScalar
    case 'id':
      return ID
    case 'oneOf':
      return enumType(shape.name, shape.values)
    case 'list':
      return [graphqlType(shape.of)]
    case 'object':
      return inputType(`${shape.name}Input`, shape.fields)
  }
}

/** The input type of a shape, made once per name. */
function inputType(name: string, fields: InputShape): new () => object {
  const known = inputTypes.get(name)
  if (known) return known
  const type = { [name]: class {} }[name]!
  for (const [key, spec] of Object.entries(fields)) {
    const fieldType = graphqlType(spec.shape) // nested input types are made now, before the schema is built
    Field(() => fieldType as never, { nullable: spec.optional, ...(spec.description ? { description: spec.description } : {}) })(
      type.prototype,
      key,
    )
  }
  InputType(name)(type)
  inputTypes.set(name, type)
  return type
}

/** A GraphQL input as core takes it: global IDs decoded, nulls dropped unless they clear a field. */
function toCore(fields: InputShape, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(fields)) {
    const v = value[key]
    if (v === undefined || (v === null && !spec.clearable)) continue
    out[key] = v === null ? null : decode(spec.shape, v, key)
  }
  return out
}

function decode(shape: Shape, value: unknown, field: string): unknown {
  switch (shape.kind) {
    case 'id':
      return rawId(value, shape.of, field)
    case 'list':
      return (value as unknown[]).map((v) => decode(shape.of, v, field))
    case 'object':
      return toCore(shape.fields, value as Record<string, unknown>)
    default:
      return value
  }
}

interface Answer {
  readonly payload: new () => object
  make(value: unknown, userErrors: unknown[]): object
  load(ctx: Context, id: string): Promise<unknown>
}

/** The payload of each entity a command may answer with. */
const ANSWERS: Record<CommandAnswer<unknown>['entity'], Answer> = {
  Organization: {
    payload: OrganizationPayload,
    make: (v, userErrors) =>
      Object.assign(new OrganizationPayload(), { organization: v ? OrganizationType.of(v as never) : null, userErrors }),
    load: async (ctx, id) => (await ctx.chidao.organizationsByIds([id]))[0],
  },
  Document: {
    payload: DocumentPayload,
    make: (v, userErrors) => Object.assign(new DocumentPayload(), { document: v ? DocumentType.of(v as never) : null, userErrors }),
    load: (ctx, id) => ctx.chidao.documentById(id),
  },
  Task: {
    payload: TaskPayload,
    make: (v, userErrors) => Object.assign(new TaskPayload(), { task: v ? TaskType.of(v as never) : null, userErrors }),
    load: (ctx, id) => ctx.chidao.taskById(id),
  },
  Report: {
    payload: ReportPayload,
    make: (v, userErrors) => Object.assign(new ReportPayload(), { report: v ? ReportType.of(v as never) : null, userErrors }),
    load: () => Promise.reject(new Error('A command answers with a report it returns, not one it names')),
  },
}

const RECORD: Pick<Answer, 'payload' | 'make'> = {
  payload: RecordPayload,
  make: (v, userErrors) => Object.assign(new RecordPayload(), { ok: v !== null, userErrors }),
}

/** The resolver of one command's mutation. */
function commandResolver(command: AnyCommand): new () => object {
  const name = mutationName(command)
  const Input = inputType(`${upperFirst(name)}Input`, command.input)
  const answer = command.answer ? ANSWERS[command.answer.entity as keyof typeof ANSWERS] : null
  const of = command.answer?.of

  @Resolver()
  class CommandResolver {
    @Mutation(() => (answer ?? RECORD).payload, { name, description: command.description })
    async run(@Arg('input', () => Input) input: Record<string, unknown>, @Ctx() ctx: Context): Promise<object> {
      const out = await guarded(ctx, { command: name, input }, async (as) => {
        const result = await ctx.chidao.run(command, as, toCore(command.input, input))
        return answer && of ? await answer.load(ctx, of(result)) : (result ?? true)
      })
      return (answer ?? RECORD).make(out.value, out.userErrors)
    }
  }
  Object.defineProperty(CommandResolver, 'name', { value: `${upperFirst(name)}Resolver` })
  return CommandResolver
}

/**
 * The resolvers of every command's mutation.
 *
 * @example
 * buildSchema({ resolvers: [QueryResolver, ...commandResolvers(COMMANDS)] })
 */
export function commandResolvers(commands: readonly AnyCommand[]): (new () => object)[] {
  return commands.map(commandResolver)
}
