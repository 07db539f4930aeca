/**
 * Imported first by the CLI: graphql-js reads NODE_ENV once, when it loads, to skip its development
 * checks (the cross-realm `instanceOf` test on every type lookup); Apollo hides stack traces in
 * production. `chidao serve` runs in production mode unless NODE_ENV says otherwise.
 */
process.env.NODE_ENV ??= 'production'
export {}
