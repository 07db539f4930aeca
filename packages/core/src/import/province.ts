/**
 * Where a plan comes from: the province (or commune) whose bodies its agency names mean, read
 * from the header's issuer column and its place line. "Sở Tài chính" in a Bắc Ninh plan is Bắc
 * Ninh's; in a Government plan "các bộ" are the ministries. A place the catalog does not know is
 * still a place: its plan is matched against central bodies only, never another province's.
 */
import type { CatalogOrganization } from './agency.js'
import { keyText, similarity } from './tokens.js'

/** A territory of the catalog (a province, a commune), by the key of its place name. */
export interface Territory {
  readonly code: string
  /** The scope its bodies carry (its province's code). */
  readonly scope: string
  readonly tier: 'PROVINCE' | 'COMMUNE'
  /** Its name without the tier word, as a key: `bac ninh`, `thien tin`. */
  readonly place: string
  readonly name: string
}

/** Where the issuer stands. */
export interface IssuerPlace {
  /**
   * The scope agencies are matched in: a province code, `VN` for a central issuer, or
   * `?<place>` for a place the catalog lacks (only central bodies then match); null when neither
   * the header nor the place line says.
   */
  readonly scope: string | null
  /** The territory read, when the catalog has it. */
  readonly territory: Territory | null
  /** The place as the text names it (`Bắc Ninh`), for a body proposed as new. */
  readonly placeName: string | null
  /** `CENTRAL`, `PROVINCE` or `COMMUNE`, as far as the header tells. */
  readonly tier: 'CENTRAL' | 'PROVINCE' | 'COMMUNE' | null
  /** The issuer's commune as a place key (`thien tin`), when it is a commune body. */
  readonly commune?: string | null
  /** The province's name (`Bắc Ninh`); null for a central issuer; undefined when not known. */
  readonly province?: string | null
}

const TERRITORY_NAME_RE = /^(tỉnh|thành phố|xã|phường|đặc khu|thị trấn)\s+(?!ủy\s|uỷ\s)(.+)$/iu
/** Tier words in a header's issuer column, before the place they name. */
const PROVINCE_WORD_RE = /\b(?:tinh(?:\s+uy)?|thanh\s+pho|thanh\s+uy)\s+(.+)$/
const COMMUNE_WORD_RE = /\b(?:xa|phuong|dac\s+khu|thi\s+tran)\s+(.+)$/
const CENTRAL_RE = /\b(?:trung\s+uong|chinh\s+phu|quoc\s+hoi|bo\s+chinh\s+tri|ban\s+bi\s+thu)\b|^bo\s/

/** The territories of a catalog: organisations named "Tỉnh X", "Thành phố X", "Xã X", "Phường X". */
export function territoriesOf(organizations: readonly CatalogOrganization[]): Territory[] {
  const out: Territory[] = []
  for (const o of organizations) {
    if (o.tier !== 'PROVINCE' && o.tier !== 'COMMUNE') continue
    const m = TERRITORY_NAME_RE.exec(o.name)
    if (!m || !o.scope) continue
    out.push({ code: o.code, scope: o.scope, tier: o.tier, place: keyText(m[2]!), name: o.name })
  }
  return out
}

/**
 * Reads where the issuer stands from its header column (`ỦY BAN NHÂN DÂN TỈNH BẮC NINH`,
 * `TỈNH ỦY QUẢNG NGÃI`, `BAN CHẤP HÀNH TRUNG ƯƠNG`) and the place of the date line.
 *
 * @example
 * issuerPlace('ỦY BAN NHÂN DÂN TỈNH BẮC NINH', 'Bắc Ninh', []).scope //=> '?bac ninh'
 */
export function issuerPlace(issuerColumn: string, place: string | null, territories: readonly Territory[], text = ''): IssuerPlace {
  const column = keyText(issuerColumn)
  const placeKey = place ? keyText(place) : ''
  const province = PROVINCE_WORD_RE.exec(column)?.[1] ?? null
  const commune = COMMUNE_WORD_RE.exec(column)?.[1] ?? null
  // The column names its territory; the place line names it too (or only it does).
  const candidates: [string, 'PROVINCE' | 'COMMUNE'][] = []
  if (commune) candidates.push([commune, 'COMMUNE'])
  if (province) candidates.push([province, 'PROVINCE'])
  if (!province && !commune && CENTRAL_RE.test(column))
    return { scope: 'VN', territory: null, placeName: place, tier: 'CENTRAL', province: null }
  if (placeKey) candidates.push([placeKey, commune ? 'COMMUNE' : province ? 'PROVINCE' : 'COMMUNE'], [placeKey, 'PROVINCE'])
  for (const [words, tier] of candidates) {
    const found = findTerritory(words, tier, territories, text)
    if (!found) continue
    const home = found.tier === 'PROVINCE' ? found : territories.find((t) => t.tier === 'PROVINCE' && t.scope === found.scope)
    return {
      scope: found.scope,
      territory: found,
      placeName: place,
      tier,
      province: home ? placeOf(home.name) : undefined,
      commune: found.tier === 'COMMUNE' ? found.place : null,
    }
  }
  const named = placeKey || commune || province || null
  if (!named) return { scope: null, territory: null, placeName: place, tier: null }
  const tier = commune ? 'COMMUNE' : province ? 'PROVINCE' : null
  // A province's plan is dated at the province's own name ("Bắc Ninh, ngày …").
  return {
    scope: `?${named}`,
    territory: null,
    placeName: place,
    tier,
    province: tier === 'PROVINCE' && place ? placeOf(place) : undefined,
    commune: tier === 'COMMUNE' ? named : null,
  }
}

/** A territory's name without its tier word: "Thành phố Hồ Chí Minh" → "Hồ Chí Minh". */
function placeOf(name: string): string {
  return TERRITORY_NAME_RE.exec(name)?.[2] ?? name
}

/**
 * The territory whose place begins `words` (the column runs on after the name: "quang ngai ban
 * chi dao …"), of the tier asked; one only: a commune name two provinces share finds none, unless
 * the text names exactly one of their provinces ("… của Ủy ban MTTQ tỉnh Quảng Ninh").
 */
function findTerritory(words: string, tier: 'PROVINCE' | 'COMMUNE', territories: readonly Territory[], text = ''): Territory | null {
  const hits = territories.filter((t) => {
    if (t.tier !== tier) return false
    const n = t.place.split(' ').length
    const head = words.split(' ').slice(0, n).join(' ')
    return similarity(head, t.place, 0.8) >= 0.8
  })
  const scopes = new Set(hits.map((h) => h.scope))
  if (scopes.size === 1) return hits[0]!
  if (tier !== 'COMMUNE' || scopes.size === 0 || !text) return null
  const key = ` ${keyText(text)} `
  const named = hits.filter((h) => {
    const home = territories.find((t) => t.tier === 'PROVINCE' && t.scope === h.scope)
    return home !== undefined && (key.includes(` tinh ${home.place} `) || key.includes(` thanh pho ${home.place} `))
  })
  return new Set(named.map((h) => h.scope)).size === 1 ? named[0]! : null
}
