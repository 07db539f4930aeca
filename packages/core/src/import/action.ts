/**
 * Whether an unlabelled item states an action: in a section whose heading does not say it holds
 * tasks, only an item that opens with a verb of administrative work ("Xây dựng …", "Tổ chức …",
 * "Kiểm tra, giám sát …", after an adverb such as "Tiếp tục", "Khẩn trương", "Chủ động") is read as a
 * task; descriptions ("Mạng lưới cơ sở … được phát triển"), labelled facts ("Địa điểm quan trắc: …"),
 * examples, slogans and targets are not.
 */
import { foldInPlace } from '../deadline/ocr-fold.js'

/** Verbs that open a duty in Vietnamese administrative text (folded; OCR may drop a letter's mark only). */
const ACTION_VERBS = [
  'xay dung|to chuc|trien khai|thuc hien|ra soat|kiem tra|giam sat|tuyen truyen|phoi hop|chu tri|huong dan',
  'day manh|tang cuong|nang cao|hoan thien|ban hanh|tham muu|chi dao|theo doi|bao cao|bo tri|de xuat|nghien cuu',
  'phat trien|ho tro|quan triet|dao tao|boi duong|cap nhat|ket noi|tich hop|so hoa|dau tu|thuc day|van dong',
  'phat dong|gui|chuan bi|tiep nhan|xu ly|giai quyet|lap|cung cap|bao dam|dam bao|duy tri|van hanh|khai thac',
  'thanh lap|kien toan|phe duyet|trinh|danh gia|tong ket|so ket|thong bao|cong bo|niem yet|dang ky|phan cong|giao',
  'sua doi|bo sung|huy dong|thu hut|mo rong|ung dung|chuyen|tham gia|don doc|tong hop|bien soan|san xuat',
  'phat hanh|lua chon|moi|trieu tap|hop|lay y kien|xac minh|tra loi|phan bo|thong nhat|ky|nhan rong|khen thuong',
  'ton vinh|bieu duong|phong chong|ngan chan|xu phat|quan ly|khao sat|dieu tra|thiet lap|mua sam|nang cap|lap dat',
  'phu song|phat|dang tai|treo|in',
].join('|')
/** Adverbs that may stand before the verb. */
const ADVERBS =
  'tiep tuc|khan truong|chu dong|tich cuc|kip thoi|thuong xuyen|tap trung|uu tien|dinh ky|hang nam|hang quy|hang thang|nghiem tuc|quyet liet'

const START_RE = new RegExp(`^(?:(?:${ADVERBS})[,\\s]+)*(?:${ACTION_VERBS})\\b`)

/**
 * Whether a text opens with an action.
 *
 * @example
 * statesDuty('Tiếp tục rà soát, hoàn thiện quy định') //=> true
 * statesDuty('Địa điểm quan trắc: vùng nuôi tôm') //=> false
 */
export function statesDuty(text: string): boolean {
  const folded = foldInPlace(text.replace(/^[\s\-–—+•*]+/, '').trim())
  return START_RE.test(folded)
}
