import {
  HelpRequestCategory,
  Open311CreatedList,
  Open311Errors,
  Open311ServiceDefinition,
  Open311ServiceList,
  Open311ServiceRequestList,
  TicketCategory,
} from '@anju/shared'
import { loadConfig } from '../src/config'
import type { DocClient } from '../src/db/client'
import { dropTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { DEV_API_KEY, HOUSEHOLDS } from '../src/local/fixture'
import { seededTable, TEST_JWT_SECRET } from './support/api'
import { open311Requests } from './support/open311'
import { type CallCounter, countCalls, countedRequests } from './support/round-trips'

// Issue 5 item 8: the Open311 GeoReport v2 conformance test. Every endpoint's JSON is validated
// against the shared zod schemas written from the spec (strict: an extra field fails), and no
// answer carries anything personal or anything derived from the household colour.

const config = loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET })
const KEY = DEV_API_KEY.key
const CODES = [...TicketCategory.options, ...HelpRequestCategory.options.map((c) => `help.${c}`)]
const RED_HOME = HOUSEHOLDS.h5_1_0302
let doc: DocClient
let tableName: string
let counter: CallCounter
let app: ReturnType<typeof createApp>
let clock = new Date('2026-12-03T02:00:00Z')
const tokens: Record<string, string> = {}
const request = countedRequests({ request: (path, init) => app.request(path, init) }, () => counter, tokens)
const open311 = open311Requests(
  () => app,
  () => counter,
)
/** Every Open311 answer of this file, searched at the end for personal data. */
const seen: string[] = []
const call: typeof open311 = async (...args) => {
  const reply = await open311(...args)
  seen.push(reply.text)
  return reply
}

let residentTicket: string
let filedTicket: string

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  counter = countCalls(doc)
  app = createApp({ doc, tableName, config, now: () => clock })
  for (const id of ['u-resident-1', 'u-head-5', 'u-staff-mjw']) {
    tokens[id] = (await request('POST', '/api/auth/dev', undefined, { userId: id })).json.token
  }
  const created = await request('POST', '/api/tickets', 'u-resident-1', {
    category: 'lift',
    location: { kind: 'common_area', spot: 'lift_hall' },
    description: '电梯停在三楼不动了，有事打我电话 13812345678，身份证 53062119500101123X',
    answers: { personTrapped: false },
    idempotencyKey: 'key-open311-conformance-1',
  })
  residentTicket = created.json.ticket.id
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('GET services.json and services/{code}.json', () => {
  it('lists every category as a top-level array of spec services, without a key', async () => {
    const res = await call('GET', '/services.json')
    expect(res.status).toBe(200)
    expect(Array.isArray(res.json)).toBe(true)
    expect(Open311ServiceList.parse(res.json).map((s) => s.service_code)).toEqual(CODES)
  })

  it.each(CODES)('defines %s as a spec service definition, attributes iff metadata', async (code) => {
    const [list, res] = [await call('GET', '/services.json'), await call('GET', `/services/${code}.json`)]
    const definition = Open311ServiceDefinition.parse(res.json)
    expect(definition.service_code).toBe(code)
    const service = list.json.find((s: { service_code: string }) => s.service_code === code)
    expect(definition.attributes.length > 0).toBe(service.metadata)
  })

  it.each([
    ['/services/pothole.json', 404],
    ['/services/lift.xml', 400],
    ['/services.xml', 400],
    ['/nothing.json', 404],
  ])('answers %s with %i in the Open311 error format', async (path, status) => {
    const res = await call('GET', path)
    expect(res.status).toBe(status)
    expect(Open311Errors.parse(res.json)[0].code).toBe(status)
  })
})

describe('POST requests.json and GET requests', () => {
  it('files a ticket and answers a top-level array with its id and a notice (201)', async () => {
    clock = new Date('2026-12-03T02:30:00Z')
    const res = await call('POST', '/requests.json', {
      json: { api_key: KEY, service_code: 'leak', address_id: RED_HOME.id, description: '卫生间天花板漏水' },
    })
    expect(res.status).toBe(201)
    const [created] = Open311CreatedList.parse(res.json)
    filedTicket = created.service_request_id
    expect(created.service_notice).toBe('报修已收到，社区工作人员会尽快处理。')
  })

  it('lists both tickets as spec service requests, open, newest first', async () => {
    const res = await call('GET', '/requests.json', { query: { api_key: KEY } })
    expect(res.status).toBe(200)
    const list = Open311ServiceRequestList.parse(res.json)
    expect(list.map((r) => r.service_request_id)).toEqual([filedTicket, residentTicket])
    expect(list[1]).toMatchObject({
      status: 'open',
      status_notes: '待受理',
      service_code: 'lift',
      service_name: '电梯',
      address: '卯家湾社区 5栋1单元 电梯间',
      description: expect.stringMatching(/^电梯停在三楼不动了，有事打我电话 ＊{11}，身份证 ＊{18}$/),
    })
    expect(list[0].address).toBe('卯家湾社区 5栋1单元')
    expect(res.waves).toBeLessThanOrEqual(2)
  })

  it('reads one request as a one-element array (one round trip)', async () => {
    const res = await call('GET', `/requests/${residentTicket}.json`, { query: { api_key: KEY } })
    expect(res.status).toBe(200)
    expect(Open311ServiceRequestList.parse(res.json)).toHaveLength(1)
    expect(res.waves).toBe(1)
  })

  it('shows a status change by staff as closed, with our finer status and the reason', async () => {
    clock = new Date('2026-12-03T03:00:00Z')
    expect((await request('POST', `/api/tickets/${residentTicket}/acknowledge`, 'u-head-5')).status).toBe(200)
    const acknowledged = await call('GET', `/requests/${residentTicket}.json`, { query: { api_key: KEY } })
    clock = new Date('2026-12-03T04:00:00Z')
    const closing = { outcome: 'resolved', reason: '电梯已修好，恢复运行' }
    expect((await request('POST', `/api/tickets/${residentTicket}/close`, 'u-staff-mjw', closing)).status).toBe(200)
    const closed = await call('GET', `/requests/${residentTicket}.json`, { query: { api_key: KEY } })
    expect(Open311ServiceRequestList.parse(acknowledged.json)[0]).toMatchObject({
      status: 'open',
      status_notes: '已受理',
      updated_datetime: '2026-12-03T11:00:00.000+08:00',
    })
    expect(Open311ServiceRequestList.parse(closed.json)[0]).toMatchObject({
      status: 'closed',
      status_notes: '已解决：电梯已修好，恢复运行',
      requested_datetime: '2026-12-03T10:00:00.000+08:00',
      updated_datetime: '2026-12-03T12:00:00.000+08:00',
    })
  })

  it.each([
    [{ status: 'closed' }, () => [residentTicket]],
    [{ status: 'open,closed' }, () => [filedTicket, residentTicket]],
    [{ service_code: 'leak' }, () => [filedTicket]],
    [{ service_code: 'lift,leak', status: 'open' }, () => [filedTicket]],
    [{ service_request_id: 'NOSUCHTICKET', status: 'open' }, () => []],
    [{ start_date: '2026-12-04T00:00:00+08:00' }, () => []],
    [{ end_date: '2026-12-02T23:59:59+08:00' }, () => []],
  ])('filters by %j', async (filters, expected) => {
    const res = await call('GET', '/requests.json', { query: { api_key: KEY, ...filters } })
    expect(Open311ServiceRequestList.parse(res.json).map((r) => r.service_request_id)).toEqual(expected())
  })

  it('takes a comma list of ids, which overrides the other filters', async () => {
    const ids = `${residentTicket},${filedTicket}`
    const res = await call('GET', '/requests.json', {
      query: { api_key: KEY, service_request_id: ids, status: 'open' },
    })
    expect(Open311ServiceRequestList.parse(res.json).map((r) => r.service_request_id)).toEqual([
      residentTicket,
      filedTicket,
    ])
  })

  it.each([
    [{ status: 'in_progress' }, '状态（status）只能是 open 或 closed'],
    [{ service_code: 'pothole' }, '服务代码（service_code）无效：没有“pothole”这项服务'],
    [
      { start_date: '2026-01-01T00:00:00Z', end_date: '2026-12-01T00:00:00Z' },
      '时间范围（start_date 到 end_date）不能超过 90 天',
    ],
    [{ start_date: '2026-12-01' }, '开始时间（start_date）应为带时区的时间，例如 2026-12-01T00:00:00+08:00'],
  ])('refuses %j with 400 naming the field', async (filters, description) => {
    const res = await call('GET', '/requests.json', { query: { api_key: KEY, ...filters } })
    expect(res.status).toBe(400)
    expect(Open311Errors.parse(res.json)).toContainEqual({ code: 400, description })
  })
})

describe('nothing personal leaves', () => {
  it('no answer holds a household id, room, name, phone, colour or triage field', () => {
    const all = seen.join('\n')
    expect(seen.length).toBeGreaterThan(20)
    for (const word of [RED_HOME.id, '0302', RED_HOME.headName, '13812345678', '53062119500101123X', 'hh-mjw']) {
      expect(all).not.toContain(word)
    }
    expect(all).not.toMatch(/[红黄绿]色?|\bred\b|\byellow\b|\bgreen\b|immediate|urgent|priority|deadline|triage/i)
    expect(all).not.toMatch(/"(address_id|expected_datetime|lat|long|media_url|householdId|createdBy)"/)
  })
})
