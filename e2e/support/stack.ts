import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')

export interface Stack {
  url: string
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * Starts the real local stack (functions/src/local/start.ts, what `npm start` runs) on a free
 * port with a throwaway data folder, and waits for its "is running" line.
 */
export async function startStack(): Promise<Stack> {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'anju-e2e-'))
  const child: ChildProcess = spawn(path.join(root, 'node_modules/.bin/tsx'), ['functions/src/local/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ANJU_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack did not start in time:\n${output}`)), 300_000)
    const onData = (d: Buffer) => {
      output += d.toString()
      const m = output.match(/is running: (http:\/\/\S+)/)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`stack exited (${code}) before it was ready:\n${output}`))
    })
  })
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit')
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true })
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}
