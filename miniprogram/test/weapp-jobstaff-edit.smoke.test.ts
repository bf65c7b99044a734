/**
 * Smoke test of the BUILT weapp 新建岗位 page (issue 6, decision 068): the shared schema refuses an
 * empty form beside its fields without a request; the server's field error (a past last day) is
 * shown beside 报名截止日期; a lost answer keeps the draft and 现在重试 resends it with the same
 * idempotency key; success clears the draft and goes back to 岗位管理.
 */
import { posting, STAFF } from './support/jobstaff'
import { fakeWx, renderBuiltPage, type SimulatedPage, stepper, waitFor } from './support/weappSim'

interface Call {
  url: string
  method: string
  data?: unknown
  success: (r: object) => void
  fail: (r: object) => void
}

describe('built weapp 新建岗位: field errors, then a retried send with the same key', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-staff'],
    ['anju.user', STAFF],
  ])
  const wx = Object.assign(fakeWx(storage), {
    navigateBack: jest.fn((o: { success?: (r: object) => void } = {}) => o.success?.({ errMsg: 'navigateBack:ok' })),
  })
  const posts: Call[] = []
  const answers: ('field' | 'offline' | 'created')[] = ['field', 'offline', 'created']
  wx.request.mockImplementation((call: Call) => {
    const reply = (statusCode: number, data: unknown) => {
      call.success({ statusCode, data, header: {}, errMsg: 'request:ok' })
      return { abort: () => undefined }
    }
    if (call.method === 'GET' && call.url.includes('/households'))
      return reply(200, {
        buildings: [{ id: 'b5', name: '5栋', areaName: '一片区', communityName: '卯家湾社区' }],
        households: [],
      })
    posts.push(call)
    const answer = answers.shift()
    if (answer === 'field')
      return reply(400, {
        code: 'validation',
        message: '请检查填写的内容',
        errors: [{ path: 'expiresOn', message: '截止日期不能早于今天' }],
      })
    if (answer === 'offline') {
      call.fail({ errMsg: 'request:fail timeout' })
      return { abort: () => undefined }
    }
    return reply(201, { posting: posting({ id: 'P9', title: '包装工', applicantCount: 0 }) })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const el = (selector: string) => page.querySelector(selector)
  const step = stepper(text)
  const type = (field: string, value: string) => el(`.aj-in-${field}`)?.dispatchEvent('input', { detail: { value } })

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobstaff/edit/index', wx)
    await waitFor(() => text().includes('发布岗位') && text().includes('一片区 5栋'), 'the form with the building')
  }, 20_000)

  it('refuses an empty form beside its fields, without a request', async () => {
    el('.aj-posting-save')?.dispatchEvent('tap')
    await step(() => Boolean(el('.aj-err-employer')), 'the employer error')
    expect(el('.aj-err-place')).toBeTruthy()
    expect(el('.aj-err-wageMin')).toBeTruthy()
    expect(el('.aj-err-expiresOn')).toBeTruthy()
    expect(text()).toMatch(/有 \d+ 处需要修改/)
    expect(posts).toHaveLength(0)
  })

  it('shows the server’s field error beside 报名截止日期', async () => {
    type('employer', '昭通金果食品厂')
    type('title', '包装工')
    el('.aj-place-b5')?.dispatchEvent('tap')
    type('wageMin', '2800')
    type('wageMax', '3500')
    el('.aj-in-startHour')?.dispatchEvent('change', { detail: { value: 8 } })
    el('.aj-in-endHour')?.dispatchEvent('change', { detail: { value: 17 } })
    el('.aj-in-expiresOn')?.dispatchEvent('change', { detail: { value: '2020-01-01' } })
    await step(() => text().includes('2020-01-01') && text().includes('17:00'), 'the filled form')
    el('.aj-posting-save')?.dispatchEvent('tap')
    await step(() => Boolean(el('.aj-err-expiresOn')) && text().includes('截止日期不能早于今天'), 'the server error')
    expect(el('.aj-err-employer')).toBeFalsy()
    expect(posts).toHaveLength(1)
    expect(posts[0].url).toMatch(/\/api\/jobs\/postings$/)
    expect(posts[0].data).toMatchObject({
      employer: '昭通金果食品厂',
      title: '包装工',
      place: { kind: 'building', buildingId: 'b5' },
      wageMin: 2800,
      wageMax: 3500,
      startHour: 8,
      endHour: 17,
      headcount: 1,
      expiresOn: '2020-01-01',
    })
  })

  it('keeps the draft when the answer is lost and resends it with the same key', async () => {
    el('.aj-in-expiresOn')?.dispatchEvent('change', { detail: { value: '2026-12-31' } })
    await step(() => !el('.aj-err-expiresOn'), 'the error cleared by the change')
    el('.aj-posting-save')?.dispatchEvent('tap')
    await step(() => text().includes('岗位已保存为草稿'), 'the saved-draft notice')
    const drafted = storage.get(`anju.postingDraft@${STAFF.id}`) as { pending: boolean }
    expect(drafted.pending).toBe(true)

    el('.aj-retry')?.dispatchEvent('tap')
    await step(() => wx.navigateBack.mock.calls.length === 1, 'back to 岗位管理')
    expect(posts).toHaveLength(3)
    const keys = posts.map((p) => (p.data as { idempotencyKey: string }).idempotencyKey)
    expect(new Set(keys).size).toBe(1)
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '岗位已发布' }))
    expect(storage.has(`anju.postingDraft@${STAFF.id}`)).toBe(false)
  })
})
