import { Open311CreatedList, Open311Errors, Open311ServiceRequestList } from '@anju/shared'
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { loadConfig } from '../src/config'
import { hashApiKey, putApiKey } from '../src/db/api-keys'
import type { DocClient } from '../src/db/client'
import { dropTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { DEV_API_KEY, HOUSEHOLDS } from '../src/local/fixture'
import { dynamoEndpoint, call as lambdaCall, loadHandler, seededTable, TEST_JWT_SECRET } from './support/api'
import { OPEN311, open311Requests } from './support/open311'
import { type CallCounter, countCalls, countedRequests } from './support/round-trips'

// Issue 5 item 8: who may read and file through Open311 (API keys and their scope), filing by form
// and by JSON, retries, and the 400s that name the field. Errors are always Open311's array.

const config = loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET })
const KEY = DEV_API_KEY.key
/** A key of 景新社区: another community of the same sub-district. */
const OTHER_KEY = 'test-open311-jingxin-530621002001'
const HOME = HOUSEHOLDS.h6_2_1101
let doc: DocClient
let tableName: string
let counter: CallCounter
let app: ReturnType<typeof createApp>
let otherHome: string
const tokens: Record<string, string> = {}
const request = countedRequests({ request: (path, init) => app.request(path, init) }, () => counter, tokens)
const open311 = open311Requests(
  () => app,
  () => counter,
)

const form = (fields: Record<string, string>): [string, string][] => Object.entries(fields)
const lift = { service_code: 'lift', address_id: HOME.id, description: '电梯卡在两层中间' }

/** A household of 景新社区, read from the seeded population. */
async function householdOf(communityId: string): Promise<string> {
  const out = await doc.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': `COMMUNITY#${communityId}#HH` },
      Limit: 1,
    }),
  )
  return String(out.Items?.[0]?.id)
}

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  counter = countCalls(doc)
  app = createApp({ doc, tableName, config })
  const jingxin = { subdistrictId: '530621002', communityId: '530621002001' }
  await putApiKey({ doc, tableName }, OTHER_KEY, {
    name: '景新社区测试',
    scope: jingxin,
    createdAt: '2026-12-01T00:00:00Z',
  })
  otherHome = await householdOf('530621002001')
  tokens['u-staff-mjw'] = (await request('POST', '/api/auth/dev', undefined, { userId: 'u-staff-mjw' })).json.token
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('API keys', () => {
  it('stores the seeded dev key by its sha256 only, scoped to 卯家湾社区', async () => {
    const hash = hashApiKey(KEY)
    const out = await doc.send(new GetCommand({ TableName: tableName, Key: { PK: `APIKEY#${hash}`, SK: 'APIKEY' } }))
    expect(out.Item).toMatchObject({ entity: 'api_key', keyId: hash.slice(0, 12), scope: DEV_API_KEY.scope })
    expect(JSON.stringify(out.Item)).not.toContain(KEY)
  })

  it.each([
    ['no key', {}, '缺少 API 密钥（api_key）'],
    ['an empty key', { api_key: '' }, '缺少 API 密钥（api_key）'],
    ['a key nobody issued', { api_key: 'not-a-real-key' }, 'API 密钥（api_key）无效'],
  ])('refuses %s with 403 on every request endpoint', async (_, key: Record<string, string>, description) => {
    const replies = [
      await open311('GET', '/requests.json', { query: key }),
      await open311('GET', '/requests/01ANYTHING.json', { query: key }),
      await open311('POST', '/requests.json', { form: form({ ...key, ...lift }) }),
    ]
    for (const res of replies) {
      expect(res.status).toBe(403)
      expect(Open311Errors.parse(res.json)).toEqual([{ code: 403, description }])
    }
  })

  it('keeps a key to its community: another community reads nothing of it and cannot file there', async () => {
    // Prepare: a ticket of 卯家湾 filed with its own key
    const filed = await open311('POST', '/requests.json', { form: form({ api_key: KEY, ...lift }) })
    const id = filed.json[0].service_request_id
    // Act
    const byId = await open311('GET', `/requests/${id}.json`, { query: { api_key: OTHER_KEY } })
    const absent = await open311('GET', '/requests/01NOSUCHTICKET.json', { query: { api_key: OTHER_KEY } })
    const list = await open311('GET', '/requests.json', { query: { api_key: OTHER_KEY, service_request_id: id } })
    const all = await open311('GET', '/requests.json', { query: { api_key: OTHER_KEY } })
    const outside = await open311('POST', '/requests.json', { form: form({ ...lift, api_key: OTHER_KEY }) })
    const unknown = await open311('POST', '/requests.json', {
      form: form({ ...lift, api_key: OTHER_KEY, address_id: 'hh-nobody' }),
    })
    // Assess: out of scope reads exactly like absent
    expect(byId.status).toBe(404)
    expect(byId.json).toEqual(absent.json)
    expect(byId.json).toEqual([{ code: 404, description: '找不到该报修单' }])
    expect(list.json).toEqual([])
    expect(all.json).toEqual([])
    expect(outside.status).toBe(400)
    expect(outside.json).toEqual(unknown.json)
    expect(outside.json).toEqual([
      { code: 400, description: '住户编号（address_id）无效：找不到该住户，或不在本密钥的范围内' },
    ])
  })

  it('lets a key file and read inside its own community', async () => {
    const filed = await open311('POST', '/requests.json', {
      form: form({ api_key: OTHER_KEY, service_code: 'noise', address_id: otherHome, description: '楼上深夜施工' }),
    })
    const all = await open311('GET', '/requests.json', { query: { api_key: OTHER_KEY } })
    expect(filed.status).toBe(201)
    expect(all.json.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      filed.json[0].service_request_id,
    ])
  })
})

describe('POST requests.json', () => {
  it('files from a form body with attribute[code], triaged as the app would, and says whom to call', async () => {
    const res = await open311('POST', '/requests.json', {
      form: form({ api_key: KEY, ...lift, 'attribute[personTrapped]': 'true', first_name: '王', phone: '13900001111' }),
    })
    expect(res.status).toBe(201)
    const [created] = Open311CreatedList.parse(res.json)
    expect(created.service_notice).toMatch(/^紧急情况请立即拨打 119/)
    const staff = await request('GET', `/api/tickets/${created.service_request_id}`, 'u-staff-mjw')
    expect(staff.json.ticket).toMatchObject({
      category: 'lift',
      householdId: HOME.id,
      location: { kind: 'own_room' },
      answers: { personTrapped: true },
      emergency: true,
      priority: 'immediate',
      createdBy: expect.stringMatching(/^open311-[0-9a-f]{12}$/),
    })
    // The client's personal fields are not stored anywhere on the ticket.
    expect(JSON.stringify(staff.json)).not.toMatch(/13900001111|"王"/)
    expect(res.waves).toBeLessThanOrEqual(2)
  })

  it('files from a JSON body with an attribute object', async () => {
    const res = await open311('POST', '/requests.json', {
      json: { api_key: KEY, ...lift, description: '电梯门关不上', attribute: { personTrapped: false } },
    })
    expect(res.status).toBe(201)
    const read = await open311('GET', `/requests/${res.json[0].service_request_id}.json`, { query: { api_key: KEY } })
    expect(Open311ServiceRequestList.parse(read.json)[0]).toMatchObject({ service_code: 'lift', status: 'open' })
  })

  it('files a help request (为民办实事) by its help. code, with 120 for a night escort', async () => {
    const res = await open311('POST', '/requests.json', {
      form: form({ api_key: KEY, service_code: 'help.night_escort', address_id: HOME.id, description: '老人夜里发烧' }),
    })
    expect(res.status).toBe(201)
    expect(res.json[0].service_notice).toMatch(/^紧急情况请立即拨打 120/)
    const read = await open311('GET', `/requests/${res.json[0].service_request_id}.json`, { query: { api_key: KEY } })
    expect(read.json[0]).toMatchObject({ service_code: 'help.night_escort', service_name: '夜间送医', status: 'open' })
    const staff = await request('GET', `/api/tickets/${res.json[0].service_request_id}`, 'u-staff-mjw')
    expect(staff.json.ticket).toMatchObject({ kind: 'help', category: 'night_escort', householdId: HOME.id })
  })

  it('files a retry once: the same body answers 200 with the same id', async () => {
    const body = form({ api_key: KEY, ...lift, description: '三楼楼道灯不亮', service_code: 'lighting' })
    const first = await open311('POST', '/requests.json', { form: body })
    const retry = await open311('POST', '/requests.json', { form: body })
    expect([first.status, retry.status]).toEqual([201, 200])
    expect(retry.json).toEqual(first.json)
  })

  it('refuses a client idempotency_key reused with another body (409)', async () => {
    const first = await open311('POST', '/requests.json', {
      json: { api_key: KEY, ...lift, idempotency_key: 'client-key-0001' },
    })
    const again = await open311('POST', '/requests.json', {
      json: { api_key: KEY, ...lift, idempotency_key: 'client-key-0001', description: '别的内容' },
    })
    expect(first.status).toBe(201)
    expect(again.status).toBe(409)
    expect(Open311Errors.parse(again.json)[0].code).toBe(409)
  })

  it.each([
    [{ service_code: 'pothole' }, '服务代码（service_code）无效：没有“pothole”这项服务'],
    [{ service_code: '' }, '请填写服务代码（service_code）'],
    [{ address_id: '' }, '请填写住户编号（address_id）'],
    [{ address_id: '5栋' }, '住户编号（address_id）格式不正确'],
    [{ description: '  ' }, '请填写问题描述（description）'],
    [{ description: '𠀀'.repeat(501) }, '问题描述最多 500 个字（description）'],
    [{ 'attribute[gasSmell]': 'true' }, '“电梯”没有这个问题（attribute[gasSmell]）'],
    [{ 'attribute[personTrapped]': 'maybe' }, '有人被困在电梯里吗？应为“是”或“否”（attribute[personTrapped]）'],
  ])('refuses %j with 400 naming the field', async (change, description) => {
    const res = await open311('POST', '/requests.json', { form: form({ api_key: KEY, ...lift, ...change }) })
    expect(res.status).toBe(400)
    expect(Open311Errors.parse(res.json)).toContainEqual({ code: 400, description })
  })

  it('refuses malformed JSON in the Open311 format', async () => {
    const res = await app.request(`${OPEN311}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"api_key":',
    })
    expect(res.status).toBe(400)
    expect(Open311Errors.parse(await res.json())).toEqual([{ code: 400, description: '请求内容不是有效的 JSON' }])
  })

  it('files a form body that API Gateway base64-encoded, through the Lambda handler', async () => {
    const api = loadHandler({
      STAGE: 'local',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamoEndpoint(),
      JWT_SECRET: TEST_JWT_SECRET,
    })
    const res = await lambdaCall(api, {
      method: 'POST',
      path: `${OPEN311}/requests.json`,
      rawBody: new URLSearchParams({
        api_key: KEY,
        ...lift,
        description: '单元门坏了',
        service_code: 'door_window',
      }).toString(),
      base64: true,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(201)
    expect(Open311CreatedList.parse(res.json)).toHaveLength(1)
  })
})
