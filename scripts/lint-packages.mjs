#!/usr/bin/env node
// Packs each workspace as npm would publish it (npm pack, into a temporary directory) and checks the
// tarball with publint (package.json fields, exports, files) and @arethetypeswrong/cli (types for
// every resolver; profile esm-only: the packages are ES modules, and Node 20.19 can require() them).
// Run after the build (the tarballs hold dist/). `npm run lint:packages`; part of `npm test`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const bin = (name) => join(root, 'node_modules', '.bin', name)
const out = mkdtempSync(join(tmpdir(), 'chidao-pack-'))
let failed = 0
try {
  for (const ws of workspaces) {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', out, '-w', ws], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    )
    const tarball = join(out, packed.filename)
    console.log(`\n${packed.name}@${packed.version}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} kB packed`)
    for (const [tool, args] of [
      ['publint', ['run', tarball, '--strict']],
      ['attw', [tarball, '--profile', 'esm-only', '--format', 'table-flipped']],
    ]) {
      try {
        process.stdout.write(execFileSync(bin(tool), args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }))
      } catch (error) {
        failed++
        process.stdout.write(`${error.stdout ?? ''}${error.stderr ?? ''}`)
        console.log(`✗ ${tool} failed on ${packed.name}`)
      }
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true })
}
if (failed) {
  console.error(`\nlint:packages: ${failed} check(s) failed`)
  process.exit(1)
}
console.log('\nlint:packages: every package passes publint and attw')
