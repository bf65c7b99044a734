import { loadConfig } from '../src/config'
import { createDocClient, type DocClient } from '../src/db/client'
import { dropTable, ensureTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { seedIfEmpty } from '../src/local/seed'
import { dynamoEndpoint, TEST_JWT_SECRET } from './support/api'
import { type CallCounter, countCalls } from './support/round-trips'

// DESIGN.md §5: at most 2 sequential DynamoDB round trips per request, and never a Scan.
// Every command the app sends is recorded (support/round-trips.ts, shared with `npm run bench`);
// commands whose lifetimes overlap count as one round trip.

const tableName = `t-round-trips-${process.pid}-${Date.now()}`
let doc: DocClient
let counter: CallCounter
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  doc = createDocClient({ endpoint: dynamoEndpoint() })
  await ensureTable(doc, tableName)
  await seedIfEmpty(doc, tableName)
  counter = countCalls(doc)
  app = createApp({ doc, tableName, config: loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET }) })
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

async function request(method: string, path: string, token?: string, body?: unknown) {
  counter.reset()
  const res = await app.request(path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: await res.json(), waves: counter.waves(), names: counter.calls.map((c) => c.name) }
}

const token = async (userId: string) => (await request('POST', '/api/auth/dev', undefined, { userId })).json.token

describe('DynamoDB round trips per request', () => {
  let ticketId: string
  const tokens: Record<string, string> = {}
  const body = {
    category: 'gas',
    location: { kind: 'own_room' },
    description: '有燃气味',
    idempotencyKey: 'round-trip-key-1',
  }

  beforeAll(async () => {
    for (const id of ['u-resident-1', 'u-head-5', 'u-grid-1', 'u-staff-mjw', 'u-admin']) tokens[id] = await token(id)
    ticketId = (await request('POST', '/api/tickets', tokens['u-resident-1'], body)).json.ticket.id
  })

  it.each([
    ['GET /api/me', 'GET', '/api/me', 'u-resident-1', undefined],
    ['POST /api/tickets (replay)', 'POST', '/api/tickets', 'u-resident-1', body],
    ['GET /api/tickets/mine', 'GET', '/api/tickets/mine', 'u-resident-1', undefined],
    ['GET /api/tickets (building head)', 'GET', '/api/tickets', 'u-head-5', undefined],
    ['GET /api/tickets (grid worker)', 'GET', '/api/tickets', 'u-grid-1', undefined],
    ['GET /api/tickets (community staff)', 'GET', '/api/tickets', 'u-staff-mjw', undefined],
    ['GET /api/tickets (sub-district: 7 parallel queries)', 'GET', '/api/tickets', 'u-admin', undefined],
  ] as [string, string, string, string, unknown][])(
    '%s takes at most 2 sequential round trips and no Scan',
    async (_name, method, path, userId, payload) => {
      const res = await request(method, path, tokens[userId], payload)
      expect(res.status).toBeLessThan(300)
      expect(res.waves).toBeLessThanOrEqual(2)
      expect(res.names).not.toContain('ScanCommand')
    },
  )

  it.each([
    ['GET /api/tickets/:id', 'GET', ''],
    ['POST /api/tickets/:id/acknowledge', 'POST', '/acknowledge'],
    ['POST /api/tickets/:id/acknowledge (409)', 'POST', '/acknowledge'],
  ])('%s takes at most 2 sequential round trips', async (_name, method, suffix) => {
    const res = await request(method, `/api/tickets/${ticketId}${suffix}`, tokens['u-head-5'])
    expect(res.waves).toBeLessThanOrEqual(2)
  })

  it('counts the sub-district fan-out as one wave', async () => {
    const res = await request('GET', '/api/tickets', tokens['u-admin'])
    expect(res.names.filter((n) => n === 'QueryCommand')).toHaveLength(7)
    expect(res.waves).toBe(2)
  })
})
