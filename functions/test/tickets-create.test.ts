import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { loadConfig } from '../src/config'
import type { DocClient } from '../src/db/client'
import { ticketKey } from '../src/db/keys'
import { dropTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { call, devToken, dynamoEndpoint, type Handler, loadHandler, seededTable, TEST_JWT_SECRET } from './support/api'

let doc: DocClient
let tableName: string
let api: Handler
const tokens: Record<string, string> = {}

const valid = {
  category: 'lift',
  location: { kind: 'common_area', spot: 'lift_hall' },
  description: '1单元电梯门关不上，老人下不了楼',
}
let keySeq = 0
const newKey = () => `key-create-${Date.now()}-${keySeq++}`

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  api = loadHandler({
    STAGE: 'local',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoEndpoint(),
    JWT_SECRET: TEST_JWT_SECRET,
  })
  for (const id of ['u-resident-1', 'u-resident-3', 'u-head-5']) tokens[id] = await devToken(api, id)
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

const create = (userId: string, body: unknown, extra: { base64?: boolean } = {}) =>
  call(api, { method: 'POST', path: '/api/tickets', token: tokens[userId], body, ...extra })

describe('POST /api/tickets', () => {
  it('creates a ticket with the address taken from the resident household', async () => {
    // Act
    const res = await create('u-resident-1', { ...valid, idempotencyKey: newKey() })
    // Assess
    expect(res.status).toBe(201)
    expect(res.json.ticket).toMatchObject({
      householdId: 'hh-mjw-5-1-0302',
      address: { buildingName: '5栋', unitName: '1单元', roomNo: '0302', path: { buildingId: 'mjw-b5' } },
      category: 'lift',
      status: 'submitted',
      createdBy: 'u-resident-1',
    })
    expect(res.json.ticket.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/)
  })

  it('replays a retry with the same key: 200, the original ticket, and still one ticket', async () => {
    // Prepare
    const body = { ...valid, description: '楼道灯不亮', category: 'lighting', idempotencyKey: newKey() }
    const first = await create('u-resident-3', body)
    // Act
    const retry = await create('u-resident-3', body)
    const mine = await call(api, { method: 'GET', path: '/api/tickets/mine', token: tokens['u-resident-3'] })
    // Assess
    expect(first.status).toBe(201)
    expect(retry.status).toBe(200)
    expect(retry.json.ticket).toEqual(first.json.ticket)
    expect(mine.json.tickets.filter((t: { description: string }) => t.description === '楼道灯不亮')).toHaveLength(1)
  })

  it('answers 409 when the same key comes with a different body', async () => {
    const key = newKey()
    await create('u-resident-1', { ...valid, idempotencyKey: key })
    const res = await create('u-resident-1', { ...valid, description: '换了内容', idempotencyKey: key })
    expect(res.status).toBe(409)
    expect(res.json).toEqual({ code: 'conflict', message: expect.stringContaining('提交编号') })
  })

  it('keeps keys apart per user: the same key from another resident creates its own ticket', async () => {
    const key = newKey()
    const a = await create('u-resident-1', { ...valid, idempotencyKey: key })
    const b = await create('u-resident-3', { ...valid, idempotencyKey: key })
    expect([a.status, b.status]).toEqual([201, 201])
    expect(b.json.ticket.id).not.toBe(a.json.ticket.id)
  })

  it('accepts a base64-encoded body (as API Gateway sends non-text types)', async () => {
    const res = await create(
      'u-resident-1',
      { ...valid, description: '水管漏水 💧', idempotencyKey: newKey() },
      { base64: true },
    )
    expect(res.status).toBe(201)
    expect(res.json.ticket.description).toBe('水管漏水 💧')
  })

  it('refuses staff (only residents report): 403', async () => {
    const res = await create('u-head-5', { ...valid, idempotencyKey: newKey() })
    expect(res.status).toBe(403)
    expect(res.json.code).toBe('forbidden')
  })

  it('lists the resident household tickets newest first', async () => {
    await create('u-resident-1', { ...valid, description: '第一件', idempotencyKey: newKey() })
    await new Promise((r) => setTimeout(r, 5))
    await create('u-resident-1', { ...valid, description: '第二件', idempotencyKey: newKey() })
    const mine = await call(api, { method: 'GET', path: '/api/tickets/mine', token: tokens['u-resident-1'] })
    const times: string[] = mine.json.tickets.map((t: { createdAt: string }) => t.createdAt)
    expect(times).toEqual([...times].sort().reverse())
    expect(mine.json.tickets[0].description).toBe('第二件')
    expect(mine.json.tickets.every((t: { householdId: string }) => t.householdId === 'hh-mjw-5-1-0302')).toBe(true)
  })
})

describe('validation', () => {
  const CJK = /[\u4e00-\u9fff]/
  it.each([
    ['missing category', { ...valid, category: undefined }, 'category', '请选择问题类别'],
    ['unknown category', { ...valid, category: 'dragon' }, 'category', '请选择问题类别'],
    ['missing location', { ...valid, location: undefined }, 'location', '请选择问题位置'],
    ['common area without a spot', { ...valid, location: { kind: 'common_area' } }, 'location.spot', '请选择公共区域'],
    ['blank description', { ...valid, description: '   ' }, 'description', '请填写问题描述'],
    [
      'description of 501 characters',
      { ...valid, description: '漏'.repeat(501) },
      'description',
      '问题描述最多 500 个字',
    ],
    [
      'missing idempotencyKey',
      { ...valid, idempotencyKey: undefined },
      'idempotencyKey',
      '缺少提交编号（idempotencyKey）',
    ],
    [
      'short idempotencyKey',
      { ...valid, idempotencyKey: 'abc' },
      'idempotencyKey',
      '提交编号（idempotencyKey）格式不正确',
    ],
  ])('answers 400 naming the field for %s', async (_case, body, path, message) => {
    const res = await create('u-resident-1', { idempotencyKey: newKey(), ...body })
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('validation')
    expect(res.json.message).toMatch(CJK)
    expect(res.json.errors).toContainEqual({ path, message })
  })

  it('counts description length in code points: 500 emoji are allowed', async () => {
    const res = await create('u-resident-1', { ...valid, description: '😀'.repeat(500), idempotencyKey: newKey() })
    expect(res.status).toBe(201)
  })

  it.each([
    ['truncated JSON', '{"category": "lift",'],
    ['not JSON at all', 'category=lift'],
    ['an empty body', ''],
  ])('answers 400 JSON for %s', async (_case, rawBody) => {
    const res = await call(api, { method: 'POST', path: '/api/tickets', token: tokens['u-resident-1'], rawBody })
    expect(res.status).toBe(400)
    expect(res.json).toEqual({ code: 'validation', message: '请求内容不是有效的 JSON' })
  })

  it('answers 400 for an unknown status filter', async () => {
    const res = await call(api, {
      method: 'GET',
      path: '/api/tickets',
      query: 'status=lost',
      token: tokens['u-head-5'],
    })
    expect(res.status).toBe(400)
    expect(res.json.errors[0].path).toBe('status')
    expect(res.json.errors[0].message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('stored times', () => {
  it('stores createdAt in Beijing time (+08:00), on the Beijing calendar day', async () => {
    // Prepare: 23:30 UTC on 3 December is 07:30 on 4 December in Yunnan
    const app = createApp({
      doc,
      tableName,
      config: loadConfig({ STAGE: 'local', TABLE_NAME: tableName, JWT_SECRET: TEST_JWT_SECRET }),
      now: () => new Date('2026-12-03T23:30:00.000Z'),
      newId: () => 'T-FIXED-CLOCK-1',
    })
    const token = (
      await (await app.request('/api/auth/dev', { method: 'POST', body: '{"userId":"u-resident-1"}' })).json()
    ).token
    // Act
    const res = await app.request('/api/tickets', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...valid, idempotencyKey: newKey() }),
    })
    const stored = await doc.send(new GetCommand({ TableName: tableName, Key: ticketKey('T-FIXED-CLOCK-1') }))
    // Assess
    expect(res.status).toBe(201)
    expect(stored.Item?.createdAt).toBe('2026-12-04T07:30:00.000+08:00')
    expect(stored.Item?.entity).toBe('ticket')
    expect(stored.Item?.PK).toBe('TICKET#T-FIXED-CLOCK-1')
  })
})
