// Writes schema.graphql from the code: `npm run schema -w @chidao/gateway`.
import 'reflect-metadata'
import { writeFileSync } from 'node:fs'
import { printSchema } from 'graphql'
import { buildSchema } from './dist/schema.js'

writeFileSync(new URL('./schema.graphql', import.meta.url), printSchema(await buildSchema()) + '\n')
