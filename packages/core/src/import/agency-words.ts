/**
 * The words agency matching reads between and around names: connectors that name no one, the words
 * of a territory's tier, one-letter deletions for OCR-tolerant lookup, and the text a window of
 * tokens was read from.
 */
import { editDistance, type KeyToken } from './tokens.js'

/** Words that join agency names without naming anyone. */
const CONNECTORS = new Set([
  'va',
  'cac',
  'cua',
  'thuoc',
  'truc',
  'tinh',
  'trong',
  'co',
  'lien',
  'quan',
  'cap',
  'cung',
  'voi',
  'phoi',
  'hop',
  'chu',
  'tri',
])

/** The word and its one-letter deletions: two words within edit distance 1 share one of them. */
export function deletions(word: string): string[] {
  const out = [word]
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1))
  return out
}

/** Words that name a tier of territory. */
const TIER_WORDS = new Set(['tinh', 'xa', 'phuong', 'huyen', 'thi', 'tran', 'dac', 'khu', 'trung', 'uong', 'thon'])

/**
 * Whether the words at `k` name a tier the variant does not: "xã" after "Ủy ban nhân dân", or
 * "các xã", "cấp xã" ("Ủy ban nhân dân các xã, phường" is the communes' committees, not the province's).
 */
export function namesOtherTier(tokens: readonly KeyToken[], k: number, variantWords: readonly string[]): boolean {
  let key = tokens[k]?.key
  if ((key === 'cac' || key === 'cap') && tokens[k + 1]) key = tokens[k + 1]!.key
  return key !== undefined && TIER_WORDS.has(key) && !variantWords.includes(key)
}

export function tierWordsDiffer(a: readonly string[], b: readonly string[]): boolean {
  const ta = a.filter((w) => TIER_WORDS.has(w)).join(' ')
  const tb = b.filter((w) => TIER_WORDS.has(w)).join(' ')
  return ta !== tb
}

export function isConnector(key: string): boolean {
  if (key.length <= 1 || CONNECTORS.has(key) || /^\d+$/.test(key)) return true
  // OCR's "thudc", "thude" for "thuộc"; other near-misses ("cong", "thong") are real words.
  return key.length === 5 && editDistance('thuoc', key, 1) <= 1
}

/** The words of the text a window of tokens came from; tokens of a distributed phrase may lie apart. */
export function writtenOf(text: string, window: readonly KeyToken[]): string {
  const parts: string[] = []
  let last: KeyToken | null = null
  for (const t of window) {
    if (last && t.start === last.start) continue
    if (last && t.start >= last.end && t.start - last.end <= 3 && t.start > last.start)
      parts[parts.length - 1] += text.slice(last.end, t.end)
    else parts.push(text.slice(t.start, t.end))
    last = t
  }
  return parts.join(' ')
}
