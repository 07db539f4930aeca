/**
 * The first hour of a new user and an operator, through the BUILT command (bin/chidao.js →
 * dist/cli.js) in a temporary directory: the command itself, the Node check, choosing the store,
 * keys with a life cycle, serve's one local admin key, clear one-line errors, the demo history.
 */
import { Chidao, openStore, resolveApiKey } from '@chidao/core'
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseStore, CliError } from '../src/store-choice.js'

const BIN = fileURLToPath(new URL('../bin/chidao.js', import.meta.url))
const built = existsSync(fileURLToPath(new URL('../dist/cli.js', import.meta.url)))
const env = { ...process.env, DATABASE_URL: '' }

function run(
  args: string[],
  cwd: string,
  extra: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [...nodeArgs, BIN, ...args], { cwd, env: { ...env, ...extra }, timeout: 120_000 }, (error, out, err) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err })
    })
  })
}

/** Starts `chidao serve`, resolves with its output once it listens (or its exit). */
function serve(args: string[], cwd: string): Promise<{ out: string; err: string; code: number | null; stop: () => Promise<void> }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd, env })
    let out = ''
    let err = ''
    const stop = () =>
      new Promise<void>((stopped) => {
        child.once('exit', () => stopped())
        child.kill('SIGTERM')
      })
    child.stdout.on('data', (d) => {
      out += d
      if (out.includes('GraphQL at')) done({ out, err, code: null, stop })
    })
    child.stderr.on('data', (d) => {
      err += d
    })
    child.once('exit', (code) => done({ out, err, code, stop: async () => undefined }))
  })
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => done(port))
    })
  })
}

describe('choosing the store', () => {
  it('an explicit flag beats DATABASE_URL, which beats the default', () => {
    const pg = { DATABASE_URL: 'postgres://u@h/db' }
    expect(chooseStore({ db: 'x.sqlite' }, pg)).toMatchObject({ url: 'x.sqlite', kind: 'sqlite', source: '--db' })
    expect(chooseStore({ databaseUrl: 'sqlite:y.db' }, pg)).toMatchObject({ kind: 'sqlite', source: '--database-url', file: 'y.db' })
    expect(chooseStore({}, pg)).toMatchObject({ kind: 'postgres', source: 'DATABASE_URL' })
    expect(chooseStore({}, {})).toMatchObject({ url: 'chidao.sqlite', source: 'default' })
  })

  it('refuses a URL that is neither PostgreSQL nor SQLite, naming what it understood', () => {
    expect(() => chooseStore({ databaseUrl: 'postgresql:chidao' }, {})).toThrow(/understood: scheme "postgresql", rest "chidao"/)
    expect(() => chooseStore({}, { DATABASE_URL: 'mysql://h/db' })).toThrow(CliError)
    expect(() => chooseStore({}, { DATABASE_URL: 'mysql://h/db' })).toThrow(/DATABASE_URL/)
  })
})

describe.skipIf(!built)('the built command', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'chidao-first-hour-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is executable as committed and lists its commands', async () => {
    expect(statSync(BIN).mode & 0o111).not.toBe(0)
    const { code, out } = await run(['--help'], dir)
    expect(code).toBe(0)
    for (const c of ['serve', 'migrate', 'seed', 'import', 'keys', 'report']) expect(out).toContain(c)
  })

  it('stops on an unsupported Node before anything runs (vi + en), creating nothing', async () => {
    const old = 'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"18.19.0"}})'
    const { code, err } = await run(['seed'], dir, {}, ['--import', old])
    expect(code).toBe(1)
    expect(err).toContain('needs Node.js 20.19 or newer; this is 18.19.0')
    expect(err).toContain('cần Node.js')
    expect(readdirSync(dir)).toEqual([])
    // 20.19 is the floor of the whole tree (sqlite3 6 needs 20.17, vitest's vite 20.19): 20.18 is refused too.
    const older = 'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"20.18.3"}})'
    const second = await run(['seed'], dir, {}, ['--import', older])
    expect(second.code).toBe(1)
    expect(second.err).toContain('needs Node.js 20.19 or newer; this is 20.18.3')
    expect(readdirSync(dir)).toEqual([])
  }, 120_000)

  it('refuses postgresql:chidao without creating a file, naming the setting', async () => {
    const { code, err } = await run(['migrate'], dir, { DATABASE_URL: 'postgresql:chidao' })
    expect(code).toBe(1)
    expect(err.trim().split('\n')).toHaveLength(1)
    expect(err).toContain('DATABASE_URL="postgresql:chidao"')
    expect(readdirSync(dir)).toEqual([])
  })

  it('--dry-run and read-only commands never create a database', async () => {
    for (const args of [
      ['import', '--dry-run', 'plan.txt'],
      ['keys', 'list'],
      ['report', 'scorecard'],
      ['keys', 'list', '--db', 'other.sqlite'],
    ]) {
      const { code, err } = await run(args, dir)
      expect(code, args.join(' ')).toBe(1)
      expect(err).toMatch(/no database at .*sqlite/)
      expect(err).not.toMatch(/\n\s+at /)
    }
    expect(readdirSync(dir)).toEqual([])
  }, 300_000)

  it('an unreachable database or a read-only directory: one line, non-zero', async () => {
    const port = await freePort()
    const pg = await run(['migrate'], dir, { DATABASE_URL: `postgres://u:secret@127.0.0.1:${port}/none` })
    expect(pg.code).toBe(1)
    expect(pg.err.trim().split('\n')).toHaveLength(1)
    expect(pg.err).toContain('cannot open the database PostgreSQL postgres://u:***@127.0.0.1')
    expect(pg.err).not.toContain('secret')
    const ro = await run(['migrate', '--db', '/proc/chidao.sqlite'], dir)
    expect(ro.code).toBe(1)
    expect(ro.err).toContain('cannot open the database SQLite /proc/chidao.sqlite (--db)')
  }, 180_000)

  describe('seeded', () => {
    beforeAll(async () => {
      const seeded = await run(['seed'], dir)
      expect(seeded.code, seeded.err).toBe(0)
      expect(seeded.out).toMatch(/demo: \d+ reports/)
    }, 180_000)

    it('the demo history makes scorecards show on-time, late, overdue and rejected', async () => {
      const store = await openStore(join(dir, 'chidao.sqlite'))
      try {
        const chidao = new Chidao(store)
        const card = await chidao.scorecardCounts({ province: 'QNG' }, '2025-12-31')
        expect(card.counts.COMPLETED_ON_TIME).toBeGreaterThan(0)
        expect(card.counts.COMPLETED_LATE).toBeGreaterThan(0)
        expect(card.counts.OVERDUE).toBeGreaterThan(0)
        expect(card.onTimeRate).toBeGreaterThan(20)
        expect(card.onTimeRate).toBeLessThan(95)
        const rejected = await store.db.selectFrom('report').select('id').where('verificationStatus', '=', 'REJECTED').execute()
        expect(rejected.length).toBeGreaterThan(0)
      } finally {
        await store.close()
      }
      // Idempotent: a second seed adds no demo report.
      const again = await run(['seed'], dir)
      expect(again.out).toContain('demo: 0 reports')
    }, 180_000)

    it('keys create | list | revoke: list never shows the secret, a revoked key stops working at once', async () => {
      const created = await run(['keys', 'create', '--org', 'QNG', '--role', 'editor', '--label', 'Sở'], dir)
      expect(created.code, created.err).toBe(0)
      const secret = created.out.trim()
      expect(secret).toMatch(/^chd_/)
      const listed = await run(['keys', 'list'], dir)
      expect(listed.out).toMatch(/QNG\s+EDITOR/)
      expect(listed.out).not.toContain(secret)
      const store = await openStore(join(dir, 'chidao.sqlite'))
      try {
        const grant = await resolveApiKey(store.db, secret)
        expect(grant?.role).toBe('EDITOR')
        const used = JSON.parse((await run(['keys', 'list', '--json'], dir)).out.trim().split('\n')[0]!)
        expect(used.lastUsedAt).not.toBeNull()
        expect(JSON.stringify(used)).not.toContain(secret)
        const revoked = await run(['keys', 'revoke', grant!.keyId.slice(0, 8)], dir)
        expect(revoked.code, revoked.err).toBe(0)
        expect(await resolveApiKey(store.db, secret)).toBeNull()
      } finally {
        await store.close()
      }
      expect((await run(['keys', 'revoke', 'nonexistent'], dir)).code).toBe(1)
    }, 120_000)

    it('serve makes one local admin key, 0600, never printed; a port in use is one line and makes nothing', async () => {
      const port = await freePort()
      const first = await serve(['--port', String(port)], dir)
      await first.stop()
      expect(first.out).toContain(`local admin key written to ${join(dir, 'chidao-admin.key')}`)
      const keyFile = join(dir, 'chidao-admin.key')
      expect(statSync(keyFile).mode & 0o777).toBe(0o600)
      const secret = readFileSync(keyFile, 'utf8').trim()
      expect(first.out + first.err).not.toContain(secret)
      const second = await serve(['--port', String(port)], dir)
      await second.stop()
      expect(second.out).toContain(`local admin key in ${keyFile}`)
      const admins = () =>
        run(['keys', 'list', '--json'], dir).then((r) =>
          r.out
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l))
            .filter((k) => k.localAdmin),
        )
      expect(await admins()).toHaveLength(1)

      const blocker = net.createServer().listen(port, '127.0.0.1')
      await new Promise((r) => blocker.once('listening', r))
      try {
        const busy = await serve(['--port', String(port), '--key-file', 'other.key'], dir)
        expect(busy.code).toBe(1)
        expect(busy.err.trim().split('\n')).toHaveLength(1)
        expect(busy.err).toContain(`port ${port} on 127.0.0.1 is already in use`)
        expect(existsSync(join(dir, 'other.key'))).toBe(false)
        expect(await admins()).toHaveLength(1)
      } finally {
        blocker.close()
      }
    }, 180_000)
  })

  it("the README's quick start: serve on an empty store loads the seed and the demo; the scorecard has non-zero rates, a department finds its code", async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'chidao-quickstart-'))
    const port = await freePort()
    const served = await serve(['--port', String(port)], fresh)
    try {
      expect(served.code, served.err).toBeNull()
      expect(served.out).toMatch(
        /loaded the fixtures \(\d+ documents, \d+ tasks\) and the demo history \(\d+ reports, \d+ measured values of targets\)/,
      )
      const ask = async (query: string) => {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        })
        return (await res.json()) as { data: any; errors?: unknown }
      }
      const card = await ask('{ provinceScorecard(province: "QNG", asOf: "2025-12-31") { total onTimeRate percentComplete } }')
      expect(card.errors).toBeUndefined()
      expect(card.data.provinceScorecard.total).toBeGreaterThan(0)
      expect(card.data.provinceScorecard.onTimeRate).toBeGreaterThan(0)
      expect(card.data.provinceScorecard.percentComplete).toBeGreaterThan(0)
      const found = await ask('{ organizations(search: "so tai chinh", province: "QNG") { edges { node { code name } } } }')
      expect(found.data.organizations.edges).toEqual([{ node: { code: 'QNG.STC', name: 'Sở Tài chính' } }])
      const keys = await run(['keys', 'list'], fresh)
      expect(keys.code, keys.err).toBe(0)
      expect(keys.out).toMatch(/\(national\)\s+ADMIN .*\[local admin\]/)
    } finally {
      await served.stop()
      rmSync(fresh, { recursive: true, force: true })
    }
  }, 300_000)

  it('seed --no-demo loads the facts only', async () => {
    const other = mkdtempSync(join(tmpdir(), 'chidao-nodemo-'))
    try {
      const seeded = await run(['seed', '--no-demo'], other)
      expect(seeded.code, seeded.err).toBe(0)
      expect(seeded.out).not.toContain('demo:')
      const store = await openStore(join(other, 'chidao.sqlite'))
      try {
        expect(await store.db.selectFrom('report').select('id').execute()).toHaveLength(0)
      } finally {
        await store.close()
      }
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  }, 180_000)
})
