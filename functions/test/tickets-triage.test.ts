import { type HouseholdContext, STAFF_ONLY_TICKET_FIELDS, triageTicket } from '@anju/shared'
import { loadConfig } from '../src/config'
import type { DocClient } from '../src/db/client'
import { getHouseholdContext, householdContextOf, UNKNOWN_HOUSEHOLD } from '../src/db/household-triage'
import { dropTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { issueToken } from '../src/services/session'
import { seededTable, TEST_JWT_SECRET } from './support/api'
import { type CallCounter, countCalls, countedRequests } from './support/round-trips'

// Slice A and B of issue 5: answers and the emergency path, triage computed and stored on the
// server, hidden from residents, and the staff inbox's order and filters.

const AT = new Date('2026-12-03T02:00:00.000Z') // 10:00 in Beijing, inside working hours
const config = loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET })
let doc: DocClient
let tableName: string
let counter: CallCounter
let clock = AT
let app: ReturnType<typeof createApp>
const tokens: Record<string, string> = {}
const context: Record<string, HouseholdContext> = {}
let seq = 0

// `app` is assigned in beforeAll; the wrapper reads it at call time.
const request = countedRequests({ request: (path, init) => app.request(path, init) }, () => counter, tokens)

const file = (userId: string, body: Record<string, unknown>) =>
  request('POST', '/api/tickets', userId, {
    location: { kind: 'common_area', spot: 'lift_hall' },
    description: '报修测试',
    idempotencyKey: `key-triage-${seq++}`,
    ...body,
  })

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  counter = countCalls(doc)
  app = createApp({ doc, tableName, config, now: () => clock })
  for (const id of ['u-resident-1', 'u-resident-green', 'u-head-5', 'u-staff-mjw']) {
    tokens[id] = (await request('POST', '/api/auth/dev', undefined, { userId: id })).json.token
  }
  context.red = await getHouseholdContext({ doc, tableName }, 'hh-mjw-5-1-0302')
  context.green = await getHouseholdContext({ doc, tableName }, 'hh-mjw-6-1-0604')
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('the household context triage reads', () => {
  it('gives the staff colour and the seriously ill husband of the red home; green for an unknown one', async () => {
    expect(context.red).toEqual({ colour: 'red', elderlyAlone: false, vulnerableMember: true })
    expect(context.green).toEqual({ colour: 'green', elderlyAlone: false, vulnerableMember: false })
    expect(await getHouseholdContext({ doc, tableName }, 'hh-nobody')).toEqual(UNKNOWN_HOUSEHOLD)
  })

  const member = (m: Record<string, unknown>) => ({ age: 40, health: 'healthy', disability: 'none', ...m })
  it.each([
    ['an elderly person alone', [member({ age: 60 })], { elderlyAlone: true, vulnerableMember: false }],
    ['a 59-year-old alone', [member({ age: 59 })], { elderlyAlone: false, vulnerableMember: false }],
    [
      'two elderly people',
      [member({ age: 70 }), member({ age: 68 })],
      { elderlyAlone: false, vulnerableMember: false },
    ],
    [
      'a severely disabled member',
      [member({}), member({ disability: 'severe' })],
      { elderlyAlone: false, vulnerableMember: true },
    ],
    [
      'a chronically ill member',
      [member({}), member({ health: 'chronic' })],
      { elderlyAlone: false, vulnerableMember: false },
    ],
  ])('reads %s from facts.members', (_name, members, expected) => {
    const item = { verdict: { overall: 'yellow' }, facts: { members } }
    expect(householdContextOf(item)).toEqual({ colour: 'yellow', ...expected })
  })

  it('uses the staff colour, never the police one', () => {
    const item = { verdict: { overall: 'green', overallPolice: 'red' }, facts: { members: [member({})] } }
    expect(householdContextOf(item).colour).toBe('green')
  })
})

describe('creating a ticket: answers, emergency and triage', () => {
  it('files a trapped-in-the-lift report as an emergency, due in 30 minutes, answers kept', async () => {
    // Act
    const res = await file('u-resident-1', { category: 'lift', answers: { personTrapped: true } })
    const staff = await request('GET', `/api/tickets/${res.json.ticket.id}`, 'u-head-5')
    // Assess
    expect(res.status).toBe(201)
    expect(res.json.ticket).toMatchObject({ emergency: true, answers: { personTrapped: true } })
    expect(staff.json.ticket).toMatchObject({
      emergency: true,
      priority: 'immediate',
      deadline: '2026-12-03T10:30:00.000+08:00',
      // As the shared rule gives them: 119 always, the property duty line only when one is configured.
      triageReasons: triageTicket({
        category: 'lift',
        situation: { personTrapped: true },
        household: context.red,
        at: '2026-12-03T10:00:00.000+08:00',
      }).reasons,
    })
    expect(staff.json.ticket.triageReasons[0]).toBe('有人被困电梯')
    expect(staff.json.ticket.triageReasons[1]).toContain('119')
  })

  it('keeps only the answers the category asks for', async () => {
    const res = await file('u-resident-green', { category: 'lighting', answers: { personTrapped: true } })
    expect(res.json.ticket).toMatchObject({ emergency: false, answers: {} })
  })

  it.each([
    ['red', 'u-resident-1'],
    ['green', 'u-resident-green'],
  ])('stores the deadline the shared rule gives a %s household', async (colour, userId) => {
    // Act
    const res = await file(userId, { category: 'door_window', location: { kind: 'own_room' } })
    const staff = await request('GET', `/api/tickets/${res.json.ticket.id}`, 'u-staff-mjw')
    // Assess
    const expected = triageTicket({
      category: 'door_window',
      household: context[colour],
      at: '2026-12-03T10:00:00.000+08:00',
    })
    expect(staff.json.ticket).toMatchObject({ priority: expected.priority, deadline: expected.deadline })
    expect(staff.json.ticket.triageReasons).toEqual(expected.reasons)
  })

  it('gives the red household an earlier deadline than the green one for the same problem', () => {
    const at = '2026-12-03T10:00:00.000+08:00'
    const red = triageTicket({ category: 'door_window', household: context.red, at })
    const green = triageTicket({ category: 'door_window', household: context.green, at })
    expect(Date.parse(red.deadline)).toBeLessThan(Date.parse(green.deadline))
  })

  it('reads the household in the same round trip as the user: a create takes 2', async () => {
    const res = await file('u-resident-1', { category: 'water' })
    expect(res.status).toBe(201)
    expect(res.waves).toBeLessThanOrEqual(2)
  })

  it('still triages with a token that names no household (signed before) or another one', async () => {
    // Prepare
    const me = { id: 'u-resident-1', role: 'resident' as const }
    tokens.old = await issueToken(TEST_JWT_SECRET, me, clock)
    tokens.moved = await issueToken(TEST_JWT_SECRET, { ...me, scope: { householdId: 'hh-mjw-6-1-0604' } }, clock)
    for (const userId of ['old', 'moved']) {
      // Act
      const res = await file(userId, { category: 'door_window' })
      const staff = await request('GET', `/api/tickets/${res.json.ticket.id}`, 'u-head-5')
      // Assess
      expect(res.status).toBe(201)
      expect(staff.json.ticket.deadline).toBe(
        triageTicket({ category: 'door_window', household: context.red, at: '2026-12-03T10:00:00.000+08:00' }).deadline,
      )
    }
  })
})

describe('residents never see the triage or a colour', () => {
  it.each([
    ['the create', async () => file('u-resident-1', { category: 'gas', answers: { gasSmell: true } })],
    ['the replay', async () => file('u-resident-1', { category: 'gas', idempotencyKey: 'key-triage-replay' })],
    ['their list', async () => request('GET', '/api/tickets/mine', 'u-resident-1')],
  ])('%s holds no staff-only field and no colour', async (_name, act) => {
    await file('u-resident-1', { category: 'gas', idempotencyKey: 'key-triage-replay' })
    const res = await act()
    expect(res.status).toBeLessThan(300)
    for (const field of [...STAFF_ONLY_TICKET_FIELDS, 'colour', 'verdict', 'red', 'yellow', '重点关注']) {
      expect(res.text).not.toContain(field)
    }
  })

  it('reading their own ticket by id holds none either', async () => {
    const created = await file('u-resident-1', { category: 'lift', answers: { personTrapped: true } })
    const res = await request('GET', `/api/tickets/${created.json.ticket.id}`, 'u-resident-1')
    expect(res.json.ticket).toMatchObject({ emergency: true })
    for (const field of STAFF_ONLY_TICKET_FIELDS) expect(res.json.ticket).not.toHaveProperty(field)
  })
})

describe('the staff inbox: order and filters', () => {
  const ids = (res: { json: { tickets: { id: string }[] } }) => res.json.tickets.map((t) => t.id)
  let trapped: string
  let lighting: string

  beforeAll(async () => {
    clock = AT
    trapped = (await file('u-resident-1', { category: 'lift', answers: { personTrapped: true } })).json.ticket.id
    lighting = (await file('u-resident-green', { category: 'lighting' })).json.ticket.id
  })

  afterEach(() => {
    clock = AT
  })

  it('puts emergencies first while nothing is overdue', async () => {
    const res = await request('GET', '/api/tickets', 'u-staff-mjw')
    const first = res.json.tickets[0]
    expect(first).toMatchObject({ priority: 'immediate', emergency: true })
  })

  it.each([
    ['emergency=true', (t: Record<string, unknown>) => t.emergency === true],
    ['emergency=false', (t: Record<string, unknown>) => t.emergency !== true],
    ['category=lighting', (t: Record<string, unknown>) => t.category === 'lighting'],
    [
      'buildingId=mjw-b6',
      (t: { address?: { path: { buildingId: string } } }) => t.address?.path.buildingId === 'mjw-b6',
    ],
    [
      'status=submitted&category=lift',
      (t: Record<string, unknown>) => t.status === 'submitted' && t.category === 'lift',
    ],
  ])('?%s returns only matching tickets', async (query, holds) => {
    const res = await request('GET', `/api/tickets?${query}`, 'u-staff-mjw')
    expect(res.status).toBe(200)
    expect(res.json.tickets.length).toBeGreaterThan(0)
    expect(res.json.tickets.every(holds)).toBe(true)
  })

  it('lists as overdue what passed its deadline, and first', async () => {
    // Prepare: an hour later the trapped-lift report (30 minutes) is overdue, the lighting one not.
    clock = new Date(AT.getTime() + 60 * 60_000)
    // Act
    const overdue = await request('GET', '/api/tickets?overdue=true', 'u-staff-mjw')
    const all = await request('GET', '/api/tickets', 'u-staff-mjw')
    // Assess
    expect(ids(overdue)).toContain(trapped)
    expect(ids(overdue)).not.toContain(lighting)
    expect(ids(all).slice(0, ids(overdue).length).sort()).toEqual(ids(overdue).sort())
  })

  it('refuses an unknown filter value in Chinese', async () => {
    const res = await request('GET', '/api/tickets?overdue=maybe', 'u-staff-mjw')
    expect(res.status).toBe(400)
    expect(res.json.errors[0]).toMatchObject({ path: 'overdue', message: expect.stringContaining('只看超时') })
  })
})
