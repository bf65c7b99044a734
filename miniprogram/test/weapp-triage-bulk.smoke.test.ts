/**
 * Smoke test of the BUILT weapp triage inbox (decision 067): pages of 20 with 加载更多, then
 * 选择 → tick two cards → 交给… → 物业公司 sends one bulk request and says what happened.
 */
import type { StaffTicket } from '@anju/shared'
import { ticket } from './support/fixtures'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

const STAFF = { id: 'u-staff-mjw', name: '周丽琼', role: 'community_staff', scope: { subdistrictId: 'yanchi' } }

interface Call {
  url: string
  method: string
  data?: unknown
  success: (r: object) => void
}

const ALL: StaffTicket[] = Array.from({ length: 25 }, (_, i) => ({
  ...ticket({ id: `T${String(i).padStart(2, '0')}`, description: `第${i}号：楼道灯不亮` }),
  priority: 'normal',
}))

describe('built weapp triage inbox: pages and bulk assign', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-staff'],
    ['anju.user', STAFF],
  ])
  const wx = fakeWx(storage)
  const posts: Call[] = []
  wx.request.mockImplementation((call: Call) => {
    const reply = (data: unknown) => {
      call.success({ statusCode: 200, data, header: {}, errMsg: 'request:ok' })
      return { abort: () => undefined }
    }
    if (call.method === 'POST') {
      posts.push(call)
      const { ticketIds } = call.data as { ticketIds: string[] }
      return reply({
        results: ticketIds.map((id, i) =>
          i === 0 ? { id, ok: true } : { id, ok: false, status: 409, message: '报修单当前状态为“已解决”，无法分派' },
        ),
      })
    }
    const from = call.url.includes('cursor=') ? 20 : 0
    const tickets = ALL.slice(from, from + 20)
    return reply(from === 0 ? { tickets, nextCursor: 'next' } : { tickets })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const el = (selector: string) => page.querySelector(selector)
  // Waits, and on failure says what the page shows.
  const step = async (check: () => boolean, what: string) => {
    try {
      await waitFor(check, what, 2000)
    } catch (e) {
      throw new Error(`${(e as Error).message}; the page says: ${text().slice(-300)}`)
    }
  }

  beforeAll(async () => {
    page = await renderBuiltPage('packages/staff/triage/index', wx)
    await waitFor(() => text().includes('第19号'), 'the first page')
  }, 20_000)

  it('shows 20, then the rest on 加载更多, then says there are no more', async () => {
    expect(text()).not.toContain('第20号')
    el('.aj-load-more')?.dispatchEvent('tap')
    await waitFor(() => text().includes('第24号'), 'the second page')
    expect(text()).toContain('没有更多了')
    expect(el('.aj-load-more')).toBeFalsy()
  })

  it('ticks two cards and hands them to 物业公司 in one request, saying what did not go', async () => {
    el('.aj-select')?.dispatchEvent('tap')
    await step(() => text().includes('请先选择报修单'), 'the selection bar')
    const cards = (
      page as unknown as { querySelectorAll(s: string): { dispatchEvent(n: string): void }[] }
    ).querySelectorAll('.aj-tc')
    cards[0].dispatchEvent('tap')
    await step(() => text().includes('已选 1 张'), 'one ticked')
    cards[1].dispatchEvent('tap')
    await step(() => text().includes('已选 2 张'), 'two ticked')
    el('.aj-bulk__open')?.dispatchEvent('tap')
    await step(() => Boolean(el('.aj-assign-to-property_company')), 'the choices')
    el('.aj-assign-to-property_company')?.dispatchEvent('tap')
    await step(() => text().includes('1 张没有分派'), 'the result')
    expect(posts).toHaveLength(1)
    expect(posts[0].data).toEqual({ ticketIds: ['T00', 'T01'], assignee: { kind: 'property_company' } })
    expect(text()).toContain('已交给物业公司 1 张，1 张没有分派：报修单当前状态为“已解决”，无法分派')
    // What did not go stays ticked, to retry or untick.
    expect(text()).toContain('已选 1 张')
  }, 20_000)
})
