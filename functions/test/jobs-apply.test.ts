import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { jobPostingKey, personJobsGsi2Pk } from '../src/db/keys'
import { LEAKS, LI, post, WANG } from './support/jobs-resident'
import { type JobsWorld, jobsWorld } from './support/jobs-staff'

// 一键报名 and 我的投递 (issue 6, decision 068): one application per person and posting, however
// often it is sent; closed and expired postings refuse with a reason; the resident reads the status.

let w: JobsWorld
const apply = (id: string, userId = WANG.userId, body: unknown = { idempotencyKey: `apply-${id}-key-0001` }) =>
  w.req('POST', `/api/jobs/${id}/apply`, userId, body)

beforeAll(async () => {
  w = await jobsWorld(__filename)
})

afterAll(() => w.drop())

describe('POST /api/jobs/:id/apply', () => {
  it('applies once: 201, then 200 with the same application; one item, the counter once (≤ 2 round trips)', async () => {
    // Prepare
    const id = await post(w, { title: '叉车司机', skills: ['forklift'], niceSkills: [] })
    // Act
    const first = await apply(id)
    const second = await apply(id)
    // Assess
    expect([first.status, second.status]).toEqual([201, 200])
    expect([first.json.created, second.json.created]).toEqual([true, false])
    expect(second.json.application).toEqual(first.json.application)
    expect(first.json.application).toEqual({
      postingId: id,
      status: 'applied',
      appliedAt: '2026-12-04T10:00:00.000+08:00',
      updatedAt: '2026-12-04T10:00:00.000+08:00',
    })
    expect(Math.max(first.waves, second.waves)).toBeLessThanOrEqual(2)
    const apps = await w.doc.send(
      new QueryCommand({
        TableName: w.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': personJobsGsi2Pk(WANG.personId) },
      }),
    )
    expect(apps.Items?.filter((i) => i.postingId === id)).toHaveLength(1)
    expect(apps.Items?.[0]).toMatchObject({
      householdId: WANG.householdId,
      name: '王德富',
      address: { roomNo: '1101' },
    })
    const posting = await w.doc.send(new GetCommand({ TableName: w.tableName, Key: jobPostingKey(id) }))
    expect(posting.Item?.applicantCount).toBe(1)
  })

  it('makes two taps at once one application', async () => {
    const id = await post(w)
    const replies = await Promise.all([apply(id, LI.userId), apply(id, LI.userId)])
    expect(replies.map((r) => r.status).sort()).toEqual([200, 201])
    const posting = await w.doc.send(new GetCommand({ TableName: w.tableName, Key: jobPostingKey(id) }))
    expect(posting.Item?.applicantCount).toBe(1)
  })

  it.each([
    ['closed', '这个岗位已经停止招聘'],
    ['expired', '这个岗位已过报名截止日期'],
  ])('refuses a %s posting with 409 and the reason in Chinese', async (kind, message) => {
    // Prepare
    const id = await post(w)
    if (kind === 'closed') await w.req('POST', `/api/jobs/postings/${id}/close`, 'u-staff-mjw')
    else
      await w.doc.send(
        new UpdateCommand({
          TableName: w.tableName,
          Key: jobPostingKey(id),
          UpdateExpression: 'SET expiresOn = :d',
          ExpressionAttributeValues: { ':d': '2026-12-03' },
        }),
      )
    // Act
    const res = await apply(id)
    // Assess
    expect(res.status).toBe(409)
    expect(res.json.message).toBe(message)
  })

  it('answers 404 for an unknown posting, 403 to staff, 401 without a token', async () => {
    expect((await apply('no-such-posting')).status).toBe(404)
    const id = await post(w)
    expect((await apply(id, 'u-staff-mjw')).status).toBe(403)
    expect((await w.req('POST', `/api/jobs/${id}/apply`)).status).toBe(401)
  })

  it('accepts an empty body and refuses a malformed key with 400', async () => {
    const id = await post(w)
    expect((await apply(id, WANG.userId, undefined)).status).toBe(201)
    const bad = await apply(id, WANG.userId, { idempotencyKey: 'x' })
    expect(bad.status).toBe(400)
    expect(bad.json.errors[0].path).toBe('idempotencyKey')
  })
})

describe('GET /api/jobs/mine and the detail after applying', () => {
  it('lists the applications with their postings and the status staff set, in ≤ 2 round trips, no leaks', async () => {
    // Prepare
    const id = await post(w, { title: '仓库管理员' })
    await apply(id)
    await w.req('POST', `/api/jobs/postings/${id}/applicants/${WANG.personId}/status`, 'u-staff-mjw', {
      status: 'hired',
      note: '下周一来上班',
    })
    // Act
    const mine = await w.req('GET', '/api/jobs/mine', WANG.userId)
    const detail = await w.req('GET', `/api/jobs/${id}`, WANG.userId)
    // Assess
    expect(mine.status).toBe(200)
    expect(mine.waves).toBeLessThanOrEqual(2)
    const app = mine.json.applications.find((a: { postingId: string }) => a.postingId === id)
    expect(app).toMatchObject({ status: 'hired', posting: { id, title: '仓库管理员' } })
    expect(detail.json.application).toMatchObject({ postingId: id, status: 'hired' })
    for (const word of LEAKS) expect(mine.text).not.toContain(word)
  })

  it('shows the resident the latest note staff wrote with a status (社区的话), its time and status, never who wrote it', async () => {
    // Prepare
    const id = await post(w, { title: '帮扶车间包装工' })
    await apply(id)
    const setStatus = (body: unknown) =>
      w.req('POST', `/api/jobs/postings/${id}/applicants/${WANG.personId}/status`, 'u-staff-mjw', body)
    await setStatus({ status: 'contacted', note: '周一去厂里面试' })
    const hired = await setStatus({ status: 'hired', note: '周一早上8点到1栋帮扶车间报到，带身份证' })
    // Act
    const mine = await w.req('GET', '/api/jobs/mine', WANG.userId)
    const detail = await w.req('GET', `/api/jobs/${id}`, WANG.userId)
    // Assess
    const note = { text: '周一早上8点到1栋帮扶车间报到，带身份证', at: hired.json.applicant.updatedAt, status: 'hired' }
    const app = mine.json.applications.find((a: { postingId: string }) => a.postingId === id)
    expect(app).toMatchObject({ status: 'hired', note })
    expect(detail.json.application).toMatchObject({ status: 'hired', note })
    expect(mine.waves).toBeLessThanOrEqual(2)
    expect(detail.waves).toBeLessThanOrEqual(2)
    for (const text of [mine.text, detail.text]) {
      expect(text).not.toContain('周一去厂里面试')
      expect(text).not.toContain('u-staff-mjw')
      expect(text).not.toContain(hired.json.applicant.history[2].by.name)
      expect(text).not.toContain('history')
    }
  })

  it('keeps the latest noted change when a later one has no note, and shows none when no change had a note', async () => {
    // Prepare
    const noted = await post(w, { title: '有话的岗位' })
    const silent = await post(w, { title: '没话的岗位' })
    await apply(noted)
    await apply(silent)
    const setStatus = (id: string, body: unknown) =>
      w.req('POST', `/api/jobs/postings/${id}/applicants/${WANG.personId}/status`, 'u-staff-mjw', body)
    await setStatus(noted, { status: 'contacted', note: '周三上午去面试' })
    await setStatus(noted, { status: 'rejected' })
    await setStatus(silent, { status: 'contacted', note: '' })
    // Act
    const mine = await w.req('GET', '/api/jobs/mine', WANG.userId)
    // Assess
    const of = (id: string) => mine.json.applications.find((a: { postingId: string }) => a.postingId === id)
    expect(of(noted)).toMatchObject({ status: 'rejected', note: { text: '周三上午去面试', status: 'contacted' } })
    expect(of(silent).status).toBe('contacted')
    expect(of(silent).note).toBeUndefined()
  })

  it('shows a recommendation (社区为你推荐) in 我的投递, in matches and in the detail', async () => {
    // Prepare
    const id = await post(w, { title: '推荐的叉车岗位', skills: ['forklift'], niceSkills: [] })
    const rec = await w.req('POST', `/api/jobs/postings/${id}/recommend`, 'u-staff-mjw', {
      personIds: [WANG.personId],
      note: '离家近',
    })
    expect(rec.status).toBe(200)
    // Act
    const mine = await w.req('GET', '/api/jobs/mine', WANG.userId)
    const matches = await w.req('GET', '/api/jobs/matches?limit=50', WANG.userId)
    const detail = await w.req('GET', `/api/jobs/${id}`, WANG.userId)
    // Assess
    expect(mine.json.recommendations).toEqual([
      expect.objectContaining({ posting: expect.objectContaining({ id }), note: '离家近' }),
    ])
    expect(matches.json.items.find((m: { posting: { id: string } }) => m.posting.id === id)?.recommended).toBe(true)
    expect(detail.json.recommended).toBe(true)
    for (const text of [mine.text, matches.text, detail.text])
      for (const word of LEAKS) expect(text).not.toContain(word)
  })

  it('marks an application filed after a recommendation (viaRecommendation), for staff only, still in two round trips', async () => {
    // Prepare: one posting pushed to 王德富, one he finds himself.
    const pushed = await post(w, { title: '推荐后报名', skills: ['forklift'], niceSkills: [] })
    const found = await post(w, { title: '自己找到的', skills: ['forklift'], niceSkills: [] })
    await w.req('POST', `/api/jobs/postings/${pushed}/recommend`, 'u-staff-mjw', { personIds: [WANG.personId] })
    // Act
    const viaPush = await apply(pushed)
    await apply(found)
    // Assess
    expect(viaPush.status).toBe(201)
    expect(viaPush.waves).toBeLessThanOrEqual(2)
    expect(viaPush.text).not.toContain('viaRecommendation')
    const applicantOf = async (id: string) =>
      (await w.req('GET', `/api/jobs/postings/${id}/applicants`, 'u-staff-mjw')).json.applicants.find(
        (a: { personId: string }) => a.personId === WANG.personId,
      )
    expect(await applicantOf(pushed)).toMatchObject({ viaRecommendation: true })
    expect((await applicantOf(found)).viaRecommendation).toBeUndefined()
  })

  it('marks applied postings in the matches', async () => {
    const id = await post(w, { title: '白班叉车', skills: ['forklift'], niceSkills: [] })
    await apply(id)
    const matches = await w.req('GET', '/api/jobs/matches?limit=50', WANG.userId)
    expect(matches.json.items.find((m: { posting: { id: string } }) => m.posting.id === id)?.applied).toBe('applied')
  })

  it('is empty for a resident who never applied', async () => {
    const res = await w.req('GET', '/api/jobs/mine', 'u-resident-3')
    expect(res.json).toEqual({ applications: [], recommendations: [] })
  })
})
