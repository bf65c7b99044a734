// Item 5: API p50/p99 at 100 requests/s on loopback against the local stack, for a GetItem-backed
// route, a Query-backed route and a write, each as a ratio to the raw DynamoDB Local calls the route
// makes (captured through the round-trip counter and replayed with the same client library, wave
// by wave), measured in the same run: API and raw alternate in blocks so noise hits both alike.
import { type ChildProcess, spawn } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { build } from 'esbuild'
import { loadConfig } from '../../functions/src/config'
import { createApp } from '../../functions/src/http/app'
import { countCalls, type RecordedCall } from '../../functions/test/support/round-trips'
import { outDir, ROOT } from '../lib/paths'
import { type Row, row, within } from '../lib/report'
import { accountOf, getStack, type Stack } from '../lib/stack'
import { median, quantile } from '../lib/stats'

const RATE = 100 // requests per second
const BLOCK = 200 // requests per block (2 s)
const BLOCKS = 6 // the first block of each kind is warm-up
const RATIO_BUDGET = 1.5

const COMMANDS: Record<string, new (input: any) => any> = {
  GetItemCommand: GetCommand,
  QueryCommand: QueryCommand,
  TransactWriteItemsCommand: TransactWriteCommand,
  UpdateItemCommand: UpdateCommand,
  PutItemCommand: PutCommand,
  BatchGetItemCommand: BatchGetCommand,
}

/** Calls grouped into sequential waves (overlapping lifetimes = one wave), as the app made them. */
function wavesOf(calls: RecordedCall[]): RecordedCall[][] {
  const waves: RecordedCall[][] = []
  let end = Number.NEGATIVE_INFINITY
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    if (c.start >= end) waves.push([c])
    else waves[waves.length - 1].push(c)
    end = c.start >= end ? c.end : Math.max(end, c.end)
  }
  return waves
}

/** The server runs from an esbuild bundle (minified, SDK external) on plain node, as on Lambda. */
async function startServer(stack: Stack): Promise<{ child: ChildProcess; port: number }> {
  const outfile = path.join(outDir('load'), 'serve-api.js')
  await build({
    entryPoints: [path.join(ROOT, 'bench', 'lib', 'serve-api.ts')],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
  })
  const child = spawn(process.execPath, [outfile], {
    cwd: ROOT,
    env: { ...process.env, DYNAMODB_ENDPOINT: stack.endpoint, TABLE_NAME: stack.tableName, STAGE: 'local' },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /READY (\d+)/.exec(out)
      if (m) resolve({ child, port: Number(m[1]) })
    })
    child.once('exit', (code) => reject(new Error(`API server exited (${code}) before it was ready`)))
  })
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

function httpCall(port: number, method: string, urlPath: string, token: string, body?: unknown): Promise<number> {
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

/** Open loop: request i is sent at start + i/RATE whatever earlier ones are doing. */
async function openLoop(
  count: number,
  fire: (i: number) => Promise<unknown>,
): Promise<{ ms: number[]; errors: number }> {
  const ms: number[] = []
  let errors = 0
  const start = performance.now()
  const pending: Promise<void>[] = []
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / RATE
    const wait = due - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    const t0 = performance.now()
    pending.push(
      fire(i).then(
        (status) => {
          if (typeof status === 'number' && status >= 300) errors++
          ms.push(performance.now() - t0)
        },
        () => {
          errors++
        },
      ),
    )
  }
  await Promise.all(pending)
  return { ms, errors }
}

interface Scenario {
  label: string
  method: string
  path: string
  role: string
  body?: (i: number) => unknown
  /** Rewrites a captured command input for request i (writes need fresh keys). */
  fresh?: (input: unknown, i: number, captured: { ticketId: string; key: string }) => unknown
}

export async function loadRows(): Promise<Row[]> {
  const stack = await getStack()
  const resident = accountOf(stack, 'resident')
  if (!resident) throw new Error('no seeded resident')
  const runId = Date.now().toString(36)
  const ticket = (i: number) => ({
    category: 'water',
    location: { kind: 'own_room' },
    description: `压测报修 ${i}`,
    idempotencyKey: `load-${runId}-${i}`,
  })
  const scenarios: Scenario[] = [
    { label: 'GetItem-backed: GET /api/me', method: 'GET', path: '/api/me', role: 'resident' },
    { label: 'Query-backed: GET /api/tickets/mine', method: 'GET', path: '/api/tickets/mine', role: 'resident' },
    {
      label: 'write: POST /api/tickets',
      method: 'POST',
      path: '/api/tickets',
      role: 'resident',
      body: (i) => ticket(i),
      fresh: (input, i, c) =>
        JSON.parse(
          JSON.stringify(input)
            .replaceAll(c.ticketId, `${c.ticketId.slice(0, 16)}RAW${String(i).padStart(7, '0')}`)
            .replaceAll(c.key, `raw-${runId}-${i}`),
        ),
    },
  ]

  // Capture, in process, the DynamoDB commands each route makes (and a token per user).
  const counter = countCalls(stack.doc)
  const app = createApp({ doc: stack.doc, tableName: stack.tableName, config: loadConfig({ STAGE: 'local' }) })
  const login = await app.request('/api/auth/dev', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: resident }),
  })
  if (login.status !== 200)
    throw new Error(`dev login as ${resident} failed: HTTP ${login.status} ${await login.text()}`)
  const token = ((await login.json()) as { token: string }).token
  // A household with a realistic handful of tickets, so the Query returns a list.
  for (let i = 0; i < 12; i++)
    await app.request('/api/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(ticket(1_000_000 + i)),
    })

  const { child, port } = await startServer(stack)
  const rows: Row[] = []
  try {
    let writeIndex = 0
    for (const s of scenarios) {
      counter.reset()
      const sample = s.body?.(2_000_000)
      const res = await app.request(s.path, {
        method: s.method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: sample === undefined ? undefined : JSON.stringify(sample),
      })
      const json = (await res.json()) as { ticket?: { id: string } }
      const captured = {
        ticketId: json.ticket?.id ?? '',
        key: (sample as { idempotencyKey?: string })?.idempotencyKey ?? '',
      }
      const waves = wavesOf(counter.calls).map((w) => w.map((c) => ({ name: c.name, input: structuredClone(c.input) })))
      counter.reset()
      const raw = async (i: number) => {
        for (const wave of waves)
          await Promise.all(
            wave.map((c) => {
              const Command = COMMANDS[c.name]
              if (!Command) throw new Error(`no replay for ${c.name}`)
              return stack.doc.send(new Command(s.fresh ? s.fresh(c.input, i, captured) : c.input))
            }),
          )
        return 200
      }
      const api = (i: number) => httpCall(port, s.method, s.path, token, s.body?.(i))
      const apiMs: number[] = []
      const rawMs: number[] = []
      const pairRatios: number[] = []
      let errors = 0
      for (let b = 0; b < BLOCKS; b++) {
        const a = await openLoop(BLOCK, () => api(writeIndex++))
        const r = await openLoop(BLOCK, (i) => raw(b * BLOCK + i))
        errors += a.errors + r.errors
        if (b > 0) {
          apiMs.push(...a.ms)
          rawMs.push(...r.ms)
          pairRatios.push(quantile(a.ms, 0.99) / quantile(r.ms, 0.99))
        }
      }
      counter.reset()
      const [a50, a99, r50, r99] = [
        quantile(apiMs, 0.5),
        quantile(apiMs, 0.99),
        quantile(rawMs, 0.5),
        quantile(rawMs, 0.99),
      ]
      const calls = waves.map((w) => w.map((c) => c.name.replace(/Command$/, '')).join(' ∥ ')).join(' → ')
      // Verdict: the median over the adjacent block pairs of their p99 ratio, so a burst of load
      // from elsewhere that lands on one block moves one pair, not the figure.
      const verdict = median(pairRatios)
      rows.push(
        row({
          section: '5 API load',
          name: `${s.label}: p99 ratio`,
          value: verdict,
          unit: '×',
          budget: `≤ ${RATIO_BUDGET} × raw p99`,
          status: within(verdict, RATIO_BUDGET),
          note: `median of ${pairRatios.length} block pairs (${pairRatios.map((x) => x.toFixed(1)).join(', ')}); ${RATE} req/s, ${apiMs.length} requests each: API p50 ${a50.toFixed(1)} p99 ${a99.toFixed(1)} ms; raw (${calls}) p50 ${r50.toFixed(1)} p99 ${r99.toFixed(1)} ms; all-run p99 ratio ${(a99 / r99).toFixed(2)}, p50 ratio ${(a50 / r50).toFixed(2)}${errors ? `; ${errors} errors` : ''}`,
        }),
      )
    }
  } finally {
    child.stdin?.end()
    child.kill('SIGTERM')
    agent.destroy()
  }
  return rows
}
