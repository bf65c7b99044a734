import * as z from 'zod'
import { zhCN } from 'zod/locales'
import { CreatePostingBody, EditPostingBody, JobProfileInput, PostingInput, PostingStatus, toFieldErrors } from '../src'

// The posting form (decision 068): every field names itself in Chinese, and the checks across
// fields show beside the single-field ones, so the form lists every problem at once.

const valid = {
  employer: '昭通绿源食用菌公司',
  title: '菌棒装袋工',
  place: { kind: 'building', buildingId: 'mjw-b5' },
  wageMin: 2800,
  wageMax: 3600,
  startHour: 8,
  endHour: 17,
  headcount: 5,
  expiresOn: '2027-01-31',
}

const errorsOf = (body: Record<string, unknown>, schema: typeof PostingInput = PostingInput) => {
  const parsed = schema.safeParse({ ...valid, ...body })
  return parsed.success ? {} : Object.fromEntries(toFieldErrors(parsed.error).map((e) => [e.path, e.message]))
}

describe('checks across fields', () => {
  it('run beside single-field errors: wage order, age order and headcount at once', () => {
    const errors = errorsOf({ wageMin: 5000, wageMax: 3000, headcount: 0, minAge: 60, maxAge: 20 })
    expect(errors).toEqual({
      wageMax: '最高月薪不能低于最低月薪',
      maxAge: '最高年龄不能低于最低年龄',
      headcount: '招聘人数应在 1 到 999 之间',
    })
  })

  it.each([
    ['create', CreatePostingBody, { idempotencyKey: 'key-12345678' }],
    ['edit', EditPostingBody, {}],
  ])('run beside single-field errors on %s too', (_name, schema, extra) => {
    const errors = errorsOf(
      { ...extra, startHour: 8, endHour: 8, skills: ['cleaning'], niceSkills: ['cleaning'], headcount: 0 },
      schema as typeof PostingInput,
    )
    expect(errors).toMatchObject({
      endHour: '下班时间不能和上班时间相同',
      niceSkills: '加分技能不能和必需技能重复',
      headcount: '招聘人数应在 1 到 999 之间',
    })
  })

  it('run beside a blank text field', () => {
    expect(errorsOf({ employer: '', wageMin: 5000, wageMax: 3000 })).toEqual({
      employer: '请填写用工单位',
      wageMax: '最高月薪不能低于最低月薪',
    })
  })

  it.each([
    ['a wrong-typed lower wage', { wageMin: 'abc', wageMax: 3000 }, { wageMin: '最低月薪（元）不是有效的数字' }],
    [
      'an out-of-range lower wage',
      { wageMin: 60000, wageMax: 3000 },
      { wageMin: '最低月薪（元）应在 500 到 50000 之间' },
    ],
    ['an out-of-range end hour', { endHour: 32 }, { endHour: '下班时间应在 0 到 24 之间' }],
    ['wrong-typed skills', { skills: 'cleaning', niceSkills: ['cleaning'] }, { skills: '技能格式不正确' }],
    ['a missing age', { minAge: 60 }, {}],
  ])('never add a misleading second message for %s', (_name, body, expected) => {
    expect(errorsOf(body)).toEqual(expected)
  })

  it('say nothing about a body that is not an object', () => {
    const parsed = PostingInput.safeParse('posting')
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues).toHaveLength(1)
  })
})

describe('posting texts', () => {
  it.each([
    ['employer', '😀😀', '用工单位要写上文字'],
    ['employer', '🔥🔥🔥', '用工单位要写上文字'],
    ['title', '🔥🔥🔥', '岗位名称要写上文字'],
    ['title', '!!??', '岗位名称要写上文字'],
    ['title', '包装\n\n工', '岗位名称不能换行'],
    ['employer', '昭通\r\n菌厂', '用工单位不能换行'],
    ['title', '包装工\t夜班', '岗位名称不能换行'],
    ['title', '工', '岗位名称至少 2 个字'],
  ])('%s %j → %s', (field, text, message) => {
    expect(errorsOf({ [field]: text })).toEqual({ [field]: message })
  })

  it('checks an off-site place the same way', () => {
    const place = (placeName: string) => ({ place: { kind: 'offsite', placeName, distanceKm: 12 } })
    expect(errorsOf(place('🏭🏭'))).toEqual({ 'place.placeName': '工作地点要写上文字' })
    expect(errorsOf(place('工业园\n区'))).toEqual({ 'place.placeName': '工作地点不能换行' })
    expect(errorsOf(place('昭阳工业园区'))).toEqual({})
  })

  it('takes words with emoji, digits and Latin letters, and a description over several lines', () => {
    expect(
      errorsOf({ employer: '🔥绿源菌业', title: 'A1 叉车工', description: '每天管一顿午饭。\n\n干满一个月发全勤奖。' }),
    ).toEqual({})
    expect(errorsOf({ title: '12' })).toEqual({})
  })
})

describe('choices name their field in Chinese (never zod’s 无效选项)', () => {
  // The API runs with zod's Chinese locale: a schema without its own message would leak it.
  beforeAll(() => z.config(zhCN()))
  afterAll(() => z.config({ localeError: undefined }))

  it.each([
    ['physical', { physical: 'extreme' }, '请选择体力要求'],
    ['literacy', { literacy: 'phd' }, '请选择认字要求'],
    ['skills.1', { skills: ['cleaning', 'juggling'] }, '技能里有不认识的技能'],
    ['niceSkills.0', { niceSkills: ['juggling'] }, '加分技能里有不认识的技能'],
    ['niceSkills', { niceSkills: 'mushroom' }, '加分技能格式不正确'],
  ])('posting %s', (path, body, message) => {
    expect(errorsOf(body)).toEqual({ [path]: message })
  })

  const profileErrors = (body: Record<string, unknown>) => {
    const parsed = JobProfileInput.safeParse({ availability: 'day', ...body })
    return parsed.success ? {} : Object.fromEntries(toFieldErrors(parsed.error).map((e) => [e.path, e.message]))
  }

  it.each([
    ['physicalLimit', { physicalLimit: 'strong' }, '请选择身体能干什么活'],
    ['reading', { reading: 'phd' }, '请选择能不能看懂工作说明'],
    ['skills.0', { skills: ['juggling'] }, '技能里有不认识的技能'],
    ['availability', { availability: 'weekends' }, '请选择能上班的时间'],
  ])('profile %s', (path, body, message) => {
    expect(profileErrors(body)).toEqual({ [path]: message })
  })

  it('posting status (the list filter)', () => {
    expect(PostingStatus.safeParse('paused').error?.issues[0].message).toBe('招聘状态只能是招聘中或已停止招聘')
  })

  it.each([
    [undefined, '缺少提交编号（idempotencyKey）'],
    [123, '提交编号（idempotencyKey）格式不正确'],
    ['short', '提交编号（idempotencyKey）格式不正确'],
  ])('idempotencyKey %j → %s', (idempotencyKey, message) => {
    expect(errorsOf({ idempotencyKey }, CreatePostingBody as unknown as typeof PostingInput)).toEqual({
      idempotencyKey: message,
    })
  })
})
