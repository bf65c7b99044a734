/**
 * Smoke test of the BUILT weapp staff ticket page's merge (issue 5 item 3): how many households a
 * ticket affects, 合并到… listing the originals, a second tap to confirm, the server's Chinese
 * refusal, and "已合并到：…" once merged.
 */
import type { StaffTicket } from '@anju/shared'
import { ticket } from './support/fixtures'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

const STAFF = { id: 'u-head-5', name: '赵美芬', role: 'building_head', scope: { subdistrictId: 'yanchi' } }

interface Call {
  url: string
  method: string
  data?: unknown
  success: (r: object) => void
}

describe('built weapp staff ticket page: merge a duplicate', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-u-head-5'],
    ['anju.user', STAFF],
  ])
  const wx = fakeWx(storage)
  const original: StaffTicket = {
    ...ticket({ id: 'T0', status: 'in_progress', followerCount: 3, description: '一单元电梯停了' }),
  }
  let current: StaffTicket = { ...ticket({ id: 'T1', followerCount: 1 }), priority: 'normal' }
  let refuseOnce = true
  const merges: Call[] = []
  wx.request.mockImplementation((call: Call) => {
    const reply = (statusCode: number, data: unknown) => {
      call.success({ statusCode, data, header: {}, errMsg: 'request:ok' })
      return { abort: () => undefined }
    }
    if (call.url.endsWith('/tickets/T1/similar')) return reply(200, { tickets: [original] })
    if (call.url.endsWith('/tickets/T1/merge')) {
      merges.push(call)
      if (refuseOnce) {
        refuseOnce = false
        return reply(409, { code: 'conflict', message: '有人正在同时处理这张报修单，请刷新后再试' })
      }
      current = { ...current, status: 'merged', mergedInto: 'T0' }
      return reply(200, { ticket: current, original: { ...original, followerCount: 4 } })
    }
    if (call.method === 'GET' && call.url.endsWith('/tickets/T1')) {
      return reply(200, { ticket: current, events: [], following: false })
    }
    return reply(200, { tickets: [], events: [], photos: [] })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const tap = (selector: string) => page.querySelector(selector)?.dispatchEvent('tap')

  beforeAll(async () => {
    page = await renderBuiltPage('packages/staff/ticket/index', wx, { id: 'T1' })
    await waitFor(() => text().includes('合并到…'), 'the staff ticket page with 合并到…')
  }, 15_000)

  it('says how many households the ticket affects', () => {
    expect(text()).toContain('影响：1 户遇到')
  })

  it('lists the originals of the same building and category, and asks again before merging', async () => {
    tap('.aj-merge-open')
    await waitFor(() => text().includes('一单元电梯停了'), 'the candidates')
    expect(text()).toContain('3 户遇到')
    tap('.aj-merge-pick')
    await waitFor(() => text().includes('确认合并'), 'the confirmation')
    expect(merges).toHaveLength(0)
  })

  it('shows the server’s refusal in Chinese and lists the candidates again', async () => {
    tap('.aj-merge-confirm')
    await waitFor(() => text().includes('有人正在同时处理这张报修单'), 'the refusal')
    expect(merges).toHaveLength(1)
  })

  it('merges on the next confirmation and shows where it went', async () => {
    tap('.aj-merge-pick')
    await waitFor(() => text().includes('确认合并'), 'the confirmation')
    tap('.aj-merge-confirm')
    await waitFor(() => text().includes('已合并到：T0'), 'the merged line')
    expect(merges[1].data).toEqual({ into: 'T0' })
    expect(page.querySelector('.aj-merge-open')).toBeFalsy()
  })
})
