/** Shared test helpers: the written plans, the fixtures' catalog, and a comparable import. */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { importPlan, type PlanPreview } from '@chidao/core'
import { fixtureCatalog } from '@chidao/fixtures'

const here = dirname(fileURLToPath(import.meta.url))

/** A plan we wrote, as text. */
export function plan(name: string): string {
  return readFileSync(join(here, 'plans', name), 'utf8')
}

/** What an import reads, without line numbers (a file's lines need not fall where the text's did). */
function reading(preview: PlanPreview) {
  const { header } = preview
  return {
    header: {
      kind: header.kind,
      symbol: header.symbol,
      issuer: header.issuer?.code ?? null,
      issuedOn: header.issuedOn,
      title: header.title,
    },
    implements: preview.implements.map((c) => c.symbol),
    tasks: preview.tasks.map((t) => ({
      code: t.code,
      parentCode: t.parentCode,
      content: t.content,
      timePhrase: t.timePhrase,
      lead: t.lead.map((a) => a.code),
      coordinating: t.coordinating.map((a) => a.code),
      grouping: t.grouping,
    })),
    targets: preview.targets.map((t) => ({
      metric: t.metric,
      comparator: t.comparator,
      value: t.value,
      unit: t.unit,
      milestoneOn: t.milestoneOn,
    })),
  }
}

/** Imports a text against the fixtures' catalog. */
export function read(text: string) {
  return reading(importPlan(text, fixtureCatalog()))
}
