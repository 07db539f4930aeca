/**
 * The opening of a plan: the "Căn cứ …" / "Thực hiện …" / "Triển khai …" paragraph(s) citing the
 * documents it implements, up to "… ban hành Kế hoạch … như sau:" (or a decision's "QUYẾT ĐỊNH:"),
 * never past the body's first section; a letter's opening is the paragraph after "Kính gửi".
 */
import type { DocumentKind } from '../document/kind.js'
import type { SourceLine } from './lines.js'

/** How an opening paragraph or a letter's body begins. */
const OPENING_RE =
  /^(th[a-z]{1,3}c?\s+h[a-z]{1,3}n|c[a-z]n\s+c[a-z]{1,2}|theo|[a-z0-9&¢]{1,3}\s+khoa|tr[a-z]{1,3}n\s+c[a-z]\s+s|tri[a-z]{1,2}n\s+khai\s+th)/
/** The body's first section ("I. MỤC ĐÍCH, YÊU CẦU"): an opening never lies past it. */
const FIRST_SECTION_RE = /^i\s*[.:]\s*\S/

/**
 * Where the opening lies, as [start, end) line indexes, and which paragraph it is (-1: none).
 *
 * @example
 * findOpening(lines, kindIndex, 'KH').opening //=> [5, 9]
 */
export function findOpening(
  lines: readonly SourceLine[],
  kindIndex: number,
  lineKind: DocumentKind | null,
): { opening: [number, number]; openingAt: number } {
  const paragraphs = paragraphsOf(lines, kindIndex + 1)
  let openingAt = -1
  if (lineKind === 'CV') {
    const greeting = lines.findIndex((l, i) => i > kindIndex && /^k[a-z]{2,3}\s+g[a-z]{1,2}i\b/.test(l.folded))
    openingAt = paragraphs.findIndex(([s]) => s > greeting && greeting >= 0)
    if (openingAt < 0) openingAt = paragraphs.findIndex(([s]) => s > kindIndex)
  } else {
    openingAt = paragraphs.findIndex(([s, e]) => {
      const first = lines[s]!.folded
      const text = lines
        .slice(s, e)
        .map((l) => l.folded)
        .join(' ')
      return OPENING_RE.test(first) && /ban\s+hanh|nhu\s+sau|sau\s*:/.test(text)
    })
    if (openingAt < 0) openingAt = paragraphs.findIndex(([s, e]) => OPENING_RE.test(lines[s]!.folded) && e - s >= 4)
  }
  let opening: [number, number] = openingAt >= 0 ? paragraphs[openingAt]! : [kindIndex + 1, kindIndex + 1]
  if (lineKind !== 'CV') opening = openingLines(lines, kindIndex, opening)
  return { opening, openingAt }
}

/**
 * A Word export writes each paragraph on its own line with no blank line between: the opening is
 * then from the first "Căn cứ …"/"Thực hiện …" line to the line that ends "… như sau:" (or the
 * "QUYẾT ĐỊNH:" of a decision), not the whole run of lines.
 */
function openingLines(lines: readonly SourceLine[], kindIndex: number, found: [number, number]): [number, number] {
  const from = Math.max(kindIndex + 1, 0)
  const limit = Math.min(lines.length, from + 60)
  let start = -1
  for (let i = from; i < limit; i++) {
    if (FIRST_SECTION_RE.test(lines[i]!.folded))
      return start >= 0 && !(found[1] > found[0] && found[1] <= i && found[0] >= start) ? [start, i] : found
    if (start < 0 && OPENING_RE.test(lines[i]!.folded)) start = i
    if (start >= 0 && (/nhu\s+sau\s*:?\s*$|sau\s*:\s*$/.test(lines[i]!.folded) || /^quyet\s+dinh\s*:\s*$/.test(lines[i]!.folded))) {
      // Keep what was found when it is a real paragraph that ends here or before.
      if (found[1] > found[0] && found[1] <= i + 1 && found[0] >= start) return found
      return [start, i + 1]
    }
  }
  return found
}

/** Paragraphs (runs of non-blank lines) from `from` on, as [start, end) line indexes. */
function paragraphsOf(lines: readonly SourceLine[], from: number): [number, number][] {
  const out: [number, number][] = []
  let start = -1
  for (let i = Math.max(0, from); i <= lines.length; i++) {
    const blank = i === lines.length || lines[i]!.text === ''
    if (blank && start >= 0) {
      out.push([start, i])
      start = -1
    } else if (!blank && start < 0) start = i
  }
  return out
}
