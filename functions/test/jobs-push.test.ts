import type { JobPosting, JobSeeker, RiskColour } from '@anju/shared'
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { jobRecommendationKey, jobSeekerKey } from '../src/db/keys'
import { HOUSEHOLDS } from '../src/local/fixture'
import { PUSH_LIMIT, rankCandidates } from '../src/services/job-staff-push'
import { type JobsWorld, jobsWorld, OTHER_STAFF, postingForm, setMember } from './support/jobs-staff'

// 推荐给居民 (issue 6, decision 068): the best-matched residents of the scope who are out of work or
// unsteadily employed and of working age, red households first, then yellow, then green; a
// recommendation reaches the resident (社区为你推荐) and the household's livelihood follow-up.

let w: JobsWorld
let postingId: string
const red = HOUSEHOLDS.h5_1_0302.id // 李秀英's home (5栋)
const yellow = HOUSEHOLDS.h6_2_1101.id // 王德富's home (6栋)
const green = HOUSEHOLDS.h6_1_0604.id // 孔祥芝's home (6栋)
const P = {
  redHead: `${red}-p1`,
  yellowHead: `${yellow}-p1`,
  yellowSpouse: `${yellow}-p2`,
  greenHead: `${green}-p1`,
  greenSon: `${green}-p3`,
}
const profile = { availability: 'day', skills: ['cleaning'], maxCommuteKm: 10 }

const saveProfile = (userId: string, householdId: string, personId: string) =>
  w.req('PUT', `/api/jobs/seekers/${personId}/profile?householdId=${householdId}`, userId, profile)
const candidates = (userId: string, query = '') =>
  w.req('GET', `/api/jobs/postings/${postingId}/candidates${query}`, userId)
type Candidate = {
  personId: string
  colour: string
  score: number
  age: number
  employment: string
  reasons: string[]
  recommendedAt?: string
}
const list = (res: { json: { candidates: Candidate[] } }) => res.json.candidates

beforeAll(async () => {
  w = await jobsWorld(__filename)
  // Prepare: who is out of work (the household file), then profiles filled on their behalf.
  await setMember(w, red, 0, { employment: 'unemployed' })
  await setMember(w, green, 0, { employment: 'unemployed' })
  await setMember(w, green, 2, { employment: 'unemployed' })
  for (const [hid, pid] of [
    [red, P.redHead],
    [yellow, P.yellowHead],
    [yellow, P.yellowSpouse],
    [green, P.greenHead],
    [green, P.greenSon],
  ]) {
    const res = await saveProfile('u-staff-mjw', hid, pid)
    if (res.status !== 200) throw new Error(res.text)
  }
  // 朱浩 is past working age in this test: his copied birth date says so.
  await w.doc.send(
    new UpdateCommand({
      TableName: w.tableName,
      Key: jobSeekerKey(green, P.greenSon),
      UpdateExpression: 'SET birthDate = :b',
      ExpressionAttributeValues: { ':b': '1955-01-01' },
    }),
  )
  postingId = (
    await w.req('POST', '/api/jobs/postings', 'u-staff-mjw', postingForm({ skills: ['cleaning'], niceSkills: [] }))
  ).json.posting.id
})

afterAll(() => w.drop())

describe('GET /api/jobs/postings/:id/candidates', () => {
  it('lists red before yellow before green, by score within a colour, in ≤ 2 round trips', async () => {
    const res = await candidates('u-staff-mjw')
    expect(res.status).toBe(200)
    expect(res.waves).toBeLessThanOrEqual(2)
    const rank = { red: 0, yellow: 1, green: 2 } as Record<string, number>
    const got = list(res)
    got.slice(1).forEach((c, i) => {
      const prev = got[i]
      expect(rank[prev.colour] < rank[c.colour] || (prev.colour === c.colour && prev.score >= c.score)).toBe(true)
    })
    const mine = got.filter((c) => [P.redHead, P.yellowHead, P.greenHead].includes(c.personId))
    expect(mine.map((c) => [c.personId, c.colour])).toEqual([
      [P.redHead, 'red'],
      [P.yellowHead, 'yellow'],
      [P.greenHead, 'green'],
    ])
  })

  it('keeps only working-age residents out of work or unsteadily employed (all=1: everyone with a profile)', async () => {
    const some = list(await candidates('u-staff-mjw'))
    const all = list(await candidates('u-staff-mjw', '?all=1'))
    expect(some.every((c) => ['失业', '就业不稳定'].includes(c.employment))).toBe(true)
    expect([...some, ...all].every((c) => c.age >= 16 && c.age <= 65)).toBe(true)
    expect(some.map((c) => c.personId)).not.toContain(P.yellowSpouse)
    expect(all.map((c) => c.personId)).toContain(P.yellowSpouse)
    expect(all.map((c) => c.personId)).not.toContain(P.greenSon)
  })

  it('explains each candidate for staff: the colour first, then plain reasons', async () => {
    const redHead = list(await candidates('u-staff-mjw')).find((c) => c.personId === P.redHead) as Candidate
    expect(redHead.reasons[0]).toBe('红色家庭，优先推荐')
    expect(redHead.reasons).toEqual(expect.arrayContaining(['需要保洁，本人会', '白班 8:00–17:00']))
    expect(redHead.reasons.join('')).not.toContain('你')
  })

  it.each([
    ['u-head-5', [true, false, false]],
    ['u-head-6', [false, true, true]],
    ['u-grid-1', [true, true, true]],
    ['u-admin', [true, true, true]],
  ])('%s gets only the residents of their scope', async (userId, expected) => {
    const ids = list(await candidates(userId)).map((c) => c.personId)
    expect([P.redHead, P.yellowHead, P.greenHead].map((p) => ids.includes(p))).toEqual(expected)
  })

  it.each([
    ['u-resident-1', 403],
    ['u-property', 403],
    [OTHER_STAFF.id, 404],
  ])('answers %s with %d', async (userId, status) => {
    expect((await candidates(userId)).status).toBe(status)
  })
})

describe('rankCandidates (the cut to PUSH_LIMIT)', () => {
  const home = { lat: 27.19, lng: 103.55 }
  const job: JobPosting = {
    id: 'P1',
    employer: '菌棒厂',
    title: '保洁员',
    location: home,
    workHours: { start: 8, end: 17 },
    physical: 'light',
    skills: ['cleaning'],
    minExperienceYears: 1,
    monthlyWage: 3000,
    literacy: 'none',
  }
  const seeker = (id: string, householdColour: RiskColour, patch: Partial<JobSeeker> = {}): JobSeeker => ({
    id,
    age: 40,
    home,
    careDuties: [],
    health: 'healthy',
    disability: 'none',
    skills: ['cleaning'],
    experienceYears: 5,
    expectedWage: 2500,
    literacy: 'basic',
    householdColour,
    ...patch,
  })

  it('orders by colour before cutting: a low-scoring yellow household is kept ahead of higher-scoring greens', () => {
    // Prepare: three greens who match well, one yellow who lacks the skill and the experience.
    const greens = ['G1', 'G2', 'G3'].map((id) => seeker(id, 'green'))
    const weak = seeker('Y1', 'yellow', { skills: [], experienceYears: 0, expectedWage: 6000 })
    // Act
    const ranked = rankCandidates(job, [...greens, weak], 3)
    // Assess
    expect(ranked.map((r) => r.seeker.id)).toEqual(['Y1', 'G1', 'G2'])
    expect(ranked[0].match.score).toBeLessThan(ranked[2].match.score)
  })

  it('keeps red before yellow before green, by score within a colour, and at most the limit', () => {
    const ranked = rankCandidates(job, [
      seeker('G1', 'green'),
      seeker('Y1', 'yellow', { experienceYears: 0 }),
      seeker('R1', 'red', { skills: [] }),
      seeker('Y2', 'yellow'),
    ])
    expect(ranked.map((r) => r.seeker.id)).toEqual(['R1', 'Y2', 'Y1', 'G1'])
    expect(PUSH_LIMIT).toBe(100)
    expect(rankCandidates(job, [seeker('R1', 'red'), seeker('R2', 'red')], 1)).toHaveLength(1)
  })
})

const followUps = async (householdId: string) =>
  (
    await w.doc.send(
      new QueryCommand({
        TableName: w.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': `HH#${householdId}`, ':sk': 'FOLLOWUP#' },
      }),
    )
  ).Items ?? []

describe('POST /api/jobs/postings/:id/recommend', () => {
  const recommend = (userId: string, personIds: string[], id = postingId) =>
    w.req('POST', `/api/jobs/postings/${id}/recommend`, userId, { personIds, note: '离家近，白班' })

  it('writes the recommendation and the household’s livelihood follow-up once per person', async () => {
    // Act
    const first = await recommend('u-head-5', [P.redHead])
    const second = await recommend('u-staff-mjw', [P.redHead, P.yellowHead])
    // Assess
    expect(first.status).toBe(200)
    expect(first.waves).toBeLessThanOrEqual(2)
    expect(first.json.results).toEqual([{ personId: P.redHead, ok: true }])
    expect(second.json.results).toEqual([
      { personId: P.redHead, ok: true, already: true },
      { personId: P.yellowHead, ok: true },
    ])
    const ups = await followUps(red)
    expect(ups).toHaveLength(1)
    expect(ups[0]).toMatchObject({ module: 'livelihood', kind: 'job_recommendation', postingId, personId: P.redHead })
    expect(ups[0].by).toMatchObject({ userId: 'u-head-5', name: '赵美芬', role: 'building_head' })
    const rec = await w.doc.send(
      new QueryCommand({
        TableName: w.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': `PERSON#${P.redHead}#JOBS` },
      }),
    )
    expect(rec.Items?.map((i) => [i.PK, i.SK])).toEqual([
      [jobRecommendationKey(postingId, P.redHead).PK, jobRecommendationKey(postingId, P.redHead).SK],
    ])
    const marked = list(await candidates('u-staff-mjw')).find((c) => c.personId === P.redHead)
    expect(marked?.recommendedAt).toBeDefined()
  })

  it('refuses a person outside the caller’s scope, or unknown, one by one', async () => {
    const res = await recommend('u-head-6', [P.greenHead, P.redHead, 'nobody-p1'])
    expect(res.status).toBe(200)
    expect(res.json.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, false])
    expect(res.json.results[1].error).toMatch(/[\u4e00-\u9fff]/)
  })

  it('refuses a closed posting (409) and residents (403)', async () => {
    const id = (await w.req('POST', '/api/jobs/postings', 'u-staff-mjw', postingForm())).json.posting.id
    await w.req('POST', `/api/jobs/postings/${id}/close`, 'u-staff-mjw')
    expect((await recommend('u-staff-mjw', [P.yellowHead], id)).status).toBe(409)
    expect((await recommend('u-resident-1', [P.yellowHead])).status).toBe(403)
  })
})

describe('GET and PUT /api/jobs/seekers (filled on a resident’s behalf)', () => {
  it('lists the working-age members of a household of the scope with their profile state', async () => {
    const res = await w.req('GET', `/api/jobs/seekers?householdId=${yellow}`, 'u-head-6')
    expect(res.status).toBe(200)
    expect(res.waves).toBeLessThanOrEqual(2)
    const states = Object.fromEntries(
      res.json.members.map((m: { personId: string; state: string }) => [m.personId, m.state]),
    )
    // 王欣怡 (born 2011) is not of working age.
    expect(states).toEqual({ [P.yellowHead]: 'ready', [P.yellowSpouse]: 'ready' })
    expect(res.json.members[0].profile.updatedBy).toMatchObject({ name: '周丽琼', onBehalf: true })
  })

  it('saves a profile with who filled it, in ≤ 2 round trips', async () => {
    const res = await saveProfile('u-head-5', red, `${red}-p3`)
    expect(res.status).toBe(200)
    expect(res.waves).toBeLessThanOrEqual(2)
    expect(res.json.profile.updatedBy).toEqual({
      userId: 'u-head-5',
      name: '赵美芬',
      role: 'building_head',
      onBehalf: true,
    })
  })

  it.each([
    ['a household outside the scope', 'u-head-6', red, `${red}-p1`, 404],
    ['a resident', 'u-resident-1', red, `${red}-p1`, 403],
    ['property staff', 'u-property', red, `${red}-p1`, 403],
    ['an unknown person', 'u-head-5', red, `${red}-p9`, 404],
  ])('refuses %s', async (_who, userId, hid, pid, status) => {
    expect((await saveProfile(userId, hid, pid)).status).toBe(status)
  })

  it('refuses a profile without the hours, naming the field in Chinese', async () => {
    const res = await w.req('PUT', `/api/jobs/seekers/${P.redHead}/profile?householdId=${red}`, 'u-head-5', {
      skills: [],
    })
    expect(res.status).toBe(400)
    expect(res.json.errors).toEqual([{ path: 'availability', message: '请选择能上班的时间' }])
  })
})
