import { Migrator, type Migration, type MigrationResultSet } from 'kysely'
import { initialMigration } from './migrations/0001-initial.js'
import { alignmentReviewMigration } from './migrations/0002-alignment-review.js'
import { derivedMigration } from './migrations/0003-derived.js'
import { apiKeyMigration } from './migrations/0004-api-key.js'
import { agencyAliasMigration } from './migrations/0005-agency-alias.js'
import { obligationSpanMigration } from './migrations/0006-obligation-span.js'
import { naturalKeysMigration } from './migrations/0007-natural-keys.js'
import { idempotencyMigration } from './migrations/0008-idempotency.js'
import { documentSourceMigration } from './migrations/0009-document-source.js'
import { apiKeyUseMigration } from './migrations/0010-api-key-use.js'
import { measurementMigration } from './migrations/0011-measurement.js'
import { organizationSearchMigration } from './migrations/0012-organization-search.js'
import { documentIssueOrderMigration } from './migrations/0013-document-issue-order.js'
import type { Store } from './open-store.js'
import type { StoreKind } from './store-kind.js'

/**
 * The migrations of chidao's schema, in order, for one store.
 *
 * @example
 * Object.keys(migrations('sqlite')) //=> ['0001-initial', '0002-alignment-review', …]
 */
export function migrations(store: StoreKind): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(store),
    '0002-alignment-review': alignmentReviewMigration,
    '0003-derived': derivedMigration,
    '0004-api-key': apiKeyMigration,
    '0005-agency-alias': agencyAliasMigration,
    '0006-obligation-span': obligationSpanMigration,
    '0007-natural-keys': naturalKeysMigration,
    '0008-idempotency': idempotencyMigration,
    '0009-document-source': documentSourceMigration,
    '0010-api-key-use': apiKeyUseMigration,
    '0011-measurement': measurementMigration,
    '0012-organization-search': organizationSearchMigration,
    '0013-document-issue-order': documentIssueOrderMigration,
  }
}

function migrator(store: Store): Migrator {
  return new Migrator({ db: store.db, provider: { getMigrations: async () => migrations(store.kind) } })
}

/**
 * Brings the schema up to date; throws if a migration fails (kysely rolls that one back).
 *
 * @example
 * await migrateToLatest(await openStore(':memory:'))
 */
export async function migrateToLatest(store: Store): Promise<MigrationResultSet> {
  const result = await migrator(store).migrateToLatest()
  if (result.error) throw result.error
  return result
}

/**
 * Undoes every migration: an empty database again.
 *
 * @example
 * await migrateDown(store) // undoes every migration, newest first (an empty schema)
 */
export async function migrateDown(store: Store): Promise<void> {
  const m = migrator(store)
  for (;;) {
    const result = await m.migrateDown()
    if (result.error) throw result.error
    if (!result.results?.length) return
  }
}
