/**
 * Bodies the catalog lacks, found by how a body's name is written: a head word ("Sở", "Ban",
 * "Ủy ban nhân dân", "Trung tâm", "Đảng ủy", "Công an"…) written with a capital, then its name
 * up to the verb or clause that follows ("Sở Văn hóa, Thể thao và Du lịch chủ trì …"). Such a
 * body is proposed as new rather than bound to the nearest name of another province or tier.
 */
import type { Tier } from '../model/organization.js'
import { keyOfWord } from './tokens.js'

/** A name found in the text: where it is, and the tier its head word implies. */
export interface ProposedBody {
  readonly text: string
  readonly start: number
  readonly end: number
  readonly tier: Tier | null
}

/** Head words (keys) of body names, with second words that make them something else. */
const HEADS: readonly [string[], Tier | null, readonly string[]][] = [
  [['so'], 'PROVINCE', ['hoa', 'lieu', 'luong', 'hieu', 'thu', 'ke', 'tien']],
  [['bo'], 'CENTRAL', ['tri', 'sung', 'may', 'phan', 'tieu', 'cong', 'chi', 'tai', 'khung', 'luat', 'suu', 'ho']],
  [['bo', 'chi', 'huy'], 'PROVINCE', []],
  [['bo', 'cong', 'an'], 'CENTRAL', []],
  [['bo', 'cong', 'thuong'], 'CENTRAL', []],
  [['ban'], null, ['hanh', 'dau', 'do', 'than', 'tin', 've', 'dia']],
  [['uy', 'ban'], null, []],
  [['hoi', 'dong'], null, []],
  [['cong', 'an'], null, []],
  [['van', 'phong'], null, ['pham']],
  [['phong'], 'COMMUNE', ['chong', 'ngua', 'thu', 'trao', 'tranh', 'khi', 'ho', 'hop', 'benh']],
  [['trung', 'tam'], null, []],
  [['dang', 'uy'], null, []],
  [['tinh', 'uy'], 'PROVINCE', []],
  [['thanh', 'uy'], 'PROVINCE', []],
  [['chi', 'bo'], 'BELOW', []],
  [['thuong', 'truc'], null, []],
  [['tieu', 'ban'], null, []],
  [['to', 'cong', 'tac'], null, []],
  [['to', 'giup', 'viec'], null, []],
  [['to', 'bau', 'cu'], null, []],
  [['to', 'dang'], null, []],
  [['to', 'dan', 'pho'], null, []],
  [['to', 'cong', 'nghe', 'so'], null, []],
  [['to', 'truong'], null, []],
  [['hoi'], null, ['nghi', 'thao', 'dien', 'thi', 'nhap', 'vien', 'truong', 'doan']],
  [['doan'], null, ['ket', 'kiem', 'cong', 'thu']],
  [['lien', 'doan'], null, []],
  [['vien'], 'CENTRAL', ['chuc', 'thong', 'tro']],
  [['cuc'], null, ['bo']],
  [['tong', 'cuc'], 'CENTRAL', []],
  [['chi', 'cuc'], 'PROVINCE', []],
  [['hiep', 'hoi'], null, []],
  [['lien', 'minh'], null, []],
  [['kho', 'bac'], null, []],
  [['ngan', 'hang'], null, []],
  [['thanh', 'tra'], null, []],
  [['mat', 'tran'], null, []],
  [['tap', 'doan'], 'CENTRAL', []],
  [['tong', 'cong', 'ty'], null, []],
  [['cong', 'ty'], null, []],
  [['bao', 'hiem', 'xa', 'hoi'], null, []],
  [['dai', 'phat', 'thanh'], null, []],
  [['truong', 'ban'], null, []],
  [['chu', 'tich'], null, []],
  [['cac', 'so'], null, []],
  [['cac', 'co', 'quan'], null, []],
  [['cac', 'don', 'vi'], null, []],
  [['cac', 'doanh', 'nghiep'], null, []],
  [['doanh', 'nghiep'], null, ['hoa']],
  [['cac', 'co', 'so'], null, []],
  [['cac', 'bo'], 'CENTRAL', []],
  [['cac', 'to', 'chuc'], null, []],
  [['cac', 'hoi'], null, []],
  [['cac', 'truong'], null, []],
  [['cac', 'dia', 'phuong'], null, []],
  [['cac', 'ban'], null, []],
  [['ubnd'], null, []],
  [['hdnd'], null, []],
  [['ubmttq'], null, []],
  [['ubmttqvn'], null, []],
  [['mttq'], null, []],
]
/** Abbreviations that name a body by themselves ("UBND" alone is the issuer's own committee). */
const WHOLE = new Set(['ubnd', 'hdnd', 'ubmttq', 'ubmttqvn', 'mttq'])

/** Lower-case words that end a body's name: the verb or clause after it. */
const STOP = new Set([
  'chu',
  'phoi',
  'co',
  'thuc',
  'tham',
  'trien',
  'tien',
  'to',
  'xay',
  'huong',
  'theo',
  'bao',
  'gui',
  'la',
  'de',
  'tai',
  'trong',
  'voi',
  'cung',
  'nghien',
  'ra',
  'chi',
  'chiu',
  'quan',
  'kiem',
  'day',
  'nang',
  'tang',
  'tiep',
  'phat',
  'dam',
  'lam',
  'tuyen',
  'can',
  'neu',
  'khi',
  'duoc',
  'se',
  'da',
  'dang',
  've',
  'cho',
  'nham',
  'hoan',
  'ban',
  'xu',
  'van',
  'giam',
  'danh',
  'kip',
  'chuan',
  'bo',
  'tong',
  'lap',
  'cap',
  'sua',
  'uu',
  'thuong',
  'dinh',
  'dieu',
  'huy',
  'moi',
  'khan',
  'tap',
  'thu',
  'rut',
  'xac',
  'nhu',
  'sau',
  'truoc',
  'den',
  'tren',
  'duoi',
  'khac',
  'nay',
  'do',
  'nhung',
  'mot',
  'hang',
  'thong',
  'lien',
  'tich',
])
/**
 * Stop words whose key is also a word of names: with diacritics, only these forms stop a name
 * ("quản lý" does, "Hải quan" does not; "trong" does, "nuôi trồng" does not). Text without
 * diacritics (OCR) cannot tell them apart: there every form stops, as the key does.
 */
const AMBIGUOUS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    quan: ['quản', 'quán'],
    thong: ['thống'],
    tien: [],
    van: ['vẫn'],
    chi: ['chỉ'],
    co: ['có'],
    trong: ['trong'],
    lam: ['làm'],
    dang: ['đang'],
    thuong: ['thường'],
    to: [],
    bao: [],
    tai: ['tại'],
    cung: ['cùng'],
    da: ['đã'],
    do: ['do', 'đó'],
    den: ['đến'],
    thu: ['thu', 'thử'],
    nang: ['nâng'],
    tang: ['tăng'],
    giam: ['giảm'],
    danh: ['đánh', 'dành'],
    xu: ['xử'],
    hoan: ['hoàn'],
    nhu: ['như'],
    bo: ['bố', 'bổ'],
    cap: ['cấp'],
    dinh: ['định'],
  }).map(([key, forms]) => [key, new Set(forms)]),
)
/** Two-word verbs that end a name even when capitalised. */
const VERB_PAIRS = new Set([
  'chu tri',
  'phoi hop',
  'tham muu',
  'co trach',
  'chiu trach',
  'thuc hien',
  'trien khai',
  'huong dan',
  'theo doi',
  'bao cao',
  'chi dao',
  'ra soat',
  'kiem tra',
  'day manh',
  'tang cuong',
  'tiep tuc',
  'dam bao',
  'bao dam',
  'tuyen truyen',
  'nghien cuu',
  'chu dong',
  'tich cuc',
])
/** Verbs of two words whose keys are also words of names ("thông báo" and "viễn thông bảo đảm"): compared as written when the text has diacritics. */
const VERB_FORMS = new Set(
  [
    'xây dựng',
    'tổ chức',
    'tiến hành',
    'vận động',
    'vận hành',
    'thông báo',
    'thông qua',
    'báo cáo',
    'bảo đảm',
    'đảm bảo',
    'cung cấp',
  ].concat(['giám sát', 'ban hành', 'quan tâm', 'hỗ trợ']),
)
const VERB_FORM_KEYS = new Set([...VERB_FORMS].map((f) => f.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd')))
/** Tier words that may follow a comma inside a name ("UBND các xã, phường, đặc khu"). */
const TIER_AFTER_COMMA = new Set([
  'xa',
  'phuong',
  'dac',
  'thi',
  'huyen',
  'thanh',
  'tinh',
  'ban',
  'nganh',
  'doan',
  'the',
  'dia',
  'co',
  'don',
])

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
