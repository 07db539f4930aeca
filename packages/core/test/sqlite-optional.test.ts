/**
 * sqlite3 is an optional peer of @chidao/core: without it, a PostgreSQL URL still opens and an
 * SQLite store fails with one message, in Vietnamese and English, saying what to install.
 * The package's absence is simulated by making its import fail.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { MISSING_SQLITE3 } from '../src/storage/sqlite/load-driver.js'
import { openStore } from '../src/storage/open-store.js'

vi.mock('sqlite3', () => {
  throw Object.assign(new Error("Cannot find package 'sqlite3' imported from open-store.js"), { code: 'ERR_MODULE_NOT_FOUND' })
})

describe('without the sqlite3 package', () => {
  it('opening an SQLite store says what to install (vi + en) and creates no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chidao-no-sqlite3-'))
    try {
      const file = join(dir, 'chidao.sqlite')
      const store = await openStore(file)
      const error = await store.db
        .selectFrom('organization')
        .select('id')
        .execute()
        .then(
          () => null,
          (e: Error) => e,
        )
      await store.close().catch(() => undefined)
      expect(error?.message).toBe(MISSING_SQLITE3)
      expect(error?.message).toContain('Chưa cài gói sqlite3')
      expect(error?.message).toContain('npm install sqlite3')
      expect(error?.message).toContain('use a PostgreSQL URL')
      expect(existsSync(file)).toBe(false)
      // A second attempt tries again (and fails the same way), it does not keep a half-loaded driver.
      const again = await openStore(':memory:')
      await expect(again.db.selectFrom('organization').select('id').execute()).rejects.toThrow(MISSING_SQLITE3)
      await again.close().catch(() => undefined)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a PostgreSQL URL opens without loading it', async () => {
    // No server needed: opening a PostgreSQL store connects lazily; what matters is that sqlite3 is never imported.
    const store = await openStore('postgres://postgres@127.0.0.1:1/none')
    expect(store.kind).toBe('postgres')
    await store.close()
  })

  it('core declares sqlite3 an optional peer (and the gateway, whose command defaults to SQLite, a dependency)', () => {
    const core = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(core.dependencies?.sqlite3).toBeUndefined()
    expect(core.peerDependencies?.sqlite3).toMatch(/^\^6/)
    expect(core.peerDependenciesMeta?.sqlite3?.optional).toBe(true)
    const gateway = JSON.parse(readFileSync(new URL('../../gateway/package.json', import.meta.url), 'utf8'))
    expect(gateway.dependencies?.sqlite3).toMatch(/^\^6/)
  })
})
