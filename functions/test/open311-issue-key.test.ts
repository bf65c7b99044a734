import { Open311ServiceRequestList } from '@anju/shared'
import { newApiKey, parseIssueArgs } from '../src/admin/issue-api-key'
import { loadConfig } from '../src/config'
import { putApiKey } from '../src/db/api-keys'
import type { DocClient } from '../src/db/client'
import { dropTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { seededTable, TEST_JWT_SECRET } from './support/api'
import { open311Requests } from './support/open311'
import { type CallCounter, countCalls } from './support/round-trips'

// Issuing Open311 keys (functions/src/admin/issue-api-key.ts): the arguments, and that a freshly
// issued sub-district key reads every community of its sub-district.

describe('issue-api-key arguments', () => {
  it.each([
    [
      ['--name', '公益平台', '--community', '530621002001'],
      { subdistrictId: '530621002', communityId: '530621002001' },
    ],
    [['--name', '街道', '--subdistrict', '530621002'], { subdistrictId: '530621002' }],
  ])('reads %j', (argv, scope) => {
    expect(parseIssueArgs(argv)).toEqual({ ok: true, name: argv[1], scope })
  })

  it.each([
    [['--community', '530621002001'], '--name is required: who holds the key, e.g. "某某公益平台"'],
    [['--name', 'x'], 'give exactly one of --community, --subdistrict'],
    [
      ['--name', 'x', '--community', '530621002001', '--subdistrict', '530621002'],
      'give exactly one of --community, --subdistrict',
    ],
    [['--name', 'x', '--community', '999'], 'no community 999'],
    [['--name', 'x', '--subdistrict', '999'], 'no sub-district 999'],
    [['--name', '--community', '530621002001'], '--name needs a value'],
    [['--scope', 'all'], 'unknown option --scope'],
  ])('refuses %j', (argv, error) => {
    const parsed = parseIssueArgs(argv)
    expect(parsed.ok).toBe(false)
    expect(parsed.ok ? [] : parsed.errors).toContain(error)
  })

  it('makes long, distinct, URL-safe keys', () => {
    const keys = new Set(Array.from({ length: 20 }, newApiKey))
    expect(keys.size).toBe(20)
    for (const key of keys) expect(key).toMatch(/^anju_[A-Za-z0-9_-]{43}$/)
  })
})

describe('a sub-district key', () => {
  const config = loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET })
  let doc: DocClient
  let tableName: string
  let counter: CallCounter
  let app: ReturnType<typeof createApp>
  const open311 = open311Requests(
    () => app,
    () => counter,
  )

  beforeAll(async () => {
    ;({ doc, tableName } = await seededTable(__filename))
    counter = countCalls(doc)
    app = createApp({ doc, tableName, config })
  })

  afterAll(async () => {
    await dropTable(doc, tableName)
    doc.destroy()
  })

  it('reads the tickets of every community in one parallel wave after the key', async () => {
    // Prepare: a ticket of 卯家湾 filed with the community key, and a sub-district key
    const key = newApiKey()
    await putApiKey({ doc, tableName }, key, {
      name: '砚池街道',
      scope: { subdistrictId: '530621002' },
      createdAt: '2026-12-01T00:00:00.000+08:00',
    })
    const filed = await open311('POST', '/requests.json', {
      json: {
        api_key: 'anju-dev-open311-maojiawan-530621002007',
        service_code: 'noise',
        address_id: 'hh-mjw-6-2-1101',
        description: '夜里很吵',
      },
    })
    // Act
    const res = await open311('GET', '/requests.json', { query: { api_key: key } })
    // Assess
    expect(Open311ServiceRequestList.parse(res.json).map((r) => r.service_request_id)).toEqual([
      filed.json[0].service_request_id,
    ])
    expect(res.waves).toBe(2)
    expect(counter.calls.some((c) => c.name === 'ScanCommand')).toBe(false)
    expect(counter.calls.filter((c) => c.name === 'QueryCommand')).toHaveLength(7)
  })
})
