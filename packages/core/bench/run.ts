/**
 * `npm run bench` in core: deadline parser throughput on a mixed real corpus (every time phrase of
 * the seeds as OCR'd, the DOMAIN.md phrases, and generated ones) and on the shared corpus's phrases
 * (when ../shared is here), and lunar conversion speed.
 * Prints numbers; goals are checked by reading them, not by timed tests. Run through
 * `npm run bench` (turbo builds first): it measures the compiled `dist/`, as shipped.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
// The build that ships (turbo builds it first), not the TypeScript source through a loader.
import { addWorkingDays, parseDeadline, solarToLunar, fromDayNumber, toDayNumber } from '../dist/index.js'

const REAL = [
  'Dy kién 03 ngay, tir ngay 14/12/2025 dén ngay 16/12/2025.',
  '- Thoi gian hoan thanh: Quy 1V/2025 (theo tién d6 thuc hién tai cac nhiém vu dugc giao trong cac van ban chi dao néu trén).',
  '- Thoi gian hoan thanh: thyc hién thuong xuyén, hang ngay.',
  '- Thoi gian hoan thanh: Quy 1V/2025 (theo 16 trinh huéng dan cta Vin phong Trung wong Déang).',
  '- Thoi gian hoan thanh: Trong thang 10/2025.',
  '- Thoi gian hoan thanh: Theo chi dao, huéng dan cua cac bo, nganh Trung uong.',
  '- Thoi gian thuc hién: Thuong xuyén hang nim.',
  '- Thoi gian thuc hién: Nam 2021 va nhimg ndm tiép theo.',
  '- Thoi gian thue hién: Nam 2022-2025.',
  '- Thot gian thue hién: Tirnam 2021 — 2025.',
  '- Thoi gian thuc hién: 2021- 2030',
  '- Thoi gian thue hi¢n: Nam 2022 - 2024: X4y dung quy hoach. Nim 2025 va nhitng nam tiép theo: Trién khai thuc hién.',
  '- Thoi gian thue hién: Nam 2021.',
  'trurde ngay 28/10/2025',
  'Quý IV/2025',
  'Trong tháng 10/2025',
  'trước ngày 28/10/2025',
  'Năm 2020 và những năm tiếp theo',
  'Thường xuyên hằng năm',
  'Quý IV/2025 (theo lộ trình hướng dẫn của Văn phòng Trung ương Đảng)',
  '6 tháng đầu năm 2026',
  'Cuối tháng 2/2028',
  'Trong 10 ngày làm việc kể từ ngày ban hành',
  '(năm 2026)',
]

// The time phrases of the shared corpus (real plans nobody here wrote), when ../shared is here.
const CORPUS_TSV = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus/deadlines.tsv')
const CORPUS = existsSync(CORPUS_TSV)
  ? readFileSync(CORPUS_TSV, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split('\t')[0]!)
  : []

/**
 * Runs fn n times; returns the rate per second of CPU time (user + system), which a machine
 * shared with other work does not distort the way wall time does. Both are printed.
 */
function measure(label: string, n: number, fn: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(n, 20_000); i++) fn(i) // warm up
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  for (let i = 0; i < n; i++) fn(i)
  const cpu = process.cpuUsage(c0)
  const ms = performance.now() - t0
  const cpuMs = (cpu.user + cpu.system) / 1000
  const perSecond = Math.round((n / cpuMs) * 1000)
  const wall = Math.round((n / ms) * 1000)
  console.log(
    `${label.padEnd(44)} ${String(n).padStart(9)} ops in ${ms.toFixed(0).padStart(6)} ms  →  ${perSecond.toLocaleString('en-US').padStart(11)} /s of CPU (${wall.toLocaleString('en-US')} /s of wall time)`,
  )
  return perSecond
}

console.log(`chidao core bench — node ${process.version}, one core\n`)
const rate = measure('parseDeadline, mixed real corpus', 500_000, (i) => parseDeadline(REAL[i % REAL.length]!, { issuedOn: '2025-10-17' }))
console.log(`  goal ≥ 200,000 phrases/s: ${rate >= 200_000 ? 'met' : 'NOT met'}`)
if (CORPUS.length > 0) {
  const corpusRate = measure(`parseDeadline, corpus (${CORPUS.length} phrases)`, 300_000, (i) =>
    parseDeadline(CORPUS[i % CORPUS.length]!, { issuedOn: '2025-10-17' }),
  )
  console.log(`  goal ≥ 200,000 phrases/s: ${corpusRate >= 200_000 ? 'met' : 'NOT met'}`)
} else console.log('parseDeadline, corpus: skipped (../shared/corpus/deadlines.tsv is absent)')
const base = toDayNumber('1900-02-01')
measure('solarToLunar, random days 1900–2100', 200_000, (i) => solarToLunar(fromDayNumber(base + ((i * 7919) % 73_000))))
measure('addWorkingDays(±20), days 2000–2080', 200_000, (i) =>
  addWorkingDays(fromDayNumber(10957 + ((i * 104729) % 29_000)), (i % 41) - 20),
)
