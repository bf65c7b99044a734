/**
 * Smoke test of the BUILT weapp report page's "已有人报告" (issue 5 item 3): once a category and a
 * common area are picked, the open reports of the same problem are shown as one line each with a
 * big 我也遇到; a tap follows it and says so plainly; a tap lost to the network is kept to resend.
 */
import type { SimilarTicket } from '@anju/shared'
import { ticket } from './support/fixtures'
import { RESIDENT, signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

// services/duplicates' PENDING_FOLLOWS_KEY and services/draft's DRAFT_STORAGE_KEY (their modules
// import Taro, which jest cannot load here).
const PENDING_FOLLOWS_KEY = 'anju.pendingFollows'
const DRAFT_STORAGE_KEY = 'anju.ticketDraft'

type Call = {
  url: string
  method: string
  success: (r: unknown) => void
  fail: (e: unknown) => void
}

const similar = (id: string): SimilarTicket => ({
  id,
  summary: '5栋1单元 电梯间 · 电梯 · 处理中',
  category: 'lift',
  status: 'in_progress',
  followerCount: 2,
  following: false,
  createdAt: '2026-12-03T09:00:00.000+08:00',
})

describe('built weapp report page: 已有人报告 and 我也遇到', () => {
  const storage = signedInStorage()
  const wx = fakeWx(storage)
  const calls: Call[] = []
  let offline = false
  wx.request.mockImplementation((call: Call) => {
    calls.push(call)
    if (call.url.includes('/tickets/similar')) {
      const lift = call.url.includes('category=lift') && call.url.includes('spot=lift_hall')
      call.success({ statusCode: 200, data: { tickets: lift ? [similar('T-LIFT')] : [] }, header: {}, errMsg: 'ok' })
    } else if (call.url.endsWith('/follow') && offline) {
      call.fail({ errMsg: 'request:fail timeout' })
    } else if (call.url.endsWith('/follow')) {
      call.success({
        statusCode: 200,
        data: { ticket: ticket({ id: 'T-LIFT', followerCount: 3 }) },
        header: {},
        errMsg: 'ok',
      })
    } else {
      call.success({ statusCode: 200, data: { tickets: [] }, header: {}, errMsg: 'ok' })
    }
    return { abort: () => undefined }
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const tap = (selector: string) => page.querySelector(selector)?.dispatchEvent('tap')

  beforeAll(async () => {
    page = await renderBuiltPage('packages/resident/report/index', wx)
    await waitFor(() => text().includes('什么坏了'), 'the report page to render')
  })

  it('asks nothing for a category alone or for the own home', async () => {
    tap('.aj-category-lift')
    tap('.aj-location-own')
    await waitFor(() => text().includes('有人被困在电梯里吗'), 'the lift question')
    expect(calls.filter((c) => c.url.includes('/similar'))).toHaveLength(0)
    expect(text()).not.toContain('已有人报告')
  })

  it('shows the lift already reported in the lift hall, one line, with 我也遇到', async () => {
    tap('.aj-location-lift_hall')
    await waitFor(() => text().includes('已有人报告'), 'the similar reports')
    expect(text()).toContain('5栋1单元 电梯间 · 电梯 · 处理中')
    expect(text()).toContain('2 户遇到')
    expect(page.querySelector('.aj-me-too')).toBeTruthy()
  })

  it('keeps a tap lost to the network and says so', async () => {
    offline = true
    tap('.aj-me-too')
    await waitFor(() => text().includes('网络不好，没有记上'), 'the retry message')
    expect(storage.get(`${PENDING_FOLLOWS_KEY}@${RESIDENT.id}`)).toEqual(['T-LIFT'])
  })

  it('follows on the next tap, tells the resident plainly and offers 我的报修', async () => {
    offline = false
    tap('.aj-me-too')
    await waitFor(() => text().includes('有进展会告诉您'), 'the promise')
    expect(text()).toContain('3 户遇到')
    expect(calls.filter((c) => c.url.endsWith('/tickets/T-LIFT/follow'))).toHaveLength(2)
    expect(page.querySelector('.aj-go-mine')).toBeTruthy()
    expect(page.querySelector('.aj-me-too')).toBeFalsy()
    expect(storage.has(`${PENDING_FOLLOWS_KEY}@${RESIDENT.id}`)).toBe(false)
  })

  it('drops the report it was writing: no form to submit, an empty draft with a new key', async () => {
    expect(page.querySelector('.aj-submit')).toBeFalsy()
    const stored = storage.get(`${DRAFT_STORAGE_KEY}@${RESIDENT.id}`) as Record<string, unknown>
    expect(stored).toMatchObject({ description: '', pending: false })
    expect(stored).not.toHaveProperty('category')
    expect(stored).not.toHaveProperty('location')
    tap('.aj-report-another')
    await waitFor(() => text().includes('什么坏了'), 'an empty form')
    expect(page.querySelector('.aj-tile--on')).toBeFalsy()
  })
})
