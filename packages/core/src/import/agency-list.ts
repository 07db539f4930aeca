/**
 * Distributed lists: "Đảng ủy, HĐND, UBND các xã, phường" names each body of each commune — the
 * bodies before one shared territory are written out one by one before matching.
 */
import { type KeyToken, similarity } from './tokens.js'

/** Bodies that a plan lists before one shared territory ("Đảng ủy, HĐND, UBND … các xã, phường, đặc khu"). */
const BODIES = [
  'dang uy',
  'hoi dong nhan dan',
  'uy ban nhan dan',
  'uy ban mat tran to quoc viet nam',
  'uy ban mat tran to quoc',
  'mat tran to quoc viet nam',
  'chu tich',
].map((b) => b.split(' '))
const TERRITORIES = ['cac xa phuong dac khu', 'xa phuong dac khu', 'cac huyen thi xa thanh pho', 'cac xa phuong thi tran'].map((t) =>
  t.split(' '),
)

function closeTo(tokens: readonly KeyToken[], at: number, words: readonly string[]): boolean {
  if (at < 0 || at + words.length > tokens.length) return false
  // The first letters must agree: cheap, and spares most of the edit distances.
  if (tokens[at]!.key[0] !== words[0]![0]) return false
  const window = tokens
    .slice(at, at + words.length)
    .map((t) => t.key)
    .join(' ')
  return similarity(window, words.join(' '), 0.85) >= 0.85
}

/**
 * Writes out a distributed list: "Đảng ủy, HĐND, UBND các xã" becomes the tokens of "Đảng ủy các
 * xã", "HĐND các xã", "UBND các xã", each word keeping the span it was read from.
 */
export function distribute(tokens: readonly KeyToken[]): KeyToken[] {
  const out: KeyToken[] = []
  let copied = 0
  for (let p = 0; p < tokens.length; p++) {
    const territory = TERRITORIES.find((t) => closeTo(tokens, p, t))
    if (!territory) continue
    const bodies: [number, number][] = []
    let q = p
    for (;;) {
      if (bodies.length > 0 && q > 0 && tokens[q - 1]!.key === 'va') q--
      const body = BODIES.find((b) => closeTo(tokens, q - b.length, b))
      if (!body || q - body.length < copied) break
      q -= body.length
      bodies.unshift([q, q + body.length])
    }
    const end = p + territory.length
    if (bodies.length >= 2) {
      out.push(...tokens.slice(copied, q))
      const suffix = tokens.slice(p, end)
      for (const [from, to] of bodies) out.push(...tokens.slice(from, to), ...suffix)
      copied = end
    }
    p = end - 1
  }
  out.push(...tokens.slice(copied))
  return out
}

/** Words of the kinds of bodies or territories a group's name lists ("các sở, ban, ngành", "UBND các xã, phường, đặc khu"). */
const LIST_ITEMS = new Set([
  'xã',
  'phường',
  'đặc khu',
  'thị trấn',
  'sở',
  'ban',
  'ngành',
  'tỉnh',
  'thành phố',
  'huyện',
  'thị xã',
  'đoàn thể',
])

/**
 * A group's name with its list written in another order or in part: "UBND các phường, xã" and
 * "UBND các xã" for "UBND các xã, phường, đặc khu"; "Các sở, ngành" and "Các sở" for "Các sở,
 * ban, ngành tỉnh". Two items or more in any order, or the first alone (it names the group's
 * kind). A name with no such list is itself.
 *
 * @example
 * listVariants('Các sở, ban, ngành').includes('Các sở, ngành') //=> true
 */
export function listVariants(name: string): string[] {
  const parts = name.split(/\s*,\s*/u)
  if (parts.length < 2 || parts.length > 4) return [name]
  const head = /^(.*\s)?(\S+(?:\s(?:khu|trấn|phố|xã))?)$/u.exec(parts[0]!)
  const lastPart = parts[parts.length - 1]!
  // The last item may carry a tail ("ngành tỉnh"): kept after every variant.
  const tailMatch = /^(\S+(?:\s(?:khu|trấn|phố|xã))?)(\s.*)?$/u.exec(lastPart)
  if (!head || !tailMatch) return [name]
  const prefix = head[1] ?? ''
  const items = [head[2]!.toLowerCase(), ...parts.slice(1, -1).map((p) => p.toLowerCase()), tailMatch[1]!.toLowerCase()]
  const tail = tailMatch[2] ?? ''
  if (!items.every((i) => LIST_ITEMS.has(i))) return [name]
  const out = new Set([name, `${prefix}${items[0]}${tail}`])
  const orders = (rest: string[], picked: string[]) => {
    if (picked.length >= 2) out.add(`${prefix}${picked.join(', ')}${tail}`)
    for (const [k, item] of rest.entries()) orders([...rest.slice(0, k), ...rest.slice(k + 1)], [...picked, item])
  }
  orders(items, [])
  return [...out]
}
