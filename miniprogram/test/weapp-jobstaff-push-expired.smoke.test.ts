/**
 * Smoke test of the BUILT weapp 推荐给居民 page for a posting past its last day (decision 068):
 * the page says at once that it cannot be recommended, before anyone is ticked; a tap ticks no
 * one and nothing is sent.
 */
import { addLocalDays, localDateOf } from '@anju/shared'
import { candidate, posting, STAFF } from './support/jobstaff'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

interface Call {
  url: string
  method: string
  success: (r: object) => void
}

describe('built weapp 推荐给居民: an expired posting', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-staff'],
    ['anju.user', STAFF],
  ])
  const wx = fakeWx(storage)
  const expired = posting({ expiresOn: addLocalDays(localDateOf(new Date()), -1) })
  const posts: Call[] = []
  wx.request.mockImplementation((call: Call) => {
    if (call.method !== 'GET') posts.push(call)
    call.success({
      statusCode: 200,
      data: { posting: expired, candidates: [candidate()] },
      header: {},
      errMsg: 'request:ok',
    })
    return { abort: () => undefined }
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobstaff/push/index', wx, { id: 'P1' })
    await waitFor(() => text().includes('张桂兰'), 'the candidates')
  }, 20_000)

  it('says at once that the posting cannot be recommended, and ticks no one', async () => {
    expect(text()).toContain('这个岗位已过报名截止日期，不能推荐给居民')
    expect(page.querySelector('.aj-push-send')).toBeFalsy()
    page.querySelector('.aj-cand-c1')?.dispatchEvent('tap')
    await waitFor(() => wx.showToast.mock.calls.length > 0, 'the toast', 2000)
    expect(text()).not.toContain('☑')
    expect(wx.showToast).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '这个岗位已过报名截止日期，不能推荐给居民' }),
    )
    expect(posts).toHaveLength(0)
  })
})
