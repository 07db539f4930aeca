/**
 * Folding for the parser that keeps every character's position, so that what a pattern finds in
 * the folded text can be cut from the original: lower case, no diacritics, đ → d, dashes → '-'.
 * Characters below U+2100 (Latin, Vietnamese, dashes) go through a table built once.
 */

const TABLE_SIZE = 0x2100
const TABLE: string[] = []
for (let code = 0; code < TABLE_SIZE; code++) {
  const ch = String.fromCharCode(code)
  let out: string
  if (ch === 'đ' || ch === 'Đ' || ch === 'ð' || ch === 'Ð') out = 'd'
  else if (ch === '–' || ch === '—' || ch === '‒') out = '-'
  else out = (ch.normalize('NFD')[0] ?? ch).toLowerCase()[0] ?? ch
  TABLE.push(out)
}

const ASCII_RE = /^[\x00-\x7f]*$/

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0)
  return c < TABLE_SIZE ? TABLE[c]! : c === 0x2212 ? '-' : ch
}

/**
 * Folds NFC text one character for one character.
 *
 * @example
 * foldInPlace('Quý IV—2025') //=> 'quy iv-2025'
 */
export function foldInPlace(text: string): string {
  const lower = text.toLowerCase()
  if (ASCII_RE.test(lower)) return lower
  // A few letters (İ) lower-case to two characters; keep positions by folding one by one then.
  if (lower.length !== text.length) {
    let out = ''
    for (const ch of text) out += ch.length === 1 ? foldChar(ch) : ch
    return out
  }
  let out = ''
  let from = 0
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i)
    if (c < 128) continue
    out += lower.slice(from, i) + (c < TABLE_SIZE ? TABLE[c]! : c === 0x2212 ? '-' : lower[i]!)
    from = i + 1
  }
  return out + lower.slice(from)
}
