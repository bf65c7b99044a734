import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { jobSeekerKey } from '../src/db/keys'
import { LI, WANG } from './support/jobs-resident'
import { type JobsWorld, jobsWorld, setMember } from './support/jobs-staff'

// 我的求职信息 (issue 6, decision 068): the resident's own profile, read and written beside the
// user and their household file.

let w: JobsWorld

beforeAll(async () => {
  w = await jobsWorld(__filename)
})

afterAll(() => w.drop())

const profile = { availability: 'day', schoolRun: true, skills: ['cleaning', 'cooking'], maxCommuteKm: 5 }

describe('GET /api/jobs/profile', () => {
  it('is state none with the name for a resident who has no profile yet, in one round trip', async () => {
    const res = await w.req('GET', '/api/jobs/profile', LI.userId)
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ state: 'none', name: '李秀英' })
    expect(res.waves).toBe(1)
  })

  it('is ready with the seeded profile for 王德富 (forklift, warehouse)', async () => {
    const res = await w.req('GET', '/api/jobs/profile', WANG.userId)
    expect(res.json.state).toBe('ready')
    expect(res.json.profile.skills).toEqual(expect.arrayContaining(['forklift', 'warehouse']))
  })

  it.each([['u-staff-mjw'], ['u-head-5'], ['u-admin']])(
    'answers 403 to staff (%s): they fill profiles elsewhere',
    async (userId) => {
      const res = await w.req('GET', '/api/jobs/profile', userId)
      expect(res.status).toBe(403)
      expect(res.json.message).toMatch(/帮居民填写/)
    },
  )

  it('answers 401 without a token', async () => {
    expect((await w.req('GET', '/api/jobs/profile')).status).toBe(401)
  })
})

describe('PUT /api/jobs/profile', () => {
  it('saves the answers as the resident’s own, copies the facts, and reads them back (≤ 2 round trips)', async () => {
    // Act
    const put = await w.req('PUT', '/api/jobs/profile', LI.userId, profile)
    const get = await w.req('GET', '/api/jobs/profile', LI.userId)
    // Assess
    expect(put.status).toBe(200)
    expect(put.waves).toBeLessThanOrEqual(2)
    expect(put.json.state).toBe('ready')
    expect(get.json.profile).toEqual({
      ...profile,
      updatedAt: '2026-12-04T10:00:00.000+08:00',
      updatedBy: { userId: LI.userId, name: '李秀英', role: 'resident', onBehalf: false },
    })
    const item = await w.doc.send(
      new GetCommand({ TableName: w.tableName, Key: jobSeekerKey(LI.householdId, LI.personId) }),
    )
    expect(item.Item).toMatchObject({
      personId: LI.personId,
      userId: LI.userId,
      name: '李秀英',
      birthDate: '1972-04-16',
      GSI1PK: 'COMMUNITY#530621002007#SEEKER',
      home: { lat: expect.any(Number), lng: expect.any(Number) },
    })
  })

  it('accepts a profile with only the hours (no skills)', async () => {
    const res = await w.req('PUT', '/api/jobs/profile', LI.userId, { availability: 'part_time' })
    expect(res.status).toBe(200)
    expect(res.json.profile).toMatchObject({ availability: 'part_time', skills: [] })
  })

  it.each([
    ['no hours', {}, 'availability', '请选择能上班的时间'],
    ['an unknown hours choice', { availability: 'weekends' }, 'availability', '请选择能上班的时间'],
    ['an unknown skill', { availability: 'day', skills: ['flying'] }, 'skills', undefined],
    ['a repeated skill', { availability: 'day', skills: ['cleaning', 'cleaning'] }, 'skills', '技能不能重复选择'],
    ['too far', { availability: 'day', maxCommuteKm: 500 }, 'maxCommuteKm', undefined],
    ['a wage in words', { availability: 'day', expectedWage: '很多' }, 'expectedWage', undefined],
  ])('refuses %s with 400 naming the field in Chinese', async (_name, body, field, message) => {
    const res = await w.req('PUT', '/api/jobs/profile', LI.userId, body)
    expect(res.status).toBe(400)
    const errors: { path: string; message: string }[] = res.json.errors
    const error = errors.find((e) => e.path.startsWith(field))
    expect(error).toBeDefined()
    expect(error?.message).toMatch(/[\u4e00-\u9fff]/)
    if (message) expect(error?.message).toBe(message)
  })

  it('answers 403 to staff: the resident route is the resident’s own', async () => {
    expect((await w.req('PUT', '/api/jobs/profile', 'u-staff-mjw', profile)).status).toBe(403)
  })
})

describe('outside working age', () => {
  it('says why and refuses to save, for a resident past 65', async () => {
    // Prepare: 孔祥芝 (u-resident-green) born in 1955 in this test.
    const green = 'hh-mjw-6-1-0604'
    await setMember(w, green, 0, { birthDate: '1955-01-01' })
    // Act
    const get = await w.req('GET', '/api/jobs/profile', 'u-resident-green')
    const put = await w.req('PUT', '/api/jobs/profile', 'u-resident-green', profile)
    // Assess
    expect(get.json).toMatchObject({ state: 'outside_working_age', reason: expect.stringContaining('65') })
    expect(put.status).toBe(403)
    expect(put.json.message).toContain('65')
  })
})
