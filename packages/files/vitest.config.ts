import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // Test against the sources, not a build.
    alias: {
      '@chidao/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
      '@chidao/fixtures': fileURLToPath(new URL('../fixtures/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
