import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

export default defineConfig({
  resolve: {
    alias: {
      '@chidao/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
      '@chidao/fixtures': fileURLToPath(new URL('../fixtures/src/index.ts', import.meta.url)),
      '@chidao/files': fileURLToPath(new URL('../files/src/index.ts', import.meta.url)),
      // One graphql realm: type-graphql loads graphql's CommonJS build; so must everything else.
      graphql: require.resolve('graphql/index.js'),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['reflect-metadata'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
