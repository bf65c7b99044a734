/**
 * Smoke test of the BUILT weapp 我的求职信息 filled in by a building head (issue 6): the note says
 * who did it, and the page starts from what they wrote.
 */
import { type Call, profile, reply } from './support/jobs'
import { signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

describe('built weapp job profile filled on the resident’s behalf', () => {
  const wx = fakeWx(signedInStorage())
  wx.request.mockImplementation((call: Call) =>
    reply(call, 200, {
      state: 'ready',
      name: '张秀英',
      profile: profile({ updatedBy: { userId: 'u-head-5', name: '赵美芬', role: 'building_head', onBehalf: true } }),
    }),
  )
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobs/profile/index', wx)
    await waitFor(() => text().includes('帮你填写'), 'the on-behalf note')
  })

  it('says who filled it in and shows their answers as chosen', () => {
    expect(text()).toContain('楼栋长赵美芬帮你填写')
    for (const selector of [
      '.aj-hours-day',
      '.aj-skill-mushroom',
      '.aj-skill-cleaning',
      '.aj-school-run-yes',
      '.aj-commute-3',
    ])
      expect((page.querySelector(selector) as unknown as { dom: HTMLElement }).dom.textContent).toContain('✓ 已选')
  })
})
