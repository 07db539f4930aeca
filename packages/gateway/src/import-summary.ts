/** A readable summary of an import, for the command line. */
import type { ImportResult } from '@chidao/core'

/**
 * Summarises an import: the document, counts of tasks, agencies and deadlines read and matched,
 * what was written, violations and coverage, then every warning with its line.
 *
 * @example
 * console.log(importSummary(await chidao.importPlan(ctx, text, { dryRun: true })))
 */
export function importSummary(result: ImportResult): string {
  const { preview, created } = result
  const { header, stats } = preview
  const out: string[] = []
  out.push(
    `${result.dryRun ? 'Dry run (nothing written)' : 'Imported'}: ${header.kind ?? '?'} ${header.symbol ?? header.symbolText ?? '(unnumbered)'}` +
      ` of ${header.issuer ? `${header.issuer.name} [${header.issuer.code}]` : '(issuer not matched)'}, issued ${header.issuedOn ?? '(date unknown)'}`,
  )
  if (header.title) out.push(`  ${header.title}`)
  out.push(`  implements: ${preview.implements.map((c) => `${c.symbol}${c.documentKey ? '' : ' (new)'}`).join(', ') || '(none read)'}`)
  out.push(`  tasks: ${stats.tasks} (${preview.tasks.filter((t) => t.grouping).length} headings)`)
  out.push(`  agencies: ${stats.agenciesMatched} matched, ${stats.agenciesUnmatched} unmatched`)
  out.push(`  deadlines: ${stats.deadlinesRead} of ${stats.deadlines} read`)
  out.push(`  citations: ${stats.citationsResolved} of ${stats.citations} known; targets: ${stats.targets}`)
  if (!result.dryRun) {
    out.push(
      `  written: ${created.documents} documents, ${created.links} links, ${created.tasks} tasks, ${created.assignments} assignments, ${created.targets} targets`,
    )
    out.push(
      `  violations: ${result.violations.length} deadline(s) after the parent's; ${result.uncovered.length} parent task(s) not covered`,
    )
  }
  const warnings = preview.warnings.filter((w) => w.severity === 'WARNING')
  const notes = preview.warnings.length - warnings.length
  out.push(`  warnings: ${warnings.length}${notes ? ` (and ${notes} notes: --json shows them)` : ''}`)
  for (const w of warnings) out.push(`    ${w.line === null ? '     ' : `l.${String(w.line).padEnd(4)}`}${w.code}: ${w.message}`)
  return out.join('\n')
}
