/**
 * Smoke test of the BUILT weapp 岗位管理 page (decision 068): community staff see 修改 and 停止招聘
 * only on their own community's postings — a sub-district posting says who to ask instead; a
 * 停止招聘 asks first and is sent only when confirmed; a refused one is said on the card tapped. A posting past its last day says so in words
 * and cannot be recommended; a last day in another year is written with its year. Chips and a
 * search narrow the list.
 */
import { addLocalDays, localDateOf, type StaffPosting } from '@anju/shared'
import { posting, STAFF } from './support/jobstaff'
import { fakeWx, renderBuiltPage, type SimulatedPage, stepper, waitFor } from './support/weappSim'

interface Call {
  url: string
  method: string
  success: (r: object) => void
}

type Node = { dispatchEvent(n: string, o?: object): void; textContent: string | null }

const today = localDateOf(new Date())
const nextYear = `${Number(today.slice(0, 4)) + 1}-01-03`

describe('built weapp 岗位管理: buttons only for what the user may do', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-staff'],
    ['anju.user', STAFF],
  ])
  let confirm = false
  const wx = {
    ...fakeWx(storage),
    showModal: jest.fn((o: { success?: (r: object) => void }) =>
      o.success?.({ confirm, cancel: !confirm, errMsg: 'showModal:ok' }),
    ),
  }
  const postings: StaffPosting[] = [
    posting(),
    posting({ id: 'P2', title: '保洁员', employer: '盐池街道办', scope: { subdistrictId: 'yanchi' } }),
    posting({ id: 'P3', title: '搬运工', expiresOn: addLocalDays(today, -3) }),
    posting({ id: 'P4', title: '收银员', expiresOn: nextYear }),
  ]
  const posts: Call[] = []
  wx.request.mockImplementation((call: Call) => {
    const reply = (statusCode: number, data: unknown) => {
      call.success({ statusCode, data, header: {}, errMsg: 'request:ok' })
      return { abort: () => undefined }
    }
    if (call.method === 'GET') return reply(200, { postings })
    posts.push(call)
    return reply(403, { code: 'forbidden', message: '这个岗位由街道发布，请联系街道修改' })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const all = (selector: string) =>
    (page as unknown as { querySelectorAll(s: string): Node[] }).querySelectorAll(selector)
  const card = (id: string) => page.dom.querySelector(`.main--aj-posting-${id}`)
  const step = stepper(text)

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobstaff/postings/index', wx)
    await waitFor(() => text().includes('保洁员'), 'the postings')
  }, 20_000)

  it('offers 修改 and 停止招聘 on the community’s posting, not on the sub-district’s', () => {
    expect(card('P1')?.querySelector('.main--aj-edit-link')).toBeTruthy()
    expect(card('P1')?.querySelector('.main--aj-posting-toggle')).toBeTruthy()
    expect(card('P2')?.querySelector('.main--aj-edit-link')).toBeNull()
    expect(card('P2')?.querySelector('.main--aj-posting-toggle')).toBeNull()
    expect(card('P2')?.textContent).toContain('街道发布的岗位，请联系街道修改')
    expect(card('P1')?.textContent).not.toContain('请联系')
  })

  it('asks before 停止招聘 and sends nothing when the answer is no', async () => {
    all('.aj-posting-toggle')[0].dispatchEvent('tap')
    await step(() => wx.showModal.mock.calls.length === 1, 'the question')
    expect(wx.showModal.mock.calls[0][0]).toEqual(
      expect.objectContaining({ content: '停止招聘后，居民就看不到这个岗位了。确定停止吗？' }),
    )
    await new Promise((r) => setTimeout(r, 100))
    expect(posts).toHaveLength(0)
  })

  it('sends 停止招聘 once confirmed, and says a refusal on the card that was tapped', async () => {
    confirm = true
    all('.aj-posting-toggle')[0].dispatchEvent('tap')
    await step(() => Boolean(card('P1')?.querySelector('.main--aj-posting__error')), 'the error on the card')
    expect(posts).toHaveLength(1)
    expect(posts[0].url).toMatch(/\/api\/jobs\/postings\/P1\/close$/)
    expect(card('P1')?.textContent).toContain('这个岗位由街道发布，请联系街道修改')
  })

  it('marks a posting past its last day in words and refuses to recommend it', async () => {
    expect(card('P3')?.textContent).toContain('已过截止日期（点“修改”可以延长）')
    expect(card('P3')?.querySelector('.main--aj-posting__expired')).toBeTruthy()
    expect(card('P1')?.textContent).not.toContain('已过截止日期')
    expect(card('P1')?.querySelector('.main--aj-posting__expired')).toBeNull()

    const push = card('P3')?.querySelector('.main--aj-push-link')
    expect(push?.className).toContain('aj-js-off')
    expect(push?.textContent).toBe('不能推荐（已过截止日期）')
    wx.navigateTo.mockClear()
    all('.aj-push-link')[2].dispatchEvent('tap')
    await step(() => wx.showToast.mock.calls.length > 0, 'the toast')
    expect(wx.navigateTo).not.toHaveBeenCalled()
    expect(wx.showToast).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '这个岗位已过报名截止日期，不能推荐给居民' }),
    )
  })

  it('writes a last day of another year with its year', () => {
    expect(card('P4')?.textContent).toContain(`截止 ${Number(today.slice(0, 4)) + 1}年1月3日`)
  })

  it('narrows the list by chip and by words in the title or employer', async () => {
    const shownIds = () => ['P1', 'P2', 'P3', 'P4'].filter((id) => Boolean(card(id)))
    expect(text()).toContain('已过截止（1）')
    all('.aj-filter-expired')[0].dispatchEvent('tap')
    await step(() => shownIds().join() === 'P3', 'only the expired posting')
    expect(text()).toContain('✓ 已过截止（1）')

    all('.aj-filter-all')[0].dispatchEvent('tap')
    all('.aj-posting-search')[0].dispatchEvent('input', { detail: { value: '街道' } })
    await step(() => shownIds().join() === 'P2', 'only the sub-district’s posting')
    all('.aj-posting-search')[0].dispatchEvent('input', { detail: { value: '没有这个' } })
    await step(() => text().includes('没有符合条件的岗位'), 'the empty result')
  })
})
