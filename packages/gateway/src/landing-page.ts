/**
 * GraphiQL at the endpoint, offline: the page loads GraphiQL and React from this gateway
 * (`/graphiql/…`, served from the installed packages), never from a CDN — government networks and
 * this machine are often offline.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'

const require = createRequire(import.meta.url)

/** A package's directory. Their `exports` maps hide these files, so walk up from the main entry. */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name))
  while (!dir.endsWith(`${sep}node_modules${sep}${name}`)) {
    const up = dirname(dir)
    if (up === dir) throw new Error(`Cannot find the directory of ${name}`)
    dir = up
  }
  return dir
}

/** The files the page needs, by the path they are served under. */
export const GRAPHIQL_ASSETS: Readonly<Record<string, { file: string; type: string }>> = {
  '/graphiql/react.production.min.js': { file: 'react|umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  '/graphiql/react-dom.production.min.js': { file: 'react-dom|umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
  '/graphiql/graphiql.min.js': { file: 'graphiql|graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  '/graphiql/graphiql.min.css': { file: 'graphiql|graphiql.min.css', type: 'text/css; charset=utf-8' },
}

const cache = new Map<string, Buffer>()

/** The bytes of an asset path, or undefined when it is not one. */
export function graphiqlAsset(path: string): { body: Buffer; type: string } | undefined {
  const asset = GRAPHIQL_ASSETS[path]
  if (!asset) return undefined
  let body = cache.get(path)
  if (!body) {
    const [pkg, file] = asset.file.split('|') as [string, string]
    cache.set(path, (body = readFileSync(join(packageDir(pkg), file))))
  }
  return { body, type: asset.type }
}

const DEFAULT_QUERY = `# chidao: the cascade of directives. Try:
{
  parseDeadline(text: "Quy 1V/2025 (theo 16 trinh huong dan cua Van phong Trung uong Dang)") {
    kind dueDate effectiveDueDate condition normalized english
  }
  document(symbol: "01-KH/BCĐ") {
    symbol title issuedOn issuer { name }
    tasks(first: 3) { edges { node { code timePhrase effectiveDeadline { dueDate } status(asOf: "2025-11-03") } } }
  }
}
`

export const LANDING_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>chidao GraphQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<style>html,body,#graphiql{height:100%;margin:0}</style></head>
<body><div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script>
const fetcher = GraphiQL.createFetcher({ url: location.pathname })
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)} }))
</script></body></html>`
