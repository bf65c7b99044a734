import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { jobPostingKey } from '../src/db/keys'
import { LEAKS, LI, post, WANG } from './support/jobs-resident'
import { type JobsWorld, jobsWorld } from './support/jobs-staff'

// 找工作 (issue 6, decision 068): a resident's matches with plain reasons, filters and paging, and
// one posting explained. Residents never read a colour or a priority, whatever their household's.

let w: JobsWorld
const ids: Record<string, string> = {}
type Match = { posting: { id: string; workHours: { start: number } }; reasons: string[]; distanceKm: number }
const matches = (userId: string, query = '') => w.req('GET', `/api/jobs/matches${query}`, userId)
const postingIds = (res: { json: { items: Match[] } }) => res.json.items.map((m) => m.posting.id)

beforeAll(async () => {
  w = await jobsWorld(__filename)
  ids.forklift = await post(w, {
    title: '叉车司机',
    skills: ['forklift'],
    niceSkills: ['warehouse'],
    wageMin: 4200,
    wageMax: 5000,
  })
  ids.night = await post(w, { title: '夜班仓管', skills: ['warehouse'], niceSkills: [], startHour: 22, endHour: 6 })
  ids.far = await post(w, {
    title: '园区搬运工',
    skills: ['warehouse'],
    niceSkills: [],
    place: { kind: 'offsite', placeName: '昭阳区物流园', distanceKm: 40 },
  })
  ids.expired = await post(w, { title: '快过期的岗位', skills: ['forklift'], niceSkills: [] })
  // Past its last day: still in the open shard, skipped by the key condition (GSI1SK >= today).
  await w.doc.send(
    new UpdateCommand({
      TableName: w.tableName,
      Key: jobPostingKey(ids.expired),
      UpdateExpression: 'SET expiresOn = :d, GSI1SK = :sk',
      ExpressionAttributeValues: { ':d': '2026-12-01', ':sk': `2026-12-01#${ids.expired}` },
    }),
  )
  ids.closed = await post(w, { title: '已招满的叉车工', skills: ['forklift'], niceSkills: [] })
  await w.req('POST', `/api/jobs/postings/${ids.closed}/close`, 'u-staff-mjw')
})

afterAll(() => w.drop())

describe('GET /api/jobs/matches', () => {
  it('gives a resident without a profile a friendly first step, not an empty list', async () => {
    const res = await matches(LI.userId)
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      state: 'none',
      message: '先花一分钟说说你能做什么，我们帮你找合适的工作',
      items: [],
      total: 0,
    })
  })

  it('lists 王德富’s best postings with plain reasons, in ≤ 2 round trips', async () => {
    const res = await matches(WANG.userId, '?limit=50')
    expect(res.status).toBe(200)
    expect(res.waves).toBeLessThanOrEqual(2)
    expect(res.json.state).toBe('ready')
    const forklift = res.json.items.find((m: Match) => m.posting.id === ids.forklift)
    expect(forklift.reasons).toEqual(
      expect.arrayContaining([
        '白班 8:00–17:00',
        '需要叉车，你会',
        '会仓储搬运更好，你会',
        '月薪4200–5000元，达到你的期望',
      ]),
    )
    expect(forklift.reasons[0]).toMatch(/^离家\d+(米|(\.\d)?公里)$/)
    const scores = res.json.items.map((m: { score: number }) => m.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it.each([
    ['the night shift (he works days only)', 'night'],
    ['a posting 40 km away', 'far'],
    ['a posting past its last day', 'expired'],
    ['a closed posting', 'closed'],
  ])('leaves out %s', async (_name, key) => {
    const res = await matches(WANG.userId, '?limit=50')
    expect(postingIds(res)).not.toContain(ids[key])
  })

  it('never sends a colour, a priority, the scope or the poster to a resident (raw JSON)', async () => {
    for (const userId of [WANG.userId, LI.userId]) {
      const text = (await matches(userId, '?limit=50')).text
      for (const word of LEAKS) expect(text).not.toContain(word)
    }
  })

  it.each([
    ['shift=day', (m: Match) => m.posting.workHours.start >= 6],
    ['maxKm=1', (m: Match) => m.distanceKm <= 1],
  ])('filters by %s', async (query, holds) => {
    const res = await matches(WANG.userId, `?${query}&limit=50`)
    expect(res.status).toBe(200)
    expect(res.json.items.length).toBeGreaterThan(0)
    expect(res.json.items.every(holds)).toBe(true)
    expect(res.json.total).toBeLessThanOrEqual((await matches(WANG.userId, '?limit=50')).json.total)
  })

  it('pages with offset and limit: the pages join up to the whole list', async () => {
    const all = await matches(WANG.userId, '?limit=50')
    const first = await matches(WANG.userId, '?limit=2')
    const second = await matches(WANG.userId, `?offset=${first.json.nextOffset}&limit=2`)
    expect(first.json.items).toHaveLength(2)
    expect(first.json.nextOffset).toBe(2)
    expect([...postingIds(first), ...postingIds(second)]).toEqual(postingIds(all).slice(0, 4))
    expect(first.json.total).toBe(all.json.total)
  })

  it.each([
    ['shift=weekend', 'shift'],
    ['limit=0', 'limit'],
    ['maxKm=abc', 'maxKm'],
  ])('refuses ?%s with 400 naming the field', async (query, field) => {
    const res = await matches(WANG.userId, `?${query}`)
    expect(res.status).toBe(400)
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(field)
  })

  it('answers 403 to staff', async () => {
    expect((await matches('u-staff-mjw')).status).toBe(403)
  })
})

describe('GET /api/jobs/:id', () => {
  it('explains why a posting suits the resident, in ≤ 2 round trips, without leaks', async () => {
    const res = await w.req('GET', `/api/jobs/${ids.forklift}`, WANG.userId)
    expect(res.status).toBe(200)
    expect(res.waves).toBeLessThanOrEqual(2)
    expect(res.json.fit).toMatchObject({ eligible: true, reasons: expect.arrayContaining(['需要叉车，你会']) })
    expect(res.json.closedReason).toBeUndefined()
    for (const word of LEAKS) expect(res.text).not.toContain(word)
  })

  it.each([
    ['night', { eligible: false, reason: '工作时间 22:00–6:00，不在你能上班的时间（只上白班）' }, undefined],
    ['closed', expect.objectContaining({ eligible: true }), '这个岗位已经停止招聘'],
    ['expired', expect.objectContaining({ eligible: true }), '这个岗位已过报名截止日期'],
  ])('tells the %s posting’s fit and closed reason in Chinese', async (key, fit, closedReason) => {
    const res = await w.req('GET', `/api/jobs/${ids[key]}`, WANG.userId)
    expect(res.json.fit).toEqual(fit)
    expect(res.json.closedReason).toBe(closedReason)
  })

  it('answers 404 for an unknown posting', async () => {
    const res = await w.req('GET', '/api/jobs/no-such-posting', WANG.userId)
    expect(res.status).toBe(404)
    expect(res.json.message).toBe('找不到这个岗位')
  })
})
