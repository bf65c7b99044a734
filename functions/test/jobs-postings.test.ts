import type { GridTree, StoredPosting } from '@anju/shared'
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { APPLIED_TO_STAYS, updatePostingFields } from '../src/db/job-staff'
import { gridKey, jobPostingKey } from '../src/db/keys'
import { devAccount, SUBDISTRICT } from '../src/local/fixture'
import {
  fieldErrors,
  type JobsWorld,
  jobsWorld,
  OTHER_COMMUNITY,
  OTHER_STAFF,
  postingForm,
  postingItemOf,
  putApplication,
} from './support/jobs-staff'

// 岗位管理 (issue 6, decision 068): community staff, sub-district admins and property staff post
// and manage postings of their scope; everyone else is refused, and other scopes never see them.

let w: JobsWorld
let otherBuilding: { id: string; location: { lat: number; lng: number } }
let b5Location: { lat: number; lng: number }

beforeAll(async () => {
  w = await jobsWorld(__filename)
  const tree = (await w.doc.send(new GetCommand({ TableName: w.tableName, Key: gridKey(SUBDISTRICT.id) })))
    .Item as GridTree
  const buildings = tree.communities.flatMap((c) => c.areas.flatMap((a) => a.buildings.map((b) => ({ c: c.id, b }))))
  otherBuilding = (buildings.find((x) => x.c === OTHER_COMMUNITY) as { b: typeof otherBuilding }).b
  b5Location = (buildings.find((x) => x.b.id === 'mjw-b5') as { b: typeof otherBuilding }).b.location
})

afterAll(() => w.drop())

const create = (userId: string, overrides: Record<string, unknown> = {}) =>
  w.req('POST', '/api/jobs/postings', userId, postingForm(overrides))

describe('POST /api/jobs/postings', () => {
  it('creates a posting at a building of the scope, in two round trips', async () => {
    // Act
    const res = await create('u-staff-mjw')
    // Assess
    expect(res.status).toBe(201)
    expect(res.waves).toBeLessThanOrEqual(2)
    const p = res.json.posting
    expect(p).toMatchObject({
      employer: '昭通绿源食用菌公司',
      place: { kind: 'building', buildingId: 'mjw-b5', name: '卯家湾社区5栋' },
      monthlyWage: 2800,
      wageMax: 3600,
      workHours: { start: 8, end: 17 },
      status: 'open',
      scope: { subdistrictId: SUBDISTRICT.id, communityId: '530621002007' },
      postedBy: { userId: 'u-staff-mjw', name: '周丽琼' },
      applicantCount: 0,
    })
    const item = await postingItemOf(w, p.id)
    expect(item).toMatchObject({ location: b5Location, GSI2PK: 'COMMUNITY#530621002007#JOB' })
    expect(item?.GSI1SK).toBe(`2027-01-31#${p.id}`)
  })

  it('places off-site work at its distance, anchored to the community', async () => {
    const res = await create('u-property', {
      place: { kind: 'offsite', placeName: '昭阳工业园区', distanceKm: '12.5' },
    })
    expect(res.status).toBe(201)
    expect(res.json.posting.place).toEqual({ kind: 'offsite', placeName: '昭阳工业园区', distanceKm: 12.5 })
    expect(await postingItemOf(w, res.json.posting.id)).toMatchObject({ distanceKm: 12.5 })
  })

  it('creates once per idempotency key: a retry answers 200 with the same posting', async () => {
    // Prepare
    const form = postingForm()
    const first = await w.req('POST', '/api/jobs/postings', 'u-staff-mjw', form)
    // Act
    const retry = await w.req('POST', '/api/jobs/postings', 'u-staff-mjw', form)
    const edited = await w.req('POST', '/api/jobs/postings', 'u-staff-mjw', { ...form, title: '另一个岗位' })
    // Assess
    expect([first.status, retry.status, edited.status]).toEqual([201, 200, 409])
    expect(retry.json.posting.id).toBe(first.json.posting.id)
    expect(retry.waves).toBeLessThanOrEqual(2)
  })

  it.each([
    ['wage range out of order', { wageMin: 4000, wageMax: 3000 }, 'wageMax', '最高月薪'],
    ['a last day in the past', { expiresOn: '2026-12-03' }, 'expiresOn', '截止日期不能早于今天'],
    ['a last day more than a year ahead', { expiresOn: '2028-01-10' }, 'expiresOn', '截止日期不能超过一年'],
    ['a date that does not exist', { expiresOn: '2027-02-30' }, 'expiresOn', '截止日期'],
    ['no last day', { expiresOn: '' }, 'expiresOn', '截止日期'],
    ['headcount 0', { headcount: 0 }, 'headcount', '招聘人数'],
    ['a fractional headcount', { headcount: 1.5 }, 'headcount', '招聘人数'],
    ['equal start and end hours', { startHour: 8, endHour: 8 }, 'endHour', '下班时间'],
    ['a building outside the scope', { place: { kind: 'building', buildingId: 'OTHER' } }, 'place.buildingId', '楼栋'],
    [
      'an off-site place without distance',
      { place: { kind: 'offsite', placeName: '工业园' } },
      'place.distanceKm',
      '距离',
    ],
    ['an unknown physical demand', { physical: 'extreme' }, 'physical', '请选择体力要求'],
    ['an unknown literacy', { literacy: 'phd' }, 'literacy', '请选择认字要求'],
    ['an unknown skill', { skills: ['juggling'] }, 'skills.0', '技能里有不认识的技能'],
    ['a numeric idempotency key', { idempotencyKey: 123 }, 'idempotencyKey', '提交编号（idempotencyKey）格式不正确'],
    ['an emoji-only employer', { employer: '😀😀' }, 'employer', '用工单位要写上文字'],
    ['a title over several lines', { title: '包装\n\n工' }, 'title', '岗位名称不能换行'],
  ])('refuses %s with a Chinese message on the field', async (_case, overrides, path, words) => {
    const place = (overrides as { place?: { buildingId?: string } }).place
    const body =
      place?.buildingId === 'OTHER' ? { place: { kind: 'building', buildingId: otherBuilding.id } } : overrides
    // Act
    const res = await create('u-staff-mjw', body)
    // Assess
    expect(res.status).toBe(400)
    expect(fieldErrors(res)).toEqual(expect.arrayContaining([{ path, message: expect.stringContaining(words) }]))
  })

  it.each([
    ['u-resident-1', 403],
    ['u-head-5', 403],
    ['u-grid-1', 403],
    ['u-police', 403],
  ])('refuses %s (%d): only community staff, the sub-district and property staff post', async (userId, status) => {
    const res = await create(userId)
    expect(res.status).toBe(status)
    expect(res.json.message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('GET /api/jobs/postings', () => {
  let mine: string
  let subdistrictWide: string
  let theirs: string

  beforeAll(async () => {
    mine = (await create('u-staff-mjw', { title: '超市理货员' })).json.posting.id
    subdistrictWide = (
      await create('u-admin', { title: '街道公益岗', place: { kind: 'offsite', placeName: '街道办', distanceKm: 2 } })
    ).json.posting.id
    theirs = (await create(OTHER_STAFF.id, { place: { kind: 'building', buildingId: otherBuilding.id } })).json.posting
      .id
  })

  it.each([
    ['u-staff-mjw', [true, true, false]],
    ['u-head-5', [true, true, false]],
    ['u-property', [true, true, false]],
    [OTHER_STAFF.id, [false, true, true]],
    ['u-admin', [true, true, true]],
  ])('%s sees the postings of their scope (and the sub-district’s), in ≤ 2 round trips', async (userId, expected) => {
    const res = await w.req('GET', '/api/jobs/postings', userId)
    expect(res.status).toBe(200)
    expect(res.waves).toBeLessThanOrEqual(2)
    const ids = res.json.postings.map((p: { id: string }) => p.id)
    expect([mine, subdistrictWide, theirs].map((id) => ids.includes(id))).toEqual(expected)
  })

  it('lists newest first and filters by status', async () => {
    // Prepare
    const closed = (await create('u-staff-mjw', { title: '临时搬运工' })).json.posting.id
    await w.req('POST', `/api/jobs/postings/${closed}/close`, 'u-staff-mjw')
    // Act
    const open = await w.req('GET', '/api/jobs/postings?status=open', 'u-staff-mjw')
    const shut = await w.req('GET', '/api/jobs/postings?status=closed', 'u-staff-mjw')
    // Assess
    const postedAt = open.json.postings.map((p: { postedAt: string }) => p.postedAt)
    expect(postedAt).toEqual([...postedAt].sort().reverse())
    expect(open.json.postings.every((p: { status: string }) => p.status === 'open')).toBe(true)
    expect(shut.json.postings.map((p: { id: string }) => p.id)).toEqual([closed])
  })

  it.each([['u-resident-1'], ['u-police']])('answers 403 to %s', async (userId) => {
    expect((await w.req('GET', '/api/jobs/postings', userId)).status).toBe(403)
  })
})

describe('PUT /api/jobs/postings/:id', () => {
  it('edits a posting: new wage, new last day (its open index follows), unknown fields dropped', async () => {
    // Prepare
    const created = (await create('u-staff-mjw')).json.posting
    const { idempotencyKey: _k, ...form } = postingForm({
      title: '菌棒装袋工（长期）',
      wageMin: 3000,
      expiresOn: '2027-03-01',
    })
    // Act
    const res = await w.req('PUT', `/api/jobs/postings/${created.id}`, 'u-property', form)
    // Assess
    expect(res.status).toBe(200)
    expect(res.waves).toBeLessThanOrEqual(2)
    expect(res.json.posting).toMatchObject({
      id: created.id,
      title: '菌棒装袋工（长期）',
      monthlyWage: 3000,
      postedAt: created.postedAt,
    })
    expect((await postingItemOf(w, created.id))?.GSI1SK).toBe(`2027-03-01#${created.id}`)
  })

  it.each([
    [OTHER_STAFF.id, 404],
    ['u-head-5', 403],
    ['u-resident-1', 403],
  ])('refuses %s (%d)', async (userId, status) => {
    const created = (await create('u-staff-mjw')).json.posting
    const { idempotencyKey: _k, ...form } = postingForm({ title: '改了' })
    expect((await w.req('PUT', `/api/jobs/postings/${created.id}`, userId, form)).status).toBe(status)
  })

  it('keeps a sub-district posting for the sub-district: community staff see it but may not edit it', async () => {
    const created = (await create('u-admin', { place: { kind: 'offsite', placeName: '街道办', distanceKm: 2 } })).json
      .posting
    const { idempotencyKey: _k, ...form } = postingForm({
      place: { kind: 'offsite', placeName: '街道办', distanceKm: 2 },
    })
    const res = await w.req('PUT', `/api/jobs/postings/${created.id}`, 'u-staff-mjw', form)
    expect(res.status).toBe(403)
  })

  it('refuses an edit based on an older version (409): two staff editing at once do not overwrite each other', async () => {
    // Prepare: the posting as both editors opened it, last changed a day ago.
    const created = (await create('u-staff-mjw')).json.posting
    const opened = '2026-11-30T10:00:00.000+08:00'
    await w.doc.send(
      new UpdateCommand({
        TableName: w.tableName,
        Key: jobPostingKey(created.id),
        UpdateExpression: 'SET updatedAt = :u',
        ExpressionAttributeValues: { ':u': opened },
      }),
    )
    const { idempotencyKey: _k, ...form } = postingForm()
    // Act: the first save wins, the second was based on what the first replaced.
    const first = await w.req('PUT', `/api/jobs/postings/${created.id}`, 'u-property', {
      ...form,
      headcount: 8,
      basedOn: opened,
    })
    const second = await w.req('PUT', `/api/jobs/postings/${created.id}`, 'u-staff-mjw', {
      ...form,
      headcount: 2,
      basedOn: opened,
    })
    // Assess
    expect(first.status).toBe(200)
    expect(first.json.posting.updatedAt).not.toBe(opened)
    expect(second.status).toBe(409)
    expect(second.json.message).toContain('刚被别人修改过')
    expect((await postingItemOf(w, created.id))?.headcount).toBe(8)
    // Based on what the first save answered, the edit goes through.
    const third = await w.req('PUT', `/api/jobs/postings/${created.id}`, 'u-staff-mjw', {
      ...form,
      headcount: 2,
      basedOn: first.json.posting.updatedAt,
    })
    expect(third.status).toBe(200)
  })

  describe('once people applied', () => {
    const resident = devAccount('u-resident-1')
    let id: string
    let form: Record<string, unknown>
    beforeAll(async () => {
      id = (await create('u-staff-mjw')).json.posting.id
      await putApplication(w, id, resident, `${resident.scope.householdId}-p1`)
      const { idempotencyKey: _k, ...rest } = postingForm()
      form = rest
    })
    const edit = (changes: Record<string, unknown>) =>
      w.req('PUT', `/api/jobs/postings/${id}`, 'u-staff-mjw', { ...form, ...changes })

    it.each([
      ['the employer', { employer: '昭通另一家公司' }],
      ['the title', { title: '叉车司机' }],
      ['the building', { place: { kind: 'building', buildingId: 'mjw-b6' } }],
      ['to off-site work', { place: { kind: 'offsite', placeName: '昭阳工业园区', distanceKm: 12 } }],
    ])('refuses to change %s (409), leaving the posting as it was', async (_what, changes) => {
      const res = await edit(changes)
      expect(res.status).toBe(409)
      expect(res.json.message).toBe(APPLIED_TO_STAYS)
      expect(await postingItemOf(w, id)).toMatchObject({ employer: '昭通绿源食用菌公司', title: '菌棒装袋工' })
    })

    it('still takes new wages, hours, headcount, last day and description', async () => {
      const res = await edit({
        wageMin: 3000,
        wageMax: 4000,
        startHour: 7,
        endHour: 16,
        headcount: 9,
        expiresOn: '2027-02-28',
        description: '管午饭',
      })
      expect(res.status).toBe(200)
      expect(res.json.posting).toMatchObject({ monthlyWage: 3000, headcount: 9, expiresOn: '2027-02-28' })
      expect(res.json.posting.place).toMatchObject({ kind: 'building', buildingId: 'mjw-b5' })
    })

    it('refuses a change of the job when an application lands between the read and the write', async () => {
      // Prepare: the editor read the posting before anyone applied; then someone applies.
      const fresh = (await create('u-staff-mjw')).json.posting.id
      const read = (await postingItemOf(w, fresh)) as unknown as StoredPosting
      await putApplication(w, fresh, resident, `${resident.scope.householdId}-p1`)
      const db = { doc: w.doc, tableName: w.tableName }
      // Act
      const write = updatePostingFields(db, { ...read, title: '叉车司机' }, read, { noApplicants: true })
      // Assess
      await expect(write).rejects.toThrow(APPLIED_TO_STAYS)
      expect((await postingItemOf(w, fresh))?.title).toBe('菌棒装袋工')
    })
  })

  it('versions a posting never edited (as seeded: no updatedAt) by its posting time, so a stale edit is still refused', async () => {
    // Prepare: the posting as the seed writes it, then both editors open it.
    const created = (await create('u-staff-mjw')).json.posting
    await w.doc.send(
      new UpdateCommand({
        TableName: w.tableName,
        Key: jobPostingKey(created.id),
        // Posted a week ago, never edited since.
        UpdateExpression: 'SET postedAt = :p REMOVE updatedAt',
        ExpressionAttributeValues: { ':p': '2026-11-26T09:00:00.000+08:00' },
      }),
    )
    const listed = (await w.req('GET', '/api/jobs/postings', 'u-staff-mjw')).json.postings.find(
      (p: { id: string }) => p.id === created.id,
    )
    expect(listed.updatedAt).toBe('2026-11-26T09:00:00.000+08:00')
    const { idempotencyKey: _k, ...form } = postingForm()
    // Act
    const first = await w.req('PUT', `/api/jobs/postings/${created.id}`, 'u-staff-mjw', {
      ...form,
      wageMax: 2900,
      basedOn: listed.updatedAt,
    })
    const second = await w.req('PUT', `/api/jobs/postings/${created.id}`, 'u-staff-mjw', {
      ...form,
      headcount: 9,
      basedOn: listed.updatedAt,
    })
    // Assess
    expect(first.status).toBe(200)
    expect(second.status).toBe(409)
  })

  it('names a malformed basedOn in Chinese (400)', async () => {
    const created = (await create('u-staff-mjw')).json.posting
    const { idempotencyKey: _k, ...form } = postingForm()
    const res = await w.req('PUT', `/api/jobs/postings/${created.id}`, 'u-staff-mjw', { ...form, basedOn: 'yesterday' })
    expect(res.status).toBe(400)
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain('basedOn')
  })

  it('answers 404 for a posting that does not exist', async () => {
    const { idempotencyKey: _k, ...form } = postingForm()
    expect((await w.req('PUT', '/api/jobs/postings/no-such-posting', 'u-staff-mjw', form)).status).toBe(404)
  })
})

describe('POST /api/jobs/postings/:id/close and /reopen', () => {
  it('closes (out of the open index), refuses a second close, reopens (back in it)', async () => {
    // Prepare
    const id = (await create('u-staff-mjw')).json.posting.id
    // Act
    const closed = await w.req('POST', `/api/jobs/postings/${id}/close`, 'u-staff-mjw')
    const closedItem = await postingItemOf(w, id)
    const again = await w.req('POST', `/api/jobs/postings/${id}/close`, 'u-staff-mjw')
    const reopened = await w.req('POST', `/api/jobs/postings/${id}/reopen`, 'u-staff-mjw')
    // Assess
    expect([closed.status, again.status, reopened.status]).toEqual([200, 409, 200])
    expect(closed.waves).toBeLessThanOrEqual(2)
    expect(closed.json.posting.status).toBe('closed')
    expect(closedItem?.GSI1PK).toBeUndefined()
    expect(again.json.message).toBe('这个岗位已经停止招聘')
    expect(reopened.json.posting.status).toBe('open')
    expect((await postingItemOf(w, id))?.GSI1SK).toBe(`2027-01-31#${id}`)
  })

  it('refuses to reopen a posting whose last day has passed', async () => {
    // Prepare
    const id = (await create('u-staff-mjw')).json.posting.id
    await w.req('POST', `/api/jobs/postings/${id}/close`, 'u-staff-mjw')
    await w.doc.send(
      new UpdateCommand({
        TableName: w.tableName,
        Key: jobPostingKey(id),
        UpdateExpression: 'SET expiresOn = :d',
        ExpressionAttributeValues: { ':d': '2026-11-30' },
      }),
    )
    // Act
    const res = await w.req('POST', `/api/jobs/postings/${id}/reopen`, 'u-staff-mjw')
    // Assess
    expect(res.status).toBe(409)
    expect(res.json.message).toContain('截止日期')
  })

  it.each([
    [OTHER_STAFF.id, 404],
    ['u-grid-1', 403],
    ['u-resident-1', 403],
  ])('refuses %s (%d)', async (userId, status) => {
    const id = (await create('u-staff-mjw')).json.posting.id
    expect((await w.req('POST', `/api/jobs/postings/${id}/close`, userId)).status).toBe(status)
  })
})
