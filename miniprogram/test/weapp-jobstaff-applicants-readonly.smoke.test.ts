/**
 * Smoke test of the BUILT weapp 投递的人 page for those who may not change a status (decision
 * 068): a building head sees the applicants but no 改状态 (the server would answer 403), and a
 * plain line says who changes it.
 */
import { applicant, BUILDING_HEAD, posting } from './support/jobstaff'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

interface Call {
  url: string
  method: string
  success: (r: object) => void
}

describe('built weapp 投递的人: read-only for a building head', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-bh'],
    ['anju.user', BUILDING_HEAD],
  ])
  const wx = fakeWx(storage)
  wx.request.mockImplementation((call: Call) => {
    call.success({
      statusCode: 200,
      data: { posting: posting(), applicants: [applicant()] },
      header: {},
      errMsg: 'request:ok',
    })
    return { abort: () => undefined }
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobstaff/applicants/index', wx, { id: 'P1' })
    await waitFor(() => text().includes('李秀英'), 'the applicants')
  }, 20_000)

  it('lists the applicants without 改状态, and says who changes the status', () => {
    expect(text()).toContain('已投递')
    expect(page.querySelector('.aj-status-open')).toBeFalsy()
    expect(text()).not.toContain('改状态')
    expect(text()).toContain('投递状态由社区工作人员修改')
  })
})
