import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The H5 app is rebuilt only when its inputs changed, so a second `npm start` stays fast.
 * The inputs are hashed by content (not mtime): a fresh clone has new mtimes but the same code.
 */
const INPUTS = [
  'miniprogram/src',
  'miniprogram/config',
  'miniprogram/babel.config.js',
  'miniprogram/package.json',
  'shared/src',
]

function walk(file: string, out: string[]): void {
  if (!existsSync(file)) return
  if (statSync(file).isDirectory()) {
    for (const name of readdirSync(file).sort()) walk(path.join(file, name), out)
  } else {
    out.push(file)
  }
}

export function h5InputsHash(root: string): string {
  const files: string[] = []
  for (const input of INPUTS) walk(path.join(root, input), files)
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(path.relative(root, file))
    hash.update('\0')
    hash.update(readFileSync(file))
  }
  return hash.digest('hex')
}

export function h5Dir(root: string): string {
  return path.join(root, 'miniprogram', 'dist', 'h5')
}

const stampFile = (root: string) => path.join(h5Dir(root), '.inputs-hash')

export function h5IsCurrent(root: string): boolean {
  const stamp = stampFile(root)
  if (!existsSync(path.join(h5Dir(root), 'index.html')) || !existsSync(stamp)) return false
  return readFileSync(stamp, 'utf8').trim() === h5InputsHash(root)
}

/** Runs `taro build --type h5`; its output goes to a log file, named in the error if it fails. */
export function buildH5(root: string, logFile: string): Promise<void> {
  const hash = h5InputsHash(root)
  const log = createWriteStream(logFile)
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build:h5', '-w', 'miniprogram'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    })
    child.stdout.pipe(log)
    child.stderr.pipe(log)
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0 && existsSync(path.join(h5Dir(root), 'index.html'))) {
        writeFileSync(stampFile(root), `${hash}\n`)
        resolve()
      } else {
        reject(new Error(`The H5 build failed (exit ${code}); see ${logFile}`))
      }
    })
  })
}
