#!/usr/bin/env node
/**
 * The `chidao` command: `serve` the GraphQL API, `migrate` a store, `seed` it with the fixtures, `import` a plan, export a `report`.
 */
import { Command } from 'commander'
import { API_KEY_ROLES, Chidao, createApiKey, migrateToLatest, openStore, storeKindOf, type Store } from '@chidao/core'
import { loadFixtures } from '@chidao/fixtures'
import http from 'node:http'
import { destination, pino } from 'pino'
import { createGateway } from './gateway.js'
import { importFiles } from './import-files.js'
import { importSummary } from './import-summary.js'
import { reportCommand } from './report-command.js'

const DEFAULT_DB = 'chidao.sqlite'

function databaseUrl(options: StoreOptions): string {
  return options.databaseUrl ?? process.env.DATABASE_URL ?? options.db ?? DEFAULT_DB
}

interface StoreOptions {
  db?: string
  databaseUrl?: string
}

/** Opens the store the options name, migrated, runs `fn`, and closes it. */
async function withStore(options: StoreOptions, fn: (store: Store, url: string) => Promise<void>): Promise<void> {
  const url = databaseUrl(options)
  const store = await openStore(url)
  try {
    const result = await migrateToLatest(store)
    const applied = result.results?.map((r) => r.migrationName) ?? []
    // stderr: stdout stays the command's own output (`import --json` prints JSON Lines only).
    if (applied.length) console.error(`${storeKindOf(url)}: applied ${applied.join(', ')}`)
    await fn(store, url)
  } finally {
    await store.close()
  }
}

const program = new Command()
  .name('chidao')
  .description('chidao: monitoring how government directives cascade')

program
  .command('migrate')
  .description('bring the database schema up to date')
  .option('--db <file>', 'SQLite file', DEFAULT_DB)
  .option('--database-url <url>', 'PostgreSQL URL (or set DATABASE_URL)')
  .action((options: StoreOptions) => withStore(options, async (_store, url) => {
    console.log(`${storeKindOf(url)}: schema up to date`)
  }))

program
  .command('keys')
  .description('manage API keys')
  .command('create')
  .description('create an API key bound to an organisation and a role; prints the key once')
  .requiredOption('--org <code>', 'organisation code (the key acts for it and the bodies below it)')
  .requiredOption('--role <role>', `one of ${API_KEY_ROLES.join(', ')}`)
  .option('--label <text>', 'a note on who holds it')
  .option('--db <file>', 'SQLite file', DEFAULT_DB)
  .option('--database-url <url>', 'PostgreSQL URL (or set DATABASE_URL)')
  .action((options: StoreOptions & { org: string; role: string; label?: string }) => withStore(options, async (store) => {
    const org = await new Chidao(store).organizationByCode(options.org)
    if (!org) throw new Error(`No organisation with code ${options.org}`)
    const { secret } = await createApiKey(store.db, { organizationId: org.id, role: options.role.toUpperCase(), label: options.label ?? null })
    console.log(secret)
  }))

program
  .command('seed')
  .description('load the real cascades of the seed documents (idempotent)')
  .option('--db <file>', 'SQLite file', DEFAULT_DB)
  .option('--database-url <url>', 'PostgreSQL URL (or set DATABASE_URL)')
  .action((options: StoreOptions) => withStore(options, async (store) => {
    const summary = await loadFixtures(new Chidao(store))
    console.log(Object.entries(summary).map(([k, n]) => `${k}: ${n}`).join(', '))
  }))

program
  .command('import')
  .description('import plans from files — text, Word (.docx), PDF, scans (PDF without text, PNG/JPEG/TIFF; OCR) — or every file in a folder')
  .argument('<paths...>', 'files, or folders whose files are read')
  .option('--dry-run', 'read and report only; write nothing')
  .option('--json', 'print one JSON object per file (JSON Lines) and nothing else on stdout')
  .option('--resolve <phrase=CODE...>', 'resolve a phrase of the text to an organisation or group ("các cơ quan, đơn vị liên quan=QNG.SKHCN")')
  .option('--max-mb <n>', 'largest file read, MB', '20')
  .option('--actor <name>', 'who is importing, for the audit log', 'cli')
  .option('--db <file>', 'SQLite file', DEFAULT_DB)
  .option('--database-url <url>', 'PostgreSQL URL (or set DATABASE_URL)')
  .action((paths: string[], options: StoreOptions & { dryRun?: boolean; json?: boolean; resolve?: string[]; actor: string; maxMb: string }) => withStore(options, async (store) => {
    const resolutions: Record<string, string> = {}
    for (const pair of options.resolve ?? []) {
      const at = pair.lastIndexOf('=')
      if (at <= 0) throw new Error(`--resolve expects phrase=CODE, not "${pair}"`)
      resolutions[pair.slice(0, at).trim()] = pair.slice(at + 1).trim()
    }
    const chidao = new Chidao(store)
    const outcomes = await importFiles(chidao, paths, {
      actor: options.actor, dryRun: options.dryRun ?? false, resolutions, json: options.json ?? false, maxBytes: Number(options.maxMb) * 1024 * 1024,
    })
    // One file on a terminal: the full reading, as before.
    const only = outcomes.length === 1 ? outcomes[0] : undefined
    if (only?.result && !options.json) console.log(`\n${importSummary(only.result)}`)
    if (outcomes.some((o) => !o.ok)) process.exitCode = 1
  }))

program.addCommand(reportCommand(withStore))

program
  .command('serve')
  .description('serve the GraphQL API (loads the fixtures into an empty store first)')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--private', 'require an API key for reads too')
  .option('--max-upload-mb <n>', 'largest file POST /import accepts, MB', '20')
  .option('--port <port>', 'port', '4000')
  .option('--db <file>', 'SQLite file', DEFAULT_DB)
  .option('--database-url <url>', 'PostgreSQL URL (or set DATABASE_URL)')
  .action(async (options: StoreOptions & { host: string; port: string; private?: boolean; maxUploadMb: string }) => {
    const url = databaseUrl(options)
    const store = await openStore(url)
    await migrateToLatest(store)
    const loaded = await loadFixtures(new Chidao(store))
    if (loaded.documents) console.log(`chidao: loaded the fixtures (${loaded.documents} documents, ${loaded.tasks} tasks)`)
    const log = pino({ name: 'chidao' }, destination({ sync: true }))
    const gateway = await createGateway({ store, publicReads: !options.private, maxUploadBytes: Number(options.maxUploadMb) * 1024 * 1024 })
    const admin = await createApiKey(store.db, { organizationId: null, role: 'ADMIN', label: 'local admin (chidao serve)' })
    const server = http.createServer((req, res) => {
      const started = performance.now()
      res.on('finish', () => log.info({ method: req.method, path: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request'))
      void gateway.handler(req, res)
    })
    server.listen(Number(options.port), options.host, () => {
      log.info({ store: storeKindOf(url), url: `http://${options.host}:${options.port}/graphql`, publicReads: !options.private }, 'listening')
      console.log(`chidao: dashboard at http://${options.host}:${options.port}/ , GraphQL at http://${options.host}:${options.port}/graphql`)
      console.log(`chidao: local admin key (shown once): ${admin.secret}`)
    })
    const shutdown = () => {
      log.info('shutting down')
      server.close(() => void gateway.stop().then(() => store.close()).then(() => process.exit(0)))
    }
    process.once('SIGINT', shutdown)
    process.once('SIGTERM', shutdown)
  })

try {
  await program.parseAsync()
} catch (error) {
  console.error(`chidao: ${(error as Error).message}`)
  process.exitCode = 1
}
