import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { loadConfig } from '../src/config'
import type { DocClient } from '../src/db/client'
import { outboxFailedGsi2Pk } from '../src/db/keys'
import { dropTable } from '../src/db/table'
import { outboxItem } from '../src/db/ticket-events'
import { createApp } from '../src/http/app'
import { seededTable, TEST_JWT_SECRET } from './support/api'
import { type CallCounter, countCalls, countedRequests } from './support/round-trips'

// Decision 071: property-company staff (property_staff) handle property tickets only. They never
// see a help request (为民办实事), and of a ticket they read its priority and deadline, never the
// triage reasons, which name the household's colour and its vulnerable members.

const config = loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET })
let doc: DocClient
let tableName: string
let counter: CallCounter
let app: ReturnType<typeof createApp>
const tokens: Record<string, string> = {}
let seq = 0
const key = () => `key-property-${seq++}`

const request = countedRequests({ request: (path, init) => app.request(path, init) }, () => counter, tokens)

// What the triage reasons of u-resident-1's red household say, and what no property answer may.
const COLOUR_WORDS = /重点关注|独居|大病|残疾|乘以/

let repair: string
let help: string

async function file(body: Record<string, unknown>): Promise<string> {
  const res = await request('POST', '/api/tickets', 'u-resident-1', { ...body, idempotencyKey: key() })
  expect(res.status).toBe(201)
  return res.json.ticket.id
}

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  counter = countCalls(doc)
  app = createApp({ doc, tableName, config })
  for (const id of ['u-resident-1', 'u-property', 'u-staff-mjw', 'u-head-5']) {
    tokens[id] = (await request('POST', '/api/auth/dev', undefined, { userId: id })).json.token
  }
  // u-resident-1's household is red: its reasons name that.
  repair = await file({ category: 'door_window', location: { kind: 'own_room' }, description: '卧室窗户关不上' })
  help = await file({ kind: 'help', category: 'errand', description: '帮忙去社区办低保材料' })
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('property staff read property tickets only, with priority and deadline but no reasons', () => {
  it('lists the repair without its reasons and leaves the help request out; community staff see both', async () => {
    // Act
    const property = await request('GET', '/api/tickets?limit=100', 'u-property')
    const onlyHelp = await request('GET', '/api/tickets?limit=100&kind=help', 'u-property')
    const staff = await request('GET', '/api/tickets?limit=100', 'u-staff-mjw')
    // Assess
    expect(property.status).toBe(200)
    const ids = property.json.tickets.map((t: { id: string }) => t.id)
    expect(ids).toContain(repair)
    expect(ids).not.toContain(help)
    expect(property.json.tickets.some((t: { kind?: string }) => t.kind === 'help')).toBe(false)
    const listed = property.json.tickets.find((t: { id: string }) => t.id === repair)
    expect(listed).toHaveProperty('priority')
    expect(listed).toHaveProperty('deadline')
    expect(listed).not.toHaveProperty('triageReasons')
    expect(property.text).not.toMatch(COLOUR_WORDS)
    expect(onlyHelp.json.tickets).toEqual([])
    const staffIds = staff.json.tickets.map((t: { id: string }) => t.id)
    expect(staffIds).toEqual(expect.arrayContaining([repair, help]))
    expect(staff.json.tickets.find((t: { id: string }) => t.id === repair).triageReasons.join()).toMatch(COLOUR_WORDS)
  })

  it('reads and changes a repair without its reasons', async () => {
    const detail = await request('GET', `/api/tickets/${repair}`, 'u-property')
    const ack = await request('POST', `/api/tickets/${repair}/acknowledge`, 'u-property')
    const similar = await request('GET', `/api/tickets/${repair}/similar`, 'u-property')
    expect([detail.status, ack.status, similar.status]).toEqual([200, 200, 200])
    expect(detail.json.ticket).toMatchObject({ id: repair, priority: expect.any(String), deadline: expect.any(String) })
    for (const res of [detail, ack, similar]) {
      expect(res.text).not.toContain('triageReasons')
      expect(res.text).not.toMatch(COLOUR_WORDS)
    }
    expect(detail.waves).toBeLessThanOrEqual(2)
  })

  it.each([
    ['GET', ''],
    ['GET', '/photos'],
    ['GET', '/similar'],
    ['POST', '/acknowledge'],
    ['POST', '/comments'],
  ])('answers 404 for a help request: %s %s', async (method, path) => {
    const body = path === '/comments' ? { text: '我们来看看', public: true } : undefined
    const res = await request(method, `/api/tickets/${help}${path}`, 'u-property', body)
    expect(res.status).toBe(404)
    expect(res.text).not.toContain('办低保')
  })

  it('may not file a help request for a household (403), and files a repair answered without reasons', async () => {
    const base = { householdId: 'hh-mjw-5-1-0302', channel: 'phone', description: '住户来电：楼道窗户坏了' }
    const helpFiling = await request('POST', '/api/tickets/on-behalf', 'u-property', {
      ...base,
      kind: 'help',
      category: 'errand',
      idempotencyKey: key(),
    })
    const repairFiling = await request('POST', '/api/tickets/on-behalf', 'u-property', {
      ...base,
      category: 'door_window',
      location: { kind: 'common_area', spot: 'stairwell' },
      idempotencyKey: key(),
    })
    expect(helpFiling.status).toBe(403)
    expect(helpFiling.json.message).toMatch(/物业/)
    expect(repairFiling.status).toBe(201)
    expect(repairFiling.json.ticket).toHaveProperty('deadline')
    expect(repairFiling.text).not.toContain('triageReasons')
    expect(repairFiling.text).not.toMatch(COLOUR_WORDS)
  })

  it.each([
    ['the property company', { kind: 'property_company' }],
    ['property staff', { kind: 'person', userId: 'u-property' }],
  ])('does not hand a help request to %s (400 naming the assignee)', async (_who, assignee) => {
    const res = await request('POST', `/api/tickets/${help}/assign`, 'u-staff-mjw', { assignee })
    expect(res.status).toBe(400)
    expect(res.json.errors[0].path).toMatch(/^assignee/)
    expect(res.json.errors[0].message).toMatch(/物业/)
  })

  it('lists failed deliveries of property tickets only (a help message names its household)', async () => {
    // Prepare: one failed message per ticket, as the dispatcher leaves them (written directly).
    const detail = await request('GET', `/api/tickets/${help}`, 'u-staff-mjw')
    const place = detail.json.ticket.address.path
    const failed = async (ticketId: string, eventId: string, kind?: 'help') => {
      const createdAt = '2026-12-03T10:00:00.000+08:00'
      const message = {
        eventId,
        ticketId,
        recipients: ['u-resident-1'],
        title: 't',
        status: '处理中',
        text: '有进展',
        createdAt,
      }
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...outboxItem({ ...message, ...(kind ? { kind } : {}) }),
            GSI2PK: outboxFailedGsi2Pk(place.communityId),
            GSI2SK: `${place.areaId}#${place.buildingId}#${createdAt}#${eventId}`,
            scope: place,
            deliveries: { 'u-resident-1': { state: 'failed', attempts: 1, recipient: '住户 0302室' } },
          },
        }),
      )
    }
    await failed(repair, 'EVREPAIRFAILED')
    await failed(help, 'EVHELPFAILED', 'help')
    // Act
    const property = await request('GET', '/api/notifications/failed', 'u-property')
    const staff = await request('GET', '/api/notifications/failed', 'u-staff-mjw')
    // Assess
    const ids = (res: typeof staff) => res.json.notifications.map((n: { eventId: string }) => n.eventId)
    expect(ids(property)).toContain('EVREPAIRFAILED')
    expect(ids(property)).not.toContain('EVHELPFAILED')
    expect(ids(staff)).toEqual(expect.arrayContaining(['EVREPAIRFAILED', 'EVHELPFAILED']))
  })
})
