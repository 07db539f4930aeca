/**
 * The `chidao` command: `serve` the GraphQL API, `migrate` a store, `seed` it with the fixtures, `import` a plan, export a `report`.
 */
import './production.js'
import 'reflect-metadata'
import { Command } from 'commander'
import { Chidao, ensureLocalAdminKey, migrateToLatest, openStore, revokeApiKey, type OpenStoreOptions, type Store } from '@chidao/core'
import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { destination, pino } from 'pino'
import { createGateway } from './gateway.js'
import { createHttpServer } from './http-server.js'
import { importFiles } from './import-files.js'
import { importSummary } from './import-summary.js'
import { keysCommand } from './keys-command.js'
import { reportCommand } from './report-command.js'
import { chooseStore, CliError, requireExistingStore, type StoreChoice, type StoreOptions } from './store-choice.js'

/** The fixtures, imported only when a store is seeded (the served gateway never needs them otherwise). */
function fixtures() {
  return import('@chidao/fixtures')
}

/** Timeouts from the environment: CHIDAO_STATEMENT_TIMEOUT_MS, CHIDAO_LOCK_TIMEOUT_MS (core's defaults otherwise). */
function storeSettings(): { statementTimeoutMs?: number; lockTimeoutMs?: number } {
  const read = (name: string) => {
    const value = Number(process.env[name])
    return Number.isFinite(value) && value > 0 ? value : undefined
  }
  const statementTimeoutMs = read('CHIDAO_STATEMENT_TIMEOUT_MS')
  const lockTimeoutMs = read('CHIDAO_LOCK_TIMEOUT_MS')
  return { ...(statementTimeoutMs ? { statementTimeoutMs } : {}), ...(lockTimeoutMs ? { lockTimeoutMs } : {}) }
}

/** A URL with its password hidden, for messages. */
function shown(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@')
}

/** Opens the chosen store (one clear line when it cannot), migrated. */
async function openChosen(choice: StoreChoice, settings: OpenStoreOptions = {}): Promise<Store> {
  let store: Store | undefined
  try {
    store = await openStore(choice.url, { ...storeSettings(), ...settings })
    const result = await migrateToLatest(store)
    if (result.error) throw result.error
    const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? []
    // stderr: stdout stays the command's own output (`import --json` prints JSON Lines only).
    if (applied.length) console.error(`${choice.kind}: applied ${applied.join(', ')}`)
    return store
  } catch (error) {
    await store?.close().catch(() => undefined)
    const reason = (error as { code?: string }).code ?? (error as Error).message
    const where = choice.kind === 'postgres' ? `PostgreSQL ${shown(choice.url)}` : `SQLite ${resolve(choice.file ?? choice.url)}`
    throw new CliError(
      `không mở được cơ sở dữ liệu ${where} (${choice.source}): ${reason}`,
      `cannot open the database ${where} (${choice.source}): ${reason}`,
    )
  }
}

/**
 * Opens the store the options name, migrated, runs `fn`, and closes it. `mustExist`: refuse to
 * create an SQLite file (reads, `--dry-run`, revocations).
 */
async function withStore(
  options: StoreOptions,
  fn: (store: Store, url: string) => Promise<void>,
  mode: { mustExist?: boolean } = {},
): Promise<void> {
  const choice = chooseStore(options)
  if (mode.mustExist) requireExistingStore(choice)
  const store = await openChosen(choice)
  try {
    await fn(store, choice.url)
  } finally {
    await store.close()
  }
}

const program = new Command().name('chidao').description('chidao: monitoring how government directives cascade').showHelpAfterError()

program
  .command('migrate')
  .description('bring the database schema up to date')
  .option('--db <file>', 'SQLite file (default chidao.sqlite, or DATABASE_URL)')
  .option('--database-url <url>', 'PostgreSQL URL (beats DATABASE_URL)')
  .action((options: StoreOptions) =>
    withStore(options, async () => {
      console.log(`${chooseStore(options).kind}: schema up to date`)
    }),
  )

program.addCommand(keysCommand(withStore))

program
  .command('seed')
  .description('load the real cascades of the seed documents and, unless --no-demo, a dated demo history of reports (idempotent)')
  .option('--no-demo', 'load the facts only, without the demo history of progress reports and verifications')
  .option('--db <file>', 'SQLite file (default chidao.sqlite, or DATABASE_URL)')
  .option('--database-url <url>', 'PostgreSQL URL (beats DATABASE_URL)')
  .action((options: StoreOptions & { demo: boolean }) =>
    withStore(options, async (store) => {
      const started = performance.now()
      const chidao = new Chidao(store)
      const summary = await (await fixtures()).loadFixtures(chidao)
      console.log(
        Object.entries(summary)
          .map(([k, n]) => `${k}: ${n}`)
          .join(', '),
      )
      if (options.demo) {
        const demo = await (await fixtures()).loadDemoHistory(chidao)
        console.log(
          `demo: ${demo.reports} reports (${demo.verified} verified, ${demo.rejected} rejected) on ${demo.obligations} obligations, ${demo.measurements} measured values of targets`,
        )
      }
      console.error(`chidao: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }),
  )

program
  .command('import')
  .description(
    'import plans from files — text, Word (.docx), PDF, scans (PDF without text, PNG/JPEG/TIFF; OCR) — or every file in a folder',
  )
  .argument('<paths...>', 'files, or folders whose files are read')
  .option('--dry-run', 'read and report only; write nothing')
  .option('--json', 'print one JSON object per file (JSON Lines) and nothing else on stdout')
  .option(
    '--resolve <phrase=CODE...>',
    'resolve a phrase of the text to an organisation or group ("các cơ quan, đơn vị liên quan=QNG.SKHCN")',
  )
  .option('--max-mb <n>', 'largest file read, MB', '20')
  .option('--actor <name>', 'who is importing, for the audit log', 'cli')
  .option('--db <file>', 'SQLite file (default chidao.sqlite, or DATABASE_URL)')
  .option('--database-url <url>', 'PostgreSQL URL (beats DATABASE_URL)')
  .action(
    (paths: string[], options: StoreOptions & { dryRun?: boolean; json?: boolean; resolve?: string[]; actor: string; maxMb: string }) =>
      withStore(
        options,
        async (store) => {
          const resolutions: Record<string, string> = {}
          for (const pair of options.resolve ?? []) {
            const at = pair.lastIndexOf('=')
            if (at <= 0) throw new Error(`--resolve expects phrase=CODE, not "${pair}"`)
            resolutions[pair.slice(0, at).trim()] = pair.slice(at + 1).trim()
          }
          const chidao = new Chidao(store)
          const outcomes = await importFiles(chidao, paths, {
            actor: options.actor,
            dryRun: options.dryRun ?? false,
            resolutions,
            json: options.json ?? false,
            maxBytes: Number(options.maxMb) * 1024 * 1024,
          })
          // One file on a terminal: the full reading, as before.
          const only = outcomes.length === 1 ? outcomes[0] : undefined
          if (only?.result && !options.json) console.log(`\n${importSummary(only.result)}`)
          if (outcomes.some((o) => !o.ok)) process.exitCode = 1
        },
        { mustExist: options.dryRun ?? false },
      ),
  )

// Reports only read: they never create a store.
program.addCommand(reportCommand((options, fn) => withStore(options, fn, { mustExist: true })))

/** Writes the local admin key's secret to a file only its owner may read. */
function writeKeyFile(path: string, secret: string): void {
  writeFileSync(path, `${secret}\n`, { mode: 0o600 })
  chmodSync(path, 0o600)
}

program
  .command('serve')
  .description('serve the GraphQL API and the dashboard (loads the fixtures into an empty store first)')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--private', 'require an API key for reads too')
  .option('--max-upload-mb <n>', 'largest file POST /import accepts, MB', '20')
  .option('--port <port>', 'port', '4000')
  .option('--key-file <file>', 'where the local admin key is written once (mode 0600)', 'chidao-admin.key')
  .option('--dev', 'development: stack traces in API errors (also CHIDAO_DEV=1)')
  .option('--no-introspection', 'refuse GraphQL introspection (the schema is public and documented, so it is on by default)')
  .option('--db <file>', 'SQLite file (default chidao.sqlite, or DATABASE_URL)')
  .option('--database-url <url>', 'PostgreSQL URL (beats DATABASE_URL)')
  .action(
    async (
      options: StoreOptions & {
        host: string
        port: string
        private?: boolean
        maxUploadMb: string
        keyFile: string
        dev?: boolean
        introspection: boolean
      },
    ) => {
      const port = Number(options.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port ${options.port} không hợp lệ`, `--port ${options.port} is not a port number`)
      const choice = chooseStore(options)
      const log = pino({ name: 'chidao' }, destination({ sync: true }))
      const store = await openChosen(choice, {
        onConnectionError: (error) => log.warn({ err: error.message }, 'store connection lost; the pool reconnects'),
      })
      const loaded = await (await fixtures()).loadFixtures(new Chidao(store))
      if (loaded.documents) {
        const demo = await (await fixtures()).loadDemoHistory(new Chidao(store))
        console.log(
          `chidao: loaded the fixtures (${loaded.documents} documents, ${loaded.tasks} tasks) and the demo history (${demo.reports} reports, ${demo.measurements} measured values of targets)`,
        )
      }
      const gateway = await createGateway({
        store,
        publicReads: !options.private,
        maxUploadBytes: Number(options.maxUploadMb) * 1024 * 1024,
        development: options.dev ?? process.env.CHIDAO_DEV === '1',
        introspection: options.introspection,
      })
      const server = createHttpServer((req, res) => {
        const started = performance.now()
        // The path only: never a query string (it could carry a key) nor a header.
        res.on('finish', () =>
          log.info(
            {
              method: req.method,
              path: (req.url ?? '').split('?')[0],
              status: res.statusCode,
              ms: Math.round(performance.now() - started),
            },
            'request',
          ),
        )
        void gateway.handler(req, res)
      })
      const close = () => gateway.stop().then(() => store.close())
      await new Promise<void>((done, fail) => {
        server.once('error', (error: NodeJS.ErrnoException) => {
          void close().finally(() =>
            fail(
              error.code === 'EADDRINUSE'
                ? new CliError(
                    `cổng ${port} trên ${options.host} đang bận (--port)`,
                    `port ${port} on ${options.host} is already in use (--port)`,
                  )
                : error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL'
                  ? new CliError(
                      `không nghe được trên ${options.host}:${port} (${error.code})`,
                      `cannot listen on ${options.host}:${port} (${error.code}; --host/--port)`,
                    )
                  : error,
            ),
          )
        })
        server.listen(port, options.host, () => done())
      })
      // The local admin key: made once, its secret written to a file only its owner reads.
      const keyFile = resolve(options.keyFile)
      const made = await ensureLocalAdminKey(store.db)
      if (made) {
        try {
          writeKeyFile(keyFile, made.secret)
          console.log(`chidao: local admin key written to ${keyFile} (mode 0600) / khoá quản trị ghi ở ${keyFile}`)
        } catch (error) {
          await revokeApiKey(store.db, { id: made.id, actor: 'serve' })
          server.close()
          await close()
          throw new CliError(
            `không ghi được khoá vào ${keyFile} (--key-file): ${(error as NodeJS.ErrnoException).code}`,
            `cannot write the admin key to ${keyFile} (--key-file): ${(error as NodeJS.ErrnoException).code}`,
          )
        }
      } else {
        console.log(
          existsSync(keyFile)
            ? `chidao: local admin key in ${keyFile}`
            : `chidao: a local admin key exists (its secret is not stored; \`chidao keys list\`, \`chidao keys revoke <id>\` then restart to write a new one to ${keyFile})`,
        )
      }
      log.info({ store: choice.kind, url: `http://${options.host}:${port}/graphql`, publicReads: !options.private }, 'listening')
      console.log(`chidao: dashboard at http://${options.host}:${port}/ , GraphQL at http://${options.host}:${port}/graphql`)
      const shutdown = () => {
        log.info('shutting down')
        server.close(() => void close().then(() => process.exit(0)))
      }
      process.once('SIGINT', shutdown)
      process.once('SIGTERM', shutdown)
    },
  )

try {
  await program.parseAsync()
} catch (error) {
  // One line, no stack trace: ours in Vietnamese and English, anything else by its message.
  console.error(error instanceof CliError ? `chidao: ${error.vi} — ${error.en}` : `chidao: ${(error as Error).message}`)
  process.exitCode = 1
}
