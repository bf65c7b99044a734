// Item 1: the weapp main package and every subpackage, in KB, against DESIGN.md §5, with the largest
// modules of each. Module sizes are the minified bytes of each webpack module in the emitted files;
// names come from the webpack stats the build writes when ANJU_BUNDLE_STATS is set
// (miniprogram/config/index.ts).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import * as acorn from 'acorn'
import { OUT, outDir, ROOT } from '../lib/paths'
import { type Row, row, within } from '../lib/report'
import { kb } from '../lib/stats'

const DIST = path.join(ROOT, 'miniprogram', 'dist', 'weapp')
const STATS = path.join(OUT, 'weapp-stats.json')
const INPUTS = [
  'miniprogram/src',
  'miniprogram/config',
  'miniprogram/package.json',
  'miniprogram/babel.config.js',
  'shared/src',
]
const MAIN_BUDGET_KB = 600
const SUB_BUDGET_KB = 800

function files(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out
  if (!statSync(dir).isDirectory()) {
    out.push(dir)
    return out
  }
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) files(p, out)
    else out.push(p)
  }
  return out
}

const newest = (paths: string[]) => Math.max(0, ...paths.map((p) => statSync(p).mtimeMs))

/** Why the build in dist/weapp cannot be used as is, or '' when it is current. */
function staleness(wantStats: boolean): string {
  const app = path.join(DIST, 'app.js')
  if (!existsSync(app)) return 'no build'
  const built = statSync(app).mtimeMs
  if (newest(INPUTS.flatMap((i) => files(path.join(ROOT, i)))) > built) return 'sources newer than the build'
  if (wantStats && (!existsSync(STATS) || statSync(STATS).mtimeMs < built)) return 'no module names for this build'
  return ''
}

function build(): number {
  outDir()
  const started = Date.now()
  const res = spawnSync('npm', ['run', 'build:weapp', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, ANJU_BUNDLE_STATS: STATS, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  })
  if (res.status !== 0) throw new Error(`npm run build:weapp failed:\n${res.stdout}\n${res.stderr}`)
  return (Date.now() - started) / 1000
}

/** Minified bytes of every webpack module in one emitted chunk file: { id → bytes }. */
function moduleBytes(file: string): Map<string, number> {
  const out = new Map<string, number>()
  const src = readFileSync(file, 'utf8')
  let ast: acorn.Program
  try {
    ast = acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'script' })
  } catch {
    return out
  }
  const visit = (node: any): void => {
    if (!node || typeof node.type !== 'string') return
    // (wx.webpackJsonp = wx.webpackJsonp || []).push([[chunkIds], { id: function … }])
    if (node.type === 'CallExpression' && node.callee?.property?.name === 'push' && node.arguments.length === 1) {
      const arr = node.arguments[0]
      const modules = arr?.type === 'ArrayExpression' ? arr.elements[1] : undefined
      if (modules?.type === 'ObjectExpression') {
        for (const p of modules.properties) {
          const key = p.key?.type === 'Literal' ? String(p.key.value) : p.key?.name
          if (key !== undefined) out.set(key, p.value.end - p.value.start)
        }
        return
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const v of value) visit(v)
      else if (value && typeof value === 'object') visit(value)
    }
  }
  visit(ast)
  return out
}

const shortName = (name: string) =>
  name
    .replace(/^(\.\.\/)+node_modules\//, '')
    .replace(/^\.\.\/shared\/src\//, 'shared/')
    .replace(/^\.\/src\//, 'src/')

export async function weappSizes(opts: { ci: boolean }): Promise<Row[]> {
  const why = staleness(!opts.ci)
  const rows: Row[] = []
  let note = 'build in miniprogram/dist/weapp was current'
  if (why) note = `built (${why}) in ${build().toFixed(0)} s`
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] }
  const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const packageOf = (rel: string) => roots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? 'main'
  const bytes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])])
  const all = files(DIST).filter((f) => !f.endsWith('.map'))
  for (const f of all) {
    const pkg = packageOf(path.relative(DIST, f).split(path.sep).join('/'))
    bytes.set(pkg, (bytes.get(pkg) ?? 0) + statSync(f).size)
  }

  // Largest modules per package: minified bytes from the files, names from the stats (if current).
  const names = new Map<string, string>()
  if (existsSync(STATS) && statSync(STATS).mtimeMs >= statSync(path.join(DIST, 'app.js')).mtimeMs) {
    const stats = JSON.parse(readFileSync(STATS, 'utf8')) as { modules: { id: string | number; name: string }[] }
    for (const m of stats.modules) if (m.id !== undefined && m.id !== null) names.set(String(m.id), m.name)
  }
  const modules = new Map<string, { name: string; bytes: number }[]>()
  for (const f of all.filter((f) => f.endsWith('.js'))) {
    const pkg = packageOf(path.relative(DIST, f).split(path.sep).join('/'))
    for (const [id, n] of moduleBytes(f)) {
      const list = modules.get(pkg) ?? []
      list.push({ name: shortName(names.get(id) ?? `module ${id} (${path.relative(DIST, f)})`), bytes: n })
      modules.set(pkg, list)
    }
  }
  const largest = (pkg: string, n: number) =>
    (modules.get(pkg) ?? [])
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, n)
      .map((m) => `${m.name} ${kb(m.bytes).toFixed(1)}`)
      .join('; ')

  for (const [pkg, size] of bytes) {
    const main = pkg === 'main'
    const limit = main ? MAIN_BUDGET_KB : SUB_BUDGET_KB
    rows.push(
      row({
        section: '1 weapp size',
        name: main ? 'main package' : `subpackage ${pkg}`,
        value: kb(size),
        unit: 'KB',
        budget: `≤ ${limit} KB`,
        status: within(kb(size), limit),
        gate: true,
        note: `largest (KB): ${largest(pkg, main ? 5 : 3) || '—'}${main ? `; ${note}` : ''}`,
      }),
    )
  }
  const total = [...bytes.values()].reduce((a, b) => a + b, 0)
  rows.push(
    row({
      section: '1 weapp size',
      name: 'whole mini-program',
      value: kb(total),
      unit: 'KB',
      budget: '≤ 20480 KB (WeChat: all packages)',
      status: within(kb(total), 20 * 1024),
      gate: true,
      note: 'every file under dist/weapp, .LICENSE.txt included, .map excluded',
    }),
  )
  return rows
}
