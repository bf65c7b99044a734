import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { type Config, loadConfig } from '../src/config'
import type { DocClient } from '../src/db/client'
import { OUTBOX_PENDING_GSI1PK, outboxKey, subscriptionKey, ticketKey } from '../src/db/keys'
import { getContacts, getCredits } from '../src/db/subscriptions'
import { dropTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { startLocalDispatcher } from '../src/local/dispatcher'
import { WECHAT_BINDINGS } from '../src/local/fixture'
import { dispatchOutbox } from '../src/services/notifications'
import {
  createLocalChannel,
  createWechatChannel,
  type NotificationChannel,
  templateData,
} from '../src/wechat/subscribe'
import { dynamoEndpoint, seededTable, TEST_JWT_SECRET } from './support/api'
import { FAKE_APPID, FAKE_SECRET, startFakeWechat } from './support/fake-wechat'
import { type FakeSubscribeWechat, startFakeSubscribeWechat } from './support/fake-wechat-subscribe'
import { countCalls } from './support/round-trips'

// Issue 5 item 7: the followers' messages leave the outbox one delivery per recipient, through
// WeChat's one-time subscribe messages (a fake WeChat on loopback) or the local outbox.

const TEMPLATE = 'tpl-ticket-update-0123456789'
const OPENID_3 = 'oAnJu5Resident3DevOpenIdQ9z'
const OPENID_1 = WECHAT_BINDINGS.find((b) => b.userId === 'u-resident-1')?.openid as string

let doc: DocClient
let tableName: string
let wechat: FakeSubscribeWechat
let config: Config
let app: ReturnType<typeof createApp>
let channel: NotificationChannel
const tokens: Record<string, string> = {}
// The dispatcher's clock: starts now and only moves forward (backoff is waited out by moving it).
let clock = Date.now()
let seq = 0

async function request(method: string, path: string, userId?: string, body?: unknown, on = app) {
  const res = await on.request(path, {
    method,
    headers: {
      ...(userId ? { authorization: `Bearer ${tokens[userId]}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as any }
}

function dispatch(owner = 'test-dispatcher', via = channel) {
  clock = Math.max(clock, Date.now())
  return dispatchOutbox({ db: { doc, tableName }, config, now: () => new Date(clock), channel: via, owner })
}

async function setCredits(userId: string, credits: number): Promise<void> {
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...subscriptionKey(userId, TEMPLATE), entity: 'subscription', credits },
    }),
  )
}
const credits = (userId: string) => getCredits({ doc, tableName }, userId, TEMPLATE)

async function outbox(eventId: string): Promise<Record<string, any>> {
  const out = await doc.send(new GetCommand({ TableName: tableName, Key: outboxKey(eventId) }))
  return out.Item as Record<string, any>
}

/** Staff hid the ticket (set directly: the hide route is not what these tests are about). */
async function hide(id: string): Promise<void> {
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: ticketKey(id),
      UpdateExpression: 'SET #hidden = :h',
      ExpressionAttributeNames: { '#hidden': 'hidden' },
      ExpressionAttributeValues: { ':h': { at: new Date(clock).toISOString(), by: 'u-staff-mjw', reason: '辱骂' } },
    }),
  )
}

/** resident-1 files a lift ticket in 5栋, resident-3 taps 我也遇到, the head of 5栋 acknowledges. */
async function acknowledgedTicket(): Promise<{ id: string; eventId: string }> {
  const created = await request('POST', '/api/tickets', 'u-resident-1', {
    category: 'lift',
    location: { kind: 'common_area', spot: 'lift_hall' },
    description: '电梯停在三楼不动',
    answers: { personTrapped: false },
    idempotencyKey: `key-notify-${seq++}`,
  })
  const id = created.json.ticket.id
  await request('POST', `/api/tickets/${id}/follow`, 'u-resident-3')
  await request('POST', `/api/tickets/${id}/acknowledge`, 'u-head-5')
  const detail = await request('GET', `/api/tickets/${id}`, 'u-head-5')
  return { id, eventId: detail.json.events.at(-1).id }
}

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  wechat = await startFakeSubscribeWechat()
  config = loadConfig({
    STAGE: 'local',
    JWT_SECRET: TEST_JWT_SECRET,
    WECHAT_APPID: FAKE_APPID,
    WECHAT_SECRET: FAKE_SECRET,
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_SUBSCRIBE_TEMPLATE_ID: TEMPLATE,
  })
  channel = createWechatChannel(config.wechat, { miniprogramState: 'formal', now: () => new Date(clock) })
  app = createApp({ doc, tableName, config })
  for (const id of ['u-resident-1', 'u-resident-2', 'u-resident-3', 'u-head-5', 'u-head-6']) {
    tokens[id] = (await request('POST', '/api/auth/dev', undefined, { userId: id })).json.token
  }
  // resident-1 signs in by WeChat once (which remembers the openid); resident-3's is stored directly.
  const login = await startFakeWechat({ 'code-r1': OPENID_1 })
  try {
    const viaWechat = createApp({
      doc,
      tableName,
      config: { ...config, wechat: { ...config.wechat, apiBase: login.baseUrl } },
    })
    expect((await request('POST', '/api/auth/wechat', undefined, { code: 'code-r1' }, viaWechat)).status).toBe(200)
  } finally {
    await login.close()
  }
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { PK: 'USER#u-resident-3', SK: 'WECHAT', entity: 'user_wechat', userId: 'u-resident-3', openid: OPENID_3 },
    }),
  )
})

afterAll(async () => {
  await wechat.close()
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('template data (WeChat keyword rules)', () => {
  it.each([
    ['a line break in a note', { text: '电梯已修好\n请放心使用' }, 'thing3', '电梯已修好 请放心使用'],
    [
      '21 characters, the 19th outside the BMP',
      { text: `${'修'.repeat(18)}𠀀好好` },
      'thing3',
      `${'修'.repeat(18)}𠀀…`,
    ],
    ['a status with a symbol (phrase: Han only, ≤ 5)', { status: '已解决✓（满意）' }, 'phrase2', '已解决满意'],
    ['Beijing time without seconds', { createdAt: '2026-12-04T07:05:09.000+08:00' }, 'time4', '2026年12月4日 07:05'],
  ])('%s', (_why, patch, key, expected) => {
    const m = {
      title: '电梯报修',
      status: '已受理',
      text: '报修状态已更新',
      createdAt: '2026-12-03T10:00:00.000+08:00',
    }
    const data = templateData(config.notifications.fields, { ...m, ...patch })
    expect(data[key].value).toBe(expected)
    expect(Array.from(data.thing3.value).length).toBeLessThanOrEqual(20)
  })
})

describe('subscriptions (POST /api/notifications/subscriptions)', () => {
  it('counts one credit per accepted tap; a refusal grants none; another template is refused', async () => {
    // Prepare
    await setCredits('u-resident-2', 0)
    // Act
    const first = await request('POST', '/api/notifications/subscriptions', 'u-resident-2', {
      templateId: TEMPLATE,
      accepted: true,
    })
    const second = await request('POST', '/api/notifications/subscriptions', 'u-resident-2', {
      templateId: TEMPLATE,
      accepted: true,
    })
    const refused = await request('POST', '/api/notifications/subscriptions', 'u-resident-2', {
      templateId: TEMPLATE,
      accepted: false,
    })
    const other = await request('POST', '/api/notifications/subscriptions', 'u-resident-2', {
      templateId: 'tpl-other',
      accepted: true,
    })
    const anonymous = await request('POST', '/api/notifications/subscriptions', undefined, {
      templateId: TEMPLATE,
      accepted: true,
    })
    // Assess
    expect([first.json.credits, second.json.credits, refused.json.credits]).toEqual([1, 2, 2])
    expect(other.status).toBe(400)
    expect(other.json.errors).toContainEqual({ path: 'templateId', message: '消息模板编号不正确' })
    expect(anonymous.status).toBe(401)
  })

  it('remembers the openid of a user who signs in by WeChat (user → openid)', async () => {
    const contacts = await getContacts({ doc, tableName }, ['u-resident-1', 'u-resident-2'])
    expect(contacts.get('u-resident-1')?.openid).toBe(OPENID_1)
    expect(contacts.get('u-resident-2')?.openid).toBeUndefined()
  })
})

describe('the dispatcher, WeChat channel', () => {
  it('sends each follower one message: their openid, the template, the ticket page, data cut to WeChat limits', async () => {
    // Prepare: a public note longer than a thing keyword's 20 characters, with a tool emoji.
    await setCredits('u-resident-1', 1)
    await setCredits('u-resident-3', 1)
    const { id } = await acknowledgedTicket()
    await setCredits('u-resident-1', 1)
    await setCredits('u-resident-3', 1)
    await dispatch() // the acknowledgement's message uses the two credits
    await setCredits('u-resident-1', 1)
    await setCredits('u-resident-3', 1)
    const note = '已通知电梯公司🔧，维修师傅明天上午九点到，请大家暂时走楼梯'
    await request('POST', `/api/tickets/${id}/comments`, 'u-head-5', { text: note, public: true })
    const detail = await request('GET', `/api/tickets/${id}`, 'u-head-5')
    const eventId = detail.json.events.at(-1).id
    const before = wechat.sendsFor(id).length
    // Act
    await dispatch()
    // Assess
    const sends = wechat.sendsFor(id).slice(before)
    expect(sends.map((s) => s.body.touser).sort()).toEqual([OPENID_1, OPENID_3].sort())
    for (const s of sends) {
      expect(s.body).toMatchObject({
        template_id: TEMPLATE,
        page: `packages/resident/ticket/index?id=${id}`,
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      })
      expect(s.body.data.thing1.value).toBe('电梯报修')
      expect(s.body.data.phrase2.value).toBe('已受理')
      expect(s.body.data.thing3.value).toBe(`${Array.from(note).slice(0, 19).join('')}…`)
      expect(Array.from(s.body.data.thing3.value)).toHaveLength(20)
      expect(s.body.data.time4.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    }
    const item = await outbox(eventId)
    expect(item.deliveries['u-resident-1']).toMatchObject({ state: 'sent', attempts: 1 })
    expect(item.deliveries['u-resident-3']).toMatchObject({ state: 'sent', attempts: 1 })
    expect(item.GSI1PK).toBeUndefined()
    expect([await credits('u-resident-1'), await credits('u-resident-3')]).toEqual([0, 0])
  })

  it('without a credit settles as no_subscription without calling WeChat; the resident still sees the update', async () => {
    // Prepare
    await setCredits('u-resident-1', 0)
    await setCredits('u-resident-3', 0)
    const { id, eventId } = await acknowledgedTicket()
    // Act
    await dispatch()
    const mine = await request('GET', `/api/tickets/${id}`, 'u-resident-3')
    // Assess
    expect(wechat.sendsFor(id)).toEqual([])
    const item = await outbox(eventId)
    expect(item.deliveries['u-resident-1'].state).toBe('no_subscription')
    expect(item.deliveries['u-resident-3'].state).toBe('no_subscription')
    expect(item.GSI1PK).toBeUndefined()
    expect(item.GSI2PK).toBeUndefined()
    expect(mine.json.ticket.status).toBe('acknowledged')
  })

  it('sends once and takes one credit when two dispatchers run at once', async () => {
    // Prepare
    const { id, eventId } = await acknowledgedTicket()
    await setCredits('u-resident-1', 5)
    await setCredits('u-resident-3', 5)
    // Act
    await Promise.all([dispatch('dispatcher-a'), dispatch('dispatcher-b'), dispatch('dispatcher-c')])
    // Assess
    expect(
      wechat
        .sendsFor(id)
        .map((s) => s.body.touser)
        .sort(),
    ).toEqual([OPENID_1, OPENID_3].sort())
    expect([await credits('u-resident-1'), await credits('u-resident-3')]).toEqual([4, 4])
    expect((await outbox(eventId)).deliveries['u-resident-1'].state).toBe('sent')
  })

  it('marks a WeChat failure failed with backoff, and sends it on a later run with the same credit', async () => {
    // Prepare
    const { id, eventId } = await acknowledgedTicket()
    await setCredits('u-resident-1', 1)
    await setCredits('u-resident-3', 1)
    wechat.script(id, { errcode: -1, errmsg: 'system error' }, 2)
    // Act
    await dispatch()
    const failed = await outbox(eventId)
    clock += 30_000
    await dispatch() // not due yet
    const sendsWhileWaiting = wechat.sendsFor(id).length
    clock += 31_000
    await dispatch()
    // Assess
    expect(failed.deliveries['u-resident-1']).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: '微信 -1: system error',
    })
    expect(Date.parse(failed.deliveries['u-resident-1'].nextAttemptAt) - clock).toBeLessThanOrEqual(0)
    expect(failed.GSI1PK).toBe(OUTBOX_PENDING_GSI1PK)
    expect(failed.GSI1SK.startsWith(failed.deliveries['u-resident-1'].nextAttemptAt)).toBe(true)
    expect(sendsWhileWaiting).toBe(2)
    const item = await outbox(eventId)
    expect(item.deliveries['u-resident-1']).toMatchObject({ state: 'sent', attempts: 2 })
    expect(item.deliveries['u-resident-3']).toMatchObject({ state: 'sent', attempts: 2 })
    expect(item.GSI1PK).toBeUndefined()
    expect(item.GSI2PK).toBeUndefined()
    expect([await credits('u-resident-1'), await credits('u-resident-3')]).toEqual([0, 0])
  })

  it('treats 43101 as no subscription and voids the credits', async () => {
    const { id, eventId } = await acknowledgedTicket()
    await setCredits('u-resident-1', 3)
    await setCredits('u-resident-3', 3)
    wechat.script(id, { errcode: 43101, errmsg: 'user refuse to accept the msg' })
    await dispatch()
    wechat.heal(id)
    const item = await outbox(eventId)
    expect(item.deliveries['u-resident-1']).toMatchObject({ state: 'no_subscription', attempts: 1 })
    expect([await credits('u-resident-1'), await credits('u-resident-3')]).toEqual([0, 0])
    expect(item.GSI1PK).toBeUndefined()
  })

  it('sends nothing once too little of its lease is left, and leaves the message due for the next run', async () => {
    // Prepare
    const { id, eventId } = await acknowledgedTicket()
    await setCredits('u-resident-1', 1)
    await setCredits('u-resident-3', 1)
    // Act: a 15 s lease leaves no time to send within its 15 s margin.
    clock = Math.max(clock, Date.now())
    await dispatchOutbox(
      { db: { doc, tableName }, config, now: () => new Date(clock), channel, owner: 'short-lease' },
      { leaseSeconds: 15 },
    )
    const cut = await outbox(eventId)
    await dispatch()
    // Assess
    expect(cut.GSI1PK).toBe(OUTBOX_PENDING_GSI1PK)
    expect(cut.leaseOwner).toBeUndefined()
    expect(cut.deliveries['u-resident-1'].state).toBe('pending')
    expect(wechat.sendsFor(id)).toHaveLength(2)
    expect((await outbox(eventId)).deliveries['u-resident-3'].state).toBe('sent')
  })

  it('sends nothing for a hidden ticket', async () => {
    // Prepare
    const { id, eventId } = await acknowledgedTicket()
    await setCredits('u-resident-1', 1)
    await setCredits('u-resident-3', 1)
    await hide(id)
    // Act
    await dispatch()
    // Assess
    expect(wechat.sendsFor(id)).toEqual([])
    const item = await outbox(eventId)
    expect(item.deliveries['u-resident-1'].state).toBe('withheld')
    expect(item.GSI1PK).toBeUndefined()
    expect([await credits('u-resident-1'), await credits('u-resident-3')]).toEqual([1, 1])
  })
})

describe('a ticket hidden between a failure and its retry', () => {
  it('withholds the retry and gives the credit back', async () => {
    // Prepare: the first attempt fails with a credit taken.
    const { id, eventId } = await acknowledgedTicket()
    await setCredits('u-resident-1', 1)
    await setCredits('u-resident-3', 0)
    wechat.script(id, { errcode: -1, errmsg: 'system error' }, 1)
    await dispatch()
    const creditWhileFailed = await credits('u-resident-1')
    await hide(id)
    // Act
    clock += 3600_000
    await dispatch()
    // Assess
    expect(creditWhileFailed).toBe(0)
    expect(wechat.sendsFor(id)).toHaveLength(1)
    const item = await outbox(eventId)
    expect(item.deliveries['u-resident-1']).toMatchObject({ state: 'withheld', creditTaken: false })
    expect(item.GSI1PK).toBeUndefined()
    expect(item.GSI2PK).toBeUndefined()
    expect(await credits('u-resident-1')).toBe(1)
  })
})

describe('failures staff see (GET /api/notifications/failed, POST /api/notifications/:eventId/retry)', () => {
  it('gives up after the last attempt, lists it for the staff in scope only, and sends it again on retry', async () => {
    // Prepare: WeChat is down for this ticket through every attempt.
    const { id, eventId } = await acknowledgedTicket()
    await setCredits('u-resident-1', 1)
    await setCredits('u-resident-3', 0)
    wechat.script(id, { status: 502 })
    for (let attempt = 0; attempt < config.notifications.maxAttempts; attempt++) {
      await dispatch()
      clock += 3600_000
    }
    // Act
    const head5 = await request('GET', '/api/notifications/failed', 'u-head-5')
    const head6 = await request('GET', '/api/notifications/failed', 'u-head-6')
    const resident = await request('GET', '/api/notifications/failed', 'u-resident-1')
    const outside = await request('POST', `/api/notifications/${eventId}/retry`, 'u-head-6')
    // Assess
    expect(wechat.sendsFor(id)).toHaveLength(config.notifications.maxAttempts)
    const listed = head5.json.notifications.find((n: { eventId: string }) => n.eventId === eventId)
    expect(listed).toMatchObject({ ticketId: id, title: '电梯报修', status: '已受理' })
    expect(listed.deliveries).toEqual([
      { recipient: expect.stringMatching(/^住户 5栋/), state: 'given_up', attempts: 5, lastError: expect.any(String) },
    ])
    expect(JSON.stringify(head5.json)).not.toContain(OPENID_1)
    expect(head6.json.notifications.map((n: { eventId: string }) => n.eventId)).not.toContain(eventId)
    expect(resident.status).toBe(403)
    expect(outside.status).toBe(404)
    expect(await credits('u-resident-1')).toBe(1) // given back: WeChat never delivered it

    // Act: WeChat is back, the building head retries.
    wechat.heal(id)
    const retry = await request('POST', `/api/notifications/${eventId}/retry`, 'u-head-5')
    await dispatch()
    const after = await request('GET', '/api/notifications/failed', 'u-head-5')
    const again = await request('POST', `/api/notifications/${eventId}/retry`, 'u-head-5')
    // Assess
    expect(retry.status).toBe(200)
    expect(wechat.sendsFor(id)).toHaveLength(config.notifications.maxAttempts + 1)
    expect((await outbox(eventId)).deliveries['u-resident-1']).toMatchObject({ state: 'sent', attempts: 1 })
    expect(after.json.notifications.map((n: { eventId: string }) => n.eventId)).not.toContain(eventId)
    expect(again.status).toBe(409)
  })

  it('answers 404 for an unknown message', async () => {
    const res = await request('POST', '/api/notifications/01NOSUCHEVENT/retry', 'u-head-5')
    expect(res.status).toBe(404)
  })
})

describe('round trips', () => {
  it.each([
    [
      'POST /api/notifications/subscriptions',
      'POST',
      '/api/notifications/subscriptions',
      'u-resident-2',
      { templateId: TEMPLATE, accepted: true },
    ],
    ['GET /api/notifications/failed (building head)', 'GET', '/api/notifications/failed', 'u-head-5', undefined],
    ['GET /api/notifications/failed (sub-district)', 'GET', '/api/notifications/failed', 'u-admin', undefined],
    [
      'POST /api/notifications/:eventId/retry (404)',
      'POST',
      '/api/notifications/01NOSUCHEVENT/retry',
      'u-head-5',
      undefined,
    ],
    ['GET /api/notifications/local', 'GET', '/api/notifications/local', 'u-resident-2', undefined],
  ] as [string, string, string, string, unknown][])(
    '%s takes at most 2 sequential round trips and no Scan',
    async (_name, method, path, userId, body) => {
      tokens[userId] ??= (await request('POST', '/api/auth/dev', undefined, { userId })).json.token
      const counter = countCalls(doc)
      counter.reset()
      await request(method, path, userId, body)
      expect(counter.waves()).toBeLessThanOrEqual(2)
      expect(counter.calls.map((c) => c.name)).not.toContain('ScanCommand')
    },
  )
})

describe('the local channel (STAGE=local)', () => {
  it('records what each follower would have received, and why not; the list is local only', async () => {
    // Prepare
    const { id, eventId } = await acknowledgedTicket()
    await setCredits('u-resident-1', 1)
    await setCredits('u-resident-3', 0)
    const local = createLocalChannel({ doc, tableName }, () => new Date(clock).toISOString())
    const sendsBefore = wechat.sends.length
    // Act
    await dispatch('local-dispatcher', local)
    const list = await request('GET', '/api/notifications/local', 'u-resident-2')
    const onAws = createApp({ doc, tableName, config: loadConfig({ STAGE: 'dev', JWT_SECRET: TEST_JWT_SECRET }) })
    const refused = await request('GET', '/api/notifications/local', 'u-resident-2', undefined, onAws)
    // Assess
    expect(wechat.sends.length).toBe(sendsBefore)
    const mine = list.json.notifications.filter((n: { eventId: string }) => n.eventId === eventId)
    expect(mine).toContainEqual(
      expect.objectContaining({
        ticketId: id,
        userId: 'u-resident-1',
        recipientName: '李秀英',
        delivered: true,
        page: `packages/resident/ticket/index?id=${id}`,
      }),
    )
    expect(mine).toContainEqual(
      expect.objectContaining({
        userId: 'u-resident-3',
        delivered: false,
        reason: expect.stringContaining('没有订阅'),
      }),
    )
    expect(mine[0].data.phrase2.value).toBe('已受理')
    expect(refused.status).toBe(403)
  })

  it('is what the scheduled Lambda runs (handlers/dispatch.ts, configured from the environment)', async () => {
    // Prepare
    const { eventId } = await acknowledgedTicket()
    const saved = { ...process.env }
    Object.assign(process.env, { STAGE: 'local', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: dynamoEndpoint() })
    let handler: (() => Promise<Record<string, number>>) | undefined
    try {
      jest.isolateModules(() => {
        handler = require('../src/handlers/dispatch').handler
      })
    } finally {
      process.env = saved
    }
    // Act
    const report = await handler?.()
    // Assess
    expect(report?.messages).toBeGreaterThanOrEqual(1)
    expect((await outbox(eventId)).GSI1PK).toBeUndefined()
  })

  it("runs inside npm start every few seconds and stops cleanly (the stack's stand-in for the schedule)", async () => {
    // Prepare
    const { eventId } = await acknowledgedTicket()
    await setCredits('u-resident-1', 1)
    const localConfig = loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET })
    // Act
    const stop = startLocalDispatcher({ db: { doc, tableName }, config: localConfig }, 50)
    for (let i = 0; i < 100 && (await outbox(eventId)).GSI1PK; i++) await new Promise((r) => setTimeout(r, 50))
    await stop()
    // Assess: npm start's own template (local-ticket-update): nobody granted a credit for it.
    const item = await outbox(eventId)
    expect(item.GSI1PK).toBeUndefined()
    expect(item.deliveries['u-resident-1']).toMatchObject({ state: 'no_subscription' })
    const list = await request('GET', '/api/notifications/local', 'u-resident-2')
    expect(list.json.notifications.filter((n: { eventId: string }) => n.eventId === eventId)).toHaveLength(2)
  })
})
