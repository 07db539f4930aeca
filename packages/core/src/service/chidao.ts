/**
 * The service façade: one method per command and query, each a line that hands over to the
 * command's description (`commands/`, run by {@link runCommand}) or the query (`queries/`).
 * Every command is one transaction that validates everything first, then writes everything or
 * nothing, and appends one audit entry. The methods are grouped in layers, one file each under
 * `facade/` (base → commands → hierarchy → documents → tasks); `Chidao` adds the importer.
 */
import type { ImportCatalog, ImportPlanOptions, PlanPreview } from '../import/plan.js'
import type { CommandContext } from './command-tx.js'
import { commitImport, type ImportOptions, type ImportResult } from './commands/import.js'
import { importCatalog, previewImport } from './queries/import-catalog.js'
import { ChidaoTasks } from './facade/tasks.js'

export type { ChidaoOptions, CommandContext } from './command-tx.js'
export type {
  RegisterAliasInput,
  RegisterGroupInput,
  RegisterOrganizationInput,
  RegisterSuccessionInput,
} from './commands/organizations.js'
export type { RecordAlignmentReviewInput } from './commands/alignment-reviews.js'
export type { LinkDocumentInput, RegisterDocumentInput, UpdateDocumentInput } from './commands/documents.js'
export type { AddTargetInput } from './commands/targets.js'
export type { MeasureTargetInput } from './commands/measurements.js'
export type { AddTaskInput, AssignInput, LinkTaskInput, UpdateTaskInput } from './commands/tasks.js'
export type { SubmitReportInput, VerifyReportInput } from './commands/reports.js'

/**
 * chidao's service: commands that change the cascade and queries that read it.
 *
 * @example
 * const chidao = new Chidao(await openStore(':memory:'))
 * await chidao.registerOrganization({ actor: 'setup' }, { code: 'BCT', name: 'Bộ Chính trị', tier: 'CENTRAL', bloc: 'PARTY', kind: 'POLITBURO' })
 */
export class Chidao extends ChidaoTasks {
  /**
   * The organisations, groups, aliases and documents the importer matches against.
   *
   * @example
   * const catalog = await chidao.importCatalog()
   * const preview = importPlan(text, catalog) // the pure reader, from @chidao/core
   */
  importCatalog(): Promise<ImportCatalog> {
    return importCatalog(this.db)
  }

  /**
   * Reads a plan's text against the store, writing nothing. See {@link Chidao.importPlan}.
   *
   * @example
   * const { header, tasks, warnings } = await chidao.previewImport(text)
   */
  previewImport(text: string, options: ImportPlanOptions = {}): Promise<PlanPreview> {
    return previewImport(this.db, text, options)
  }

  /**
   * Imports a plan's text: reads it and, unless `dryRun`, writes its document, links, tasks,
   * assignments and targets in one transaction; importing it again writes nothing new.
   *
   * @example
   * const { preview, created } = await chidao.importPlan({ actor: 'xa.thientin' }, text)
   */
  importPlan(ctx: CommandContext, text: string, options: ImportOptions = {}): Promise<ImportResult> {
    return commitImport(this.env, ctx, text, options)
  }
}
