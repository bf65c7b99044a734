/**
 * Smoke test of the BUILT weapp 找工作 list (issue 6): matches as big cards with plain reasons
 * beside pictures, 社区为你推荐 and the applied status in words, shift and distance filters sent to
 * the server, 加载更多 appending the next page of 10.
 */
import { apiPath, type Call, match, posting, reply } from './support/jobs'
import { signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

const page1 = Array.from({ length: 10 }, (_, i) =>
  match({
    posting: posting({ id: `J${i}`, title: i === 0 ? '菌棒装袋工' : `岗位${i}` }),
    recommended: i === 0,
    applied: i === 0 ? 'applied' : undefined,
  }),
)
const page2 = [match({ posting: posting({ id: 'J10', title: '小区保洁员' }) })]

describe('built weapp job list', () => {
  const wx = fakeWx(signedInStorage())
  const gets: string[] = []
  wx.request.mockImplementation((call: Call) => {
    const path = apiPath(call)
    gets.push(path)
    if (path.includes('offset=10')) return reply(call, 200, { state: 'ready', items: page2, total: 11 })
    return reply(call, 200, { state: 'ready', items: page1, total: 11, nextOffset: 10 })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const el = (selector: string) => page.querySelector(selector)
  const all = (selector: string) =>
    (page as unknown as { querySelectorAll(s: string): unknown[] }).querySelectorAll(selector)
  const textOf = (selector: string) => (el(selector) as unknown as { dom: HTMLElement } | null)?.dom.textContent ?? ''

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobs/list/index', wx)
    await waitFor(() => text().includes('菌棒装袋工'), 'the job list to render')
  })

  it('shows each match with its wage, plain reasons, 社区为你推荐 and the status in words', () => {
    for (const words of [
      '找工作',
      '读给我听',
      '适合你的工作（11个）',
      '卯家湾食用菌合作社',
      '月薪3000–3600元',
      '离家800米',
      '白班 8:00–17:00，不耽误接送孩子',
      '需要食用菌生产，你会',
      '社区为你推荐',
      '已投递',
      '我的求职信息',
      '我的投递',
    ])
      expect(text()).toContain(words)
    expect(all('.aj-job-item')).toHaveLength(10)
    expect(textOf('.aj-job-J0')).toContain('已投递')
    expect(textOf('.aj-job-J1')).not.toContain('已投递')
    expect(gets[0]).toBe('/jobs/matches?offset=0&limit=10')
  })

  it('asks the server again with the chosen shift and distance, marked ✓ in words', async () => {
    // Act
    el('.aj-shift-night')?.dispatchEvent('tap')
    await waitFor(() => gets.includes('/jobs/matches?shift=night&offset=0&limit=10'), 'the night-shift query')
    el('.aj-km-3')?.dispatchEvent('tap')
    // Assess
    await waitFor(() => gets.includes('/jobs/matches?shift=night&maxKm=3&offset=0&limit=10'), 'the distance query')
    await waitFor(() => text().includes('✓ 夜班') && text().includes('✓ 3公里内'), 'the ✓ marks')
  })

  it('loads the next page with 加载更多 and appends it', async () => {
    el('.aj-more')?.dispatchEvent('tap')
    await waitFor(() => text().includes('小区保洁员'), 'the second page')
    expect(all('.aj-job-item')).toHaveLength(11)
    expect(gets.at(-1)).toBe('/jobs/matches?shift=night&maxKm=3&offset=10&limit=10')
    await waitFor(() => !text().includes('加载更多'), 'no more pages')
  })

  it('opens a job’s detail when its card is tapped', async () => {
    el('.aj-job-J0')?.dispatchEvent('tap')
    await waitFor(() => wx.navigateTo.mock.calls.length > 0, 'wx.navigateTo')
    const [options] = wx.navigateTo.mock.calls.at(-1) as unknown as [{ url: string }]
    expect(options.url).toBe('/packages/jobs/job/index?id=J0')
  })
})
