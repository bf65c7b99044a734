/**
 * Smoke test of the BUILT weapp job detail when the posting closes before the tap (issue 6): the
 * server's 409 in Chinese is shown, the page reads the posting again and shows why instead of
 * the button, and nothing is kept to resend.
 */
import { APPLY_STORAGE_KEY } from '../src/services/jobApply'
import { type Call, posting, reply } from './support/jobs'
import { RESIDENT, signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

const CLOSED = '这个岗位已过报名截止日期'

describe('built weapp job detail: closed', () => {
  const storage = signedInStorage()
  const wx = fakeWx(storage)
  let closed = false
  wx.request.mockImplementation((call: Call) => {
    if (call.method === 'GET')
      return reply(call, 200, { posting: posting(), ...(closed ? { closedReason: CLOSED } : {}) })
    closed = true
    return reply(call, 409, { code: 'conflict', message: CLOSED })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobs/job/index', wx, { id: 'J1' })
    await waitFor(() => text().includes('一键报名'), 'the job detail to render')
  })

  it('shows the reason instead of the button', async () => {
    page.querySelector('.aj-apply')?.dispatchEvent('tap')
    await waitFor(() => text().includes(CLOSED) && !text().includes('一键报名'), 'the closed reason')
    expect(page.querySelector('.aj-job__closed')).toBeTruthy()
    expect(storage.get(`${APPLY_STORAGE_KEY}@${RESIDENT.id}`)).toBeUndefined()
    expect(text()).not.toContain('打电话')
  })
})
