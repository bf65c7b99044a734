import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  type DynamoLocal,
  endpointFile,
  JAVA_MISSING_HINT,
  javaAvailable,
  portIsFree,
  startDynamoLocal,
} from './dynamo'
import { DEV_ACCOUNT_NOTES, DEV_API_KEY } from './fixture'
import { buildH5, h5Dir, h5IsCurrent } from './h5-build'
import { step } from './progress'
import { listen, localSite } from './static'

/**
 * `npm start`: the whole platform on one machine — DynamoDB Local on disk under .data/,
 * the table and demo data, the H5 app (rebuilt only when its sources changed), and the API
 * under /api on one port. Ctrl-C stops everything and leaves no java process behind.
 */
const root = path.resolve(__dirname, '../../..')
// ANJU_DATA_DIR lets the e2e run a throwaway stack beside a developer's own .data/.
const dataDir = path.resolve(process.env.ANJU_DATA_DIR ?? path.join(root, '.data'))
const port = Number(process.env.PORT ?? 8080)
const host = process.env.HOST ?? '127.0.0.1'

let dynamo: DynamoLocal | undefined
let stopDispatcher: (() => Promise<void>) | undefined
let stopping = false

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    rmSync(endpointFile(dataDir), { force: true })
    await stopDispatcher?.()
    await dynamo?.stop()
  }
  process.exit(code)
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // Ctrl-C reaches both npm and us, and npm forwards it: say it once.
    if (!stopping) process.stdout.write('\nStopping… 正在停止\n')
    void shutdown(0)
  })
}
// Last resort: a crash must not orphan the java child.
process.on('exit', () => dynamo?.process.kill('SIGKILL'))

async function main(): Promise<void> {
  if (!javaAvailable()) {
    console.error(JAVA_MISSING_HINT)
    process.exit(1)
  }
  // Checked first: finding a busy port only after the database and the build would waste a minute.
  if (!(await portIsFree(port, host))) {
    console.error(
      `Port ${port} on ${host} is already in use (端口已被占用). Stop the other program, or pick another port: PORT=8090 npm start`,
    )
    process.exit(1)
  }
  mkdirSync(path.join(dataDir, 'dynamodb'), { recursive: true })
  process.env.STAGE ??= 'local'
  process.env.TABLE_NAME ??= 'anju-local'
  // Ticket photos: the local stand-in for S3 keeps them beside the database (decision 062).
  process.env.PHOTO_DIR ??= path.join(dataDir, 'photos')

  dynamo = await step('Starting DynamoDB Local (data in .data/dynamodb)', () =>
    startDynamoLocal({ dbPath: path.join(dataDir, 'dynamodb') }),
  )
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint
  // `npm run seed` finds the running database here (its port is chosen afresh at every start).
  writeFileSync(endpointFile(dataDir), `${dynamo.endpoint}\n`)

  // The H5 build (CPU-bound webpack) and the data load (DynamoDB Local) run side by side: on a
  // first start that is most of the 90 s budget, and neither waits for the other.
  const h5Log = path.join(dataDir, 'h5-build.log')
  const current = h5IsCurrent(root)
  const build = current ? Promise.resolve() : buildH5(root, h5Log)
  build.catch(() => undefined) // awaited below; keeps an early failure from being "unhandled"
  console.log(
    current
      ? '✔ H5 app is up to date (miniprogram/dist/h5)'
      : `• Building the H5 app in the background (first time ≈ 30–60 s; log in ${path.relative(root, h5Log)})`,
  )

  // Imported after the environment is set: config is read from it once.
  const { createLocalApi } = await import('./wiring')
  const { api, prepare, startDispatcher } = createLocalApi()
  console.log('• Creating the table and loading the Yanchi data if missing …')
  const started = Date.now()
  const seeded = await prepare()
  console.log(`✔ Data ready (${((Date.now() - started) / 1000).toFixed(1)}s)`)

  if (!current) await step('Finishing the H5 build', () => build)

  await listen(localSite(api, h5Dir(root)), port, host)
  stopDispatcher = startDispatcher()
  const url = `http://${host}:${port}`
  console.log(`\n安居 is running: ${url}\n  API: ${url}/api/health\n`)
  console.log(`Followers' notifications go to the local outbox: ${url}/#/packages/account/outbox/index\n`)
  console.log(`${seeded.seeded ? 'Data loaded. ' : ''}Dev accounts (sign in with one on the page):`)
  for (const account of seeded.accounts) {
    const note = DEV_ACCOUNT_NOTES[account.id] ?? ''
    console.log(`  ${account.id.padEnd(17)} ${account.name.padEnd(6, '　')} ${note}`)
  }
  console.log(`\nOpen311 API key (${DEV_API_KEY.name}): ${DEV_API_KEY.key}`)
  console.log(`  e.g. ${url}/api/open311/v2/requests.json?api_key=${DEV_API_KEY.key}`)
  console.log('\nPress Ctrl-C to stop.')
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error)
  await shutdown(1)
})
