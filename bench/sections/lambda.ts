// Item 2: per Lambda function in serverless.yml, the minified bundle (esbuild, built as
// serverless-esbuild builds it: @aws-sdk/* external, docs/decisions/004) and its import time over
// fresh Node processes minus that of a bundle holding only the DynamoDB client, in the same run.
import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { build, type Metafile } from 'esbuild'
import { outDir, ROOT } from '../lib/paths'
import { type Row, row, within } from '../lib/report'
import { kb, median } from '../lib/stats'

const BUNDLE_BUDGET_KB = 700
const IMPORT_BUDGET_MS = 25
const PROCESSES = 25
const BASELINE = path.join(ROOT, 'bench', 'lambda', 'dynamodb-only.ts')
const FETCH = path.join(ROOT, 'bench', 'lambda', 'fetch-globals.ts')

/** name → entry file, from the `functions:` block of serverless.yml. */
export function lambdaFunctions(): { name: string; entry: string }[] {
  const yml = readFileSync(path.join(ROOT, 'serverless.yml'), 'utf8')
  const block = yml.slice(yml.indexOf('\nfunctions:'))
  const out: { name: string; entry: string }[] = []
  const re = /^ {2}([\w-]+):\s*\n(?: {4}.*\n)*? {4}handler:\s*(\S+)/gm
  for (let m = re.exec(block); m; m = re.exec(block)) {
    const file = m[2].slice(0, m[2].lastIndexOf('.'))
    out.push({ name: m[1], entry: path.join(ROOT, `${file}.ts`) })
  }
  return out
}

async function bundle(entry: string, name: string, sdk: 'external' | 'bundled') {
  const outfile = path.join(outDir('lambda', sdk), `${name}.js`)
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    external: sdk === 'external' ? ['@aws-sdk/*'] : [],
  })
  return { outfile, bytes: statSync(outfile).size, metafile: result.metafile as Metafile }
}

/** The largest inputs of a bundle, by the bytes they contribute to the output. */
function largestInputs(metafile: Metafile, n: number): string {
  const inputs = Object.values(metafile.outputs).flatMap((o) => Object.entries(o.inputs))
  const byPackage = new Map<string, number>()
  for (const [file, { bytesInOutput }] of inputs) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)
    const key = m ? m[1] : file.replace(/^(\.\.\/)+/, '').replace(/\/[^/]+$/, '/')
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput)
  }
  return [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${kb(v).toFixed(0)}`)
    .join('; ')
}

const PROBE =
  'const t=process.hrtime.bigint();require(process.argv[1]);process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))'

/** Milliseconds to require() the file in a fresh Node process (process start excluded). */
function importMs(file: string): number {
  const res = spawnSync(process.execPath, ['-e', PROBE, file], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      STAGE: 'local',
      TABLE_NAME: 'anju-bench',
      AWS_REGION: 'ap-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  })
  if (res.status !== 0) throw new Error(`importing ${file} failed: ${res.stderr}`)
  return Number(res.stdout)
}

/** Medians over fresh processes, the files interleaved so drift on a shared machine hits all alike. */
function importMedians(files: string[]): number[] {
  const times = files.map(() => [] as number[])
  for (const f of files) importMs(f) // warm the file cache
  for (let i = 0; i < PROCESSES; i++) for (const [k, f] of files.entries()) times[k].push(importMs(f))
  return times.map(median)
}

export async function lambdaBundles(opts: { ci: boolean }): Promise<Row[]> {
  const rows: Row[] = []
  const base = await bundle(BASELINE, 'dynamodb-only', 'external')
  const baseBundled = opts.ci ? undefined : await bundle(BASELINE, 'dynamodb-only', 'bundled')
  const fetchGlobals = opts.ci ? undefined : await bundle(FETCH, 'fetch-globals', 'external')
  for (const fn of lambdaFunctions()) {
    const ext = await bundle(fn.entry, fn.name, 'external')
    rows.push(
      row({
        section: '2 lambda',
        name: `${fn.name}: bundle, minified (SDK external)`,
        value: kb(ext.bytes),
        unit: 'KB',
        budget: `≤ ${BUNDLE_BUDGET_KB} KB`,
        status: within(kb(ext.bytes), BUNDLE_BUDGET_KB),
        gate: true,
        note: `largest (KB): ${largestInputs(ext.metafile, 5)}`,
      }),
    )
    if (opts.ci || !baseBundled || !fetchGlobals) continue
    const all = await bundle(fn.entry, fn.name, 'bundled')
    rows.push(
      row({
        section: '2 lambda',
        name: `${fn.name}: bundle, minified, SDK bundled`,
        value: kb(all.bytes),
        unit: 'KB',
        budget: '',
        status: 'info',
        note: `what it would be without the runtime's SDK; DynamoDB-client-only bundle ${kb(baseBundled.bytes).toFixed(0)} KB`,
      }),
    )
    const [h, b, hAll, bAll, f] = importMedians([
      ext.outfile,
      base.outfile,
      all.outfile,
      baseBundled.outfile,
      fetchGlobals.outfile,
    ])
    rows.push(
      row({
        section: '2 lambda',
        name: `${fn.name}: import time − DynamoDB-client-only`,
        value: h - b,
        unit: 'ms',
        budget: `≤ ${IMPORT_BUDGET_MS} ms median`,
        status: within(h - b, IMPORT_BUDGET_MS),
        note: `median of ${PROCESSES} fresh processes, SDK external and resolvable from node_modules (as the runtime provides it): handler ${h.toFixed(1)} ms, client-only ${b.toFixed(1)} ms; Node ${process.version} here, nodejs22.x on Lambda`,
      }),
      row({
        section: '2 lambda',
        name: `${fn.name}: import time − client-only, SDK bundled`,
        value: hAll - bAll,
        unit: 'ms',
        budget: '',
        status: 'info',
        note: `same, both bundles carrying the SDK: handler ${hAll.toFixed(1)} ms, client-only ${bAll.toFixed(1)} ms`,
      }),
      row({
        section: '2 lambda',
        name: '  of which: Fetch API globals (undici)',
        value: f - b,
        unit: 'ms',
        budget: '',
        status: 'info',
        note: 'client-only bundle + touching Request/Response/Headers, which Node loads lazily; Hono needs them, so any Fetch-API framework pays this once per cold start',
      }),
    )
  }
  return rows
}
