/**
 * Smoke test of the BUILT weapp 找工作 list before the resident has a profile (issue 6): no empty
 * list, one big friendly first step to 我的求职信息.
 */
import { type Call, reply } from './support/jobs'
import { signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

describe('built weapp job list without a profile', () => {
  const wx = fakeWx(signedInStorage())
  wx.request.mockImplementation((call: Call) =>
    reply(call, 200, { state: 'none', message: '先告诉我们你能做什么，就能帮你找工作。', items: [], total: 0 }),
  )
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobs/list/index', wx)
    await waitFor(() => text().includes('先说说你能做什么'), 'the first step')
  })

  it('shows the server’s friendly message and the first step, and no filters or empty list', () => {
    expect(text()).toContain('先告诉我们你能做什么，就能帮你找工作。')
    expect(text()).not.toContain('上什么班')
    expect(text()).not.toContain('没有找到合适的工作')
  })

  it('opens 我的求职信息 from the big button', async () => {
    page.querySelector('.aj-jobs__start')?.dispatchEvent('tap')
    await waitFor(() => wx.navigateTo.mock.calls.length > 0, 'wx.navigateTo')
    const [options] = wx.navigateTo.mock.calls[0] as unknown as [{ url: string }]
    expect(options.url).toBe('/packages/jobs/profile/index')
  })
})
