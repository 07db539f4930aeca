/**
 * The shape of a command's input, described once in core as plain data: which fields, of what
 * kind (text, number, date, an id of an entity, one of a closed set, a list, a nested object),
 * which may be omitted, and which may be cleared with null. An API derives its input types from
 * it (the gateway makes GraphQL input types and enums); core itself validates in the command.
 */

/** The entities an input may refer to by id. */
export type EntityName = 'Organization' | 'Document' | 'Task' | 'Report' | 'Target'

/** The kind of one input value. */
export type Shape =
  | { readonly kind: 'text' }
  | { readonly kind: 'int' }
  | { readonly kind: 'number' }
  | { readonly kind: 'date' }
  | { readonly kind: 'id'; readonly of: EntityName }
  | { readonly kind: 'oneOf'; readonly name: string; readonly values: readonly string[] }
  | { readonly kind: 'list'; readonly of: Shape }
  | { readonly kind: 'object'; readonly name: string; readonly fields: InputShape }

/** One field of an input. */
export interface FieldSpec {
  readonly shape: Shape
  /** May be omitted (or given as null, which then means the same). */
  readonly optional: boolean
  /** Null is a value: it clears what is stored (an update's time phrase, say). */
  readonly clearable: boolean
  readonly description?: string
}

/** The fields of an input, in the order an API lists them. */
export type InputShape = Readonly<Record<string, FieldSpec>>

/** Text (NFC, trimmed by the command). */
export const text: Shape = { kind: 'text' }
/** A whole number. */
export const int: Shape = { kind: 'int' }
/** A finite number. */
export const number: Shape = { kind: 'number' }
/** A calendar date, `YYYY-MM-DD`. */
export const date: Shape = { kind: 'date' }

/**
 * The id of an entity (over an API, its global ID).
 *
 * @example
 * id('Document') //=> { kind: 'id', of: 'Document' }
 */
export function id(of: EntityName): Shape {
  return { kind: 'id', of }
}

/**
 * One of a closed set, named (the name of the API's enum).
 *
 * @example
 * oneOf('Tier', TIERS)
 */
export function oneOf(name: string, values: readonly string[]): Shape {
  return { kind: 'oneOf', name, values }
}

/** A list of values of one shape. */
export function list(of: Shape): Shape {
  return { kind: 'list', of }
}

/** A nested object, named (the API names its input type after it). */
export function object(name: string, fields: InputShape): Shape {
  return { kind: 'object', name, fields }
}

/** A field that must be given. */
export function required(shape: Shape, description?: string): FieldSpec {
  return { shape, optional: false, clearable: false, ...(description ? { description } : {}) }
}

/** A field that may be omitted. */
export function optional(shape: Shape, description?: string): FieldSpec {
  return { shape, optional: true, clearable: false, ...(description ? { description } : {}) }
}

/** A field that may be omitted (left as it is) or null (cleared). */
export function clearable(shape: Shape, description?: string): FieldSpec {
  return { shape, optional: true, clearable: true, ...(description ? { description } : {}) }
}
