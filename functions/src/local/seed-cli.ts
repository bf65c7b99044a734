// npm run seed [-- --reset] [--scale 0.05] [--seed <text>] [--today YYYY-MM-DD]: loads the Yanchi
// population into the table of DYNAMODB_ENDPOINT, or else of the running `npm start` (which records
// its endpoint under .data/, or ANJU_DATA_DIR).
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ROLE_LABELS } from '@anju/shared'
import { loadConfig } from '../config'
import { createDocClient } from '../db/client'
import { dropTable, ensureTable } from '../db/table'
import { endpointFile } from './dynamo'
import { defaultScale, seedIfEmpty } from './seed'
import { parseSeedArgs } from './seed-args'
import { seedProgress } from './seed-progress'

function runningStackEndpoint(): string | undefined {
  const dataDir = path.resolve(process.env.ANJU_DATA_DIR ?? path.resolve(__dirname, '../../../.data'))
  const file = endpointFile(dataDir)
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined
}

async function main(): Promise<void> {
  const parsed = parseSeedArgs(process.argv.slice(2))
  if (!parsed.ok) {
    for (const e of parsed.errors) console.error(e)
    console.error('Nothing was changed. 数据没有改动。')
    process.exit(2)
  }
  const { args } = parsed
  // Assigning undefined to process.env would store the string "undefined".
  const running = process.env.DYNAMODB_ENDPOINT ? undefined : runningStackEndpoint()
  if (running) process.env.DYNAMODB_ENDPOINT = running
  const config = loadConfig()
  if (!config.dynamodbEndpoint) {
    console.error(
      'No local database: start the stack first (npm start), or set DYNAMODB_ENDPOINT (e.g. http://127.0.0.1:8000). Refusing to seed a real AWS table.',
    )
    process.exit(2)
  }
  const doc = createDocClient({ endpoint: config.dynamodbEndpoint })
  if (args.reset) {
    await dropTable(doc, config.tableName)
    console.log(`dropped ${config.tableName}`)
  }
  await ensureTable(doc, config.tableName)
  const scale = args.scale ?? defaultScale()
  const started = Date.now()
  const progress = seedProgress()
  const { seeded, accounts } = await seedIfEmpty(doc, config.tableName, {
    scale,
    seed: args.seed,
    today: args.today,
    onProgress: progress.onProgress,
  })
  progress.stop()
  const took = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    seeded
      ? `seeded ${config.tableName} (scale ${scale}) in ${took}s`
      : `${config.tableName} already seeded (use --reset)`,
  )
  for (const a of accounts) console.log(`  ${a.id.padEnd(16)} ${ROLE_LABELS[a.role]}  ${a.name}`)
  doc.destroy()
}

main().catch((err) => {
  // A plain sentence, not a stack trace: this is a tool people run by hand.
  console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
