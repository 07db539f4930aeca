/**
 * `npm run bench:postgraphile -w @chidao/gateway`: installs PostGraphile 5 (and the `pg` it uses)
 * into a folder outside the workspace — POSTGRAPHILE_DIR, default `<tmp>/chidao-postgraphile`, kept
 * for the next run — so that it never enters chidao's own install, then runs
 * bench/versus-postgraphile.ts against it. PostGraphile 5 asks for Node 22; the bench adds the one
 * thing it needs on Node 20 (`Promise.withResolvers`).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = process.env.POSTGRAPHILE_DIR ?? join(tmpdir(), 'chidao-postgraphile')
const version = process.env.POSTGRAPHILE_VERSION ?? '^5.1.5'
const run = (command, args, env = process.env) => {
  const r = spawnSync(command, args, { stdio: 'inherit', env })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
if (!existsSync(join(dir, 'node_modules', 'postgraphile', 'package.json'))) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n')
  console.log(`installing postgraphile@${version} into ${dir} (outside the workspace)…`)
  run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', `postgraphile@${version}`, 'pg@^8'])
}
run(process.execPath, ['--import', 'tsx', 'bench/versus-postgraphile.ts'], {
  ...process.env,
  POSTGRAPHILE_DIR: dir,
  GRAPHILE_ENV: 'production',
  NODE_ENV: process.env.NODE_ENV ?? 'production',
})
