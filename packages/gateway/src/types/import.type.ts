/** The plan importer's mutation: input, and a payload with the preview, what was written and `userErrors`. */
import type { AgencyMatch, ImportResult, ImportWarningCode, ImportWarningSeverity } from '@chidao/core'
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql'
import { DateScalar } from '../scalars.js'
import { DocumentType } from './domain.type.js'
import { AgencyMatchKindEnum, DeadlineKindEnum, ImportWarningCodeEnum, ImportWarningSeverityEnum } from './enums.js'
import { UserError } from './mutation.type.js'

@InputType('ImportResolutionInput', { description: 'A phrase of the text resolved by hand to an organisation or group.' })
class ImportResolutionInput {
  @Field(() => String, { description: 'The phrase as the plan writes it ("các cơ quan, đơn vị liên quan").' }) phrase!: string
  @Field(() => String, { description: 'Organisation or group code.' }) code!: string
}

@InputType('ImportPlanInput')
export class ImportPlanInput {
  @Field(() => String, { description: 'The plan’s text: Word or PDF export, or OCR; diacritics optional.' }) text!: string
  @Field(() => Boolean, { defaultValue: false, description: 'Read and report only; write nothing.' }) dryRun!: boolean
  @Field(() => [ImportResolutionInput], { nullable: true }) resolutions?: ImportResolutionInput[] | null
  @Field(() => String, {
    nullable: true,
    description:
      'The issuer the plan is imported as (an organisation code). A key is checked against it before the text is read; the header must agree, or name no issuer legibly.',
  })
  issuerCode?: string | null
}

@ObjectType('ImportedAgency', { description: 'An agency phrase and what it was matched to.' })
class ImportedAgencyType {
  @Field(() => String, { description: 'As written.' }) text!: string
  @Field(() => String, { nullable: true, description: 'Organisation or group code; null for a generic phrase nobody resolved.' }) code!:
    | string
    | null
  @Field(() => AgencyMatchKindEnum, {
    description: 'ORGANIZATION, GROUP, GENERIC (a phrase nobody resolved) or NEW (a body the catalog lacks).',
  })
  kind!: AgencyMatch['kind']
  @Field(() => String) name!: string
  @Field(() => Float, { description: '0–1.' }) confidence!: number

  static of(m: AgencyMatch): ImportedAgencyType {
    return Object.assign(new ImportedAgencyType(), { text: m.text, code: m.code, kind: m.kind, name: m.name, confidence: m.confidence })
  }
}

@ObjectType('ImportedTask')
class ImportedTaskType {
  @Field(() => String) code!: string
  @Field(() => String, { nullable: true }) parentCode!: string | null
  @Field(() => String) content!: string
  @Field(() => [ImportedAgencyType]) lead!: ImportedAgencyType[]
  @Field(() => [ImportedAgencyType]) coordinating!: ImportedAgencyType[]
  @Field(() => String, { nullable: true }) timePhrase!: string | null
  @Field(() => DeadlineKindEnum, { nullable: true, description: 'The deadline kind the time phrase reads as.' }) deadlineKind!:
    | string
    | null
  @Field(() => DateScalar, { nullable: true }) dueDate!: string | null
  @Field(() => Boolean, { description: 'A heading that only groups the tasks under it.' }) grouping!: boolean
  @Field(() => Int) line!: number
}

@ObjectType('ImportWarning')
class ImportWarningType {
  @Field(() => ImportWarningCodeEnum) code!: ImportWarningCode
  @Field(() => ImportWarningSeverityEnum) severity!: ImportWarningSeverity
  @Field(() => String) message!: string
  @Field(() => Int, { nullable: true }) line!: number | null
  @Field(() => String, { nullable: true }) text!: string | null
}

@ObjectType('ImportCitation')
class ImportCitationType {
  @Field(() => String) symbol!: string
  @Field(() => DateScalar, { nullable: true }) issuedOn!: string | null
  @Field(() => String, { nullable: true }) issuerCode!: string | null
  @Field(() => Boolean, { description: 'Whether it is a known document (else proposed as new).' }) known!: boolean
}

@ObjectType('ImportCounts')
class ImportCountsType {
  @Field(() => Int) documents!: number
  @Field(() => Int) links!: number
  @Field(() => Int) tasks!: number
  @Field(() => Int) assignments!: number
  @Field(() => Int) targets!: number
  @Field(() => Int, {
    description: 'The file it was read from, recorded as the document’s source (1 when new for it; 0 for text or a file recorded before).',
  })
  sources!: number
}

@ObjectType('ImportPlanPayload')
export class ImportPlanPayload {
  @Field(() => DocumentType, { nullable: true, description: 'The plan’s document: created, found, or null on a dry run of a new plan.' })
  document!: DocumentType | null
  @Field(() => Boolean) dryRun!: boolean
  @Field(() => String, { nullable: true, description: 'Number and symbol read from the header.' }) symbol!: string | null
  @Field(() => ImportedAgencyType, { nullable: true }) issuer!: ImportedAgencyType | null
  @Field(() => DateScalar, { nullable: true }) issuedOn!: string | null
  @Field(() => String, { nullable: true }) title!: string | null
  @Field(() => [ImportCitationType], { description: 'The documents it implements.' }) implements!: ImportCitationType[]
  @Field(() => [ImportedTaskType]) tasks!: ImportedTaskType[]
  @Field(() => [ImportWarningType]) warnings!: ImportWarningType[]
  @Field(() => ImportCountsType, { description: 'What was written (all zero on a dry run).' }) created!: ImportCountsType
  @Field(() => Int, { description: 'Tasks due after the parent tasks they implement.' }) violations!: number
  @Field(() => [UserError]) userErrors!: UserError[]

  static of(result: ImportResult | null, userErrors: UserError[], dryRun: boolean): ImportPlanPayload {
    const p = result?.preview
    return Object.assign(new ImportPlanPayload(), {
      document: result?.document ? DocumentType.of(result.document) : null,
      dryRun,
      symbol: p?.header.symbol ?? null,
      issuer: p?.header.issuer ? ImportedAgencyType.of(p.header.issuer) : null,
      issuedOn: p?.header.issuedOn ?? null,
      title: p?.header.title ?? null,
      implements: (p?.implements ?? []).map((c) =>
        Object.assign(new ImportCitationType(), {
          symbol: c.symbol,
          issuedOn: c.issuedOn,
          issuerCode: c.issuer?.code ?? null,
          known: c.documentKey !== null,
        }),
      ),
      tasks: (p?.tasks ?? []).map((t) =>
        Object.assign(new ImportedTaskType(), {
          code: t.code,
          parentCode: t.parentCode,
          content: t.content,
          lead: t.lead.map(ImportedAgencyType.of),
          coordinating: t.coordinating.map(ImportedAgencyType.of),
          timePhrase: t.timePhrase,
          deadlineKind: t.deadline?.kind ?? null,
          dueDate: t.deadline?.dueDate ?? null,
          grouping: t.grouping,
          line: t.line,
        }),
      ),
      warnings: (p?.warnings ?? []).map((w) => Object.assign(new ImportWarningType(), w)),
      created: Object.assign(
        new ImportCountsType(),
        result?.created ?? { documents: 0, links: 0, tasks: 0, assignments: 0, targets: 0, sources: 0 },
      ),
      violations: result?.violations.length ?? 0,
      userErrors,
    })
  }
}
