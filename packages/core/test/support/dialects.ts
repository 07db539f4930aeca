/** Core's own tests use the harness it exports as `@chidao/core/testing`. */
export * from '../../src/testing.js'
