/**
 * `chidao keys create|list|revoke`: API keys with a life cycle. The secret is printed once by
 * `create` and never again; `list` shows organisation, role, created, last used and revoked,
 * never a secret or its hash; a revoked key is refused from the next request on.
 */
import { API_KEY_ROLES, Chidao, createApiKey, listApiKeys, revokeApiKey, type Store } from '@chidao/core'
import { Command } from 'commander'
import { CliError, type StoreOptions } from './store-choice.js'

type WithStore = (options: StoreOptions, fn: (store: Store) => Promise<void>, mode?: { mustExist?: boolean }) => Promise<void>

const storeOptions = (c: Command) =>
  c
    .option('--db <file>', 'SQLite file (default chidao.sqlite, or DATABASE_URL)')
    .option('--database-url <url>', 'PostgreSQL URL (beats DATABASE_URL)')

/**
 * The `keys` command and its subcommands.
 *
 * @example
 * program.addCommand(keysCommand(withStore))
 */
export function keysCommand(withStore: WithStore): Command {
  const keys = new Command('keys').description('manage API keys (create, list, revoke)')

  storeOptions(
    keys
      .command('create')
      .description('create an API key bound to an organisation and a role; prints the secret once')
      .option('--org <code>', 'organisation code (the key acts for it and the bodies below it); omit for a national key')
      .requiredOption('--role <role>', `one of ${API_KEY_ROLES.join(', ')}`)
      .option('--label <text>', 'a note on who holds it'),
  ).action((options: StoreOptions & { org?: string; role: string; label?: string }) =>
    withStore(options, async (store) => {
      const role = options.role.toUpperCase()
      if (!(API_KEY_ROLES as readonly string[]).includes(role)) {
        throw new CliError(`--role phải là một trong ${API_KEY_ROLES.join(', ')}`, `--role must be one of ${API_KEY_ROLES.join(', ')}`)
      }
      let organizationId: string | null = null
      if (options.org) {
        const org = await new Chidao(store).organizationByCode(options.org)
        if (!org) throw new CliError(`không có tổ chức mã ${options.org} (--org)`, `no organisation with code ${options.org} (--org)`)
        organizationId = org.id
      }
      const { secret, grant } = await createApiKey(store.db, { organizationId, role, label: options.label ?? null, actor: 'cli' })
      console.error(
        `chidao: key ${grant.keyId} (${options.org ?? 'national'}, ${role}); the secret below is shown once / khoá chỉ hiện một lần`,
      )
      console.log(secret)
    }),
  )

  storeOptions(
    keys
      .command('list')
      .description('list API keys: id, organisation, role, created, last used, revoked (never the secret)')
      .option('--json', 'one JSON object per key'),
  ).action((options: StoreOptions & { json?: boolean }) =>
    withStore(
      options,
      async (store) => {
        const rows = await listApiKeys(store.db)
        if (options.json) {
          for (const r of rows) console.log(JSON.stringify(r))
          return
        }
        const table = rows.map((r) => [
          r.id.slice(0, 8),
          r.organizationCode ?? '(national)',
          r.role,
          r.createdAt.slice(0, 16).replace('T', ' '),
          r.lastUsedAt ? r.lastUsedAt.slice(0, 16).replace('T', ' ') : '-',
          r.revokedAt ? `revoked ${r.revokedAt.slice(0, 10)}` : 'active',
          (r.localAdmin ? '[local admin] ' : '') + (r.label ?? ''),
        ])
        const head = ['id', 'organisation', 'role', 'created (UTC)', 'last used (UTC)', 'state', 'label']
        const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)))
        for (const row of [head, ...table])
          console.log(
            row
              .map((c, i) => c.padEnd(widths[i]!))
              .join('  ')
              .trimEnd(),
          )
        if (!rows.length) console.log('(no keys / chưa có khoá)')
      },
      { mustExist: true },
    ),
  )

  storeOptions(
    keys
      .command('revoke')
      .description('revoke an API key by id (or its first 8 characters, as `keys list` shows); it stops working at once')
      .argument('<id>', 'the key id'),
  ).action((id: string, options: StoreOptions) =>
    withStore(
      options,
      async (store) => {
        const listing = (await listApiKeys(store.db)).filter((k) => k.id === id || (id.length >= 8 && k.id.startsWith(id)))
        if (listing.length !== 1) {
          throw new CliError(
            `không có khoá ${id}${listing.length > 1 ? ' (trùng nhiều khoá)' : ''}`,
            `no API key ${id}${listing.length > 1 ? ' (ambiguous)' : ''}`,
          )
        }
        const done = await revokeApiKey(store.db, { id: listing[0]!.id, actor: 'cli' })
        console.log(`chidao: key ${done.id.slice(0, 8)} revoked at ${done.revokedAt} / đã thu hồi`)
      },
      { mustExist: true },
    ),
  )

  return keys
}
