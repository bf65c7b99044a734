import { loadConfig } from '../src/config'
import type { DocClient } from '../src/db/client'
import { dropTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { seededTable, TEST_JWT_SECRET } from './support/api'
import { pendingMessagesFor } from './support/outbox'
import { type CallCounter, countCalls, countedRequests } from './support/round-trips'

// Issue 5 item 3: "已有人报告" while reporting (GET /api/tickets/similar), the staff's list of
// originals (GET /api/tickets/:id/similar) and the merge (POST /api/tickets/:id/merge).
// u-resident-1 lives in 5栋1单元, u-resident-3 in 5栋2单元, u-resident-2 in 6栋.

const config = loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET })
let doc: DocClient
let tableName: string
let counter: CallCounter
let app: ReturnType<typeof createApp>
const tokens: Record<string, string> = {}
let seq = 0

const request = countedRequests({ request: (path, init) => app.request(path, init) }, () => counter, tokens)

async function file(userId: string, category: string, spot: string | undefined, description = '坏了，请来看看') {
  const res = await request('POST', '/api/tickets', userId, {
    category,
    location: spot ? { kind: 'common_area', spot } : { kind: 'own_room' },
    description,
    idempotencyKey: `key-dup-${seq++}`,
  })
  expect(res.status).toBe(201)
  return res.json.ticket.id as string
}

const similar = (userId: string, category: string, spot?: string) =>
  request('GET', `/api/tickets/similar?category=${category}${spot ? `&spot=${spot}` : ''}`, userId)

const ids = (res: { json: { tickets: { id: string }[] } }) => res.json.tickets.map((t) => t.id)

const outboxFor = (ticketId: string) => pendingMessagesFor({ doc, tableName }, ticketId)

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  counter = countCalls(doc)
  app = createApp({ doc, tableName, config })
  for (const id of ['u-resident-1', 'u-resident-2', 'u-resident-3', 'u-head-5', 'u-head-6', 'u-staff-mjw']) {
    tokens[id] = (await request('POST', '/api/auth/dev', undefined, { userId: id })).json.token
  }
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('已有人报告 (GET /api/tickets/similar)', () => {
  it('shows a unit’s lift only to that unit, never another household’s words, in two round trips', async () => {
    // Prepare
    const lift = await file('u-resident-1', 'lift', 'lift_hall', '电梯停在三楼不动，我家老人李秀英下不了楼')
    // Act
    const sameUnit = await similar('u-resident-1', 'lift', 'stairwell')
    const otherUnit = await similar('u-resident-3', 'lift', 'lift_hall')
    const otherBuilding = await similar('u-resident-2', 'lift', 'lift_hall')
    // Assess
    expect(sameUnit.status).toBe(200)
    expect(sameUnit.json.tickets).toEqual([
      {
        id: lift,
        summary: '5栋1单元 电梯间 · 电梯 · 待受理',
        category: 'lift',
        status: 'submitted',
        followerCount: 1,
        following: true,
        createdAt: expect.any(String),
      },
    ])
    expect(ids(otherUnit)).toEqual([])
    expect(ids(otherBuilding)).toEqual([])
    expect(sameUnit.waves).toBeLessThanOrEqual(2)
    expect(counter.calls.map((c) => c.name)).not.toContain('ScanCommand')
  })

  it('shows water in a common area to the whole building: no description, name, room or triage', async () => {
    // Prepare
    const water = await file('u-resident-1', 'water', 'basement', '李秀英：地下室水管爆了，电话13800000000')
    const ownRoom = await file('u-resident-1', 'water', undefined, '我家厨房没水')
    // Act
    const neighbour = await similar('u-resident-3', 'water', 'corridor')
    const fromHome = await similar('u-resident-3', 'water')
    const otherBuilding = await similar('u-resident-2', 'water', 'corridor')
    // Assess
    expect(ids(neighbour)).toEqual([water])
    expect(neighbour.json.tickets[0]).toMatchObject({ following: false, summary: '5栋1单元 地下室 · 水 · 待受理' })
    expect(Object.keys(neighbour.json.tickets[0]).sort()).toEqual(
      ['category', 'createdAt', 'followerCount', 'following', 'id', 'status', 'summary'].sort(),
    )
    expect(JSON.stringify(neighbour.json)).not.toMatch(/李秀英|1380|水管|0302|priority|deadline|hh-mjw/)
    expect(ids(neighbour)).not.toContain(ownRoom)
    expect(ids(fromHome)).toEqual([])
    expect(ids(otherBuilding)).toEqual([])
  })

  it('leaves out closed and merged tickets and other categories', async () => {
    // Prepare
    const closed = await file('u-resident-1', 'power', 'stairwell')
    await request('POST', `/api/tickets/${closed}/acknowledge`, 'u-head-5')
    await request('POST', `/api/tickets/${closed}/close`, 'u-head-5', { outcome: 'resolved', reason: '已修好' })
    await file('u-resident-1', 'gas', 'stairwell')
    // Act
    const res = await similar('u-resident-3', 'power', 'stairwell')
    // Assess
    expect(ids(res)).toEqual([])
  })

  it('marks a ticket the caller follows after 我也遇到', async () => {
    const id = await file('u-resident-1', 'public_facility', 'outside')
    await request('POST', `/api/tickets/${id}/follow`, 'u-resident-3')
    const res = await similar('u-resident-3', 'public_facility', 'roof')
    expect(res.json.tickets).toEqual([expect.objectContaining({ id, following: true, followerCount: 2 })])
  })

  it.each([
    ['u-head-5', 403],
    [undefined, 401],
  ])('refuses %s with %i', async (userId, status) => {
    expect((await similar(userId as string, 'lift', 'lift_hall')).status).toBe(status)
  })

  it('refuses an unknown category or spot in Chinese', async () => {
    const res = await similar('u-resident-1', 'ufo', 'moon')
    expect(res.status).toBe(400)
    expect(res.json.errors).toContainEqual({ path: 'category', message: '请选择问题类别' })
    expect(res.json.errors).toContainEqual({ path: 'spot', message: '请选择公共区域' })
  })
})

describe('staff: originals to merge into (GET /api/tickets/:id/similar)', () => {
  it('lists the open tickets of the same category in the same building, oldest first, in two round trips', async () => {
    // Prepare
    const first = await file('u-resident-1', 'noise', 'stairwell')
    const second = await file('u-resident-3', 'noise', 'corridor')
    const own = await file('u-resident-3', 'noise', undefined)
    const elsewhere = await file('u-resident-2', 'noise', 'stairwell')
    // Act
    const res = await request('GET', `/api/tickets/${second}/similar`, 'u-head-5')
    const resident = await request('GET', `/api/tickets/${second}/similar`, 'u-resident-3')
    const outOfScope = await request('GET', `/api/tickets/${second}/similar`, 'u-head-6')
    // Assess
    expect(ids(res)).toEqual([first, own])
    expect(ids(res)).not.toContain(elsewhere)
    expect(res.json.tickets[0]).toHaveProperty('description')
    expect(res.waves).toBeLessThanOrEqual(2)
    expect(resident.status).toBe(404)
    expect(outOfScope.status).toBe(404)
  })
})

describe('merge (POST /api/tickets/:id/merge)', () => {
  it('moves the duplicate’s followers to the original: its list, its count, its next message', async () => {
    // Prepare
    const original = await file('u-resident-1', 'lighting', 'stairwell')
    const duplicate = await file('u-resident-3', 'lighting', 'stairwell', '二单元楼梯灯不亮')
    // Act
    const merged = await request('POST', `/api/tickets/${duplicate}/merge`, 'u-head-5', { into: original })
    // Assess
    expect(merged.status).toBe(200)
    expect(merged.waves).toBeLessThanOrEqual(2)
    expect(merged.json.ticket).toMatchObject({ id: duplicate, status: 'merged', mergedInto: original })
    expect(merged.json.original).toMatchObject({ id: original, followerCount: 2 })
    const mine = await request('GET', '/api/tickets/mine', 'u-resident-3')
    expect(ids(mine)).toEqual(expect.arrayContaining([original, duplicate]))
    const staffView = await request('GET', `/api/tickets/${original}`, 'u-head-5')
    expect(staffView.json.ticket.followerCount).toBe(2)
    expect(staffView.json.events.at(-1)).toMatchObject({ kind: 'merged', otherTicketId: duplicate })
    const dupView = await request('GET', `/api/tickets/${duplicate}`, 'u-resident-3')
    expect(dupView.json.ticket).toMatchObject({ status: 'merged', mergedInto: original })
    expect(dupView.json.events.at(-1)).toMatchObject({ kind: 'merged', to: 'merged', otherTicketId: original })
    const told = await outboxFor(duplicate)
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({ recipients: ['u-resident-3'], status: '已合并' })
    expect(told[0].text).toContain('您报告的问题与同楼的报告合并处理')
    expect(await outboxFor(original)).toHaveLength(0)
    // The original's next change reaches the duplicate's filer too.
    await request('POST', `/api/tickets/${original}/acknowledge`, 'u-head-5')
    const next = await outboxFor(original)
    expect(new Set(next[0].recipients as string[])).toEqual(new Set(['u-resident-1', 'u-resident-3']))
    // The duplicate's filer may now follow the original's progress like its own.
    const detail = await request('GET', `/api/tickets/${original}`, 'u-resident-3')
    expect(detail.status).toBe(200)
    expect(detail.json.following).toBe(true)
  })

  it('copies only followers the original does not have yet', async () => {
    // Prepare: resident-3 follows the original and files the duplicate; resident-1 follows the duplicate.
    const original = await file('u-resident-1', 'sanitation', 'outside')
    await request('POST', `/api/tickets/${original}/follow`, 'u-resident-3')
    const duplicate = await file('u-resident-3', 'sanitation', 'outside')
    await request('POST', `/api/tickets/${duplicate}/follow`, 'u-resident-1')
    // Act
    const merged = await request('POST', `/api/tickets/${duplicate}/merge`, 'u-staff-mjw', { into: original })
    // Assess
    expect(merged.status).toBe(200)
    expect(merged.json.original.followerCount).toBe(2)
  })

  it('lets exactly one of two staff merging at once win; the other hears 409 in Chinese', async () => {
    const original = await file('u-resident-1', 'door_window', 'unit_entrance')
    const duplicate = await file('u-resident-3', 'door_window', 'unit_entrance')
    const both = await Promise.all(
      ['u-head-5', 'u-staff-mjw'].map((u) => request('POST', `/api/tickets/${duplicate}/merge`, u, { into: original })),
    )
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    expect(both.find((r) => r.status === 409)?.json.message).toMatch(/[\u4e00-\u9fff]/)
    const staff = await request('GET', `/api/tickets/${original}`, 'u-head-5')
    expect(staff.json.ticket.followerCount).toBe(2)
    expect(staff.json.events.filter((e: { kind: string }) => e.kind === 'merged')).toHaveLength(1)
  })

  it('lets one of two crossing merges (A into B, B into A) win', async () => {
    const a = await file('u-resident-1', 'leak', 'roof')
    const b = await file('u-resident-3', 'leak', 'roof')
    const both = await Promise.all([
      request('POST', `/api/tickets/${a}/merge`, 'u-head-5', { into: b }),
      request('POST', `/api/tickets/${b}/merge`, 'u-staff-mjw', { into: a }),
    ])
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
  })

  it.each([
    ['into another building', 'other-building', 'u-staff-mjw', 400, '只能合并同一栋楼的报修单'],
    ['into another category', 'other-category', 'u-head-5', 400, '只能合并同一类问题的报修单'],
    ['into a closed ticket', 'closed', 'u-head-5', 409, '要合并到的报修单状态为“已解决”'],
    ['into itself', 'self', 'u-head-5', 400, '不能把报修单合并到它自己'],
    ['by a resident', 'ok', 'u-resident-1', 404, '找不到该报修单'],
    ['by staff of another building', 'ok', 'u-head-6', 404, '找不到该报修单'],
    ['into a ticket out of the caller’s scope', 'other-building', 'u-head-5', 404, '找不到要合并到的报修单'],
    ['into a ticket that does not exist', 'missing', 'u-head-5', 404, '找不到要合并到的报修单'],
    ['a duplicate already merged', 'merged', 'u-head-5', 409, '报修单当前状态为“已合并”，无法合并'],
  ])('refuses a merge %s', async (_why, target, userId, status, message) => {
    // Prepare
    const duplicate = await file('u-resident-3', 'other', 'corridor')
    const targets: Record<string, () => Promise<string>> = {
      'other-building': () => file('u-resident-2', 'other', 'corridor'),
      'other-category': () => file('u-resident-1', 'lift', 'corridor'),
      closed: async () => {
        const id = await file('u-resident-1', 'other', 'corridor')
        await request('POST', `/api/tickets/${id}/acknowledge`, 'u-head-5')
        await request('POST', `/api/tickets/${id}/close`, 'u-head-5', { outcome: 'resolved', reason: '已处理' })
        return id
      },
      self: async () => duplicate,
      ok: () => file('u-resident-1', 'other', 'corridor'),
      missing: async () => '01J0000000000000000000NONE',
      merged: async () => {
        const first = await file('u-resident-1', 'other', 'corridor')
        await request('POST', `/api/tickets/${duplicate}/merge`, 'u-head-5', { into: first })
        return first
      },
    }
    const into = await targets[target]()
    // Act
    const res = await request('POST', `/api/tickets/${duplicate}/merge`, userId, { into })
    // Assess
    expect(res.status).toBe(status)
    expect(res.json.message).toContain(message)
    if (target !== 'merged') {
      const after = await request('GET', `/api/tickets/${duplicate}`, 'u-head-5')
      expect(after.json.ticket.status).toBe('submitted')
    }
  })

  it('refuses a body without `into` in Chinese', async () => {
    const duplicate = await file('u-resident-3', 'other', 'corridor')
    const res = await request('POST', `/api/tickets/${duplicate}/merge`, 'u-head-5', {})
    expect(res.status).toBe(400)
    expect(res.json.errors[0].path).toBe('into')
  })
})
