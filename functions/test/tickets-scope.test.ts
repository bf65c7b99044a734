import { inboxOrder } from '@anju/shared'
import type { DocClient } from '../src/db/client'
import { dropTable } from '../src/db/table'
import { DEV_ACCOUNTS } from '../src/local/fixture'
import { toShanghaiIso } from '../src/time'
import { call, devToken, dynamoEndpoint, type Handler, loadHandler, seededTable, TEST_JWT_SECRET } from './support/api'

// Who sees and who may acknowledge a ticket from 5栋 (resident-1) and one from 6栋 (resident-2).

let doc: DocClient
let tableName: string
let api: Handler
const tokens: Record<string, string> = {}
let ticket5: { id: string }
let ticket6: { id: string }

const as = (userId: string, method: string, path: string, query?: string) =>
  call(api, { method, path, query, token: tokens[userId] })
const idsOf = (res: { json: { tickets: { id: string }[] } }) => res.json.tickets.map((t) => t.id)

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  api = loadHandler({
    STAGE: 'local',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoEndpoint(),
    JWT_SECRET: TEST_JWT_SECRET,
  })
  for (const { id } of DEV_ACCOUNTS) tokens[id] = await devToken(api, id)
  const report = async (userId: string, description: string) => {
    const res = await call(api, {
      method: 'POST',
      path: '/api/tickets',
      token: tokens[userId],
      body: {
        category: 'water',
        location: { kind: 'own_room' },
        description,
        idempotencyKey: `scope-${userId}-${Date.now()}`,
      },
    })
    if (res.status !== 201) throw new Error(res.text)
    return res.json.ticket
  }
  ticket5 = await report('u-resident-1', '厨房没有水')
  ticket6 = await report('u-resident-2', '卫生间水管滴水')
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('GET /api/tickets (staff, by scope)', () => {
  it.each([
    ['u-head-5', '5栋 building head', [true, false]],
    ['u-head-6', '6栋 building head', [false, true]],
    ['u-grid-1', 'grid worker of 一片区', [true, true]],
    ['u-staff-mjw', 'community staff', [true, true]],
    ['u-property', 'property staff', [true, true]],
    ['u-admin', 'sub-district admin', [true, true]],
  ])('%s (%s) sees exactly the tickets inside their scope', async (userId, _who, [sees5, sees6]) => {
    const ids = idsOf(await as(userId, 'GET', '/api/tickets'))
    expect([ids.includes(ticket5.id), ids.includes(ticket6.id)]).toEqual([sees5, sees6])
  })

  it.each([
    ['u-resident-1', 'a resident'],
    ['u-police', 'police'],
  ])('answers 403 to %s (%s)', async (userId) => {
    const res = await as(userId, 'GET', '/api/tickets')
    expect(res.status).toBe(403)
    expect(res.json.code).toBe('forbidden')
  })

  it('treats an empty status filter as no filter', async () => {
    const res = await as('u-staff-mjw', 'GET', '/api/tickets', 'status=')
    expect(res.status).toBe(200)
    expect(idsOf(res)).toEqual(expect.arrayContaining([ticket5.id, ticket6.id]))
  })

  it('lists the community across buildings in triage order (issue 5: overdue, priority, deadline)', async () => {
    const tickets = (await as('u-staff-mjw', 'GET', '/api/tickets')).json.tickets
    expect(tickets.length).toBeGreaterThanOrEqual(2)
    expect(tickets.map((t: { id: string }) => t.id)).toEqual(
      inboxOrder(tickets, toShanghaiIso(new Date())).map((t) => t.id),
    )
  })
})

describe('GET /api/tickets/:id', () => {
  it.each([
    ['u-resident-1', 200],
    ['u-head-5', 200],
    ['u-staff-mjw', 200],
    ['u-resident-2', 404],
    ['u-resident-3', 404],
    ['u-head-6', 404],
    ['u-police', 404],
  ])('answers %s with %i for a 5栋 ticket', async (userId, status) => {
    const res = await as(userId, 'GET', `/api/tickets/${ticket5.id}`)
    expect(res.status).toBe(status)
    if (status === 404) expect(res.json).toEqual({ code: 'not_found', message: '找不到该报修单' })
    else expect(res.json.ticket.id).toBe(ticket5.id)
  })

  it('answers 404 for an id that does not exist, exactly as for one out of scope', async () => {
    const res = await as('u-head-5', 'GET', '/api/tickets/01NOSUCHTICKET')
    expect(res.status).toBe(404)
    expect(res.json).toEqual({ code: 'not_found', message: '找不到该报修单' })
  })
})

describe('POST /api/tickets/:id/acknowledge', () => {
  it.each([['u-head-6'], ['u-resident-1'], ['u-resident-2'], ['u-police']])(
    '%s cannot acknowledge a 5栋 ticket: 404',
    async (userId) => {
      const res = await as(userId, 'POST', `/api/tickets/${ticket5.id}/acknowledge`)
      expect(res.status).toBe(404)
      expect(res.json.code).toBe('not_found')
    },
  )

  it('lets the 5栋 building head acknowledge once; a second time is 409; the resident sees it', async () => {
    // Prepare
    const before = await as('u-head-5', 'GET', '/api/tickets', 'status=submitted')
    // Act
    const first = await as('u-head-5', 'POST', `/api/tickets/${ticket5.id}/acknowledge`)
    const second = await as('u-head-5', 'POST', `/api/tickets/${ticket5.id}/acknowledge`)
    const byStaff = await as('u-staff-mjw', 'POST', `/api/tickets/${ticket5.id}/acknowledge`)
    const residentView = await as('u-resident-1', 'GET', `/api/tickets/${ticket5.id}`)
    const mine = await as('u-resident-1', 'GET', '/api/tickets/mine')
    const submitted = await as('u-head-5', 'GET', '/api/tickets', 'status=submitted')
    const acknowledged = await as('u-head-5', 'GET', '/api/tickets', 'status=acknowledged')
    // Assess
    expect(idsOf(before)).toContain(ticket5.id)
    expect(first.status).toBe(200)
    expect(first.json.ticket).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'u-head-5',
      acknowledgedByName: '赵美芬',
    })
    expect(first.json.ticket.acknowledgedAt).toMatch(/\+08:00$/)
    expect(second.status).toBe(409)
    expect(second.json).toEqual({ code: 'conflict', message: '报修单当前状态为“已受理”，无法受理' })
    expect(byStaff.status).toBe(409)
    expect(residentView.json.ticket.status).toBe('acknowledged')
    expect(mine.json.tickets.find((t: { id: string }) => t.id === ticket5.id).status).toBe('acknowledged')
    expect(idsOf(submitted)).not.toContain(ticket5.id)
    expect(idsOf(acknowledged)).toContain(ticket5.id)
  })

  it('lets community staff acknowledge a 6栋 ticket', async () => {
    const res = await as('u-staff-mjw', 'POST', `/api/tickets/${ticket6.id}/acknowledge`)
    expect(res.status).toBe(200)
    expect(res.json.ticket).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'u-staff-mjw',
      acknowledgedByName: '周丽琼',
    })
  })

  it('answers 404 for an id that does not exist', async () => {
    const res = await as('u-admin', 'POST', '/api/tickets/01NOSUCHTICKET/acknowledge')
    expect(res.status).toBe(404)
  })
})
