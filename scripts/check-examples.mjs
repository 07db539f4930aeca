/**
 * Every public method of the `Chidao` façade, and every function and class each package exports
 * from its index, carries an `@example` in its JSDoc (`npm run lint:examples`, run by `npm test`).
 * Read with the TypeScript compiler: the members of `Chidao` include those of the façade's layers.
 */
import ts from 'typescript'

const ENTRIES = [
  'packages/core/src/index.ts',
  'packages/core/src/testing.ts',
  'packages/gateway/src/index.ts',
  'packages/fixtures/src/index.ts',
  'packages/files/src/index.ts',
]

const program = ts.createProgram(ENTRIES, {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  customConditions: ['@chidao/source'],
  noEmit: true,
})
const checker = program.getTypeChecker()
const hasExample = (symbol) => symbol.getJsDocTags(checker).some((tag) => tag.name === 'example')
const missing = []

/** The exported functions and classes of each package's entry point. */
for (const entry of ENTRIES) {
  const file = program.getSourceFile(entry)
  if (!file) throw new Error(`${entry}: not found`)
  for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(file))) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    if (!(symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class))) continue
    if (!hasExample(symbol)) missing.push(`${entry}: ${exported.name}`)
  }
}

/** The public members of the façade, its constructor included. */
const core = checker.getSymbolAtLocation(program.getSourceFile(ENTRIES[0]))
const chidao = checker.getAliasedSymbol(checker.getExportsOfModule(core).find((s) => s.name === 'Chidao'))
const instance = checker.getDeclaredTypeOfSymbol(chidao)
let members = 0
for (const member of checker.getPropertiesOfType(instance)) {
  const declaration = member.valueDeclaration ?? member.declarations?.[0]
  if (!declaration) continue
  const flags = ts.getCombinedModifierFlags(declaration)
  if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected) || member.name.startsWith('#')) continue
  members++
  if (!hasExample(member)) missing.push(`Chidao.${member.name}`)
}
for (const signature of checker.getTypeOfSymbol(chidao).getConstructSignatures()) {
  if (!signature.getJsDocTags().some((tag) => tag.name === 'example')) missing.push('Chidao constructor')
}

if (members < 50) missing.push(`Chidao: only ${members} public members found (the check reads the wrong type?)`)
if (missing.length) {
  console.error(`@example missing on ${missing.length}:\n  ${missing.join('\n  ')}`)
  process.exit(1)
}
console.log(`@example on all ${members} public members of Chidao and every exported function and class of ${ENTRIES.length} entry points`)
