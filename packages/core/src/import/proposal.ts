/**
 * Bodies the catalog lacks, found by how a body's name is written: a head word ("Sở", "Ban",
 * "Ủy ban nhân dân", "Trung tâm", "Đảng ủy", "Công an"…) written with a capital, then its name
 * up to the verb or clause that follows ("Sở Văn hóa, Thể thao và Du lịch chủ trì …"). Such a
 * body is proposed as new rather than bound to the nearest name of another province or tier.
 */
import type { Tier } from '../model/organization.js'
import { keyOfWord } from './tokens.js'
import { HEADS, WHOLE, STOP, AMBIGUOUS, VERB_PAIRS, VERB_FORMS, VERB_FORM_KEYS, TIER_AFTER_COMMA } from './proposal-words.js'

/** A name found in the text: where it is, and the tier its head word implies. */
interface ProposedBody {
  readonly text: string
  readonly start: number
  readonly end: number
  readonly tier: Tier | null
}

interface Word {
  readonly key: string
  /** The word as written, lower case. */
  readonly form: string
  readonly start: number
  readonly end: number
  readonly capital: boolean
  /** The punctuation between this word and the next (",", ";", ":", "(", "." or ""). */
  readonly after: string
}

function wordsOf(text: string, from: number, to: number): Word[] {
  const out: Word[] = []
  const re = /[\p{L}\p{N}&]+/gu
  re.lastIndex = from
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const start = m.index
    const end = Math.min(start + m[0].length, to)
    const next = /^[^\p{L}\p{N}]*/u.exec(text.slice(end, Math.min(end + 6, to)))![0]
    const after = /[;:(.)]/.test(next)
      ? next.replace(/[^;:(.)]/g, '')[0]!
      : next.includes(',')
        ? ','
        : next.includes('-') && /\s-\s/.test(next)
          ? ';'
          : ''
    out.push({ key: keyOfWord(m[0]), form: m[0].toLowerCase(), start, end, capital: /^\p{Lu}/u.test(m[0]), after })
  }
  return out
}

/** Whether a lower-case word ends a body's name (a verb or clause word; "cấp" unless a tier follows: "cấp tỉnh"). */
function stops(w: Word, next: Word | undefined, plain: boolean): boolean {
  if (!STOP.has(w.key)) return false
  if (w.key === 'cap' && next && TIER_AFTER_COMMA.has(next.key)) return false
  const forms = plain ? undefined : AMBIGUOUS.get(w.key)
  return forms ? forms.has(w.form) : true
}

function headAt(words: readonly Word[], i: number): { length: number; tier: Tier | null } | null {
  if (!words[i]!.capital && !WHOLE.has(words[i]!.key)) return null
  let best: { length: number; tier: Tier | null } | null = null
  for (const [head, tier, not] of HEADS) {
    if (i + head.length > words.length) continue
    if (!head.every((w, k) => words[i + k]!.key === w)) continue
    const next = words[i + head.length]
    // "bộ tài liệu" is no body; "Bộ Tài nguyên và Môi trường" is (a capital says a name follows).
    if (next && not.includes(next.key) && !next.capital) continue
    if (head.length > 1 && head.slice(0, -1).some((_, k) => words[i + k]!.after !== '')) continue
    if (!best || head.length > best.length) best = { length: head.length, tier }
  }
  return best
}

/**
 * The body names in `text` between `from` and `to` (offsets): each from a capitalised head word
 * to the verb, clause or punctuation that ends it.
 *
 * @example
 * proposeBodies('Sở Văn hóa, Thể thao và Du lịch chủ trì', 0, 40)[0].text //=> 'Sở Văn hóa, Thể thao và Du lịch'
 */
export function proposeBodies(text: string, from = 0, to = text.length): ProposedBody[] {
  const words = wordsOf(text, from, to)
  const plain = !/[À-ỹ]/u.test(text.slice(from, to))
  const out: ProposedBody[] = []
  for (let i = 0; i < words.length; i++) {
    const head = headAt(words, i)
    if (!head) continue
    let j = i + head.length
    // Its name: at least one word after the head, up to a stop.
    while (j < words.length && j - i < 14) {
      const prev = words[j - 1]!
      const w = words[j]!
      if (prev.after === ',') {
        if (!(w.capital && !headAt(words, j)) && !TIER_AFTER_COMMA.has(w.key)) break
      } else if (prev.after !== '') break
      const pair = `${w.key} ${words[j + 1]?.key ?? ''}`
      const verb = VERB_PAIRS.has(pair) || (plain ? VERB_FORM_KEYS.has(pair) : VERB_FORMS.has(`${w.form} ${words[j + 1]?.form ?? ''}`))
      if (!w.capital && (stops(w, words[j + 1], plain) || verb) && !(w.key === 'ban' && prev.key === 'uy')) break
      // A verb written with a capital after a colon lost in the join ("Sở Y tế Chủ trì …", "Hội X Xây dựng …").
      if (w.capital && verb && j > i + head.length) break
      if (w.key === 'va') {
        const n = words[j + 1]
        if (!n?.capital || headAt(words, j + 1)) break
      }
      if (/^\d+$/.test(w.key)) break
      j++
    }
    if (j === i + head.length && head.length === 1 && !WHOLE.has(words[i]!.key)) continue
    const start = words[i]!.start
    const end = words[j - 1]!.end
    const keys = words
      .slice(i, j)
      .map((w) => w.key)
      .join(' ')
    const tier = / (xa|phuong|dac khu|thi tran)\b/.test(keys)
      ? 'COMMUNE'
      : / (tinh|thanh pho)\b/.test(keys)
        ? 'PROVINCE'
        : / trung uong\b/.test(keys)
          ? 'CENTRAL'
          : head.tier
    out.push({ text: text.slice(start, end), start, end, tier })
    i = j - 1
  }
  return out
}
