/**
 * The layer rule, enforced (`npm run lint:deps`, run first by `npm test`): no import cycle, and no
 * upward import. In core: foundation (errors, text) → calendar → deadline, document → model (plain
 * data over those value types) → hierarchy, import (pure rules) → storage (all SQL) → service
 * (commands and queries) → index. Between packages: core imports neither gateway nor fixtures nor
 * GraphQL; fixtures do not import the gateway; nobody reaches into core past its exports.
 */
const CORE = '^packages/core/src/'
const LAYERS = [
  ['foundation', '(errors[.]ts|text/)'],
  ['calendar', 'calendar/'],
  ['values', '(deadline|document)/'],
  ['model', 'model/'],
  ['rules', '(hierarchy|import)/'],
  ['storage', 'storage/'],
  ['service', 'service/'],
]

const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `no-upward-from-${name}`,
  comment: `core's ${name} layer may not import a layer above it (${LAYERS.slice(i + 1)
    .map(([n]) => n)
    .join(', ')})`,
  severity: 'error',
  from: { path: `${CORE}${path}`, pathNot: '[.]test[.]ts$' },
  to: {
    path: `${CORE}(${LAYERS.slice(i + 1)
      .map(([, p]) => p)
      .join('|')}|index[.]ts$)`,
  },
}))

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'an import cycle', severity: 'error', from: {}, to: { circular: true } },
    ...upward,
    {
      name: 'sql-only-in-storage',
      comment: "all SQL is in core's storage: the service and the rules use kysely's types only, never its query builders or sql``",
      severity: 'error',
      from: { path: `${CORE}(?!storage/)`, pathNot: '[.]test[.]ts$' },
      to: { path: 'node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'queries-below-commands',
      comment: 'queries, lookups and authorization read; they never import a command',
      severity: 'error',
      from: { path: `${CORE}service/(queries/|lookup[.]ts|authorize[.]ts|command-tx[.]ts|shape[.]ts|grant[.]ts)` },
      to: { path: `${CORE}service/(commands/|chidao[.]ts)` },
    },
    {
      name: 'core-knows-no-api',
      comment: 'core knows nothing of GraphQL, HTTP or the other packages',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '(^packages/(gateway|fixtures)/|node_modules/(graphql|type-graphql|@apollo|dataloader)/)' },
    },
    {
      name: 'fixtures-below-gateway',
      severity: 'error',
      from: { path: '^packages/fixtures/' },
      to: { path: '^packages/gateway/' },
    },
    {
      name: 'core-through-its-exports',
      comment: 'other packages use core through @chidao/core (or a subpath it exports), never a file of its source',
      severity: 'error',
      from: { path: '^packages/(gateway|fixtures)/src/' },
      to: { path: '^packages/core/src/', pathNot: '^packages/core/src/(index|testing)[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^packages/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@chidao/source', 'import', 'types', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
}
