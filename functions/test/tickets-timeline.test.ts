import { loadConfig } from '../src/config'
import type { DocClient } from '../src/db/client'
import { dropTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { seededTable, TEST_JWT_SECRET } from './support/api'
import { pendingMessagesFor } from './support/outbox'
import { type CallCounter, countCalls, countedRequests } from './support/round-trips'

// Issue 5 items 3, 6, 7 (in part) and 9: history and comments as items beside the ticket, 我也遇到
// (follow), the one-tap rating with 没解决 reopening, and one outbox message per public change.

const config = loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET })
let doc: DocClient
let tableName: string
let counter: CallCounter
let app: ReturnType<typeof createApp>
const tokens: Record<string, string> = {}
let seq = 0

const request = countedRequests({ request: (path, init) => app.request(path, init) }, () => counter, tokens)

/** A lift ticket of resident-1 (5栋1单元); u-resident-3 lives in 5栋2单元, u-resident-2 in 6栋. */
async function liftTicket(): Promise<string> {
  const created = await request('POST', '/api/tickets', 'u-resident-1', {
    category: 'lift',
    location: { kind: 'common_area', spot: 'lift_hall' },
    description: '电梯停在三楼不动',
    answers: { personTrapped: false },
    idempotencyKey: `key-timeline-${seq++}`,
  })
  return created.json.ticket.id
}

async function closed(id: string): Promise<void> {
  await request('POST', `/api/tickets/${id}/acknowledge`, 'u-head-5')
  await request('POST', `/api/tickets/${id}/close`, 'u-head-5', { outcome: 'resolved', reason: '电梯已修好' })
}

const outboxFor = (ticketId: string) => pendingMessagesFor({ doc, tableName }, ticketId)

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  counter = countCalls(doc)
  app = createApp({ doc, tableName, config })
  for (const id of ['u-resident-1', 'u-resident-2', 'u-resident-3', 'u-head-5', 'u-staff-mjw']) {
    tokens[id] = (await request('POST', '/api/auth/dev', undefined, { userId: id })).json.token
  }
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('the timeline (GET /api/tickets/:id)', () => {
  it('keeps every step as its own event; residents read the public ones, staff the notes too', async () => {
    // Prepare
    const id = await liftTicket()
    await request('POST', `/api/tickets/${id}/acknowledge`, 'u-head-5')
    await request('POST', `/api/tickets/${id}/comments`, 'u-head-5', { text: '已通知电梯公司，下午来修', public: true })
    await request('POST', `/api/tickets/${id}/comments`, 'u-head-5', { text: '这户老人独居，修好后上门看看' })
    await request('POST', `/api/tickets/${id}/close`, 'u-head-5', { outcome: 'resolved', reason: '电梯已修好' })
    // Act
    const staff = await request('GET', `/api/tickets/${id}`, 'u-head-5')
    const resident = await request('GET', `/api/tickets/${id}`, 'u-resident-1')
    // Assess
    expect(staff.json.events.map((e: { kind: string }) => e.kind)).toEqual([
      'filed',
      'status',
      'update',
      'note',
      'status',
    ])
    expect(staff.json.events[4]).toMatchObject({
      from: 'acknowledged',
      to: 'resolved',
      text: '电梯已修好',
      actorName: '赵美芬',
    })
    expect(resident.json.events.map((e: { kind: string }) => e.kind)).toEqual(['filed', 'status', 'update', 'status'])
    expect(JSON.stringify(resident.json)).not.toContain('独居')
    expect(resident.json.events[0]).toMatchObject({ byMe: true })
    expect(resident.json.events[0]).not.toHaveProperty('actorId')
    expect(resident.json.following).toBe(true)
    expect(staff.waves).toBeLessThanOrEqual(2)
  })

  it('refuses an empty or too long comment in Chinese, naming the field', async () => {
    const id = await liftTicket()
    const empty = await request('POST', `/api/tickets/${id}/comments`, 'u-head-5', { text: '   ' })
    const long = await request('POST', `/api/tickets/${id}/comments`, 'u-head-5', { text: '修'.repeat(301) })
    expect(empty.status).toBe(400)
    expect(empty.json.errors[0].path).toBe('text')
    expect(long.json.errors[0].message).toContain('内容')
  })

  it('posts a resent comment once (same idempotency key)', async () => {
    const id = await liftTicket()
    const body = { text: '楼下也听到异响', idempotencyKey: `comment-key-${seq++}` }
    const first = await request('POST', `/api/tickets/${id}/comments`, 'u-resident-1', body)
    const resent = await request('POST', `/api/tickets/${id}/comments`, 'u-resident-1', body)
    const staff = await request('GET', `/api/tickets/${id}`, 'u-head-5')
    expect([first.status, resent.status]).toEqual([200, 200])
    expect(staff.json.events.filter((e: { text?: string }) => e.text === '楼下也听到异响')).toHaveLength(1)
  })

  it('lets the resident add a public note but never an internal one; strangers get 404', async () => {
    const id = await liftTicket()
    const ok = await request('POST', `/api/tickets/${id}/comments`, 'u-resident-1', { text: '晚上也停了' })
    const internal = await request('POST', `/api/tickets/${id}/comments`, 'u-resident-1', {
      text: '悄悄话',
      public: false,
    })
    const stranger = await request('POST', `/api/tickets/${id}/comments`, 'u-resident-2', { text: '我来看看' })
    expect(ok.status).toBe(200)
    expect(internal.status).toBe(403)
    expect(stranger.status).toBe(404)
  })
})

describe('我也遇到 (POST /api/tickets/:id/follow)', () => {
  it('lets a resident of the same building follow; the ticket joins their list, unnamed to the filer', async () => {
    // Prepare
    const id = await liftTicket()
    // Act
    const follow = await request('POST', `/api/tickets/${id}/follow`, 'u-resident-3')
    const mine = await request('GET', '/api/tickets/mine', 'u-resident-3')
    const filer = await request('GET', `/api/tickets/${id}`, 'u-resident-1')
    // Assess
    expect(follow.status).toBe(200)
    expect(follow.json.ticket.followerCount).toBe(2)
    expect(mine.json.tickets.map((t: { id: string }) => t.id)).toContain(id)
    expect(mine.waves).toBeLessThanOrEqual(2)
    expect(follow.waves).toBeLessThanOrEqual(2)
    const seenByFollower = mine.json.tickets.find((t: { id: string }) => t.id === id)
    expect(seenByFollower.description).toBe('同楼住户报告的问题（内容仅报告人和工作人员可见）')
    expect(seenByFollower.address.roomNo).toBe('')
    expect(JSON.stringify(seenByFollower)).not.toMatch(/电梯停在三楼|hh-mjw-5-1-0302|u-resident-1/)
    await request('POST', `/api/tickets/${id}/comments`, 'u-resident-1', { text: '我家0302，电话13800001111' })
    const followerDetail = await request('GET', `/api/tickets/${id}`, 'u-resident-3')
    expect(JSON.stringify(followerDetail.json)).not.toMatch(/电梯停在三楼|0302|李秀英|13800001111/)
    const followed = filer.json.events.find((e: { kind: string }) => e.kind === 'followed')
    expect(followed).toMatchObject({ actorName: '其他住户', byMe: false })
    expect(JSON.stringify(filer.json)).not.toContain('沙马')
  })

  it.each([
    ['u-resident-2', 404, 'a resident of another building'],
    ['u-resident-1', 409, 'the household that filed it'],
    ['u-head-5', 404, 'staff'],
  ])('answers %s with %i (%s)', async (userId, status) => {
    const id = await liftTicket()
    expect((await request('POST', `/api/tickets/${id}/follow`, userId)).status).toBe(status)
  })

  it('answers a second tap with 409 in Chinese and counts the follower once', async () => {
    const id = await liftTicket()
    await request('POST', `/api/tickets/${id}/follow`, 'u-resident-3')
    const again = await request('POST', `/api/tickets/${id}/follow`, 'u-resident-3')
    const staff = await request('GET', `/api/tickets/${id}`, 'u-head-5')
    expect(again.status).toBe(409)
    expect(again.json.message).toBe('您已经报告过这个问题，有进展会通知您')
    expect(staff.json.ticket.followerCount).toBe(2)
  })

  it('counts one follower when two phones tap at once', async () => {
    const id = await liftTicket()
    const both = await Promise.all([1, 2].map(() => request('POST', `/api/tickets/${id}/follow`, 'u-resident-3')))
    const staff = await request('GET', `/api/tickets/${id}`, 'u-head-5')
    expect(both.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1)
    expect(staff.json.ticket.followerCount).toBe(2)
  })

  it("refuses to follow a problem inside another household's home (404)", async () => {
    const created = await request('POST', '/api/tickets', 'u-resident-1', {
      category: 'leak',
      location: { kind: 'own_room' },
      description: '卫生间漏水',
      idempotencyKey: `key-timeline-${seq++}`,
    })
    const res = await request('POST', `/api/tickets/${created.json.ticket.id}/follow`, 'u-resident-3')
    expect(res.status).toBe(404)
  })

  it('refuses to follow a closed ticket', async () => {
    const id = await liftTicket()
    await closed(id)
    const res = await request('POST', `/api/tickets/${id}/follow`, 'u-resident-3')
    expect(res.status).toBe(409)
    expect(res.json.message).toBe('报修单当前状态为“已解决”，无法关注')
  })
})

describe('notifications outbox', () => {
  it('writes one message per public change for every follower but the one who acted', async () => {
    // Prepare
    const id = await liftTicket()
    await request('POST', `/api/tickets/${id}/follow`, 'u-resident-3')
    // Act
    await request('POST', `/api/tickets/${id}/acknowledge`, 'u-head-5')
    await request('POST', `/api/tickets/${id}/comments`, 'u-head-5', { text: '内部：电梯公司电话已打' })
    await request('POST', `/api/tickets/${id}/comments`, 'u-resident-1', { text: '还是不动' })
    // Assess
    const messages = await outboxFor(id)
    expect(messages).toHaveLength(2)
    const byStatus = messages.find((m) => m.status === '已受理')
    expect(new Set(byStatus?.recipients as string[])).toEqual(new Set(['u-resident-1', 'u-resident-3']))
    expect(byStatus).toMatchObject({ title: '电梯报修' })
    const byComment = messages.find((m) => m.text === '还是不动')
    expect(byComment?.recipients).toEqual(['u-resident-3'])
  })
})

describe('rating (POST /api/tickets/:id/rate)', () => {
  it('records 满意 without reopening', async () => {
    const id = await liftTicket()
    await closed(id)
    const res = await request('POST', `/api/tickets/${id}/rate`, 'u-resident-1', { rating: 'satisfied' })
    expect(res.json.ticket).toMatchObject({
      status: 'resolved',
      lastRating: { rating: 'satisfied', by: 'u-resident-1' },
    })
  })

  it('reopens on 没解决 (by a follower too): back to 待受理 with a fresh deadline, no old closure', async () => {
    // Prepare
    const id = await liftTicket()
    await request('POST', `/api/tickets/${id}/follow`, 'u-resident-3')
    await closed(id)
    // Act
    const res = await request('POST', `/api/tickets/${id}/rate`, 'u-resident-3', { rating: 'unsolved' })
    const staff = await request('GET', `/api/tickets/${id}`, 'u-head-5')
    const inbox = await request('GET', '/api/tickets?status=submitted', 'u-head-5')
    const again = await request('POST', `/api/tickets/${id}/acknowledge`, 'u-head-5')
    // Assess
    expect(res.status).toBe(200)
    expect(res.json.ticket.status).toBe('submitted')
    expect(res.json.ticket).not.toHaveProperty('closure')
    expect(res.json.ticket).not.toHaveProperty('deadline')
    expect(staff.json.ticket).toMatchObject({ reopenCount: 1 })
    expect(Date.parse(staff.json.ticket.deadline)).toBeGreaterThan(Date.parse(staff.json.ticket.reopenedAt))
    expect(staff.json.events.at(-1)).toMatchObject({ kind: 'reopened', rating: 'unsolved', from: 'resolved' })
    expect(inbox.json.tickets.map((t: { id: string }) => t.id)).toContain(id)
    expect(again.status).toBe(200)
    const reopenMessage = (await outboxFor(id)).find((m) => m.status === '待受理')
    expect(reopenMessage?.recipients).toEqual(['u-resident-1'])
  })

  it.each([
    ['u-resident-1', 'an open ticket', false, 409],
    ['u-head-5', 'staff', true, 403],
    ['u-resident-2', 'a stranger', true, 404],
  ])('refuses %s rating (%s)', async (userId, _why, close, status) => {
    const id = await liftTicket()
    if (close) await closed(id)
    const res = await request('POST', `/api/tickets/${id}/rate`, userId, { rating: 'unsolved' })
    expect(res.status).toBe(status)
  })

  it('refuses an unknown rating in Chinese', async () => {
    const id = await liftTicket()
    await closed(id)
    const res = await request('POST', `/api/tickets/${id}/rate`, 'u-resident-1', { rating: 'meh' })
    expect(res.status).toBe(400)
    expect(res.json.errors).toContainEqual({ path: 'rating', message: '请选择：满意、基本解决或没解决' })
  })

  it('lets one of two 没解决 at once reopen it; the other hears 409', async () => {
    const id = await liftTicket()
    await request('POST', `/api/tickets/${id}/follow`, 'u-resident-3')
    await closed(id)
    const both = await Promise.all(
      ['u-resident-1', 'u-resident-3'].map((u) =>
        request('POST', `/api/tickets/${id}/rate`, u, { rating: 'unsolved' }),
      ),
    )
    const staff = await request('GET', `/api/tickets/${id}`, 'u-head-5')
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    expect(staff.json.ticket.reopenCount).toBe(1)
  })
})
