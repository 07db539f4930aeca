/**
 * `chidao import FILE… | DIR`: every file read (text, .docx, PDF, scan), imported one at a time,
 * each in its own transaction; a bad file is reported and the others go on. On a terminal a
 * progress bar runs on stderr; stdout gets one line per file and a final table, or with `--json`
 * one JSON object per file (JSON Lines) and nothing else.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { isDomainError, type Chidao, type ImportResult } from '@chidao/core'
import { checkSize, DEFAULT_LIMITS, extractText, isFileError, type ExtractResult } from '@chidao/files'

interface ImportFilesOptions {
  readonly actor: string
  readonly dryRun: boolean
  readonly resolutions: Readonly<Record<string, string>>
  readonly json: boolean
  readonly maxBytes?: number
  /** Where lines go (stdout) and where the progress bar goes (stderr, when a terminal). */
  readonly out?: (line: string) => void
  readonly progress?: NodeJS.WriteStream | null
}

/** One file's outcome. */
interface FileOutcome {
  readonly file: string
  readonly ok: boolean
  readonly error: { readonly code: string; readonly message: string } | null
  readonly extracted: Omit<ExtractResult, 'text'> | null
  readonly result: ImportResult | null
}

/** The files named: each file as given, each folder's files (not hidden ones, not sub-folders), in name order. */
export async function filesOf(paths: readonly string[]): Promise<string[]> {
  const out: string[] = []
  for (const path of paths) {
    const s = await stat(path)
    if (!s.isDirectory()) {
      out.push(path)
      continue
    }
    const entries = await readdir(path, { withFileTypes: true })
    out.push(
      ...entries
        .filter((e) => e.isFile() && !e.name.startsWith('.'))
        .map((e) => join(path, e.name))
        .sort((a, b) => a.localeCompare(b)),
    )
  }
  return out
}

async function importOne(chidao: Chidao, file: string, o: ImportFilesOptions): Promise<FileOutcome> {
  let extracted: ExtractResult | null = null
  try {
    checkSize((await stat(file)).size, o.maxBytes ?? DEFAULT_LIMITS.maxBytes)
    extracted = await extractText(await readFile(file), { fileName: basename(file), maxBytes: o.maxBytes })
    const { text, ...rest } = extracted
    const result = await chidao.importPlan({ actor: o.actor }, text, {
      dryRun: o.dryRun,
      resolutions: o.resolutions,
      source: { ...extracted.source, extractor: extracted.extractor, pages: extracted.pages },
    })
    return { file, ok: true, error: null, extracted: rest, result }
  } catch (e) {
    const error =
      isFileError(e) || isDomainError(e)
        ? { code: e.code, message: e.message }
        : { code: (e as NodeJS.ErrnoException).code ?? 'INTERNAL', message: (e as Error).message }
    const rest = extracted ? (({ text: _, ...r }) => r)(extracted) : null
    return { file, ok: false, error, extracted: rest, result: null }
  }
}

const warningsOf = (r: ImportResult | null) => r?.preview.warnings.filter((w) => w.severity === 'WARNING').length ?? 0
const tasksOf = (r: ImportResult | null) => r?.preview.tasks.filter((t) => !t.grouping).length ?? 0

/** One line for a file: read how, tasks, warnings, written or not (or why it failed). */
function summaryLine(o: FileOutcome): string {
  const name = basename(o.file)
  if (!o.ok) return `✗ ${name}: ${o.error!.code} — ${o.error!.message}`
  const x = o.extracted!
  const r = o.result!
  const c = r.created
  const written = r.dryRun
    ? 'not written (dry run) / chưa ghi'
    : c.documents + c.tasks + c.links + c.targets > 0
      ? `written / đã ghi: ${c.documents} document(s), ${c.tasks} task(s)${c.sources ? ', source' : ''}`
      : c.sources
        ? 'already there; this file recorded as a source / đã có, ghi nhận thêm tệp nguồn'
        : 'nothing new / không có gì mới'
  const ocr = x.warnings.length ? `, ${x.warnings.length} OCR note(s)` : ''
  return `✓ ${name}: ${x.extractor.name}, ${x.pages} page(s)${ocr}; ${r.preview.header.symbol ?? '(no number)'}; ${tasksOf(r)} task(s), ${warningsOf(r)} warning(s); ${written}`
}

/** The final table: one row per file. */
function summaryTable(outcomes: readonly FileOutcome[]): string {
  const rows = [['file / tệp', 'read by', 'pages', 'tasks', 'warnings', 'result / kết quả']]
  for (const o of outcomes) {
    const r = o.result
    rows.push([
      basename(o.file),
      o.extracted?.extractor.name ?? '-',
      String(o.extracted?.pages ?? '-'),
      o.ok ? String(tasksOf(r)) : '-',
      o.ok ? String(warningsOf(r)) : '-',
      !o.ok ? `FAILED ${o.error!.code}` : r!.dryRun ? 'dry run' : r!.created.documents + r!.created.tasks > 0 ? 'written' : 'nothing new',
    ])
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)))
  const line = (r: string[]) =>
    r
      .map((c, i) => c + ' '.repeat(widths[i]! - [...c].length))
      .join('  ')
      .trimEnd()
  const failed = outcomes.filter((o) => !o.ok).length
  return [
    line(rows[0]!),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
    `${outcomes.length} file(s): ${outcomes.length - failed} read, ${failed} failed / ${outcomes.length} tệp: ${outcomes.length - failed} đọc được, ${failed} lỗi`,
  ].join('\n')
}

function bar(done: number, total: number, name: string): string {
  const width = 24
  const filled = Math.round((done / Math.max(total, 1)) * width)
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${name.slice(0, 40).padEnd(40)}`
}

/**
 * Imports every file named (folders: their files), one at a time; returns the outcomes.
 * Failed files do not stop the others.
 *
 * @example
 * const outcomes = await importFiles(chidao, ['plans/'], { actor: 'cli', dryRun: true, resolutions: {}, json: false })
 * process.exitCode = outcomes.some((o) => !o.ok) ? 1 : 0
 */
export async function importFiles(chidao: Chidao, paths: readonly string[], o: ImportFilesOptions): Promise<FileOutcome[]> {
  const out = o.out ?? ((line: string) => process.stdout.write(`${line}\n`))
  const tty = o.progress === undefined ? (process.stderr.isTTY && !o.json ? process.stderr : null) : o.progress
  const files = await filesOf(paths)
  const outcomes: FileOutcome[] = []
  for (const [i, file] of files.entries()) {
    tty?.write(bar(i, files.length, basename(file)))
    const outcome = await importOne(chidao, file, o)
    outcomes.push(outcome)
    if (tty) tty.write(`\r${' '.repeat(80)}\r`)
    if (o.json) {
      out(JSON.stringify({ file: outcome.file, ok: outcome.ok, error: outcome.error, ...outcome.extracted, result: outcome.result }))
    } else out(summaryLine(outcome))
  }
  tty?.write(`${bar(files.length, files.length, '')}\n`)
  if (!o.json && files.length > 1) out(`\n${summaryTable(outcomes)}`)
  return outcomes
}
