import { ConflictError, OfflineError, ServerError, ValidationError } from '../src/services/errors'
import {
  loadPostingDraft,
  openPostingDraft,
  POSTING_ALREADY_MESSAGE,
  POSTING_DRAFT_KEY,
  POSTING_RETRY_MESSAGE,
  savePostingDraft,
  submitPostingDraft,
} from '../src/services/postingDraft'
import {
  checkNewPosting,
  checkPostingEdit,
  defaultExpiry,
  EMPTY_POSTING,
  formFromPosting,
  groupPostingErrors,
  type PostingForm,
  postingFieldOf,
  toggleSkill,
} from '../src/utils/postingForm'
import { posting } from './support/jobstaff'
import { memoryStorage } from './support/memoryStorage'

const KEY = 'key-12345678'

const filled: PostingForm = {
  ...EMPTY_POSTING,
  employer: '昭通金果食品厂',
  title: '包装工',
  placeKind: 'offsite',
  placeName: '昭阳工业园区',
  distanceKm: '12',
  wageMin: '2800',
  wageMax: '3500',
  startHour: 8,
  endHour: 17,
  headcount: '5',
  expiresOn: '2026-12-31',
}

describe('the posting form', () => {
  it.each([
    ['place', 'place'],
    ['place.buildingId', 'place'],
    ['place.placeName', 'placeName'],
    ['place.distanceKm', 'distanceKm'],
    ['wageMax', 'wageMax'],
    ['skills.2', 'skills'],
    ['idempotencyKey', 'form'],
    ['', 'form'],
  ])('shows an error on %s beside %s', (path, field) => {
    expect(postingFieldOf(path)).toBe(field)
  })

  it('keeps the first message of each field', () => {
    expect(
      groupPostingErrors([
        { path: 'wageMax', message: 'a' },
        { path: 'wageMax', message: 'b' },
        { path: 'place', message: 'c' },
      ]),
    ).toEqual({ wageMax: 'a', place: 'c' })
  })

  it('turns typed strings into the body the server checks (blank is absent, never 0)', () => {
    const checked = checkNewPosting(filled, KEY)
    expect(checked).toEqual({
      ok: true,
      body: expect.objectContaining({
        place: { kind: 'offsite', placeName: '昭阳工业园区', distanceKm: 12 },
        wageMin: 2800,
        wageMax: 3500,
        headcount: 5,
        minAge: undefined,
        minExperienceYears: undefined,
        idempotencyKey: KEY,
      }),
    })
  })

  it('names each empty required field in Chinese', () => {
    const checked = checkNewPosting(EMPTY_POSTING, KEY)
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(Object.keys(checked.errors).sort()).toEqual(
      ['employer', 'title', 'place', 'wageMin', 'wageMax', 'startHour', 'endHour', 'expiresOn'].sort(),
    )
    expect(checked.errors.place).toContain('工作地点')
  })

  it.each([
    [{ wageMin: '4000', wageMax: '3000' }, 'wageMax', '最高月薪不能低于最低月薪'],
    [{ endHour: 8 }, 'endHour', '下班时间不能和上班时间相同'],
    [{ minAge: '50', maxAge: '30' }, 'maxAge', '最高年龄不能低于最低年龄'],
    [{ headcount: '0' }, 'headcount', '招聘人数'],
    [{ distanceKm: '' }, 'distanceKm', '距离'],
    [{ contactPhone: '12345' }, 'contactPhone', '联系电话'],
  ] as const)('refuses %j on %s', (patch, field, words) => {
    const checked = checkPostingEdit({ ...filled, ...patch })
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.errors[field]).toContain(words)
  })

  it('starts an edit from the stored posting and checks it unchanged', () => {
    const form = formFromPosting(posting({ minAge: 18, contactPhone: '0870-1234567' }))
    expect(form).toMatchObject({ placeKind: 'building', buildingId: 'b5', wageMin: '2800', minAge: '18', maxAge: '' })
    expect(checkPostingEdit(form).ok).toBe(true)
  })

  it('opens the date picker a month ahead, across a year end', () => {
    expect(defaultExpiry(new Date(2026, 11, 15, 9))).toBe('2027-01-14')
  })

  it('keeps a skill in one list only and refuses the 11th', () => {
    const required = toggleSkill({ ...filled, niceSkills: ['cashier'] }, 'skills', 'cashier').form
    expect(required).toMatchObject({ skills: ['cashier'], niceSkills: [] })
    expect(toggleSkill(required, 'skills', 'cashier').form.skills).toEqual([])
    const ten = {
      ...filled,
      skills: [
        'forklift',
        'driving',
        'construction',
        'masonry',
        'electrician',
        'welding',
        'plumbing',
        'cooking',
        'cleaning',
        'farming',
      ],
    } as PostingForm
    expect(toggleSkill(ten, 'skills', 'cashier')).toEqual({ form: ten, refused: '最多选 10 项' })
  })
})

describe('the posting draft', () => {
  const makeKey = () => 'key-renewed-1'
  const sent = posting({ id: 'P9' })

  it('opens one draft with its key and keeps it across opens', () => {
    const storage = memoryStorage()
    const draft = openPostingDraft(storage, () => KEY)
    expect(draft).toEqual({ idempotencyKey: KEY, form: EMPTY_POSTING, pending: false })
    expect(openPostingDraft(storage, makeKey).idempotencyKey).toBe(KEY)
  })

  it('ignores what is not a draft and fills fields a newer build added', () => {
    const storage = memoryStorage()
    storage.set(POSTING_DRAFT_KEY, 'junk')
    expect(loadPostingDraft(storage)).toBeNull()
    storage.set(POSTING_DRAFT_KEY, { idempotencyKey: KEY, form: { employer: '厂' } })
    expect(loadPostingDraft(storage)).toEqual({
      idempotencyKey: KEY,
      form: { ...EMPTY_POSTING, employer: '厂' },
      pending: false,
    })
  })

  it('does not send an invalid form', async () => {
    const storage = memoryStorage()
    const send = jest.fn()
    const out = await submitPostingDraft(
      storage,
      { idempotencyKey: KEY, form: EMPTY_POSTING, pending: false },
      send,
      makeKey,
    )
    expect(out.kind).toBe('invalid')
    expect(send).not.toHaveBeenCalled()
  })

  it('sends with the draft’s key and clears it on success', async () => {
    const storage = memoryStorage()
    savePostingDraft(storage, { idempotencyKey: KEY, form: filled, pending: true })
    const send = jest.fn().mockResolvedValue(sent)
    const out = await submitPostingDraft(storage, loadPostingDraft(storage)!, send, makeKey)
    expect(out).toEqual({ kind: 'sent', posting: sent })
    expect(send.mock.calls[0][0].idempotencyKey).toBe(KEY)
    expect(loadPostingDraft(storage)).toBeNull()
  })

  it.each([new OfflineError(), new ServerError()])('keeps the same key, pending, after %p', async (err) => {
    const storage = memoryStorage()
    const out = await submitPostingDraft(
      storage,
      { idempotencyKey: KEY, form: filled, pending: false },
      jest.fn().mockRejectedValue(err),
      makeKey,
    )
    expect(out).toMatchObject({
      kind: 'saved',
      message: POSTING_RETRY_MESSAGE,
      draft: { idempotencyKey: KEY, pending: true },
    })
    expect(loadPostingDraft(storage)?.pending).toBe(true)
  })

  it('shows the server’s field errors beside the fields and does not resend by itself', async () => {
    const storage = memoryStorage()
    const err = new ValidationError('请检查', [{ path: 'expiresOn', message: '截止日期不能早于今天' }])
    const out = await submitPostingDraft(
      storage,
      { idempotencyKey: KEY, form: filled, pending: true },
      jest.fn().mockRejectedValue(err),
      makeKey,
    )
    expect(out).toMatchObject({
      kind: 'invalid',
      errors: { expiresOn: '截止日期不能早于今天' },
      draft: { idempotencyKey: KEY, pending: false },
    })
    const bare = await submitPostingDraft(
      storage,
      { idempotencyKey: KEY, form: filled, pending: false },
      jest.fn().mockRejectedValue(new ValidationError('不对', [])),
      makeKey,
    )
    expect(bare).toMatchObject({ kind: 'invalid', errors: { form: '不对' } })
  })

  it('takes a new key when the old one already carried a different posting', async () => {
    const storage = memoryStorage()
    const out = await submitPostingDraft(
      storage,
      { idempotencyKey: KEY, form: filled, pending: false },
      jest.fn().mockRejectedValue(new ConflictError()),
      makeKey,
    )
    expect(out).toMatchObject({
      kind: 'failed',
      message: POSTING_ALREADY_MESSAGE,
      draft: { idempotencyKey: 'key-renewed-1' },
    })
    expect(loadPostingDraft(storage)?.idempotencyKey).toBe('key-renewed-1')
  })

  it('says any other refusal as the server wrote it', async () => {
    const storage = memoryStorage()
    const err = Object.assign(new Error('没有权限发布岗位'), {})
    const out = await submitPostingDraft(
      storage,
      { idempotencyKey: KEY, form: filled, pending: false },
      jest.fn().mockRejectedValue(err),
      makeKey,
    )
    expect(out).toMatchObject({ kind: 'failed', message: '没有权限发布岗位' })
  })
})
