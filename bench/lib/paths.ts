import { mkdirSync } from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../..')
/** Scratch space inside the repo (git-ignored), so bundles can resolve node_modules. */
export const OUT = path.join(ROOT, 'bench', '.out')

export function outDir(...parts: string[]): string {
  const dir = path.join(OUT, ...parts)
  mkdirSync(dir, { recursive: true })
  return dir
}
