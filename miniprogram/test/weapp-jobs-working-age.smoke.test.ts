/**
 * Smoke test of the BUILT weapp 找工作 list for a resident outside working age (issue 6): the
 * reason in kind words, and no list, filters or first step.
 */
import { type Call, reply } from './support/jobs'
import { signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

const REASON = '已满 65 周岁，这里不再推荐岗位。想做点力所能及的事，可以找社区问问公益岗位。'

describe('built weapp job list outside working age', () => {
  const wx = fakeWx(signedInStorage())
  wx.request.mockImplementation((call: Call) =>
    reply(call, 200, { state: 'outside_working_age', message: REASON, items: [], total: 0 }),
  )
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobs/list/index', wx)
    await waitFor(() => text().includes('公益岗位'), 'the reason')
  })

  it('shows only the reason', () => {
    expect(text()).toContain(REASON)
    for (const words of ['上什么班', '先说说你能做什么', '加载更多', '适合你的工作'])
      expect(text()).not.toContain(words)
  })
})
