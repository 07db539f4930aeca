/**
 * The figure of a target line: what is measured, how it compares, the value and its unit.
 * "Tỷ lệ phủ sóng 5G đạt tối thiểu 90%" is the rate ≥ 90 %; "100% cán bộ … được bồi dưỡng" is
 * the share of officials ≥ 100 % (a plain level is "at least"); "Chỉ số … > 0,60" has no unit.
 * A line with several figures is not one target: it is left to a person.
 */
import type { Comparator } from '../model/task.js'
import { fold } from '../text/fold.js'

/** A target's figure read from its line. */
interface TargetFigure {
  readonly metric: string
  readonly comparator: Comparator
  readonly value: number
  readonly unit: string | null
}

const WORD = (words: string) => `(?<!\\p{L})(?:${words})(?!\\p{L})`
/** Comparison words, with and without diacritics. */
const COMPARE_WORDS =
  'tối thiểu|toi thieu|ít nhất|it nhat|trên|tren|hơn|hon|không dưới|khong duoi|tối đa|toi da|không quá|khong qua|dưới|duoi|khoảng|khoang'
const REACH = `(?:đạt|dat)(?:\\s+(?:${COMPARE_WORDS}))?`
const NUMBER = '(\\d+(?:[.,]\\d+)*)'
/** A figure at the end of a line: comparator, number, unit (a word or two, or %). */
const END_RE = new RegExp(
  `(≥|>=|≤|<=|>|<|=|${WORD(REACH)}|${WORD(COMPARE_WORDS)})?\\s*${NUMBER}\\s*(%|[\\p{L}][\\p{L}\\d/]*(?:\\s+[\\p{L}][\\p{L}\\d/]*)?)?\\s*[.;,]?\\s*$`,
  'u',
)
/** Every percentage in a line, with the comparison before it. */
const PERCENT_RE = new RegExp(`(≥|>=|≤|<=|>|<|${WORD(`${REACH}|${COMPARE_WORDS}|chiếm|chiem`)})?\\s*${NUMBER}\\s*%`, 'giu')
const PERCENT_FIRST_RE = /\d\s*%/u
/** Words that lead a target line without being what is measured ("Phấn đấu 100% …"). */
const LEAD_WORDS_RE = /^(?:ph\S{1,2}n\s+\S{1,2}u|b\S{1,2}o\s+\S{1,2}m|\S{1,2}m\s+b\S{1,2}o|ho\S{1,2}n\s+th\S{1,2}nh|c\S|\S{1,2}t)(?:\s+|$)/

/**
 * The comparator a word states: "trên", ">" GT; "tối đa", "không quá", "≤" LTE; "dưới", "<" LT;
 * "=" EQ; otherwise (đạt, tối thiểu, ít nhất, ≥, a plain level) GTE.
 *
 * @example
 * comparatorOf('đạt trên') //=> 'GT'
 */
export function comparatorOf(word: string | undefined): Comparator {
  if (!word) return 'GTE'
  const w = fold(word).trim()
  if (w === '>') return 'GT'
  if (w === '<') return 'LT'
  if (w === '=') return 'EQ'
  if (w === '≤' || w === '<=' || /toi da|khong qua/.test(w)) return 'LTE'
  if (/(?:^|\s)duoi$/.test(w) && !/khong/.test(w)) return 'LT'
  if (/(?:^|\s)(?:tren|hon)$/.test(w)) return 'GT'
  return 'GTE'
}

/**
 * A number as plans write it: "0,60" is 0.6, "46.200" is 46200 (a point before three digits
 * groups thousands), "1.5" is 1.5.
 *
 * @example
 * numberOf('46.200') //=> 46200
 */
export function numberOf(written: string): number {
  if (/^\d{1,3}(?:\.\d{3})+$/.test(written)) return Number(written.replace(/\./g, ''))
  if (/^\d{1,3}(?:,\d{3}){2,}$/.test(written)) return Number(written.replace(/,/g, ''))
  return Number(written.replace(',', '.'))
}

const trimEnds = (s: string) => s.replace(/^[\s,:;–-]+|[\s,:;.–-]+$/gu, '').trim()

/**
 * The figure of a target line, or null when it has none or several.
 *
 * @example
 * figureOf('Tỷ lệ phủ sóng 5G trên địa bàn ≥ 40%.') //=> { metric: 'Tỷ lệ phủ sóng 5G trên địa bàn', comparator: 'GTE', value: 40, unit: '%' }
 * figureOf('Phấn đấu 100% cán bộ được bồi dưỡng') //=> { metric: 'Phấn đấu 100% cán bộ được bồi dưỡng', comparator: 'GTE', value: 100, unit: '%' }
 */
export function figureOf(text: string): TargetFigure | null {
  const clean = text.replace(/\s+/g, ' ').trim()
  // "Tại địa bàn đô thị: 100% trẻ em …": what comes before a colon only qualifies the target.
  const colon = clean.lastIndexOf(':', PERCENT_FIRST_RE.exec(clean)?.index ?? -1)
  if (colon > 0) {
    const after = figureIn(clean.slice(colon + 1).trim())
    if (after && after.metric.split(' ').length >= 3) return after
  }
  return figureIn(clean)
}

/**
 * The figures of a line that states several targets in clauses ("100% người dân ở … ; … và ít
 * nhất 50% người dân ở …"): one per clause with one figure; else the line's one figure, if any.
 *
 * @example
 * figuresOf('100% xã có điểm truy cập; ít nhất 50% hộ dùng thanh toán số').length //=> 2
 */
export function figuresOf(text: string): TargetFigure[] {
  const one = figureOf(text)
  if (one) return [one]
  const clauses = text.split(/;|,?\s+(?:và|va)\s+/u).filter((c) => PERCENT_FIRST_RE.test(c))
  if (clauses.length < 2) return []
  const figures = clauses.map((c) => figureOf(c))
  return figures.every((f) => f !== null) ? (figures as TargetFigure[]) : []
}

function figureIn(clean: string): TargetFigure | null {
  const percents = [...clean.matchAll(PERCENT_RE)]
  if (percents.length > 1) return null
  const end = END_RE.exec(clean)
  if (end && (end[1] || end[3] === '%') && (percents.length === 0 || end[3] === '%')) {
    const metric = trimEnds(clean.slice(0, end.index))
    if (metric && !leadOnly(metric))
      return { metric, comparator: comparatorOf(end[1]), value: numberOf(end[2]!), unit: end[3]?.trim() || null }
  }
  const p = percents[0]
  if (!p) return null
  const verb = p[1] ? fold(p[1]) : ''
  // "chiếm" is part of what is measured; "đạt", "tối thiểu" are the comparison.
  const before = trimEnds(/^chiem/.test(verb) ? clean.slice(0, p.index + p[1]!.length) : clean.slice(0, p.index))
  // "100% X", "Phấn đấu 100% X", "Có ≥ 30% X": the line itself says what is measured.
  const metric = before && !leadOnly(before) ? before : trimEnds(clean)
  if (!metric) return null
  return { metric, comparator: /^chiem/.test(verb) ? 'GTE' : comparatorOf(p[1]), value: numberOf(p[2]!), unit: '%' }
}

/** Whether the words before a figure only lead it in ("Phấn đấu", "Bảo đảm", "Có", "tăng thêm"). */
function leadOnly(words: string): boolean {
  let f = fold(words).trim()
  for (let m = LEAD_WORDS_RE.exec(f); m && f; m = LEAD_WORDS_RE.exec(f)) f = f.slice(m[0].length).trim()
  // Two words or fewer ("tăng thêm") say how, not what: the whole line is the metric then.
  return f.split(' ').filter(Boolean).length < 3
}
