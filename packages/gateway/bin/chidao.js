#!/usr/bin/env node
// The `chidao` command. This file is committed (and executable) so the command exists right after
// `npm install`, whatever the build does; it checks the Node version before anything else loads,
// then runs the built command in ../dist/cli.js.
var need = [20, 19]
var have = process.versions.node.split('.').map(Number)
if (have[0] < need[0] || (have[0] === need[0] && have[1] < need[1])) {
  process.stderr.write(
    'chidao: cần Node.js ' +
      need.join('.') +
      ' trở lên; máy này có ' +
      process.versions.node +
      '.\n' +
      'chidao: needs Node.js ' +
      need.join('.') +
      ' or newer; this is ' +
      process.versions.node +
      '.\n',
  )
  process.exit(1)
}
import('../dist/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && /dist[\\/]cli\.js/.test(String(error.message))) {
    process.stderr.write(
      'chidao: chưa build; chạy `npm run build` ở thư mục gốc.\n' + 'chidao: not built yet; run `npm run build` at the repository root.\n',
    )
  } else {
    process.stderr.write('chidao: ' + (error?.message ? error.message : String(error)) + '\n')
  }
  process.exit(1)
})
