import { loadConfig } from '../src/config'
import type { DocClient } from '../src/db/client'
import { dropTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { seededTable, TEST_JWT_SECRET } from './support/api'
import { type CallCounter, countCalls, countedRequests } from './support/round-trips'

// Slice C of issue 5: 已受理 → 处理中 → 已解决 / 无法处理 / 非本部门, each with a reason the resident
// reads; conditional updates so that of two staff acting at once exactly one wins.

const config = loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET })
let doc: DocClient
let tableName: string
let counter: CallCounter
let app: ReturnType<typeof createApp>
const tokens: Record<string, string> = {}
let seq = 0

// `app` is assigned in beforeAll; the wrapper reads it at call time.
const request = countedRequests({ request: (path, init) => app.request(path, init) }, () => counter, tokens)

/** A ticket of resident-1 (5栋) moved as far as `until`. */
async function ticketAt(until: 'submitted' | 'acknowledged' | 'in_progress'): Promise<string> {
  const created = await request('POST', '/api/tickets', 'u-resident-1', {
    category: 'door_window',
    location: { kind: 'common_area', spot: 'unit_entrance' },
    description: '单元门关不上',
    idempotencyKey: `key-flow-${seq++}`,
  })
  const id = created.json.ticket.id
  if (until !== 'submitted') await request('POST', `/api/tickets/${id}/acknowledge`, 'u-head-5')
  if (until === 'in_progress') await request('POST', `/api/tickets/${id}/start`, 'u-head-5')
  return id
}

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  counter = countCalls(doc)
  app = createApp({ doc, tableName, config })
  for (const id of ['u-resident-1', 'u-head-5', 'u-head-6', 'u-staff-mjw']) {
    tokens[id] = (await request('POST', '/api/auth/dev', undefined, { userId: id })).json.token
  }
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('POST /api/tickets/:id/start and /close', () => {
  it('moves 已受理 → 处理中 → 已解决 and shows the resident the reason', async () => {
    // Prepare
    const id = await ticketAt('acknowledged')
    // Act
    const started = await request('POST', `/api/tickets/${id}/start`, 'u-head-5')
    const closed = await request('POST', `/api/tickets/${id}/close`, 'u-staff-mjw', {
      outcome: 'resolved',
      reason: '门锁换好了，可以关上了',
    })
    const seen = await request('GET', `/api/tickets/${id}`, 'u-resident-1')
    // Assess
    expect(started.json.ticket).toMatchObject({ status: 'in_progress', startedBy: 'u-head-5', startedByName: '赵美芬' })
    expect(closed.json.ticket).toMatchObject({ status: 'resolved' })
    expect(seen.json.ticket).toMatchObject({
      status: 'resolved',
      closure: { outcome: 'resolved', reason: '门锁换好了，可以关上了', by: 'u-staff-mjw' },
    })
    expect(seen.json.ticket.closure).not.toHaveProperty('contact')
  })

  it('closes as 非本部门 with whom to contact, straight from 已受理', async () => {
    const id = await ticketAt('acknowledged')
    const res = await request('POST', `/api/tickets/${id}/close`, 'u-head-5', {
      outcome: 'not_our_department',
      reason: '燃气表由燃气公司负责',
      contact: '昭通燃气公司 0870-1234567',
    })
    expect(res.status).toBe(200)
    expect(res.json.ticket).toMatchObject({
      status: 'not_our_department',
      closure: { reason: '燃气表由燃气公司负责', contact: '昭通燃气公司 0870-1234567' },
    })
  })

  it('keeps a contact only for 非本部门', async () => {
    const id = await ticketAt('in_progress')
    const res = await request('POST', `/api/tickets/${id}/close`, 'u-head-5', {
      outcome: 'cannot_handle',
      reason: '需要更换整栋楼的水管，已上报街道',
      contact: '街道办',
    })
    expect(res.json.ticket).toMatchObject({ status: 'cannot_handle' })
    expect(res.json.ticket.closure).not.toHaveProperty('contact')
  })

  it('refuses 非本部门 without a contact, in Chinese', async () => {
    const id = await ticketAt('in_progress')
    const res = await request('POST', `/api/tickets/${id}/close`, 'u-head-5', {
      outcome: 'not_our_department',
      reason: '不归物业管',
    })
    expect(res.status).toBe(400)
    expect(res.json.errors).toContainEqual({ path: 'contact', message: '非本部门：请写明住户应该联系哪个部门或电话' })
  })

  it.each([
    ['start', 'submitted', {}, '报修单当前状态为“待受理”，无法开始处理'],
    ['start', 'in_progress', {}, '报修单当前状态为“处理中”，无法开始处理'],
    ['close', 'submitted', { outcome: 'resolved', reason: '修好了' }, '报修单当前状态为“待受理”，无法结束处理'],
  ] as const)('answers 409 to %s from %s', async (action, state, body, message) => {
    const id = await ticketAt(state)
    const res = await request('POST', `/api/tickets/${id}/${action}`, 'u-head-5', body)
    expect(res.status).toBe(409)
    expect(res.json).toEqual({ code: 'conflict', message })
  })

  it.each([
    ['u-head-6', 'a building head of another building'],
    ['u-resident-1', 'the resident who filed it'],
  ])('answers 404 to %s (%s)', async (userId) => {
    const id = await ticketAt('acknowledged')
    const res = await request('POST', `/api/tickets/${id}/start`, userId)
    expect(res.status).toBe(404)
  })

  it('lets exactly one of two staff starting at once win; the other gets 409 in Chinese', async () => {
    // Prepare
    const id = await ticketAt('acknowledged')
    // Act
    const both = await Promise.all([
      request('POST', `/api/tickets/${id}/start`, 'u-head-5'),
      request('POST', `/api/tickets/${id}/start`, 'u-staff-mjw'),
    ])
    // Assess
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    expect(both.find((r) => r.status === 409)?.json.message).toBe('报修单当前状态为“处理中”，无法开始处理')
  })

  it('lets exactly one of two different closes win, and the ticket keeps the winner', async () => {
    // Prepare
    const id = await ticketAt('in_progress')
    // Act
    const both = await Promise.all([
      request('POST', `/api/tickets/${id}/close`, 'u-head-5', { outcome: 'resolved', reason: '修好了' }),
      request('POST', `/api/tickets/${id}/close`, 'u-staff-mjw', { outcome: 'cannot_handle', reason: '修不了' }),
    ])
    const now = await request('GET', `/api/tickets/${id}`, 'u-staff-mjw')
    // Assess
    const winner = both.find((r) => r.status === 200)
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    expect(now.json.ticket.status).toBe(winner?.json.ticket.status)
    expect(now.json.ticket.closure).toEqual(winner?.json.ticket.closure)
  })

  it('takes at most 2 sequential round trips per move', async () => {
    const id = await ticketAt('acknowledged')
    const started = await request('POST', `/api/tickets/${id}/start`, 'u-head-5')
    const closed = await request('POST', `/api/tickets/${id}/close`, 'u-head-5', {
      outcome: 'resolved',
      reason: '好了',
    })
    expect([started.waves, closed.waves]).toEqual([2, 2])
  })
})
