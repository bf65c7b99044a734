// Item 7: big lists and setData payloads, measured in the miniprogram-simulate harness against the
// BUILT weapp (bench/lists/*.setdata.test.ts, run by jest; each writes bench/.out/lists/*.json).
// The staff household list (10,000 households) does not exist yet: it is reported as pending until
// a page whose route mentions "household" appears in app.json and a scenario file measures it.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { OUT, ROOT } from '../lib/paths'
import { type Row, row, within } from '../lib/report'
import type { ListFigures } from '../lists/record'

const SETDATA_BUDGET_KB = 32
const VIRTUALISE_AFTER = 60

export async function listRows(): Promise<Row[]> {
  const dir = path.join(OUT, 'lists')
  rmSync(dir, { recursive: true, force: true })
  const res = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '-c', 'bench/lists/jest.config.js', '--silent'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } },
  )
  const rows: Row[] = []
  if (res.status !== 0) process.stderr.write(`${res.stdout}\n${res.stderr}\n`)
  const results: ListFigures[] = existsSync(dir)
    ? readdirSync(dir).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')))
    : []
  const order = (s: string) => (s.startsWith('triage-') ? 10 + Number(s.slice(7)) / 1e6 : s === 'home' ? 0 : 1)
  for (const f of results.sort((a, b) => order(a.scenario) - order(b.scenario))) {
    const maxKb = f.maxPayloadBytes / 1024
    rows.push(
      row({
        section: '7 lists',
        name: `${f.scenario}: largest setData`,
        value: maxKb,
        unit: 'KB',
        budget: `≤ ${SETDATA_BUDGET_KB} KB per call`,
        status: within(maxKb, SETDATA_BUDGET_KB),
        note: `${f.setDataCalls} setData calls, ${(f.totalPayloadBytes / 1024).toFixed(1)} KB in all${
          f.rowsSent ? `; ${(f.maxPayloadBytes / f.rowsSent / 1024).toFixed(2)} KB of setData per row` : ''
        }`,
      }),
    )
    if (f.rowsSent !== undefined && f.rowsRendered !== undefined)
      rows.push(
        row({
          section: '7 lists',
          name: `${f.scenario}: rows per page`,
          value: f.rowsRendered,
          unit: 'rows',
          budget: `virtualised past ${VIRTUALISE_AFTER} rows`,
          status: f.rowsRendered <= VIRTUALISE_AFTER ? 'ok' : 'OVER',
          note: `${f.rowsSent} sent by the API per page (加载更多 appends the next page in its own setData), ${f.apiBytesPerRow?.toFixed(0)} bytes of JSON per row; no virtual list`,
        }),
      )
  }
  if (results.length === 0 || res.status !== 0)
    rows.push(
      row({
        section: '7 lists',
        name: 'simulate scenarios',
        value: 'failed',
        unit: '',
        budget: '',
        status: 'OVER',
        note: (res.stderr || res.stdout).split('\n').find((l) => l.includes('●')) ?? 'see the output above',
      }),
    )
  const app = JSON.parse(readFileSync(path.join(ROOT, 'miniprogram', 'dist', 'weapp', 'app.json'), 'utf8'))
  const routes: string[] = [
    ...app.pages,
    ...(app.subPackages ?? []).flatMap((s: { root: string; pages: string[] }) => s.pages.map((p) => `${s.root}/${p}`)),
  ]
  const households = routes.filter((r) => /household/i.test(r))
  if (!results.some((f) => f.scenario.startsWith('households')))
    rows.push(
      row({
        section: '7 lists',
        name: 'staff household list, 10,000 households',
        value: households.length ? 'page exists, no scenario' : 'not built yet',
        unit: '',
        budget: `≤ ${SETDATA_BUDGET_KB} KB per call; virtualised past ${VIRTUALISE_AFTER}`,
        status: 'pending',
        note: households.length
          ? `add bench/lists/households-10000.setdata.test.ts for ${households.join(', ')} (copy triage.ts: fake the list answer, count rows)`
          : 'a later issue builds it; the triage rows above stand in for it',
      }),
    )
  return rows
}
