/**
 * Every command an API offers, each described once in its aggregate's module. A new command is
 * a `defineCommand({...})` in one of them (or a new module) and a line here; the gateway then
 * serves it as a mutation (see the README's "Adding a command").
 */
import type { AnyCommand } from '../command-tx.js'
import { recordAlignmentReview } from './alignment-reviews.js'
import { linkDocument, registerDocument, updateDocument } from './documents.js'
import { addTarget } from './targets.js'
import { registerAlias, registerGroup, registerOrganization, registerSuccession } from './organizations.js'
import { measureTarget } from './measurements.js'
import { submitReport, verifyReport } from './reports.js'
import { addTask, assign, linkTask, updateTask } from './tasks.js'

export { recordAlignmentReview } from './alignment-reviews.js'
export { linkDocument, registerDocument, updateDocument } from './documents.js'
export { addTarget } from './targets.js'
export { registerAlias, registerGroup, registerOrganization, registerSuccession } from './organizations.js'
export { measureTarget } from './measurements.js'
export { submitReport, verifyReport } from './reports.js'
export { addTask, assign, linkTask, updateTask } from './tasks.js'

/** The commands an API serves, in the order it lists them. */
export const COMMANDS: readonly AnyCommand[] = [
  registerDocument,
  addTask,
  linkTask,
  assign,
  submitReport,
  verifyReport,
  recordAlignmentReview,
  registerSuccession,
  registerOrganization,
  registerGroup,
  linkDocument,
  updateDocument,
  updateTask,
  addTarget,
  registerAlias,
  measureTarget,
]
