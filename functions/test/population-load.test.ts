import type { HouseholdFile, Ticket } from '@anju/shared'
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { createDocClient, type DocClient } from '../src/db/client'
import { gridKey, householdGsi1Pk, householdGsi2Pk, householdKey } from '../src/db/keys'
import { dropTable, ensureTable } from '../src/db/table'
import { ticketItem } from '../src/db/tickets'
import { generatePopulation } from '../src/local/population'
import { seedIfEmpty } from '../src/local/seed'
import { call, devToken, dynamoEndpoint, type Handler, loadHandler, TEST_JWT_SECRET } from './support/api'

// A 5% population loaded into DynamoDB Local and read back through the keys and the API.

const TODAY = '2026-12-03'
const SCALE = 0.05
const tableName = `t-population-load-${process.pid}-${Date.now()}`
const expected = generatePopulation({ scale: SCALE, today: TODAY })
let doc: DocClient
let api: Handler

beforeAll(async () => {
  doc = createDocClient({ endpoint: dynamoEndpoint() })
  await ensureTable(doc, tableName)
  await seedIfEmpty(doc, tableName, { scale: SCALE, today: TODAY })
  api = loadHandler({
    STAGE: 'local',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoEndpoint(),
    JWT_SECRET: TEST_JWT_SECRET,
  })
}, 120_000)

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

const buildings = () =>
  expected.grid.communities.flatMap((c) => c.areas.flatMap((a) => a.buildings.map((b) => ({ c, a, b }))))

describe('the loaded population', () => {
  it('reads a household file back exactly as generated', async () => {
    const h = expected.households[17]
    const out = await doc.send(new GetCommand({ TableName: tableName, Key: householdKey(h.id) }))
    const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, entity, ...file } = out.Item ?? {}
    expect(entity).toBe('household')
    expect(file).toEqual(h)
  })

  it('lists a building’s households by key condition, and its red and yellow ones by colour', async () => {
    // Prepare
    const { c, a, b } = buildings().find(({ b }) => b.id === 'mjw-b5') ?? buildings()[0]
    const inBuilding = expected.households.filter((h) => h.address.path.buildingId === b.id)
    const query = (index: 'GSI1' | 'GSI2', pk: string) =>
      doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index,
          KeyConditionExpression: `${index}PK = :pk AND begins_with(${index}SK, :prefix)`,
          ExpressionAttributeValues: { ':pk': pk, ':prefix': `${a.id}#${b.id}#` },
        }),
      )
    // Act
    const all = await query('GSI1', householdGsi1Pk(c.id))
    const red = await query('GSI2', householdGsi2Pk(c.id, 'red'))
    // Assess
    expect(all.Items?.map((i) => i.id).sort()).toEqual(inBuilding.map((h) => h.id).sort())
    expect(red.Items?.map((i) => i.id).sort()).toEqual(
      inBuilding
        .filter((h) => h.verdict.overall === 'red')
        .map((h) => h.id)
        .sort(),
    )
    expect(red.Items?.map((i) => i.id)).toContain('hh-mjw-5-1-0302')
  })

  it('keeps the real grid as one document', async () => {
    const out = await doc.send(new GetCommand({ TableName: tableName, Key: gridKey('530621002') }))
    expect(out.Item?.communities.map((c: { name: string }) => c.name)).toEqual([
      '景新社区',
      '和悦社区',
      '福泽社区',
      '雨露社区',
      '春熙社区',
      '阳光社区',
      '卯家湾社区',
    ])
  })
})

describe('generated staff through the API', () => {
  it('signs in the 5栋 building head, whose /api/me is scoped to that building', async () => {
    const token = await devToken(api, 'u-head-5')
    const me = await call(api, { method: 'GET', path: '/api/me', token })
    expect(me.status).toBe(200)
    expect(me.json).toMatchObject({
      role: 'building_head',
      scope: { communityId: '530621002007', buildingId: 'mjw-b5' },
    })
  })

  it('shows a ticket of a generated household to that building’s head only', async () => {
    // Prepare: a generated (not dev) household in a building whose head has only that building.
    const household = expected.households.find(
      (h: HouseholdFile) =>
        !h.id.startsWith('hh-mjw-5-') &&
        !h.id.startsWith('hh-mjw-6-') &&
        expected.users.find((u) => u.scope.buildingId === h.address.path.buildingId && u.role === 'building_head'),
    ) as HouseholdFile
    const head = expected.users.find(
      (u) => u.role === 'building_head' && u.scope.buildingId === household.address.path.buildingId,
    )
    const otherHead = expected.users.find(
      (u) => u.role === 'building_head' && u.scope.areaId !== household.address.path.areaId,
    )
    const ticket: Ticket = {
      id: '01POPULATIONTICKET0000000A',
      householdId: household.id,
      address: household.address,
      category: 'lift',
      location: { kind: 'common_area', spot: 'lift_hall' },
      description: '电梯按钮不亮',
      status: 'submitted',
      createdAt: `${TODAY}T09:00:00.000+08:00`,
      createdBy: 'u-resident-1',
    }
    await doc.send(new PutCommand({ TableName: tableName, Item: ticketItem(ticket) }))
    // Act
    const seen = async (userId: string) =>
      (await call(api, { method: 'GET', path: '/api/tickets', token: await devToken(api, userId) })).json.tickets.map(
        (t: { id: string }) => t.id,
      )
    // Assess
    expect(await seen(head?.id as string)).toContain(ticket.id)
    expect(await seen(otherHead?.id as string)).not.toContain(ticket.id)
    expect(await seen('u-head-6')).not.toContain(ticket.id)
  })
})
