// Item 3: for every route, the DynamoDB calls one request makes, how many of them are sequential
// (waves), and Scans (must be 0). Counted by the SDK middleware that round-trips.test.ts uses.
import { LOCAL_TEMPLATE_ID, loadConfig } from '../../functions/src/config'
import { createApp } from '../../functions/src/http/app'
import { FAKE_APPID, FAKE_SECRET, startFakeWechat } from '../../functions/test/support/fake-wechat'
import { countCalls } from '../../functions/test/support/round-trips'
import { type Row, row } from '../lib/report'
import { accountOf, getStack } from '../lib/stack'
import { jobScenarios } from './round-trip-jobs'
import { open311Scenarios, ticketAdminScenarios } from './round-trip-scenarios'

const MAX_WAVES = 2

export interface Scenario {
  label: string
  method: string
  path: string
  /** Role whose first seeded account signs in (or an account id, `u-…`); undefined for anonymous routes. */
  role?: string
  /** JSON, or FormData sent as multipart (the local photo upload). */
  body?: unknown
}

export type Send = (
  method: string,
  path: string,
  role?: string,
  body?: unknown,
) => Promise<{ status: number; json: Record<string, any> | undefined; names: string[]; waves: number }>

/** WeChat openid bound to a seeded account, if the fixture has one. */
async function boundOpenid(): Promise<string | undefined> {
  try {
    const fixture = (await import('../../functions/src/local/fixture')) as { WECHAT_BINDINGS?: { openid: string }[] }
    return fixture.WECHAT_BINDINGS?.[0]?.openid
  } catch {
    return undefined
  }
}

/** Hono route patterns of the app, as `METHOD /path/:param` (middleware entries left out). */
function routesOf(app: { routes: { method: string; path: string }[] }): string[] {
  const seen = new Set<string>()
  for (const r of app.routes) if (r.method !== 'ALL') seen.add(`${r.method} ${r.path.replace(/\/$/, '') || '/'}`)
  return [...seen]
}

const matches = (route: string, method: string, path: string) => {
  const [m, p] = route.split(' ')
  const re = new RegExp(`^${p.replace(/:[^/]+/g, '[^/]+')}/?$`)
  return m === method && re.test(path.split('?')[0].replace(/\/$/, '') || '/')
}

export async function roundTrips(_opts: { ci: boolean }): Promise<Row[]> {
  const stack = await getStack()
  const openid = await boundOpenid()
  const wechat = await startFakeWechat(openid ? { 'bench-code': openid } : {})
  const counter = countCalls(stack.doc)
  const app = createApp({
    doc: stack.doc,
    tableName: stack.tableName,
    config: loadConfig({
      STAGE: 'local',
      WECHAT_APPID: FAKE_APPID,
      WECHAT_SECRET: FAKE_SECRET,
      WECHAT_API_BASE: wechat.baseUrl,
    }),
  })
  const tokens = new Map<string, string>()
  const send: Send = async (method, path, role, body) => {
    const user = role?.startsWith('u-') ? role : role ? accountOf(stack, role) : undefined
    if (role && !user) throw new Error(`no seeded account with role ${role}`)
    if (user && !tokens.has(user)) {
      const res = await app.request('/api/auth/dev', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: user }),
      })
      tokens.set(user, ((await res.json()) as { token: string }).token)
    }
    counter.reset()
    const form = body instanceof FormData
    const res = await app.request(path, {
      method,
      headers: {
        ...(form ? {} : { 'content-type': 'application/json' }),
        ...(user ? { authorization: `Bearer ${tokens.get(user)}` } : {}),
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    })
    const json = (await res.json().catch(() => undefined)) as Record<string, any> | undefined
    return { status: res.status, json, names: counter.calls.map((c) => c.name), waves: counter.waves() }
  }

  const resident = accountOf(stack, 'resident')
  const ticketBody = {
    category: 'water',
    location: { kind: 'own_room' },
    description: '厨房水管漏水（bench）',
    idempotencyKey: `bench-${Date.now()}`,
  }
  const created = await send('POST', '/api/tickets', 'resident', ticketBody)
  const id = created.json?.ticket?.id as string
  // A second report of the same problem, to be merged into the first (decision 065).
  const duplicate = await send('POST', '/api/tickets', 'resident', {
    ...ticketBody,
    idempotencyKey: `bench-dup-${Date.now()}`,
  })
  const duplicateId = duplicate.json?.ticket?.id as string
  const staffRoles = ['building_head', 'grid_worker', 'community_staff', 'property_staff', 'subdistrict_admin']
  const scenarios: Scenario[] = [
    { label: 'GET /api/health', method: 'GET', path: '/api/health' },
    { label: 'GET /api/auth/dev-accounts', method: 'GET', path: '/api/auth/dev-accounts' },
    { label: 'POST /api/auth/dev', method: 'POST', path: '/api/auth/dev', body: { userId: resident } },
    { label: 'POST /api/auth/wechat', method: 'POST', path: '/api/auth/wechat', body: { code: 'bench-code' } },
    { label: 'GET /api/me', method: 'GET', path: '/api/me', role: 'resident' },
    {
      label: 'POST /api/tickets (new)',
      method: 'POST',
      path: '/api/tickets',
      role: 'resident',
      body: { ...ticketBody, idempotencyKey: `bench-new-${Date.now()}` },
    },
    { label: 'POST /api/tickets (replay)', method: 'POST', path: '/api/tickets', role: 'resident', body: ticketBody },
    { label: 'GET /api/tickets/mine', method: 'GET', path: '/api/tickets/mine', role: 'resident' },
    ...staffRoles
      .filter((r) => accountOf(stack, r))
      .map((r) => ({ label: `GET /api/tickets (${r})`, method: 'GET', path: '/api/tickets', role: r })),
    {
      label: 'GET /api/tickets?status=submitted (subdistrict_admin)',
      method: 'GET',
      path: '/api/tickets?status=submitted',
      role: 'subdistrict_admin',
    },
    { label: 'GET /api/tickets/:id', method: 'GET', path: `/api/tickets/${id}`, role: 'building_head' },
    {
      label: 'GET /api/tickets/similar',
      method: 'GET',
      path: '/api/tickets/similar?category=water&spot=stairwell',
      role: 'resident',
    },
    {
      label: 'GET /api/tickets/:id/similar',
      method: 'GET',
      path: `/api/tickets/${duplicateId}/similar`,
      role: 'building_head',
    },
    {
      label: 'POST /api/tickets/:id/merge',
      method: 'POST',
      path: `/api/tickets/${duplicateId}/merge`,
      role: 'building_head',
      body: { into: id },
    },
    {
      label: 'POST /api/tickets/:id/acknowledge',
      method: 'POST',
      path: `/api/tickets/${id}/acknowledge`,
      role: 'building_head',
    },
    {
      label: 'POST /api/tickets/:id/acknowledge (409)',
      method: 'POST',
      path: `/api/tickets/${id}/acknowledge`,
      role: 'building_head',
    },
    { label: 'POST /api/tickets/:id/start', method: 'POST', path: `/api/tickets/${id}/start`, role: 'building_head' },
    {
      label: 'POST /api/tickets/:id/close',
      method: 'POST',
      path: `/api/tickets/${id}/close`,
      role: 'building_head',
      body: { outcome: 'resolved', reason: '电梯已修好，可以正常使用' },
    },
    // Notifications (decision 066); the retry of an unknown message answers 404 after its one write.
    {
      label: 'POST /api/notifications/subscriptions',
      method: 'POST',
      path: '/api/notifications/subscriptions',
      role: 'resident',
      body: { templateId: LOCAL_TEMPLATE_ID, accepted: true },
    },
    {
      label: 'GET /api/notifications/failed',
      method: 'GET',
      path: '/api/notifications/failed',
      role: 'subdistrict_admin',
    },
    {
      label: 'POST /api/notifications/:eventId/retry (404)',
      method: 'POST',
      path: '/api/notifications/01BENCHNOSUCHEVENT/retry',
      role: 'building_head',
    },
    { label: 'GET /api/notifications/local', method: 'GET', path: '/api/notifications/local', role: 'resident' },
  ]
  scenarios.push(...(await ticketAdminScenarios(send, { ticketId: id, body: ticketBody })))
  scenarios.push(...(await open311Scenarios(stack)))
  scenarios.push(...(await jobScenarios(send)))

  const rows: Row[] = []
  let scans = 0
  const covered = new Set<string>()
  const routes = routesOf(app as unknown as { routes: { method: string; path: string }[] })
  try {
    for (const s of scenarios) {
      const res = await send(s.method, s.path, s.role, s.body)
      for (const r of routes) if (matches(r, s.method, s.path)) covered.add(r)
      const scan = res.names.filter((n) => n === 'ScanCommand').length
      scans += scan
      const kinds = [...new Set(res.names)].map(
        (n) => `${res.names.filter((x) => x === n).length}× ${n.replace(/Command$/, '')}`,
      )
      rows.push(
        row({
          section: '3 round trips',
          name: s.label,
          value: `${res.names.length} calls, ${res.waves} sequential`,
          unit: '',
          budget: `≤ ${MAX_WAVES} sequential, 0 Scan`,
          status: res.waves <= MAX_WAVES && scan === 0 ? 'ok' : 'OVER',
          note: `HTTP ${res.status}${kinds.length ? `; ${kinds.join(', ')}` : ''}`,
        }),
      )
    }
  } finally {
    await wechat.close()
  }
  const missing = routes.filter((r) => !covered.has(r))
  rows.push(
    row({
      section: '3 round trips',
      name: 'Scan calls, all routes',
      value: scans,
      unit: '',
      budget: '0',
      status: scans === 0 ? 'ok' : 'OVER',
      gate: true,
      note: `${routes.length} routes registered in createApp, ${covered.size} exercised${missing.length ? `; NOT exercised: ${missing.join(', ')}` : ''}`,
    }),
  )
  if (missing.length > 0)
    rows.push(
      row({
        section: '3 round trips',
        name: 'routes without a scenario',
        value: missing.length,
        unit: '',
        budget: '0',
        status: 'OVER',
        note: `add them to bench/sections/round-trips.ts: ${missing.join(', ')}`,
      }),
    )
  rows.push(
    row({
      section: '6 start-up',
      name: 'seeding (in memory, bench stack)',
      value: stack.timings.seedMs / 1000,
      unit: 's',
      budget: '',
      status: 'info',
      note: `population scale ${process.env.ANJU_SEED_SCALE || 1}; DynamoDB Local start ${(stack.timings.dynamoStartMs / 1000).toFixed(1)} s, table ${(stack.timings.ensureTableMs / 1000).toFixed(1)} s, ${stack.accounts.length} accounts`,
    }),
  )
  return rows
}
