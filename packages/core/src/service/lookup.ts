/**
 * The throwing readers commands use: each finds one thing named by the input, or throws the coded
 * UNKNOWN_… error naming the input field. (The nullable readers are the queries.)
 */
import { DomainError } from '../errors.js'
import type { Document } from '../model/document.js'
import type { Organization, OrganizationGroup } from '../model/organization.js'
import type { Report } from '../model/report.js'
import type { Task } from '../model/task.js'
import type { Db } from '../storage/db.js'
import { findDocument } from '../storage/repo/documents.js'
import { findGroupByCode, findOrganizationByCode, organizationsByIds } from '../storage/repo/organizations.js'
import { findReport } from '../storage/repo/reports.js'
import { findTask } from '../storage/repo/tasks.js'
import { requireText } from './validate.js'

/** The organisation with the code given in `field`. Errors: INVALID_INPUT, UNKNOWN_ORGANIZATION. */
export async function requireOrganization(db: Db, code: unknown, field: string): Promise<Organization> {
  const text = requireText(code, field, 100)
  const org = await findOrganizationByCode(db, text)
  if (!org) throw new DomainError('UNKNOWN_ORGANIZATION', `No organization with code ${text}`, { field: ['input', field] })
  return org
}

/** The organisation a stored row refers to. Errors: UNKNOWN_ORGANIZATION. */
export async function requireOrganizationById(db: Db, id: string): Promise<Organization> {
  const [org] = await organizationsByIds(db, [id])
  if (!org) throw new DomainError('UNKNOWN_ORGANIZATION', `No organization ${id}`)
  return org
}

/** The group with the code given in `field` (a path such as `assignments.0.groupCode`). Errors: UNKNOWN_ORGANIZATION. */
export async function requireGroup(db: Db, code: string, field: readonly string[]): Promise<OrganizationGroup> {
  const group = await findGroupByCode(db, code)
  if (!group) throw new DomainError('UNKNOWN_ORGANIZATION', `No group with code ${code}`, { field: ['input', ...field] })
  return group
}

/** The document with the id given in `field`. Errors: UNKNOWN_DOCUMENT. */
export async function requireDocument(db: Db, id: unknown, field = 'id'): Promise<Document> {
  const doc = typeof id === 'string' ? await findDocument(db, id) : null
  if (!doc) throw new DomainError('UNKNOWN_DOCUMENT', `No document ${String(id)}`, { field: ['input', field] })
  return doc
}

/** The documents with the ids given in `field`, each once. Errors: UNKNOWN_DOCUMENT. */
export async function requireDocuments(db: Db, ids: readonly string[], field: string): Promise<Document[]> {
  const out: Document[] = []
  for (const id of new Set(ids)) out.push(await requireDocument(db, id, field))
  return out
}

/** The task with the id given in `field`. Errors: UNKNOWN_TASK. */
export async function requireTask(db: Db, id: unknown, field = 'id'): Promise<Task> {
  const task = typeof id === 'string' ? await findTask(db, id) : null
  if (!task) throw new DomainError('UNKNOWN_TASK', `No task ${String(id)}`, { field: ['input', field] })
  return task
}

/** The report with the id given in `field`, with its evidence. Errors: UNKNOWN_REPORT. */
export async function requireReport(db: Db, id: unknown, field = 'id'): Promise<Report> {
  const report = typeof id === 'string' ? await findReport(db, id) : null
  if (!report) throw new DomainError('UNKNOWN_REPORT', `No report ${String(id)}`, { field: ['input', field] })
  return report
}
