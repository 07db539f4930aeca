/**
 * Word shapes and patterns shared by the forms of time phrases. They run on the folded text
 * (ocr-fold.ts: lower case, no diacritics, đ → d), loose where OCR is known to damage letters
 * (`nam`/`nim`/`ndm` for năm, `trurde` for trước, `Tirnam` for Từ năm).
 */

export const NAM = 'n[a-z0-9]{1,2}m' // năm: nam, nim, ndm
export const THANG = 'th[a-z0-9]ng' // tháng
export const NGAY = 'ng[a-z0-9]y' // ngày: ngay, ngdy
export const QUY = 'qu[yi]' // quý, quí
export const TU = 't(?:u|ir|w|i)?' // từ: tu, tir, tw, t
export const DEN = '[dp][a-z]n' // đến (OCR reads Đ as D or P)
export const HET = 'h[a-z]t' // hết
export const TRUOC = 'tr(?:uo|ur|u|w)(?:c|de|dc|ec|oe|oc|e)' // trước: truoc, trurde, trudc
/** và những (các) năm tiếp theo */
export const VA_NHUNG = `v[a-z]\\s+(?:nh[a-z0-9]{1,4}|cac)\\s+${NAM}\\s+ti[a-z]p\\s+theo`
/** d/m/yyyy (groups day, month, year), never after "tháng" ("tháng 3 - 4/2026" is a range of months). */
export const DATE = '(?<!\\d|th[a-z0-9]ng\\s{1,3})(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})'
/** m/yyyy, m-yyyy, m năm yyyy: groups month, year. */
export const MONTH_YEAR = `(\\d{1,2})\\s*(?:/|-|${NAM})\\s*(\\d{4})`
/** A quarter's number: 1–4 or Roman, with OCR's 1 and | for I. */
export const QUARTER_NO = '([ivxl1|]{1,4}|[1-4])'

export const DATE_RE = new RegExp(DATE)
export const VA_NHUNG_RE = new RegExp(`\\s*,?\\s*${VA_NHUNG}`)
