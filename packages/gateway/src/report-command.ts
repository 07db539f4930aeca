/**
 * `chidao report …`: the dashboard's exports from the command line, read through the gateway's
 * schema like the download links (`exports/`).
 *
 *   chidao report plan 01-KH/BCĐ --as-of 2025-12-31            # the plan's task table (.xlsx)
 *   chidao report scorecard --unit QNG --as-of 2025-12-31       # a scorecard per agency (.xlsx)
 *   chidao report overdue --unit QNG --as-of 2025-12-31         # the overdue list (.xlsx)
 *   chidao report periodic 01-KH/BCĐ --period QUARTER --year 2025 --index 4   # the draft report (.docx)
 */
import { writeFileSync } from 'node:fs'
import { Chidao, todayInVietnam, type Store } from '@chidao/core'
import { Command } from 'commander'
import { createContext } from './context.js'
import { runner } from './dashboard/query.js'
import { documentIdOf } from './exports/data.js'
import { exportFile, type ExportRequest } from './exports/export.js'
import { createGateway } from './gateway.js'

interface ReportOptions {
  unit?: string
  asOf?: string
  period: string
  year?: string
  index: string
  out?: string
  db?: string
  databaseUrl?: string
}

/**
 * The `report` command; `withStore` opens the store the options name (as the other commands do).
 *
 * @example
 * program.addCommand(reportCommand(withStore))
 */
export function reportCommand(
  withStore: (options: { db?: string; databaseUrl?: string }, fn: (store: Store) => Promise<void>) => Promise<void>,
): Command {
  return new Command('report')
    .description('export a report: plan (tasks, .xlsx), scorecard (per agency, .xlsx), overdue (.xlsx), periodic (draft report, .docx)')
    .argument('<kind>', 'plan | scorecard | overdue | periodic')
    .argument('[document]', 'the plan’s number and symbol (plan, periodic), e.g. 01-KH/BCĐ')
    .option('--unit <code>', 'province code, VN for the nation, or an organisation code (scorecard, overdue)', 'QNG')
    .option('--as-of <date>', 'YYYY-MM-DD (default: today in Vietnam)')
    .option('--period <kind>', 'MONTH, QUARTER, HALF_YEAR, NINE_MONTHS or YEAR (periodic)', 'QUARTER')
    .option('--year <year>', 'the reporting year (periodic; default this year)')
    .option('--index <n>', 'which month or quarter (periodic)', '1')
    .option('--out <file>', 'where to write (default: a name made from what it holds)')
    .option('--db <file>', 'SQLite file (default chidao.sqlite, or DATABASE_URL)')
    .option('--database-url <url>', 'PostgreSQL URL (or set DATABASE_URL)')
    .action((kind: string, document: string | undefined, options: ReportOptions) =>
      withStore(options, async (store) => {
        const gateway = await createGateway({ store })
        try {
          const chidao = new Chidao(store)
          const run = runner(gateway.server, async () => createContext(chidao))
          const asOf = options.asOf ?? todayInVietnam()
          let request: ExportRequest
          if (kind === 'scorecard' || kind === 'overdue') request = { kind, unit: options.unit ?? 'QNG', asOf }
          else if (kind === 'plan' || kind === 'periodic') {
            if (!document) throw new Error(`chidao report ${kind} needs the plan's number and symbol (e.g. 01-KH/BCĐ)`)
            const documentId = await documentIdOf(run, document)
            if (!documentId) throw new Error(`Không tìm thấy văn bản / no document ${document}`)
            request =
              kind === 'plan'
                ? { kind, documentId, asOf }
                : {
                    kind,
                    documentId,
                    period: {
                      kind: options.period.toUpperCase(),
                      year: Number(options.year ?? asOf.slice(0, 4)),
                      index: Number(options.index),
                    },
                  }
          } else throw new Error(`Unknown report "${kind}": plan, scorecard, overdue or periodic`)
          const file = await exportFile(run, request)
          if (!file) throw new Error(`Không tìm thấy / not found: ${options.unit ?? document}`)
          const out = options.out ?? file.filename
          writeFileSync(out, file.body)
          console.log(`chidao: đã ghi / wrote ${out} (${file.body.length} bytes)`)
        } finally {
          await gateway.server.stop()
        }
      }),
    )
}
