import { devAccount } from '../src/local/fixture'
import { type JobsWorld, jobsWorld, OTHER_STAFF, postingForm, putApplication } from './support/jobs-staff'

// 投递的人 (issue 6, decision 068): staff see the applicants of a posting of their scope, and of a
// wider one only those who live in their scope; managers change the status with a note.

let w: JobsWorld
let community: string
let subdistrict: string
const resident1 = devAccount('u-resident-1') // 5栋
const resident2 = devAccount('u-resident-2') // 6栋
const person1 = `${resident1.scope.householdId}-p1`
const person2 = `${resident2.scope.householdId}-p1`

beforeAll(async () => {
  w = await jobsWorld(__filename)
  community = (await w.req('POST', '/api/jobs/postings', 'u-staff-mjw', postingForm())).json.posting.id
  const offsite = { place: { kind: 'offsite', placeName: '街道公益岗', distanceKm: 1 } }
  subdistrict = (await w.req('POST', '/api/jobs/postings', 'u-admin', postingForm(offsite))).json.posting.id
  for (const id of [community, subdistrict]) {
    await putApplication(w, id, resident1, person1)
    await putApplication(w, id, resident2, person2)
  }
})

afterAll(() => w.drop())

const applicantsOf = (userId: string, postingId: string) =>
  w.req('GET', `/api/jobs/postings/${postingId}/applicants`, userId)
const setStatus = (userId: string, postingId: string, personId: string, body: unknown) =>
  w.req('POST', `/api/jobs/postings/${postingId}/applicants/${personId}/status`, userId, body)

describe('GET /api/jobs/postings/:id/applicants', () => {
  it('lists every applicant of a posting of the scope, with where they live, in ≤ 2 round trips', async () => {
    const res = await applicantsOf('u-staff-mjw', community)
    expect(res.status).toBe(200)
    expect(res.waves).toBeLessThanOrEqual(2)
    expect(res.json.posting.id).toBe(community)
    const byPerson = Object.fromEntries(res.json.applicants.map((a: { personId: string }) => [a.personId, a]))
    expect(Object.keys(byPerson).sort()).toEqual([person1, person2].sort())
    expect(byPerson[person1]).toMatchObject({ name: '李秀英', status: 'applied', addressLabel: '5栋1单元0302' })
  })

  it.each([
    ['u-staff-mjw', 'community', [true, true]],
    ['u-admin', 'community', [true, true]],
    ['u-head-5', 'community', [true, false]],
    ['u-head-6', 'community', [false, true]],
    ['u-head-5', 'subdistrict', [true, false]],
    ['u-staff-mjw', 'subdistrict', [true, true]],
    ['u-admin', 'subdistrict', [true, true]],
    [OTHER_STAFF.id, 'subdistrict', [false, false]],
  ])('%s sees on the %s posting only the applicants allowed', async (userId, which, expected) => {
    const res = await applicantsOf(userId, which === 'community' ? community : subdistrict)
    expect(res.status).toBe(200)
    const ids = res.json.applicants.map((a: { personId: string }) => a.personId)
    expect([ids.includes(person1), ids.includes(person2)]).toEqual(expected)
  })

  it.each([
    [OTHER_STAFF.id, 404],
    ['u-resident-1', 403],
    ['u-police', 403],
  ])('answers %s with %d', async (userId, status) => {
    expect((await applicantsOf(userId, community)).status).toBe(status)
  })
})

describe('POST /api/jobs/postings/:id/applicants/:personId/status', () => {
  it('changes the status with a note, appending to the history, in ≤ 2 round trips', async () => {
    // Act
    const contacted = await setStatus('u-staff-mjw', community, person1, {
      status: 'contacted',
      note: '已电话联系，周一面试',
    })
    const hired = await setStatus('u-property', community, person1, { status: 'hired' })
    // Assess
    expect([contacted.status, hired.status]).toEqual([200, 200])
    expect(contacted.waves).toBeLessThanOrEqual(2)
    expect(hired.json.applicant.status).toBe('hired')
    expect(hired.json.applicant.history.map((h: { status: string }) => h.status)).toEqual([
      'applied',
      'contacted',
      'hired',
    ])
    expect(hired.json.applicant.history[1]).toMatchObject({
      note: '已电话联系，周一面试',
      by: { userId: 'u-staff-mjw' },
    })
    const list = await applicantsOf('u-staff-mjw', community)
    expect(list.json.applicants.find((a: { personId: string }) => a.personId === person1).status).toBe('hired')
  })

  it('refuses the same status again without a note (409), but takes a note on it', async () => {
    await setStatus('u-staff-mjw', community, person2, { status: 'contacted' })
    const again = await setStatus('u-staff-mjw', community, person2, { status: 'contacted' })
    const noted = await setStatus('u-staff-mjw', community, person2, {
      status: 'contacted',
      note: '没接电话，明天再打',
    })
    expect([again.status, noted.status]).toEqual([409, 200])
    expect(again.json.message).toContain('已联系')
  })

  it('refuses a change based on an older version (basedOn) with 409 in Chinese, leaving the newer status', async () => {
    // Prepare: two staff opened the page at the same version; one sets 已录用 first.
    const id = (await w.req('POST', '/api/jobs/postings', 'u-staff-mjw', postingForm())).json.posting.id
    await putApplication(w, id, resident1, person1)
    const shown = (await applicantsOf('u-staff-mjw', id)).json.applicants[0].updatedAt as string
    const hired = await setStatus('u-staff-mjw', id, person1, { status: 'hired', basedOn: shown })
    // Act
    const stale = await setStatus('u-admin', id, person1, { status: 'rejected', basedOn: shown })
    const fresh = await setStatus('u-admin', id, person1, {
      status: 'hired',
      note: '带身份证',
      basedOn: hired.json.applicant.updatedAt,
    })
    // Assess
    expect(hired.status).toBe(200)
    expect(stale.status).toBe(409)
    expect(stale.json.message).toBe('这份投递的状态刚被别人改过，请刷新后再改')
    expect(fresh.status).toBe(200)
    const after = (await applicantsOf('u-staff-mjw', id)).json.applicants[0]
    expect(after.status).toBe('hired')
    expect(after.history.map((h: { status: string }) => h.status)).toEqual(['applied', 'hired', 'hired'])
  })

  it('refuses a basedOn that is not a time with 400', async () => {
    const res = await setStatus('u-staff-mjw', community, person2, { status: 'rejected', basedOn: 'yesterday' })
    expect(res.status).toBe(400)
  })

  it('keeps the history bounded: the application and the latest changes', async () => {
    // Prepare
    const id = (await w.req('POST', '/api/jobs/postings', 'u-staff-mjw', postingForm())).json.posting.id
    await putApplication(w, id, resident1, person1)
    // Act
    let last: { json: { applicant: { history: { status: string }[] } } } | undefined
    for (let i = 0; i < 24; i++)
      last = await setStatus('u-staff-mjw', id, person1, { status: i % 2 ? 'contacted' : 'rejected' })
    // Assess
    const history = last?.json.applicant.history ?? []
    expect(history).toHaveLength(20)
    expect(history[0].status).toBe('applied')
  })

  it.each([
    ['an unknown status', 'u-staff-mjw', { status: 'fired' }, 400],
    ['a building head', 'u-head-5', { status: 'contacted' }, 403],
    ['a resident', 'u-resident-1', { status: 'hired' }, 403],
    ['staff of another community', OTHER_STAFF.id, { status: 'contacted' }, 404],
  ])('refuses %s', async (_who, userId, body, status) => {
    const res = await setStatus(userId, community, person2, body)
    expect(res.status).toBe(status)
    expect(res.json.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('answers 404 for a person who did not apply', async () => {
    const res = await setStatus('u-staff-mjw', community, `${resident1.scope.householdId}-p3`, { status: 'contacted' })
    expect(res.status).toBe(404)
    expect(res.json.message).toBe('找不到这份投递')
  })
})

describe('applicant counts follow what the caller may see', () => {
  const postingIn = (res: { json: { postings: { id: string; applicantCount?: number }[] } }, id: string) =>
    res.json.postings.find((p) => p.id === id)

  it.each([
    ['u-staff-mjw', 'community', 2],
    ['u-property', 'community', 2],
    ['u-admin', 'community', 2],
    ['u-admin', 'subdistrict', 2],
    ['u-head-5', 'community', undefined],
    ['u-grid-1', 'community', undefined],
    ['u-head-5', 'subdistrict', undefined],
    ['u-staff-mjw', 'subdistrict', undefined],
  ])(
    'GET /api/jobs/postings gives %s on the %s posting the count %p, in ≤ 2 round trips',
    async (userId, which, count) => {
      const res = await w.req('GET', '/api/jobs/postings', userId)
      expect(res.status).toBe(200)
      expect(res.waves).toBeLessThanOrEqual(2)
      const posting = postingIn(res, which === 'community' ? community : subdistrict)
      expect(posting).toBeDefined()
      expect(posting?.applicantCount).toBe(count)
    },
  )

  it.each([
    ['u-staff-mjw', 2],
    ['u-head-5', 1],
    ['u-head-6', 1],
  ])('the applicants and candidates pages give %s the count of the applicants they see (%d)', async (userId, count) => {
    const applicants = await applicantsOf(userId, community)
    const candidates = await w.req('GET', `/api/jobs/postings/${community}/candidates`, userId)
    expect(applicants.json.posting.applicantCount).toBe(count)
    expect(applicants.json.applicants).toHaveLength(count)
    expect(candidates.status).toBe(200)
    expect(candidates.json.posting.applicantCount).toBe(count)
  })
})

// Last: it changes person1's status, which the tests above count on.
describe('a blank status note', () => {
  it('takes a note of only spaces as no note (the box says 可不填)', async () => {
    const before = (await applicantsOf('u-staff-mjw', community)).json.applicants.find(
      (a: { personId: string }) => a.personId === person1,
    )
    const next = before.status === 'rejected' ? 'contacted' : 'rejected'
    const res = await setStatus('u-staff-mjw', community, person1, { status: next, note: '   ' })
    expect(res.status).toBe(200)
    expect(res.json.applicant.history.at(-1).note).toBeUndefined()
  })
})
