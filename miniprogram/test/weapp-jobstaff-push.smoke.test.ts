/**
 * Smoke test of the BUILT weapp 推荐给居民 page (issue 6 item 5): candidates with the household's
 * colour in words (红色户·优先), reasons and employment; one already recommended is marked and
 * cannot be ticked; two ticked go in one request, and what did not go is said and stays ticked.
 */
import type { PushCandidate } from '@anju/shared'
import { candidate, posting, STAFF } from './support/jobstaff'
import { fakeWx, renderBuiltPage, type SimulatedPage, stepper, waitFor } from './support/weappSim'

interface Call {
  url: string
  method: string
  data?: unknown
  success: (r: object) => void
}

describe('built weapp 推荐给居民: select and send', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-staff'],
    ['anju.user', STAFF],
  ])
  const wx = fakeWx(storage)
  let candidates: PushCandidate[] = [
    candidate(),
    candidate({ personId: 'c2', name: '王德明', age: 51, colour: 'yellow', employment: 'unstable' }),
    candidate({ personId: 'c3', name: '陈小芳', age: 30, colour: 'green', recommendedAt: '2026-12-01T09:00:00+08:00' }),
  ]
  const posts: Call[] = []
  const gets: string[] = []
  wx.request.mockImplementation((call: Call) => {
    const reply = (data: unknown) => {
      call.success({ statusCode: 200, data, header: {}, errMsg: 'request:ok' })
      return { abort: () => undefined }
    }
    if (call.method === 'GET') {
      gets.push(call.url.replace(/^.*\/api/, ''))
      return reply({ posting: posting(), candidates })
    }
    posts.push(call)
    candidates = candidates.map((c) => (c.personId === 'c1' ? { ...c, recommendedAt: '2026-12-03T10:00:00+08:00' } : c))
    return reply({
      results: [
        { personId: 'c1', ok: true },
        { personId: 'c2', ok: false, error: '这位居民已不在你的辖区' },
      ],
    })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const el = (selector: string) => page.querySelector(selector)
  const step = stepper(text)

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobstaff/push/index', wx, { id: 'P1' })
    await waitFor(() => text().includes('陈小芳'), 'the candidates')
  }, 20_000)

  it('says each household’s colour in words, with the reasons, and marks who was recommended', () => {
    expect(text()).toContain('红色户·优先')
    expect(text()).toContain('黄色户·关注')
    expect(text()).toContain('绿色户')
    expect(text()).toContain('张桂兰，42岁')
    expect(text()).toContain('现在：失业')
    expect(text()).toContain('现在：就业不稳定')
    expect(text()).toContain('离家200米；白班 8:00–17:00')
    expect(text()).toContain('✓ 已推荐（12月1日）')
    expect(text()).toContain('请先选择居民')
  })

  it('sends the two ticked in one request; the one already recommended cannot be ticked', async () => {
    el('.aj-cand-c3')?.dispatchEvent('tap')
    el('.aj-cand-c1')?.dispatchEvent('tap')
    el('.aj-cand-c2')?.dispatchEvent('tap')
    await step(() => text().includes('发送推荐（已选 2 人）'), 'two ticked')
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已经推荐过了' }))
    el('.aj-push-note')?.dispatchEvent('input', { detail: { value: '离家近，白班' } })
    el('.aj-push-send')?.dispatchEvent('tap')
    await step(() => text().includes('没有推荐成功'), 'the result')
    expect(posts).toHaveLength(1)
    expect(posts[0].url).toMatch(/\/api\/jobs\/postings\/P1\/recommend$/)
    expect(posts[0].data).toEqual({ personIds: ['c1', 'c2'], note: '离家近，白班' })
    expect(text()).toContain('已推荐给 1 人，王德明没有推荐成功：这位居民已不在你的辖区')
    // The page reloads: 张桂兰 is now marked; what did not go stays ticked, to retry or untick.
    await step(() => text().includes('✓ 已推荐（12月3日）'), 'the new mark')
    expect(text()).toContain('发送推荐（已选 1 人）')
  })

  it('asks for every seeker of the scope on 全部求职居民', async () => {
    expect(gets[0]).toBe('/jobs/postings/P1/candidates')
    el('.aj-cand-filter-all')?.dispatchEvent('tap')
    await step(() => gets.at(-1) === '/jobs/postings/P1/candidates?all=true', 'the wider list')
    await step(() => text().includes('✓ 全部求职居民') && text().includes('陈小芳'), 'the list again')
  })
})
