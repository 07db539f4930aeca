/** The dashboard's words in Vietnamese and English (`?lang=en`). */
import type { TaskStatus } from '@chidao/core'

type Lang = 'vi' | 'en'

const WORDS = {
  appName: ['Theo dõi chỉ đạo', 'Directive monitoring'],
  skip: ['Bỏ qua, tới nội dung chính', 'Skip to main content'],
  dashboard: ['Tổng quan', 'Overview'],
  unit: ['Đơn vị', 'Unit'],
  provinces: ['Tỉnh, thành phố', 'Provinces and cities'],
  ministries: ['Bộ, ngành trung ương', 'Ministries'],
  otherUnit: ['Đơn vị đang xem', 'The unit shown'],
  asOf: ['Tính đến ngày', 'As of'],
  show: ['Xem', 'Show'],
  nation: ['Toàn quốc', 'The nation'],
  onTimeRate: ['Tỷ lệ đúng hạn', 'On-time rate'],
  percentComplete: ['Tỷ lệ hoàn thành', 'Percent complete'],
  total: ['Tổng số nghĩa vụ', 'Obligations'],
  byStatus: ['Số nghĩa vụ theo tình trạng', 'Obligations by status'],
  status: ['Tình trạng', 'Status'],
  count: ['Số lượng', 'Count'],
  byAgency: ['Theo cơ quan, đơn vị', 'By agency'],
  byCommune: ['Theo xã, phường, đặc khu', 'By commune'],
  organization: ['Cơ quan, đơn vị', 'Organisation'],
  overdueList: ['Nhiệm vụ quá hạn', 'Overdue tasks'],
  bottlenecks: ['Điểm nghẽn (nhiều nhiệm vụ cấp dưới phụ thuộc)', 'Bottlenecks (most lower tasks depend on them)'],
  task: ['Nhiệm vụ', 'Task'],
  document: ['Văn bản', 'Document'],
  holder: ['Cơ quan phải thực hiện', 'Held by'],
  role: ['Vai trò', 'Role'],
  due: ['Hạn', 'Due'],
  dependents: ['Nhiệm vụ phụ thuộc', 'Dependent tasks'],
  none: ['Không có', 'None'],
  shown: ['Hiển thị {n} trên {total}', 'Showing {n} of {total}'],
  downloads: ['Tải về', 'Downloads'],
  xlsxScorecard: ['Bảng điểm theo cơ quan (Excel)', 'Scorecard per agency (Excel)'],
  xlsxOverdue: ['Danh sách quá hạn (Excel)', 'Overdue list (Excel)'],
  xlsxPlan: ['Bảng nhiệm vụ của kế hoạch (Excel)', 'The plan’s task table (Excel)'],
  docxReport: ['Dự thảo báo cáo định kỳ (Word)', 'Draft periodic report (Word)'],
  period: ['Kỳ báo cáo', 'Reporting period'],
  year: ['Năm', 'Year'],
  index: ['Kỳ số', 'Period number'],
  issuer: ['Cơ quan ban hành', 'Issuer'],
  issuedOn: ['Ngày ban hành', 'Issued on'],
  implementsDocs: ['Thực hiện các văn bản', 'Implements'],
  cascadeBelow: ['Các văn bản triển khai (mở từng cấp)', 'Plans implementing it (open level by level)'],
  tasks: ['Nhiệm vụ', 'Tasks'],
  code: ['TT', 'No.'],
  lead: ['Chủ trì', 'Lead'],
  coordinating: ['Phối hợp', 'Coordinating'],
  deadline: ['Thời hạn', 'Deadline'],
  targets: ['Chỉ tiêu theo mốc', 'Targets by milestone'],
  metric: ['Chỉ tiêu', 'Target'],
  milestone: ['Mốc', 'Milestone'],
  targetValue: ['Mục tiêu', 'Goal'],
  actual: ['Thực hiện gần nhất', 'Latest actual'],
  noActual: ['chưa có số liệu', 'not reported'],
  met: ['Đạt', 'Met'],
  notYet: ['Chưa đạt', 'Not yet'],
  against: ['So với mục tiêu', 'Against the target'],
  owes: ['Việc phải làm', 'What it owes'],
  dueSoon: ['Sắp đến hạn (30 ngày)', 'Due soon (30 days)'],
  inProgress: ['Đang thực hiện', 'In progress'],
  done: ['Đã hoàn thành', 'Done'],
  plans: ['Kế hoạch, văn bản đã ban hành', 'Its plans and documents'],
  reports: ['Báo cáo', 'Reports'],
  reportedOn: ['Ngày báo cáo', 'Reported on'],
  claimed: ['Tự đánh giá', 'Claimed'],
  percent: ['Tiến độ', 'Progress'],
  narrative: ['Nội dung', 'Narrative'],
  evidence: ['Minh chứng', 'Evidence'],
  verification: ['Thẩm định', 'Verification'],
  parentOrg: ['Cơ quan cấp trên', 'Parent body'],
  whyDeadline: ['Vì sao có thời hạn này', 'Why this deadline'],
  phrase: ['Thời gian ghi trong văn bản', 'Time as written'],
  ownDeadline: ['Tự xác định từ thời gian ghi trong văn bản', 'From its own time phrase'],
  inherited: ['Kế thừa từ nhiệm vụ cấp trên', 'Inherited from the higher task'],
  noDeadline: ['Không xác định được thời hạn', 'No deadline can be set'],
  art148: [
    'Ngày cuối rơi vào ngày nghỉ: chuyển sang ngày làm việc tiếp theo (Điều 148 Bộ luật Dân sự)',
    'Last day falls on a day off: moved to the next working day (Civil Code Art. 148)',
  ],
  condition: ['Điều kiện', 'Condition'],
  parentTasks: ['Thực hiện nhiệm vụ cấp trên', 'Implements the higher tasks'],
  childTasks: ['Nhiệm vụ cấp dưới triển khai', 'Lower tasks implementing it'],
  obligations: ['Nghĩa vụ theo từng cơ quan', 'Obligations per holder'],
  completedOn: ['Ngày hoàn thành', 'Completed on'],
  succeededOn: ['Chuyển giao ngày', 'Passed on'],
  violations: ['Vi phạm', 'Violations'],
  violationText: [
    'Thời hạn {due} muộn hơn nhiệm vụ cấp trên {parent} (hạn {parentDue})',
    'Due {due}, after the higher task {parent} (due {parentDue})',
  ],
  notFound: ['Không tìm thấy', 'Not found'],
  errorTitle: ['Không tải được trang', 'The page could not be loaded'],
  needKey: ['Cần khóa truy cập (Authorization: Bearer …)', 'An API key is needed (Authorization: Bearer …)'],
  graphql: ['API GraphQL', 'GraphQL API'],
  language: ['English', 'Tiếng Việt'],
  provinceOf: ['Tỉnh/thành phố', 'Province'],
  ofPlan: ['Thuộc văn bản', 'In'],
} as const satisfies Record<string, readonly [string, string]>

type Word = keyof typeof WORDS

const STATUS: Record<TaskStatus, readonly [string, string]> = {
  COMPLETED_ON_TIME: ['Hoàn thành đúng hạn', 'Completed on time'],
  COMPLETED_LATE: ['Hoàn thành quá hạn', 'Completed late'],
  IN_PROGRESS: ['Đang thực hiện trong hạn', 'In progress'],
  OVERDUE: ['Quá hạn chưa hoàn thành', 'Overdue'],
  NOT_STARTED: ['Chưa bắt đầu', 'Not started'],
  ONGOING: ['Thường xuyên', 'Ongoing'],
  AWAITING_GUIDANCE: ['Chờ hướng dẫn', 'Awaiting guidance'],
  SUPERSEDED: ['Được thay thế', 'Superseded'],
  CANCELLED: ['Hủy bỏ', 'Cancelled'],
}

const MISC: Record<string, readonly [string, string]> = {
  LEAD: ['Chủ trì', 'Lead'],
  COORDINATING: ['Phối hợp', 'Coordinating'],
  PENDING: ['Chờ thẩm định', 'Pending'],
  ACCEPTED: ['Được chấp nhận', 'Accepted'],
  REJECTED: ['Không chấp nhận', 'Rejected'],
  COMPLETED: ['Hoàn thành', 'Completed'],
  MONTH: ['Tháng', 'Month'],
  QUARTER: ['Quý', 'Quarter'],
  HALF_YEAR: ['6 tháng', 'Half year'],
  NINE_MONTHS: ['9 tháng', 'Nine months'],
  YEAR: ['Năm', 'Year'],
  AD_HOC: ['Đột xuất', 'Ad hoc'],
}

/** The statuses in the order the dashboard shows them. */
export const STATUS_ORDER: readonly TaskStatus[] = [
  'COMPLETED_ON_TIME',
  'COMPLETED_LATE',
  'IN_PROGRESS',
  'OVERDUE',
  'NOT_STARTED',
  'ONGOING',
  'AWAITING_GUIDANCE',
  'SUPERSEDED',
  'CANCELLED',
]

/** The language a request asks for (`?lang=en`; Vietnamese otherwise). */
export function langOf(url: URL): Lang {
  return url.searchParams.get('lang') === 'en' ? 'en' : 'vi'
}

/**
 * The translator of a language: words, statuses and other codes.
 *
 * @example
 * translator('en').t('overdueList') //=> 'Overdue tasks'
 * translator('vi').status('OVERDUE') //=> 'Quá hạn chưa hoàn thành'
 */
export function translator(lang: Lang) {
  const i = lang === 'vi' ? 0 : 1
  return {
    lang,
    t(word: Word, vars: Record<string, string | number> = {}): string {
      return WORDS[word][i].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))
    },
    status(s: string): string {
      return STATUS[s as TaskStatus]?.[i] ?? s
    },
    code(c: string): string {
      return MISC[c]?.[i] ?? c
    },
    /** A YYYY-MM-DD date as dd/mm/yyyy (both languages read it so in Vietnam). */
    date(d: string | null | undefined): string {
      return d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '—'
    },
    percent(x: number | null | undefined): string {
      return x === null || x === undefined ? '—' : `${x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}%`
    },
  }
}

export type Translator = ReturnType<typeof translator>
