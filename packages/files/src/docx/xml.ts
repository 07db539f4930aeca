/**
 * OOXML parts as ordered trees (fast-xml-parser's `preserveOrder`), and the few walks the
 * .docx reader needs. Order matters: a body is paragraphs and tables in sequence.
 */
import { XMLParser } from 'fast-xml-parser'

/** One element: its tag, its attributes (without prefix), its children in order; or a text node. */
export interface XmlNode {
  readonly tag: string
  readonly attrs: Readonly<Record<string, string>>
  readonly children: readonly XmlNode[]
  /** The text of a `#text` node. */
  readonly text?: string
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
})

type Raw = Record<string, unknown>

function convert(raw: Raw): XmlNode {
  const attrs = (raw[':@'] ?? {}) as Record<string, string>
  const tag = Object.keys(raw).find((k) => k !== ':@')!
  if (tag === '#text') return { tag, attrs: {}, children: [], text: String(raw[tag]) }
  const children = ((raw[tag] ?? []) as Raw[]).map(convert)
  return { tag, attrs, children }
}

/** Parses an XML part into its top-level nodes. */
export function parseXml(xml: string): XmlNode[] {
  return (parser.parse(xml) as Raw[]).map(convert)
}

/** The first child with this tag. */
export function child(node: XmlNode | undefined, tag: string): XmlNode | undefined {
  return node?.children.find((c) => c.tag === tag)
}

/** Every child with this tag. */
export function children(node: XmlNode | undefined, tag: string): XmlNode[] {
  return node ? node.children.filter((c) => c.tag === tag) : []
}

/** The first descendant with this tag, depth first. */
export function find(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  for (const n of nodes) {
    if (n.tag === tag) return n
    const inner = find(n.children, tag)
    if (inner) return inner
  }
  return undefined
}

/** `w:val` (or another attribute) of the first child with this tag. */
export function val(node: XmlNode | undefined, tag: string, attr = 'w:val'): string | undefined {
  return child(node, tag)?.attrs[attr]
}
