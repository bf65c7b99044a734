import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { loadConfig } from '../src/config'
import type { DocClient } from '../src/db/client'
import { OUTBOX_PENDING_GSI1PK, outboxKey } from '../src/db/keys'
import { dropTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { DEV_API_KEY } from '../src/local/fixture'
import { seededTable, TEST_JWT_SECRET } from './support/api'
import { type CallCounter, countCalls, countedRequests } from './support/round-trips'

// Issue 5 item 5 (assign, bulk assign, hide, redact) and item 9 (the inbox in pages). Decision 067.

const config = loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET })
let doc: DocClient
let tableName: string
let counter: CallCounter
let app: ReturnType<typeof createApp>
const tokens: Record<string, string> = {}
let seq = 0

const request = countedRequests({ request: (path, init) => app.request(path, init) }, () => counter, tokens)

type Body = { category?: string; description?: string; spot?: string }

/** A ticket of resident-1 (5栋1单元); u-resident-3 lives in 5栋2单元, u-resident-2 in 6栋. */
async function ticket(body: Body = {}, by = 'u-resident-1'): Promise<string> {
  const created = await request('POST', '/api/tickets', by, {
    category: body.category ?? 'lighting',
    location: { kind: 'common_area', spot: body.spot ?? 'stairwell' },
    description: body.description ?? '楼道灯不亮，晚上看不见台阶',
    idempotencyKey: `key-admin-${seq++}`,
  })
  expect(created.status).toBe(201)
  return created.json.ticket.id
}

async function partition(id: string): Promise<Record<string, unknown>[]> {
  const out = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `TICKET#${id}` },
    }),
  )
  return out.Items ?? []
}

async function outboxFor(ticketId: string): Promise<Record<string, unknown>[]> {
  const out = await doc.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': OUTBOX_PENDING_GSI1PK },
    }),
  )
  return (out.Items ?? []).filter((i) => i.ticketId === ticketId)
}

/**
 * Holds every TransactWriteItems until `n` are waiting, then lets them all go together (2 s at
 * most), so concurrent changes really race. Returns the function that removes the hold.
 */
function holdTransactions(n: number): () => void {
  const waiting: (() => void)[] = []
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      // The document client's commands reach this stack as the low-level TransactWriteItemsCommand.
      if (/TransactWrite/.test(String(context.commandName))) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 2000)
          waiting.push(() => {
            clearTimeout(timer)
            resolve()
          })
          if (waiting.length >= n) for (const go of waiting) go()
        })
      }
      return next(args)
    },
    { step: 'initialize', name: 'holdTransactions' },
  )
  return () => doc.middlewareStack.remove('holdTransactions')
}

const PROPERTY = { kind: 'property_company' } as const
const person = (userId: string) => ({ kind: 'person', userId })

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  counter = countCalls(doc)
  app = createApp({ doc, tableName, config })
  const users = ['u-resident-1', 'u-resident-2', 'u-resident-3', 'u-head-5', 'u-head-6', 'u-grid-1']
  for (const id of [...users, 'u-staff-mjw', 'u-admin', 'u-police', 'u-property']) {
    tokens[id] = (await request('POST', '/api/auth/dev', undefined, { userId: id })).json.token
  }
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('assign (POST /api/tickets/:id/assign)', () => {
  it('hands a ticket to the property company; the resident reads 已交给物业公司处理, nobody is messaged', async () => {
    // Prepare
    const id = await ticket()
    const before = await outboxFor(id)
    // Act
    const res = await request('POST', `/api/tickets/${id}/assign`, 'u-head-5', { assignee: PROPERTY })
    const resident = await request('GET', `/api/tickets/${id}`, 'u-resident-1')
    // Assess
    expect(res.status).toBe(200)
    expect(res.waves).toBeLessThanOrEqual(2)
    expect(res.json.ticket.assignee).toMatchObject({ kind: 'property_company', name: '物业公司', by: 'u-head-5' })
    expect(res.json.ticket.status).toBe('submitted')
    const event = resident.json.events.find((e: { kind: string }) => e.kind === 'assigned')
    expect(event).toMatchObject({ text: '已交给物业公司处理', actorName: '赵美芬' })
    expect(await outboxFor(id)).toHaveLength(before.length)
  })

  it.each([
    ['u-property', '由物业人员钱晓东负责'],
    ['u-grid-1', '由网格员陈海燕负责'],
    ['u-head-5', '由楼栋长赵美芬负责'],
  ])(
    'hands a ticket to %s, whose scope covers it (%s); the inbox filter assignee=me finds it',
    async (userId, text) => {
      const id = await ticket()
      const res = await request('POST', `/api/tickets/${id}/assign`, 'u-staff-mjw', { assignee: person(userId) })
      const detail = await request('GET', `/api/tickets/${id}`, 'u-resident-1')
      const mine = await request('GET', '/api/tickets?assignee=me&limit=100', userId)
      expect(res.status).toBe(200)
      expect(res.waves).toBeLessThanOrEqual(2)
      expect(res.json.ticket.assignee).toMatchObject({ kind: 'person', userId })
      expect(detail.json.events.at(-1)).toMatchObject({ kind: 'assigned', text })
      expect(mine.json.tickets.map((t: { id: string }) => t.id)).toContain(id)
    },
  )

  it.each([
    ['a building head of another building', 'u-head-6', '不负责'],
    ['a resident', 'u-resident-2', '只能交给负责报修的工作人员'],
    ['the police', 'u-police', '只能交给负责报修的工作人员'],
    ['nobody', 'u-nobody', '只能交给负责报修的工作人员'],
  ])('refuses %s as the assignee: 400 naming assignee.userId', async (_who, userId, message) => {
    const id = await ticket()
    const res = await request('POST', `/api/tickets/${id}/assign`, 'u-staff-mjw', { assignee: person(userId) })
    expect(res.status).toBe(400)
    expect(res.json.errors[0]).toMatchObject({ path: 'assignee.userId' })
    expect(res.json.errors[0].message).toContain(message)
  })

  it.each([
    [{}, 'assignee'],
    [{ assignee: { kind: 'person' } }, 'assignee.userId'],
    [{ assignee: { kind: 'boss' } }, 'assignee.kind'],
  ])('refuses the body %j with a Chinese 400 naming %s', async (body, path) => {
    const id = await ticket()
    const res = await request('POST', `/api/tickets/${id}/assign`, 'u-staff-mjw', body)
    expect(res.status).toBe(400)
    expect(res.json.errors[0].path).toBe(path)
    expect(res.json.errors[0].message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('is 404 for a resident, the police and staff out of scope; 409 when closed or already theirs', async () => {
    const id = await ticket()
    const resident = await request('POST', `/api/tickets/${id}/assign`, 'u-resident-1', { assignee: PROPERTY })
    const police = await request('POST', `/api/tickets/${id}/assign`, 'u-police', { assignee: PROPERTY })
    const outside = await request('POST', `/api/tickets/${id}/assign`, 'u-head-6', { assignee: PROPERTY })
    await request('POST', `/api/tickets/${id}/assign`, 'u-head-5', { assignee: PROPERTY })
    const again = await request('POST', `/api/tickets/${id}/assign`, 'u-head-5', { assignee: PROPERTY })
    await request('POST', `/api/tickets/${id}/acknowledge`, 'u-head-5')
    await request('POST', `/api/tickets/${id}/close`, 'u-head-5', { outcome: 'resolved', reason: '灯已换好' })
    const closed = await request('POST', `/api/tickets/${id}/assign`, 'u-head-5', { assignee: person('u-grid-1') })
    expect([resident.status, police.status, outside.status]).toEqual([404, 404, 404])
    expect(again.status).toBe(409)
    expect(again.json.message).toBe('已经交给物业公司处理了')
    expect(closed.status).toBe(409)
    expect(closed.json.message).toBe('报修单当前状态为“已解决”，无法分派')
  })

  it('of two staff assigning at once, one wins and the other gets 409', async () => {
    const id = await ticket()
    // "At once": both read the ticket before either writes (else the second is a plain reassign).
    const release = holdTransactions(2)
    const results = await Promise.all([
      request('POST', `/api/tickets/${id}/assign`, 'u-head-5', { assignee: PROPERTY }),
      request('POST', `/api/tickets/${id}/assign`, 'u-staff-mjw', { assignee: person('u-grid-1') }),
    ])
    release()
    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 409])
    const loser = results.find((r) => r.status === 409)
    expect(loser?.json.message).toMatch(/有人正在同时处理|已经交给/)
    const staff = await request('GET', `/api/tickets/${id}`, 'u-staff-mjw')
    const winner = results.find((r) => r.status === 200)
    expect(staff.json.ticket.assignee).toEqual(winner?.json.ticket.assignee)
    expect(staff.json.events.filter((e: { kind: string }) => e.kind === 'assigned')).toHaveLength(1)
  })
})

describe('bulk assign (POST /api/tickets/assign)', () => {
  it('assigns each ticket on its own and says plainly which did not go', async () => {
    // Prepare: two open tickets, one closed, one of 6栋 out of the building head's scope.
    const [a, b, closed] = [await ticket(), await ticket(), await ticket()]
    const other = await ticket({}, 'u-resident-2')
    await request('POST', `/api/tickets/${closed}/acknowledge`, 'u-head-5')
    await request('POST', `/api/tickets/${closed}/close`, 'u-head-5', { outcome: 'resolved', reason: '好了' })
    // Act
    const res = await request('POST', '/api/tickets/assign', 'u-head-5', {
      ticketIds: [a, b, closed, other],
      assignee: PROPERTY,
    })
    // Assess
    expect(res.status).toBe(200)
    expect(res.waves).toBeLessThanOrEqual(2)
    expect(res.json.results).toEqual([
      { id: a, ok: true },
      { id: b, ok: true },
      { id: closed, ok: false, status: 409, message: '报修单当前状态为“已解决”，无法分派' },
      { id: other, ok: false, status: 404, message: '找不到该报修单' },
    ])
    const filtered = await request('GET', '/api/tickets?assignee=property_company&limit=100', 'u-head-5')
    const ids = filtered.json.tickets.map((t: { id: string }) => t.id)
    expect(ids).toEqual(expect.arrayContaining([a, b]))
    expect(ids).not.toContain(closed)
  })

  it.each([
    [{ ticketIds: [], assignee: { kind: 'property_company' } }, 'ticketIds'],
    [{ ticketIds: Array.from({ length: 51 }, (_, i) => `T${i}`), assignee: { kind: 'property_company' } }, 'ticketIds'],
    [{ ticketIds: ['A1', 'A1'], assignee: { kind: 'property_company' } }, 'ticketIds'],
    [{ ticketIds: ['A1'] }, 'assignee'],
  ])('refuses %#: 400 naming %s', async (body, path) => {
    const res = await request('POST', '/api/tickets/assign', 'u-head-5', body)
    expect(res.status).toBe(400)
    expect(res.json.errors[0].path).toBe(path)
  })

  it('refuses a resident as a whole (403), not ticket by ticket', async () => {
    const id = await ticket()
    const res = await request('POST', '/api/tickets/assign', 'u-resident-1', { ticketIds: [id], assignee: PROPERTY })
    expect(res.status).toBe(403)
  })
})

describe('hide (POST /api/tickets/:id/hide)', () => {
  it('takes an abusive ticket out of followers, duplicates, Open311 and the inbox; no messages', async () => {
    // Prepare: resident-3 (same building) follows it.
    const id = await ticket({ category: 'noise', spot: 'corridor', description: '楼上天天吵' })
    await request('POST', `/api/tickets/${id}/follow`, 'u-resident-3')
    const before = await outboxFor(id)
    // Act
    const hide = await request('POST', `/api/tickets/${id}/hide`, 'u-staff-mjw', { reason: '辱骂邻居' })
    await request('POST', `/api/tickets/${id}/comments`, 'u-staff-mjw', { text: '已上门劝说', public: true })
    // Assess
    expect(hide.status).toBe(200)
    expect(hide.waves).toBeLessThanOrEqual(2)
    expect(hide.json.ticket.hidden).toMatchObject({ by: 'u-staff-mjw', reason: '辱骂邻居' })
    const follower = await request('GET', '/api/tickets/mine', 'u-resident-3')
    expect(follower.json.tickets.map((t: { id: string }) => t.id)).not.toContain(id)
    const filer = await request('GET', '/api/tickets/mine', 'u-resident-1')
    expect(filer.json.tickets.map((t: { id: string }) => t.id)).toContain(id)
    const similar = await request('GET', '/api/tickets/similar?category=noise&spot=corridor', 'u-resident-3')
    expect(JSON.stringify(similar.json)).not.toContain(id)
    const open311 = await app.request(`/api/open311/v2/requests/${id}.json?api_key=${DEV_API_KEY.key}`)
    expect(open311.status).toBe(404)
    expect(await outboxFor(id)).toHaveLength(before.length)
    const resident = await request('GET', `/api/tickets/${id}`, 'u-resident-1')
    expect(resident.json.events.map((e: { kind: string }) => e.kind)).not.toContain('hidden')
    expect(JSON.stringify(resident.json.events)).not.toContain('辱骂')
    const inbox = await request('GET', '/api/tickets?limit=100', 'u-staff-mjw')
    const withHidden = await request('GET', '/api/tickets?limit=100&includeHidden=true', 'u-staff-mjw')
    expect(inbox.json.tickets.map((t: { id: string }) => t.id)).not.toContain(id)
    expect(withHidden.json.tickets.map((t: { id: string }) => t.id)).toContain(id)
  })

  it('tells the filer nothing: no hide reason or flag in their ticket or /mine', async () => {
    // Prepare
    const id = await ticket({ category: 'noise', spot: 'corridor', description: '隔壁天天吵' })
    await request('POST', `/api/tickets/${id}/hide`, 'u-staff-mjw', { reason: '辱骂隔壁住户' })
    // Act
    const detail = await request('GET', `/api/tickets/${id}`, 'u-resident-1')
    const mine = await request('GET', '/api/tickets/mine', 'u-resident-1')
    // Assess
    expect(detail.status).toBe(200)
    expect(detail.json.ticket).not.toHaveProperty('hidden')
    expect(JSON.stringify(detail.json)).not.toContain('辱骂隔壁住户')
    const listed = mine.json.tickets.find((t: { id: string }) => t.id === id)
    expect(listed).toBeDefined()
    expect(listed).not.toHaveProperty('hidden')
    expect(JSON.stringify(mine.json)).not.toContain('辱骂隔壁住户')
    const staff = await request('GET', `/api/tickets/${id}`, 'u-staff-mjw')
    expect(staff.json.ticket.hidden).toMatchObject({ reason: '辱骂隔壁住户' })
  })

  it('is for community staff and above: 403 for a building head or property staff, 404 for residents', async () => {
    const id = await ticket()
    const head = await request('POST', `/api/tickets/${id}/hide`, 'u-head-5', { reason: '辱骂' })
    const property = await request('POST', `/api/tickets/${id}/hide`, 'u-property', { reason: '辱骂' })
    const resident = await request('POST', `/api/tickets/${id}/hide`, 'u-resident-1', { reason: '辱骂' })
    const empty = await request('POST', `/api/tickets/${id}/hide`, 'u-staff-mjw', { reason: ' ' })
    const admin = await request('POST', `/api/tickets/${id}/hide`, 'u-admin', { reason: '辱骂' })
    const twice = await request('POST', `/api/tickets/${id}/hide`, 'u-staff-mjw', { reason: '辱骂' })
    expect([head.status, property.status, resident.status]).toEqual([403, 403, 404])
    expect(head.json.message).toBe('只有社区工作人员可以隐藏报修单')
    expect(empty.status).toBe(400)
    expect(empty.json.errors[0]).toMatchObject({ path: 'reason' })
    expect(empty.json.errors[0].message).toContain('隐藏原因')
    expect(admin.status).toBe(200)
    expect(twice.status).toBe(409)
  })
})

describe('unhide (POST /api/tickets/:id/unhide)', () => {
  it('undoes a hide: the follower sees it again; only community staff; twice is 409', async () => {
    const id = await ticket({ category: 'noise', spot: 'corridor', description: '楼道里有人大声放音乐' })
    await request('POST', `/api/tickets/${id}/follow`, 'u-resident-3')
    await request('POST', `/api/tickets/${id}/hide`, 'u-staff-mjw', { reason: '误判' })
    const head = await request('POST', `/api/tickets/${id}/unhide`, 'u-head-5')
    const res = await request('POST', `/api/tickets/${id}/unhide`, 'u-staff-mjw')
    const twice = await request('POST', `/api/tickets/${id}/unhide`, 'u-staff-mjw')
    const follower = await request('GET', '/api/tickets/mine', 'u-resident-3')
    const staff = await request('GET', `/api/tickets/${id}`, 'u-staff-mjw')
    expect([head.status, res.status, twice.status]).toEqual([403, 200, 409])
    expect(res.waves).toBeLessThanOrEqual(2)
    expect(res.json.ticket).not.toHaveProperty('hidden')
    expect(follower.json.tickets.map((t: { id: string }) => t.id)).toContain(id)
    expect(staff.json.events.map((e: { kind: string }) => e.kind).slice(-2)).toEqual(['hidden', 'unhidden'])
  })
})

describe('redact (POST /api/tickets/:id/redact, /events/:eventId/redact)', () => {
  const PHONE = '13812345678'
  const ID = '530621198001011233'
  const MASKED_PHONE = '138＊＊＊＊5678'
  const MASKED_ID = '＊'.repeat(18)

  it('leaves no trace of the original text anywhere in the ticket partition or its messages', async () => {
    // Prepare: the description and a public staff update (messaged to the filer) carry numbers.
    const id = await ticket({ description: `楼道灯坏了，电话${PHONE}，身份证${ID}` })
    await request('POST', `/api/tickets/${id}/comments`, 'u-staff-mjw', { text: `请打${PHONE}联系我们`, public: true })
    const staff = await request('GET', `/api/tickets/${id}`, 'u-staff-mjw')
    const update = staff.json.events.find((e: { kind: string }) => e.kind === 'update')
    expect(await outboxFor(id)).toHaveLength(1)
    // Act
    const desc = await request('POST', `/api/tickets/${id}/redact`, 'u-staff-mjw', {
      description: `楼道灯坏了，电话${MASKED_PHONE}，身份证${MASKED_ID}`,
    })
    const comment = await request('POST', `/api/tickets/${id}/events/${update.id}/redact`, 'u-staff-mjw', {
      text: `请打${MASKED_PHONE}联系我们`,
    })
    // Assess
    expect([desc.status, comment.status]).toEqual([200, 200])
    expect([desc.waves, comment.waves].every((w) => w <= 2)).toBe(true)
    const items = JSON.stringify([...(await partition(id)), ...(await outboxFor(id))])
    expect(items).not.toContain(PHONE)
    expect(items).not.toContain(ID)
    expect(items).toContain(MASKED_PHONE)
    const after = await request('GET', `/api/tickets/${id}`, 'u-staff-mjw')
    const redacted = after.json.events.filter((e: { kind: string }) => e.kind === 'redacted')
    expect(redacted).toHaveLength(2)
    expect(redacted.every((e: { public: boolean; actorId: string }) => !e.public && e.actorId === 'u-staff-mjw')).toBe(
      true,
    )
    const resident = await request('GET', `/api/tickets/${id}`, 'u-resident-1')
    expect(resident.json.events.map((e: { kind: string }) => e.kind)).not.toContain('redacted')
    expect(resident.json.ticket.description).toBe(`楼道灯坏了，电话${MASKED_PHONE}，身份证${MASKED_ID}`)
    const message = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': outboxKey(update.id).PK },
      }),
    )
    expect(message.Items?.[0]?.text).toBe(`请打${MASKED_PHONE}联系我们`)
  })

  it.each([
    ['longer', { description: `楼道灯坏了，电话${PHONE}，谢谢大家帮忙看看` }, '只能删去或用＊遮住'],
    ['the same', { description: `楼道灯坏了，电话${PHONE}` }, '与原文相同'],
    ['empty', { description: '' }, '请填写处理后的问题描述'],
    ['a label in place of the number', { description: '楼道灯坏了，电话[手机号]' }, '只能删去或用＊遮住'],
    ['rewritten, though shorter', { description: '楼道灯好了' }, '只能删去或用＊遮住'],
    ['rewritten at the same length', { description: `楼道灯好了，电话${MASKED_PHONE}` }, '只能删去或用＊遮住'],
  ])('refuses a description that is %s: 400 naming description', async (_what, body, message) => {
    const id = await ticket({ description: `楼道灯坏了，电话${PHONE}` })
    const res = await request('POST', `/api/tickets/${id}/redact`, 'u-staff-mjw', body)
    expect(res.status).toBe(400)
    expect(res.json.errors[0].path).toBe('description')
    expect(res.json.errors[0].message).toContain(message)
  })

  it.each([
    ['a label in place of the number', '请打[手机号]', '只能删去或用＊遮住'],
    ['rewritten, though shorter', '别打了', '只能删去或用＊遮住'],
    ['the same', `请打${PHONE}`, '与原文相同'],
  ])('refuses a comment that is %s: 400 naming text', async (_what, text, message) => {
    // Prepare
    const id = await ticket()
    await request('POST', `/api/tickets/${id}/comments`, 'u-staff-mjw', { text: `请打${PHONE}`, public: true })
    const staff = await request('GET', `/api/tickets/${id}`, 'u-staff-mjw')
    const update = staff.json.events.find((e: { kind: string }) => e.kind === 'update')
    // Act
    const res = await request('POST', `/api/tickets/${id}/events/${update.id}/redact`, 'u-staff-mjw', { text })
    // Assess
    expect(res.status).toBe(400)
    expect(res.json.errors[0].path).toBe('text')
    expect(res.json.errors[0].message).toContain('处理后的内容')
    expect(res.json.errors[0].message).toContain(message)
    const after = await request('GET', `/api/tickets/${id}`, 'u-staff-mjw')
    expect(after.json.events.find((e: { id: string }) => e.id === update.id).text).toBe(`请打${PHONE}`)
  })

  it('is for community staff and above; an unknown event is 404', async () => {
    const id = await ticket({ description: `电话${PHONE}` })
    const body = { description: `电话${MASKED_PHONE}` }
    const head = await request('POST', `/api/tickets/${id}/redact`, 'u-head-5', body)
    const resident = await request('POST', `/api/tickets/${id}/redact`, 'u-resident-1', body)
    const event = await request('POST', `/api/tickets/${id}/events/NOPE123/redact`, 'u-staff-mjw', { text: 'x' })
    expect([head.status, resident.status, event.status]).toEqual([403, 404, 404])
  })
})

describe('the inbox in pages (GET /api/tickets?limit=&cursor=)', () => {
  async function pages(query: string, userId: string): Promise<{ ids: string[][]; cursors: boolean[] }> {
    const ids: string[][] = []
    const cursors: boolean[] = []
    let cursor: string | undefined
    for (let n = 0; n < 20; n++) {
      const res = await request('GET', `/api/tickets?${query}${cursor ? `&cursor=${cursor}` : ''}`, userId)
      expect(res.status).toBe(200)
      expect(res.waves).toBeLessThanOrEqual(2)
      ids.push(res.json.tickets.map((t: { id: string }) => t.id))
      cursors.push(res.json.nextCursor !== undefined)
      cursor = res.json.nextCursor
      if (!cursor) return { ids, cursors }
    }
    throw new Error('the cursor never ended')
  }

  it('gives exactly the 7 of 45 tickets a narrow filter matches, in inbox order, then no cursor', async () => {
    // Prepare: 45 tickets in 6栋, 7 of them about the roof's water tank (public_facility).
    const made: string[] = []
    for (let i = 0; i < 45; i++) {
      const category = i % 6 === 0 && i < 42 ? 'public_facility' : 'sanitation'
      made.push(await ticket({ category, spot: 'roof', description: `第${i}号` }, 'u-resident-2'))
    }
    const query = 'category=public_facility&buildingId=mjw-b6'
    const whole = await request('GET', `/api/tickets?${query}&limit=100`, 'u-head-6')
    expect(whole.json.tickets).toHaveLength(7)
    expect(whole.json.nextCursor).toBeUndefined()
    // Act
    const { ids, cursors } = await pages(`${query}&limit=5`, 'u-head-6')
    // Assess
    expect(ids.map((p) => p.length)).toEqual([5, 2])
    expect(cursors).toEqual([true, false])
    expect(ids.flat()).toEqual(whole.json.tickets.map((t: { id: string }) => t.id))
  })

  it('takes a blank filter on the next page as the absent one it was', async () => {
    const first = await request('GET', '/api/tickets?buildingId=mjw-b6&status=&limit=2', 'u-head-6')
    const next = await request(
      'GET',
      `/api/tickets?buildingId=mjw-b6&limit=2&cursor=${first.json.nextCursor}`,
      'u-head-6',
    )
    expect(next.status).toBe(200)
    expect(next.json.tickets[0].id).not.toBe(first.json.tickets[0].id)
  })

  it('ends without a cursor when the last page is exactly full, and pages of 20 by default', async () => {
    const all = await request('GET', '/api/tickets?buildingId=mjw-b6&status=submitted&limit=100', 'u-head-6')
    const n = all.json.tickets.length
    expect(n).toBeGreaterThanOrEqual(45)
    // The largest page size under n that divides it, so the last page is exactly full.
    const limit = Array.from({ length: n - 2 }, (_, i) => n - 1 - i).find((d) => n % d === 0 && d <= 30) ?? n
    const { ids, cursors } = await pages(`buildingId=mjw-b6&status=submitted&limit=${limit}`, 'u-head-6')
    expect(ids.flat()).toEqual(all.json.tickets.map((t: { id: string }) => t.id))
    expect(ids.every((p) => p.length > 0)).toBe(true)
    expect(cursors.at(-1)).toBe(false)
    const first = await request('GET', '/api/tickets?buildingId=mjw-b6&status=submitted', 'u-head-6')
    expect(first.json.tickets).toHaveLength(20)
    expect(first.json.nextCursor).toEqual(expect.any(String))
  })

  it.each([
    ['a forged cursor', 'eyJuIjoiMjAyNiJ9.AAAAAAAAAAAAAAAAAAAAAA', 'cursor'],
    ['a cursor of other filters', 'OTHER', 'cursor'],
    ['limit=0', 'limit=0', 'limit'],
    ['limit=101', 'limit=101', 'limit'],
    ['assignee=boss', 'assignee=boss', 'assignee'],
  ])('refuses %s with a Chinese 400', async (_what, value, path) => {
    let query = value
    if (value === 'OTHER') {
      const first = await request('GET', '/api/tickets?buildingId=mjw-b6&limit=1', 'u-head-6')
      query = `buildingId=mjw-b5&limit=1&cursor=${first.json.nextCursor}`
    } else if (path === 'cursor') query = `cursor=${value}`
    const res = await request('GET', `/api/tickets?${query}`, 'u-head-6')
    expect(res.status).toBe(400)
    expect(res.json.errors[0].path).toBe(path)
    expect(res.json.errors[0].message).toMatch(/[\u4e00-\u9fff]/)
  })
})
