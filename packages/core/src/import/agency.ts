/**
 * Finding the agencies a phrase names: known organisations and groups matched by their names,
 * short names and aliases, tolerant of lost diacritics and OCR damage, each match with a
 * confidence; generic phrases ("các cơ quan, đơn vị liên quan") recognised as such, so that they
 * can be resolved by hand rather than guessed.
 */
import type { CalendarDate } from '../calendar/date.js'
import type { Tier } from '../model/organization.js'
import type { AgencyMatch, AgencyMatchContext, CatalogGroup, CatalogOrganization, UnmatchedText } from './agency-catalog.js'
import { GENERIC_AGENCY_PHRASES } from './agency-catalog.js'
import { distribute, listVariants } from './agency-list.js'
import { joinPhrases } from './agency-phrase.js'
import { proposeBodies } from './proposal.js'
import { deletions, namesOtherTier, tierWordsDiffer, isConnector, writtenOf } from './agency-words.js'
import { editDistance, keyText, keyTokens, similarity, type KeyToken } from './tokens.js'

export type { AgencyMatch, AgencyMatchContext, CatalogGroup, CatalogOrganization, UnmatchedText } from './agency-catalog.js'
export { GENERIC_AGENCY_PHRASES } from './agency-catalog.js'

/** A territory's name ("Tỉnh Quảng Ninh"), not a Party committee's ("Tỉnh ủy Quảng Ninh", "Thành ủy …"). */
const TERRITORY_RE = /^(?:tỉnh|thành phố|xã|phường|đặc khu|thị trấn)\s(?!ủy\s|uỷ\s)/iu

interface Variant {
  readonly entry: Entry
  readonly words: readonly string[]
  readonly text: string
  /** A form with the place (and tier word) taken off: "UBND" for "UBND tỉnh Quảng Ngãi". */
  readonly stripped: boolean
  /** For a commune body's bare form ("UBND xã"): the commune's place key, where alone it means this body. */
  readonly onlyIn: string | null
}

interface Entry {
  readonly code: string | null
  readonly kind: AgencyMatch['kind']
  readonly name: string
  readonly scope: string | null
  readonly tier: Tier | null
  readonly validFrom: CalendarDate | null
  readonly validTo: CalendarDate | null
}

/** Place names of a catalog's territories (`Quảng Ngãi`), stripped to make `UBND tỉnh` variants. */
function placeSuffixes(organizations: readonly CatalogOrganization[]): string[] {
  const out = new Set<string>()
  for (const o of organizations) {
    // Only a province's name: "Ủy ban nhân dân tỉnh" in its own plans means its own.
    const m = /^(?:tỉnh|thành phố)\s+(?!ủy\s|uỷ\s)(.+)$/iu.exec(o.name)
    if (m && o.tier === 'PROVINCE' && o.name.split(' ').length <= 5) out.add(keyText(m[1]!))
  }
  return [...out].filter(Boolean)
}

/**
 * Matches agency phrases against a catalog of organisations and groups.
 *
 * @example
 * const m = new AgencyMatcher([{ code: 'QNG.SKHCN', name: 'Sở Khoa học và Công nghệ', tier: 'PROVINCE' }], [])
 * m.match('S& Khoa hoc va Céng nghé').matches[0].code //=> 'QNG.SKHCN'
 */
export class AgencyMatcher {
  /** Variants by the scope of their body (`VN` for central bodies, groups without one and generic phrases), then by first word. */
  readonly #byScope = new Map<string, Map<string, Variant[]>>()
  /** First words by their one-letter deletions (and themselves), for finding near misses fast. */
  readonly #deletions = new Map<string, string[]>()
  readonly #resolvable = new Map<string, Entry>()
  /** Words of the catalog's province names ("quang", "ngai"), which may trail a name unmatched. */
  readonly #placeWords = new Set<string>()

  constructor(organizations: readonly CatalogOrganization[], groups: readonly CatalogGroup[]) {
    const places = placeSuffixes(organizations)
    for (const place of places) for (const w of place.split(' ')) this.#placeWords.add(w)
    /** `listed`: names a group's list gives ("Các sở, ngành"), kept with their "các" (a bare "sở" is also "số"). */
    const add = (entry: Entry, names: readonly string[], listed: ReadonlySet<string> = new Set()) => {
      const seen = new Set<string>()
      for (const name of names) {
        const base = keyText(name)
        const forms = [base]
        let onlyIn: string | null = null
        if (entry.tier === 'COMMUNE') {
          const m = / (?:xa|phuong|dac khu|thi tran) (.+)$/.exec(base)
          if (m) {
            forms.push(base.slice(0, -m[1]!.length - 1))
            onlyIn = m[1]!
          }
        }
        for (const place of places) {
          if (base.endsWith(` ${place}`)) {
            const bare = base.slice(0, -place.length - 1)
            forms.push(bare)
            // "uy ban nhan dan tinh" → also "uy ban nhan dan" (the issuer's own province)
            if (/ tinh$/.test(bare)) forms.push(bare.replace(/ tinh$/, ''))
          }
        }
        // "Các sở, ban, ngành tỉnh" (or "… thành phố", a city's): in its own province's plans, written without the tier.
        if (entry.kind === 'GROUP' && / (?:tinh|thanh pho)$/.test(base)) forms.push(base.replace(/ (?:tinh|thanh pho)$/, ''))
        if (entry.kind === 'GROUP' && /^cac /.test(base) && !listed.has(name)) forms.push(base.replace(/^cac /, ''))
        // "Ủy ban MTTQ xã X": the Front's name is often written without "Việt Nam".
        for (const f of [...forms]) if (f.includes(' to quoc viet nam')) forms.push(f.replace(' to quoc viet nam', ' to quoc'))
        for (const form of forms) {
          // A bare one-word form ("tỉnh") would match every mention of the word.
          if (!form || seen.has(form) || (form !== base && !form.includes(' '))) continue
          seen.add(form)
          const words = form.split(' ')
          const variant = { entry, words, text: form, stripped: form !== base, onlyIn: form !== base ? onlyIn : null }
          const scope = entry.scope ?? 'VN'
          const byWord = this.#byScope.get(scope) ?? new Map<string, Variant[]>()
          this.#byScope.set(scope, byWord)
          const list = byWord.get(words[0]!) ?? []
          list.push(variant)
          byWord.set(words[0]!, list)
        }
      }
      if (entry.code) this.#resolvable.set(entry.code, entry)
    }
    for (const o of organizations) {
      // A territory ("Tỉnh X", "Xã Hội") is where bodies are, not a body: no task is assigned to it.
      if ((o.tier === 'PROVINCE' || o.tier === 'COMMUNE') && TERRITORY_RE.test(o.name)) continue
      add(
        {
          code: o.code,
          kind: 'ORGANIZATION',
          name: o.name,
          scope: o.scope ?? null,
          tier: o.tier,
          validFrom: o.validFrom ?? null,
          validTo: o.validTo ?? null,
        },
        [o.name, ...(o.shortName ? [o.shortName] : []), ...(o.aliases ?? [])],
      )
    }
    for (const g of groups) {
      add(
        { code: g.code, kind: 'GROUP', name: g.name, scope: g.scope ?? null, tier: null, validFrom: null, validTo: null },
        [g.name, ...(g.aliases ?? [])].flatMap(listVariants),
        new Set([g.name, ...(g.aliases ?? [])].flatMap((n) => listVariants(n).filter((v) => v !== n))),
      )
    }
    for (const phrase of GENERIC_AGENCY_PHRASES) {
      add({ code: null, kind: 'GENERIC', name: phrase, scope: null, tier: null, validFrom: null, validTo: null }, [phrase])
    }
    const firstWords = new Set<string>()
    for (const byWord of this.#byScope.values()) for (const first of byWord.keys()) firstWords.add(first)
    for (const first of firstWords)
      for (const d of deletions(first)) {
        const list = this.#deletions.get(d) ?? []
        list.push(first)
        this.#deletions.set(d, list)
      }
  }

  /** Catalog first words within the edit distance the matcher allows of `word`. */
  #nearFirstWords(word: string): Set<string> {
    const out = new Set<string>()
    for (const d of deletions(word)) for (const first of this.#deletions.get(d) ?? []) out.add(first)
    return out
  }

  /** The catalog entry with this code, if any. */
  has(code: string): boolean {
    return this.#resolvable.has(code)
  }

  /**
   * Every agency named in `text`, left to right, and the words between them that name nobody.
   * Generic phrases come back with `code: null` unless `context.resolutions` resolves them.
   */
  match(text: string, context: AgencyMatchContext = {}): { matches: AgencyMatch[]; unmatched: UnmatchedText[] } {
    const tokens = distribute(keyTokens(text))
    const matches: AgencyMatch[] = []
    const unmatched: UnmatchedText[] = []
    let gapStart = -1
    const flushGap = (upTo: number) => {
      if (gapStart < 0) return
      const words = tokens.slice(gapStart, upTo)
      if (words.some((w) => !isConnector(w.key) && !this.#isPlaceWord(w.key))) {
        const start = words[0]!.start
        const end = words[words.length - 1]!.end
        const proposed = context.proposeUnder ? proposeBodies(text, start, end) : []
        for (const p of proposed) {
          matches.push({
            text: p.text,
            code: null,
            kind: 'NEW',
            tier: p.tier ?? context.proposeUnder!.tier,
            name: p.text,
            confidence: 0.5,
            start: p.start,
            end: p.end,
            proposedParent: context.proposeUnder!.code,
          })
        }
        if (proposed.length === 0) unmatched.push({ text: text.slice(start, end), start, end })
      }
      gapStart = -1
    }
    let i = 0
    while (i < tokens.length) {
      const best = this.#bestAt(tokens, i, context)
      if (!best) {
        if (gapStart < 0) gapStart = i
        i++
        continue
      }
      flushGap(i)
      const window = tokens.slice(i, i + best.length)
      const start = Math.min(...window.map((t) => t.start))
      const end = Math.max(...window.map((t) => t.end))
      const written = writtenOf(text, window)
      let entry = best.variant.entry
      const resolved = context.resolutions ? resolve(context.resolutions, written) : undefined
      if (resolved && this.#resolvable.has(resolved)) entry = this.#resolvable.get(resolved)!
      matches.push({
        text: written,
        code: entry.code,
        kind: entry.kind,
        tier: entry.tier,
        name: entry.name,
        confidence: round(best.score),
        start,
        end,
      })
      i += best.length
    }
    flushGap(tokens.length)
    matches.sort((a, b) => a.start - b.start)
    return { matches: joinPhrases(text, matches), unmatched }
  }

  #isPlaceWord(key: string): boolean {
    if (this.#placeWords.has(key)) return true
    if (key.length < 4) return false
    for (const w of this.#placeWords) if (w.length >= 4 && editDistance(w, key, 1) <= 1) return true
    return false
  }

  #bestAt(tokens: readonly KeyToken[], i: number, context: AgencyMatchContext): { variant: Variant; length: number; score: number } | null {
    const word = tokens[i]!.key
    let best: { variant: Variant; length: number; score: number; rank: number } | null = null
    const buckets = context.scope ? [this.#byScope.get('VN'), this.#byScope.get(context.scope)] : [...this.#byScope.values()]
    for (const first of this.#nearFirstWords(word)) {
      const limit = first.length >= 3 ? 1 : 0
      if (Math.abs(first.length - word.length) > limit || editDistance(first, word, limit) > limit) continue
      for (const variant of buckets.flatMap((b) => b?.get(first) ?? [])) {
        if (variant.onlyIn && variant.onlyIn !== context.commune) continue
        const n = variant.words.length
        // The second word must be close too: spares the whole-name comparison of most variants.
        if (n >= 2 && i + 1 < tokens.length) {
          const w2 = tokens[i + 1]!.key
          const v2 = variant.words[1]!
          if (w2[0] !== v2[0] && editDistance(w2, v2, 1) > 1) continue
        }
        // So must the last word, where names of a kind differ ("… xã Thiện Tín", "… xã Tịnh Khê").
        if (n >= 3) {
          const last = variant.words[n - 1]!
          let near = false
          for (let k = i + n - 2; k <= i + n && k < tokens.length; k++)
            if (tokens[k]!.key[0] === last[0] || editDistance(tokens[k]!.key, last, 1) <= 1) near = true
          if (!near) continue
        }
        const threshold = n >= 4 ? 0.82 : n >= 2 ? 0.9 : 1
        for (const length of [n, n - 1, n + 1]) {
          if (length < 1 || i + length > tokens.length) continue
          // Never end inside an abbreviation's words ("tỉnh UBND" is not "tỉnh ủy").
          if (i + length < tokens.length && tokens[i + length]!.start === tokens[i + length - 1]!.start) continue
          const words = tokens.slice(i, i + length).map((t) => t.key)
          // A tier word more or less ("UBND xã" for "UBND tỉnh"'s bare form) is another body.
          if (length !== n && tierWordsDiffer(words, variant.words)) continue
          const after = tokens[i + length]
          if (variant.stripped && after && namesOtherTier(tokens, i + length, variant.words)) continue
          const window = words.join(' ')
          const score = similarity(window, variant.text, threshold)
          if (score < threshold) continue
          // The closest name wins; among equally close ones, the longer (more specific).
          const rank = score + 0.02 * Math.min(n, 12) + preference(variant.entry, context)
          if (!best || rank > best.rank) best = { variant, length, score, rank }
        }
      }
    }
    return best
  }
}

/** Small bonuses that break ties between equally good names: same province, existing on the date. */
function preference(entry: Entry, context: AgencyMatchContext): number {
  let bonus = entry.kind === 'GENERIC' ? -0.05 : 0
  if (context.scope && entry.scope === context.scope) bonus += 0.02
  if (context.on && (entry.validFrom ?? '') <= context.on && context.on <= (entry.validTo ?? '9999-12-31')) bonus += 0.01
  return bonus
}

function resolve(resolutions: Readonly<Record<string, string>>, written: string): string | undefined {
  const key = keyText(written)
  for (const [phrase, code] of Object.entries(resolutions)) if (keyText(phrase) === key) return code
  return undefined
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}
