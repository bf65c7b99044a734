/**
 * Smoke test of the BUILT weapp staff page of failed notifications (issue 5 item 7, decision 066):
 * each message with the recipients WeChat did not reach (住户 + room, never an openid), and 重试,
 * which asks the server once and then says 已安排重试.
 */
import type { FailedNotification } from '@anju/shared'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

const STAFF = { id: 'u-head-5', name: '赵美芬', role: 'building_head', scope: { subdistrictId: 'yanchi' } }

interface Call {
  url: string
  method: string
  success: (r: object) => void
}

const FAILED: FailedNotification = {
  eventId: 'EV1',
  ticketId: 'T1',
  title: '电梯报修',
  status: '已受理',
  text: '报修状态已更新',
  createdAt: '2026-12-03T10:00:00.000+08:00',
  deliveries: [{ recipient: '住户 5栋1单元0302', state: 'given_up', attempts: 5, lastError: '微信不可用: HTTP 502' }],
}

describe('built weapp staff page: failed notifications', () => {
  const wx = fakeWx(
    new Map<string, unknown>([
      ['anju.token', 'tok-u-head-5'],
      ['anju.user', STAFF],
    ]),
  )
  const posts: string[] = []
  wx.request.mockImplementation((call: Call) => {
    const reply = (data: unknown) => {
      call.success({ statusCode: 200, data, header: {}, errMsg: 'request:ok' })
      return { abort: () => undefined }
    }
    if (call.method === 'GET') return reply({ notifications: [FAILED] })
    posts.push(call.url.replace(/^.*\/api/, ''))
    return reply({ eventId: 'EV1', retryRequestedAt: '2026-12-03T11:00:00.000+08:00' })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''

  beforeAll(async () => {
    page = await renderBuiltPage('packages/staff/notifications/index', wx, {})
    await waitFor(() => text().includes('电梯报修'), 'the failed notification')
  })

  it('lists who was not reached, by room, with the state in words', () => {
    expect(text()).toContain('住户 5栋1单元0302：多次失败，已停止（已试 5 次）')
  })

  it('retries with one tap and says so', async () => {
    page.querySelector('.aj-retry')?.dispatchEvent('tap')
    await waitFor(() => text().includes('已安排重试'), 'the retry acknowledged')
    expect(posts).toEqual(['/notifications/EV1/retry'])
  })
})
