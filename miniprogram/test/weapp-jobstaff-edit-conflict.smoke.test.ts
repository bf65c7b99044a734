/**
 * Smoke test of the BUILT weapp 修改岗位 page (decision 068): a save carries the version the editor
 * opened (`basedOn`), and when someone changed the posting meanwhile the server's 409 is shown in
 * Chinese on the page, the form kept as typed and nothing navigated away.
 */
import { posting, STAFF } from './support/jobstaff'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

interface Call {
  url: string
  method: string
  data?: unknown
  success: (r: object) => void
}

const OPENED = '2026-12-02T08:00:00.000+08:00'

describe('built weapp 修改岗位: an edit based on an older version is refused, not written over', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-staff'],
    ['anju.user', STAFF],
  ])
  const wx = Object.assign(fakeWx(storage), { navigateBack: jest.fn() })
  const puts: Call[] = []
  wx.request.mockImplementation((call: Call) => {
    const reply = (statusCode: number, data: unknown) => {
      call.success({ statusCode, data, header: {}, errMsg: 'request:ok' })
      return { abort: () => undefined }
    }
    if (call.url.includes('/households'))
      return reply(200, {
        buildings: [{ id: 'b5', name: '5栋', areaName: '一片区', communityName: '卯家湾社区' }],
        households: [],
      })
    if (call.method === 'GET') return reply(200, { posting: posting({ id: 'P1', updatedAt: OPENED }), applicants: [] })
    puts.push(call)
    return reply(409, { code: 'conflict', message: '这个岗位刚被别人修改过，请返回重新打开，看过最新内容后再改' })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobstaff/edit/index', wx, { id: 'P1' })
    await waitFor(
      () => Boolean(page.querySelector('.aj-in-employer')) && !text().includes('正在读取'),
      'the posting as opened',
    )
  }, 20_000)

  it('sends the opened version and shows the conflict in Chinese', async () => {
    page.querySelector('.aj-in-headcount')?.dispatchEvent('input', { detail: { value: '8' } })
    page.querySelector('.aj-posting-save')?.dispatchEvent('tap')
    await waitFor(() => text().includes('刚被别人修改过'), 'the conflict message', 2000)
    expect(puts).toHaveLength(1)
    expect(puts[0].method).toBe('PUT')
    expect(puts[0].url).toMatch(/\/api\/jobs\/postings\/P1$/)
    expect(puts[0].data).toMatchObject({ headcount: 8, basedOn: OPENED })
    expect(wx.navigateBack).not.toHaveBeenCalled()
  })
})
