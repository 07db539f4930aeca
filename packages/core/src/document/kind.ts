/**
 * Document kinds (loại văn bản) and their codes as written in numbers and symbols
 * (Decree 30/2020/NĐ-CP for the State, Hướng dẫn 36-HD/VPTW for the Party).
 * The table is data: a new code is one more row.
 */

/** Codes of the kinds chidao knows. */
export const DOCUMENT_KINDS = {
  NQ: { vi: 'Nghị quyết', en: 'Resolution' },
  KH: { vi: 'Kế hoạch', en: 'Plan' },
  QĐ: { vi: 'Quyết định', en: 'Decision' },
  CT: { vi: 'Chỉ thị', en: 'Directive' },
  KL: { vi: 'Kết luận', en: 'Conclusion' },
  TB: { vi: 'Thông báo', en: 'Notice' },
  CV: { vi: 'Công văn', en: 'Official letter' },
  CTr: { vi: 'Chương trình', en: 'Programme' },
  HD: { vi: 'Hướng dẫn', en: 'Guidance' },
  QC: { vi: 'Quy chế', en: 'Regulation' },
  QyĐ: { vi: 'Quy định', en: 'Rule' },
  ĐA: { vi: 'Đề án', en: 'Scheme' },
  BC: { vi: 'Báo cáo', en: 'Report' },
  TTr: { vi: 'Tờ trình', en: 'Submission' },
  NĐ: { vi: 'Nghị định', en: 'Decree' },
  TT: { vi: 'Thông tư', en: 'Circular' },
  L: { vi: 'Luật', en: 'Law' },
  CĐ: { vi: 'Công điện', en: 'Dispatch' },
} as const satisfies Record<string, { vi: string; en: string }>

/** A document kind code, e.g. `KH`. */
export type DocumentKind = keyof typeof DOCUMENT_KINDS

/** Whether `value` is a known kind code, written exactly. */
export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && Object.hasOwn(DOCUMENT_KINDS, value)
}
