/**
 * pdfjs-dist and its worker, loaded when the first PDF arrives, without its changes to the process's built-ins.
 *
 * Its legacy build (the one that runs on Node 20) carries core-js, which on V8 before 12.2 puts
 * its own JavaScript versions in place of `Array.prototype.push` and `JSON.parse` for every caller
 * in the process (they fix a push past 2^53 − 1 elements and `JSON.parse`'s source-text access,
 * which nothing here uses), and of `Function.prototype.toString` (so that they print as native).
 * In a gateway that had merely loaded it, every push in graphql-js, pg and kysely ran through the
 * slower copy: 20–30% of a nested query's throughput. So pdfjs is imported only when a PDF is read,
 * and the three are put back right after; what it only adds (`Promise.withResolvers`,
 * `Iterator`, `DOMMatrix` …) stays, since it needs them.
 */
type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

/** The built-ins core-js replaces when pdfjs loads; the natives are put back. */
const KEPT: readonly [object, string][] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [Function.prototype, 'toString'],
]

/** The worker bundle (it ships no types; only its side effect is wanted). */
const WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs'

let loading: Promise<Pdfjs> | undefined

/**
 * pdfjs-dist's legacy build, imported once, on first call, with the process's native built-ins kept.
 *
 * @example
 * const { getDocument, version } = await pdfjs()
 */
export function pdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const natives = KEPT.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)!] as const)
    try {
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs')
      // Its "fake worker" (the parser, run in this thread on Node) is another bundle with its own
      // core-js: loaded here too, it is found on \`globalThis.pdfjsWorker\` instead of imported later.
      await import(WORKER)
      return lib
    } finally {
      for (const [owner, key, descriptor] of natives) Object.defineProperty(owner, key, descriptor)
    }
  })()
  return loading
}
