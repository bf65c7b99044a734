import {
  filedByLine,
  HelpRequestCategory,
  helpEmergencyCall,
  STAFF_ONLY_TICKET_FIELDS,
  ticketCategoryLabel,
  triageHelpRequest,
} from '@anju/shared'
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { loadConfig } from '../src/config'
import type { DocClient } from '../src/db/client'
import { getHouseholdContext } from '../src/db/household-triage'
import { OUTBOX_PENDING_GSI1PK } from '../src/db/keys'
import { dropTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { seededTable, TEST_JWT_SECRET } from './support/api'
import { type CallCounter, countCalls, countedRequests } from './support/round-trips'

// Issue 5 item 2: help requests (为民办实事) are tickets with kind 'help'; staff file tickets on a
// household's behalf (walk-in or phone), recorded as such (docs/decisions/064).

const config = loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET })
let doc: DocClient
let tableName: string
let counter: CallCounter
let app: ReturnType<typeof createApp>
const tokens: Record<string, string> = {}
let seq = 0
const key = () => `key-help-${seq++}`

const request = countedRequests({ request: (path, init) => app.request(path, init) }, () => counter, tokens)

const HOME_5 = 'hh-mjw-5-1-0302' // u-resident-1's home (李秀英), 5栋1单元
const onBehalf = (over: Record<string, unknown> = {}) => ({
  householdId: HOME_5,
  channel: 'phone',
  kind: 'help',
  category: 'night_escort',
  description: '老人夜里胸口疼，需要人陪同去医院',
  contactName: '李秀英',
  contactPhone: '138 1234 5678',
  idempotencyKey: key(),
  ...over,
})

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  counter = countCalls(doc)
  app = createApp({ doc, tableName, config })
  for (const id of ['u-resident-1', 'u-resident-2', 'u-head-5', 'u-head-6', 'u-staff-mjw', 'u-police']) {
    tokens[id] = (await request('POST', '/api/auth/dev', undefined, { userId: id })).json.token
  }
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('a resident asks for help (POST /api/tickets with kind help)', () => {
  it.each(HelpRequestCategory.options)('files %s at home, labelled, triaged for staff only', async (category) => {
    // Prepare
    const body = { kind: 'help', category, description: '', idempotencyKey: key() }
    // Act
    const res = await request('POST', '/api/tickets', 'u-resident-1', body)
    const staff = await request('GET', `/api/tickets/${res.json.ticket.id}`, 'u-head-5')
    // Assess
    expect(res.status).toBe(201)
    expect(res.waves).toBeLessThanOrEqual(2)
    expect(res.json.ticket).toMatchObject({ kind: 'help', category, location: { kind: 'own_room' }, description: '' })
    for (const field of STAFF_ONLY_TICKET_FIELDS) expect(res.json.ticket).not.toHaveProperty(field)
    expect(res.json.ticket).not.toHaveProperty('answers')
    const expected = triageHelpRequest({
      category,
      household: await getHouseholdContext({ doc, tableName }, HOME_5),
      at: staff.json.ticket.createdAt,
    })
    expect(staff.json.ticket).toMatchObject({ priority: expected.priority, deadline: expected.deadline })
    expect(ticketCategoryLabel(staff.json.ticket)).toBe(
      { atm_cash: '取现帮助', home_repair: '上门小修', night_escort: '夜间送医', errand: '代办', other: '其他' }[
        category
      ],
    )
  })

  it('puts 夜间送医 first for staff as 立即处理, and the resident sees the emergency and 120', async () => {
    // Prepare
    await request('POST', '/api/tickets', 'u-resident-1', { kind: 'help', category: 'errand', idempotencyKey: key() })
    // Act
    const res = await request('POST', '/api/tickets', 'u-resident-1', {
      kind: 'help',
      category: 'night_escort',
      description: '半夜发烧',
      idempotencyKey: key(),
    })
    const inbox = await request('GET', '/api/tickets?status=submitted', 'u-head-5')
    // Assess
    expect(res.json.ticket).toMatchObject({ emergency: true })
    expect(helpEmergencyCall('night_escort')?.call.map((p) => p.number)).toEqual(['120'])
    expect(helpEmergencyCall('errand')).toBeUndefined()
    const order = inbox.json.tickets.map((t: { id: string; priority?: string }) => t.priority)
    const ours = inbox.json.tickets.findIndex((t: { id: string }) => t.id === res.json.ticket.id)
    const errand = inbox.json.tickets.findIndex((t: { category: string }) => t.category === 'errand')
    expect(inbox.json.tickets[ours]).toMatchObject({ priority: 'immediate', emergency: true })
    // Only other immediate tickets (earlier 夜间送医 of this file) may come before it.
    expect(order.slice(0, ours).every((p: string) => p === 'immediate')).toBe(true)
    expect(ours).toBeLessThan(errand)
  })

  it.each([
    [{ kind: 'help', category: 'lift' }, 'category', /为民办实事.*取现帮助/],
    [{ category: 'atm_cash', location: { kind: 'own_room' }, description: '帮我取钱' }, 'category', /kind/],
    [
      { kind: 'property', category: 'night_escort', location: { kind: 'own_room' }, description: 'x' },
      'category',
      /物业报修/,
    ],
    [{ kind: 'repair', category: 'atm_cash' }, 'kind', /help（为民办实事）/],
    [{ kind: 'help' }, 'category', /请选择/],
  ])('refuses %j with a Chinese 400 naming %s', async (body, path, message) => {
    // Act
    const res = await request('POST', '/api/tickets', 'u-resident-1', { ...body, idempotencyKey: key() })
    // Assess
    expect(res.status).toBe(400)
    const error = res.json.errors.find((e: { path: string }) => e.path === path)
    expect(error.message).toMatch(message)
    if (path !== 'kind') expect(error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('still asks a property report for its location and description', async () => {
    const res = await request('POST', '/api/tickets', 'u-resident-1', { category: 'lift', idempotencyKey: key() })
    expect(res.status).toBe(400)
    expect(res.json.errors).toEqual(
      expect.arrayContaining([
        { path: 'location', message: '请选择问题位置' },
        { path: 'description', message: '请填写问题描述' },
      ]),
    )
  })

  it('filters the staff inbox by kind', async () => {
    // Act
    const help = await request('GET', '/api/tickets?kind=help', 'u-head-5')
    const property = await request('GET', '/api/tickets?kind=property', 'u-head-5')
    const bad = await request('GET', '/api/tickets?kind=favour', 'u-head-5')
    // Assess
    expect(help.json.tickets.length).toBeGreaterThan(0)
    expect(help.json.tickets.every((t: { kind?: string }) => t.kind === 'help')).toBe(true)
    expect(property.json.tickets.some((t: { kind?: string }) => t.kind === 'help')).toBe(false)
    expect(bad.status).toBe(400)
    expect(bad.json.errors[0]).toMatchObject({ path: 'kind' })
  })
})

describe('staff file on a household’s behalf (POST /api/tickets/on-behalf)', () => {
  it('files 夜间送医 for 5栋 by phone: recorded as such, in the household’s list, in two round trips', async () => {
    // Act
    const res = await request('POST', '/api/tickets/on-behalf', 'u-head-5', onBehalf())
    const mine = await request('GET', '/api/tickets/mine', 'u-resident-1')
    const detail = await request('GET', `/api/tickets/${res.json.ticket.id}`, 'u-resident-1')
    // Assess
    expect(res.status).toBe(201)
    expect(res.waves).toBeLessThanOrEqual(2)
    expect(res.json.ticket).toMatchObject({
      householdId: HOME_5,
      kind: 'help',
      category: 'night_escort',
      createdBy: 'u-head-5',
      filedBy: { userId: 'u-head-5', name: '赵美芬', role: 'building_head', channel: 'phone' },
      contact: { name: '李秀英', phone: '13812345678' },
      priority: 'immediate',
      emergency: true,
      address: { buildingName: '5栋', unitName: '1单元', roomNo: '0302' },
    })
    const theirs = mine.json.tickets.find((t: { id: string }) => t.id === res.json.ticket.id)
    expect(theirs).toMatchObject({ filedBy: { name: '赵美芬', channel: 'phone' } })
    expect(theirs).not.toHaveProperty('contact')
    expect(theirs).not.toHaveProperty('priority')
    expect(filedByLine(theirs.filedBy)).toBe('由楼栋长赵美芬代为登记（电话）')
    expect(detail.json.events[0]).toMatchObject({ kind: 'filed', text: '由楼栋长赵美芬代为登记（电话）' })
  })

  it('takes a property report too (walk-in), with the property questions', async () => {
    const res = await request(
      'POST',
      '/api/tickets/on-behalf',
      'u-staff-mjw',
      onBehalf({
        channel: 'walk_in',
        kind: undefined,
        category: 'lift',
        location: { kind: 'common_area', spot: 'lift_hall' },
        answers: { personTrapped: true },
        contactName: '',
        contactPhone: '',
      }),
    )
    expect(res.status).toBe(201)
    expect(res.json.ticket).toMatchObject({ category: 'lift', emergency: true, filedBy: { channel: 'walk_in' } })
    expect(res.json.ticket).not.toHaveProperty('kind')
    expect(res.json.ticket).not.toHaveProperty('contact')
  })

  it('tells the staff member who took the call of the next change, titled by the help kind', async () => {
    // Prepare
    const res = await request('POST', '/api/tickets/on-behalf', 'u-head-5', onBehalf())
    // Act
    await request('POST', `/api/tickets/${res.json.ticket.id}/acknowledge`, 'u-staff-mjw')
    // Assess
    const out = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': OUTBOX_PENDING_GSI1PK },
      }),
    )
    const messages = (out.Items ?? []).filter((i) => i.ticketId === res.json.ticket.id)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ title: '夜间送医', recipients: ['u-head-5'], status: '已受理' })
  })

  it.each([
    ['u-head-6', HOME_5, 404],
    ['u-head-5', 'hh-mjw-6-2-1101', 404],
    ['u-head-5', 'hh-nowhere', 404],
    ['u-resident-1', HOME_5, 403],
    ['u-police', HOME_5, 403],
  ])('refuses %s filing for %s with %i', async (userId, householdId, status) => {
    const res = await request('POST', '/api/tickets/on-behalf', userId, onBehalf({ householdId }))
    expect(res.status).toBe(status)
    expect(res.json.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it.each([
    [{ contactPhone: 13812345678 }, 'contactPhone', /联系电话（contactPhone）请写成文字/],
    [{ contactPhone: '1381234' }, 'contactPhone', /联系电话（contactPhone）应为 11 位数字/],
    [{ channel: 'wechat' }, 'channel', /登记方式（channel）/],
    [{ householdId: undefined }, 'householdId', /编号/],
    [{ category: 'gas' }, 'category', /为民办实事/],
  ])('refuses %j with a Chinese 400 naming %s', async (over, path, message) => {
    const res = await request('POST', '/api/tickets/on-behalf', 'u-head-5', onBehalf(over))
    expect(res.status).toBe(400)
    expect(res.json.errors.find((e: { path: string }) => e.path === path)?.message).toMatch(message)
  })

  it('files once when retried with the same key; another body under it is a conflict', async () => {
    // Prepare
    const body = onBehalf({ category: 'atm_cash', channel: 'walk_in' })
    // Act
    const first = await request('POST', '/api/tickets/on-behalf', 'u-head-5', body)
    const again = await request('POST', '/api/tickets/on-behalf', 'u-head-5', body)
    const edited = await request('POST', '/api/tickets/on-behalf', 'u-head-5', { ...body, channel: 'phone' })
    const mine = await request('GET', '/api/tickets/mine', 'u-resident-1')
    // Assess
    expect([first.status, again.status, edited.status]).toEqual([201, 200, 409])
    expect(again.json.ticket).toEqual(first.json.ticket)
    expect(mine.json.tickets.filter((t: { id: string }) => t.id === first.json.ticket.id)).toHaveLength(1)
  })
})

describe('the household picker (GET /api/households)', () => {
  it('gives a building head their building’s homes at once: unit, room, head’s name, no colour', async () => {
    const res = await request('GET', '/api/households', 'u-head-5')
    expect(res.status).toBe(200)
    expect(res.waves).toBeLessThanOrEqual(2)
    expect(res.json.buildings).toEqual([expect.objectContaining({ id: 'mjw-b5', name: '5栋' })])
    expect(res.json.households).toContainEqual({ id: HOME_5, headName: '李秀英', unitName: '1单元', roomNo: '0302' })
    expect(res.text).not.toMatch(/verdict|colour|red|yellow|members/)
  })

  it('lets community staff pick the building first', async () => {
    const first = await request('GET', '/api/households', 'u-staff-mjw')
    const b5 = await request('GET', '/api/households?buildingId=mjw-b5', 'u-staff-mjw')
    expect(first.json.buildings.length).toBeGreaterThan(1)
    expect(first.json.households).toEqual([])
    expect(b5.waves).toBeLessThanOrEqual(2)
    expect(b5.json.households.map((h: { id: string }) => h.id)).toContain(HOME_5)
  })

  it.each([
    ['u-head-6', 'mjw-b5', 404],
    ['u-resident-1', '', 403],
    ['u-police', '', 403],
  ])('refuses %s (building %s) with %i', async (userId, buildingId, status) => {
    const res = await request('GET', `/api/households?buildingId=${buildingId}`, userId)
    expect(res.status).toBe(status)
  })
})
