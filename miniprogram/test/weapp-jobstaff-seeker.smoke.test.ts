/**
 * Smoke test of the BUILT weapp 帮居民填写求职信息 page (decision 068): pick the building, the home
 * and the person; the same picture choices as the resident's form; hours are required (the shared
 * schema's Chinese message, no request); two skill taps in a row both count; saved with PUT.
 * Once a home is picked the building and room lists fold into one line with 换一户, and the page
 * goes back to the top, so the members show where the tap was.
 */
import type { HouseholdSeekersResponse } from '@anju/shared'
import { STAFF } from './support/jobstaff'
import { fakeWx, renderBuiltPage, type SimulatedPage, stepper, waitFor } from './support/weappSim'

interface Call {
  url: string
  method: string
  data?: unknown
  success: (r: object) => void
}

describe('built weapp 帮居民填写求职信息', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-staff'],
    ['anju.user', STAFF],
  ])
  const wx = {
    ...fakeWx(storage),
    pageScrollTo: jest.fn((o: { success?: (r: object) => void }) => o.success?.({ errMsg: 'pageScrollTo:ok' })),
  }
  let members: HouseholdSeekersResponse['members'] = [
    { personId: 'pp1', name: '李秀英', age: 45, state: 'none' },
    { personId: 'pp2', name: '李正华', age: 71, state: 'outside_working_age' },
  ]
  const puts: Call[] = []
  wx.request.mockImplementation((call: Call) => {
    const reply = (data: unknown) => {
      call.success({ statusCode: 200, data, header: {}, errMsg: 'request:ok' })
      return { abort: () => undefined }
    }
    const buildings = [
      { id: 'b5', name: '5栋', areaName: '一片区', communityName: '卯家湾社区' },
      { id: 'b6', name: '6栋', areaName: '一片区', communityName: '卯家湾社区' },
    ]
    if (call.url.includes('/households?buildingId=b5'))
      return reply({
        buildings,
        buildingId: 'b5',
        households: [{ id: 'h1', headName: '李秀英', unitName: '1单元', roomNo: '0302' }],
      })
    if (call.url.includes('/households')) return reply({ buildings, households: [] })
    if (call.method === 'GET') return reply({ members })
    puts.push(call)
    members = members.map((m) => (m.personId === 'pp1' ? { ...m, state: 'ready' } : m))
    return reply({})
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const el = (selector: string) => page.querySelector(selector)
  const step = stepper(text)

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobstaff/seeker/index', wx)
    await waitFor(() => text().includes('一片区 6栋'), 'the buildings')
  }, 20_000)

  it('picks building, home and person; someone outside working age is said so', async () => {
    el('.aj-building-b5')?.dispatchEvent('tap')
    await step(() => Boolean(el('.aj-unit')), 'the units')
    el('.aj-unit')?.dispatchEvent('tap')
    await step(() => Boolean(el('.aj-household-h1')), 'the home')
    el('.aj-household-h1')?.dispatchEvent('tap')
    await step(() => text().includes('李正华，71岁 · 不在工作年龄（16–65岁）'), 'the members')
    // The lists above fold into the choice, and the page scrolls back up to it.
    expect(el('.aj-household-h1')).toBeFalsy()
    expect(el('.aj-building-b6')).toBeFalsy()
    expect(el('.aj-unit')).toBeFalsy()
    expect(text()).toContain('已选住户：一片区 5栋 1单元 0302室 · 李秀英')
    await step(() => wx.pageScrollTo.mock.calls.length === 1, 'the scroll to the top')
    expect(wx.pageScrollTo.mock.calls[0][0]).toEqual(expect.objectContaining({ scrollTop: 0 }))
    expect(text()).toContain('李秀英，45岁 · 还没填')
    el('.aj-member-pp1')?.dispatchEvent('tap')
    await step(() => text().includes('正在为 李秀英 填写'), 'the form')
    expect(text()).toContain('他/她什么时间能上班？')
    // Distance left unchosen says what the rule does with it, as on the resident's page.
    expect(text()).toContain('不选就先按10公里内找')
  })

  it('asks for the hours first, then saves what was picked', async () => {
    el('.aj-seeker-save')?.dispatchEvent('tap')
    await step(() => text().includes('请选择能上班的时间'), 'the hours message')
    expect(puts).toHaveLength(0)

    el('.aj-jpf-availability-day')?.dispatchEvent('tap')
    el('.aj-jpf-skill-forklift')?.dispatchEvent('tap')
    el('.aj-jpf-skill-cleaning')?.dispatchEvent('tap')
    await step(() => text().includes('✓ 叉车') && text().includes('✓ 保洁'), 'both skills')
    expect(text()).not.toContain('请选择能上班的时间')
    el('.aj-seeker-save')?.dispatchEvent('tap')
    await step(() => text().includes('李秀英，45岁 · 已填写'), 'the saved state')
    expect(puts).toHaveLength(1)
    expect(puts[0].method).toBe('PUT')
    expect(puts[0].url).toMatch(/\/api\/jobs\/seekers\/pp1\/profile\?householdId=h1$/)
    expect(puts[0].data).toEqual({ availability: 'day', schoolRun: false, skills: ['forklift', 'cleaning'] })
  })

  it('换一户 brings the rooms back and forgets the person', async () => {
    el('.aj-change-household')?.dispatchEvent('tap')
    await step(() => Boolean(el('.aj-household-h1')), 'the rooms again')
    expect(text()).not.toContain('给谁填？')
    expect(text()).not.toContain('正在为 李秀英 填写')
    expect(text()).not.toContain('已选住户')
  })
})
