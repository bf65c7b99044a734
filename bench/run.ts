// `npm run bench`: every budget of DESIGN.md §5 measured side by side, printed as one table and
// written to bench/results.json. `npm run bench:ci`: sizes and the Scan count only (deterministic);
// exits 1 only when a size budget is passed or a request path makes a Scan — never on a timing.
//   --only=weapp,lambda,…   run some sections     --skip-h5-build   do not time `npm run build:h5`
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { outDir, ROOT } from './lib/paths'
import { formatMarkdown, formatTable, type Row } from './lib/report'
import { stopStack } from './lib/stack'

const args = process.argv.slice(2)
const ci = args.includes('--ci')
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',')
const skipH5Build = args.includes('--skip-h5-build')
// The Scan count does not depend on the data's size: CI seeds a small, deterministic population.
if (ci) process.env.ANJU_SEED_SCALE ??= '0.05'

type Section = { key: string; ci: boolean; run: () => Promise<Row[]> }

const sections: Section[] = [
  { key: 'weapp', ci: true, run: async () => (await import('./sections/weapp')).weappSizes({ ci }) },
  { key: 'lambda', ci: true, run: async () => (await import('./sections/lambda')).lambdaBundles({ ci }) },
  { key: 'roundtrips', ci: true, run: async () => (await import('./sections/round-trips')).roundTrips({ ci }) },
  { key: 'match', ci: false, run: async () => (await import('./sections/match')).matchRows() },
  { key: 'load', ci: false, run: async () => (await import('./sections/load')).loadRows() },
  { key: 'startup', ci: false, run: async () => (await import('./sections/startup')).startupRows({ skipH5Build }) },
  { key: 'lists', ci: false, run: async () => (await import('./sections/lists')).listRows() },
]

/** A full run rewrites the figures between the bench markers of docs/performance.md. */
function updatePerformanceDoc(date: string, machine: string, seconds: number, rows: Row[]): void {
  const file = path.join(ROOT, 'docs', 'performance.md')
  if (!existsSync(file)) return
  const doc = readFileSync(file, 'utf8')
  const start = '<!-- bench:start -->'
  const end = '<!-- bench:end -->'
  const a = doc.indexOf(start)
  const b = doc.indexOf(end)
  if (a < 0 || b < a) return
  const body = [
    `Measured ${date.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` (${seconds.toFixed(0)} s) on ${machine}.`,
    '',
    formatMarkdown(rows),
  ].join('\n')
  writeFileSync(file, `${doc.slice(0, a + start.length)}\n${body}\n${doc.slice(b)}`)
  console.log('updated: docs/performance.md')
}

async function main(): Promise<void> {
  const started = Date.now()
  const rows: Row[] = []
  const chosen = sections.filter((s) => (only ? only.includes(s.key) : ci ? s.ci : true))
  for (const s of chosen) {
    const t0 = Date.now()
    process.stderr.write(`• bench ${s.key} …\n`)
    try {
      rows.push(...(await s.run()))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      rows.push({
        section: s.key,
        name: 'section failed',
        value: 'error',
        unit: '',
        budget: '',
        status: 'OVER',
        gate: true,
        note: message.split('\n')[0],
      })
      process.stderr.write(`${error instanceof Error ? error.stack : error}\n`)
    }
    process.stderr.write(`✔ bench ${s.key} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`)
  }
  await stopStack()
  const seconds = (Date.now() - started) / 1000
  console.log(formatTable(rows))
  const over = rows.filter((r) => r.status === 'OVER')
  const failing = over.filter((r) => r.gate)
  console.log(
    `\n${rows.length} figures in ${seconds.toFixed(0)} s; ${over.length} over budget${ci ? ` (${failing.length} gating)` : ''}`,
  )

  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${os.platform()} ${os.release()}, Node ${process.version}`,
    mode: ci ? 'ci' : only ? `only ${only.join(',')}` : 'full',
    seconds,
    rows,
  }
  // A full run updates the kept figures; CI and partial runs write beside them (git-ignored).
  const file =
    ci || only
      ? path.join(outDir(), ci ? 'results.ci.json' : 'results.partial.json')
      : path.join(ROOT, 'bench', 'results.json')
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
  writeFileSync(path.join(outDir(), 'results.md'), `${formatMarkdown(rows)}\n`)
  console.log(`written: ${path.relative(ROOT, file)} (markdown table: bench/.out/results.md)`)
  if (!ci && !only) updatePerformanceDoc(result.date, result.machine, seconds, rows)
  if (ci && failing.length > 0) process.exitCode = 1
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
