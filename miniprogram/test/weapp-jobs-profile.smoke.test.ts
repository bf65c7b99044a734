/**
 * Smoke test of the BUILT weapp 我的求职信息 (issue 6): the hours are asked for beside the field
 * before anything is sent; skills are picked by picture; the server's Chinese message for a field
 * is shown beside that field; a saved profile returns to 找工作.
 */
import { apiPath, type Call, reply } from './support/jobs'
import { signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

const WAGE_ERROR = '期望月薪（元）应在 0 到 50000 之间'

describe('built weapp job profile', () => {
  const wx = fakeWx(signedInStorage())
  const puts: Call[] = []
  wx.request.mockImplementation((call: Call) => {
    if (call.method === 'GET') return reply(call, 200, { state: 'none', name: '张秀英' })
    puts.push(call)
    if (puts.length === 1)
      return reply(call, 400, {
        code: 'validation',
        message: '请检查填写的内容',
        errors: [{ path: 'expectedWage', message: WAGE_ERROR }],
      })
    return reply(call, 200, { state: 'ready', name: '张秀英' })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const el = (selector: string) => page.querySelector(selector)

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobs/profile/index', wx)
    await waitFor(() => text().includes('能上什么班'), 'the profile page to render')
    await waitFor(() => wx.request.mock.calls.length > 0, 'the profile read')
  })

  it('offers the hours, the skills and the other choices with words beside pictures', () => {
    for (const words of [
      '只上白班',
      '只上夜班',
      '白班夜班都可以',
      '叉车',
      '缝纫',
      '种植',
      '保洁',
      '3公里',
      '只能干轻活',
      '看不懂，需要别人讲',
      '读给我听',
    ])
      expect(text()).toContain(words)
  })

  it('asks for the hours beside the field and sends nothing', async () => {
    el('.aj-save')?.dispatchEvent('tap')
    await waitFor(() => Boolean(el('.aj-field-error--availability')), 'the hours error')
    expect(text()).toContain('请选择能上班的时间')
    expect(puts).toHaveLength(0)
  })

  it('shows the server’s message beside the wage, then saves and returns to 找工作', async () => {
    // Prepare
    el('.aj-hours-day')?.dispatchEvent('tap')
    el('.aj-skill-sewing')?.dispatchEvent('tap')
    el('.aj-skill-cleaning')?.dispatchEvent('tap')
    el('.aj-school-run-yes')?.dispatchEvent('tap')
    el('.aj-commute-3')?.dispatchEvent('tap')
    el('.aj-wage')?.dispatchEvent('input', { detail: { value: '3000' } })
    await waitFor(() => (text().match(/✓ 已选/g) ?? []).length >= 5, 'the choices marked')
    // Act
    el('.aj-save')?.dispatchEvent('tap')
    await waitFor(() => Boolean(el('.aj-field-error--expectedWage')), 'the wage error')
    // Assess
    expect(text()).toContain(WAGE_ERROR)
    expect(puts[0].data).toEqual({
      availability: 'day',
      schoolRun: true,
      skills: ['sewing', 'cleaning'],
      maxCommuteKm: 3,
      expectedWage: 3000,
    })
    expect(apiPath(puts[0])).toBe('/jobs/profile')
    expect(puts[0].method).toBe('PUT')
    // Act: save again
    el('.aj-save')?.dispatchEvent('tap')
    await waitFor(() => wx.redirectTo.mock.calls.length > 0, 'the way back to 找工作')
    const [options] = wx.redirectTo.mock.calls[0] as unknown as [{ url: string }]
    expect(options.url).toBe('/packages/jobs/list/index')
  }, 20_000)
})
