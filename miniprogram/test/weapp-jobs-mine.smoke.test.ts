/**
 * Smoke test of the BUILT weapp 我的投递 (issue 6): each application with its status in words,
 * and what the community recommended, with the note.
 */
import { type Call, posting, reply } from './support/jobs'
import { signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

describe('built weapp my jobs', () => {
  const wx = fakeWx(signedInStorage())
  wx.request.mockImplementation((call: Call) =>
    reply(call, 200, {
      applications: [
        {
          postingId: 'J1',
          status: 'hired',
          appliedAt: '2026-12-01T09:00:00+08:00',
          updatedAt: 'x',
          note: { text: '周一早上8点到1栋帮扶车间报到，带身份证', at: '2026-12-03T10:00:00+08:00', status: 'hired' },
          posting: posting(),
        },
        {
          postingId: 'J2',
          status: 'rejected',
          appliedAt: '2026-12-02T09:00:00+08:00',
          updatedAt: 'x',
          posting: posting({ id: 'J2', title: '仓库理货员', status: 'closed' }),
        },
      ],
      recommendations: [
        { posting: posting({ id: 'J3', title: '小区保洁员' }), at: 'x', note: '离你家近，活不重' },
        { posting: posting({ id: 'J4', title: '过期的岗位', expiresOn: '2020-01-01' }), at: 'x' },
      ],
    }),
  )
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const textOf = (selector: string) =>
    (page.querySelector(selector) as unknown as { dom: HTMLElement } | null)?.dom.textContent ?? ''

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobs/mine/index', wx)
    await waitFor(() => text().includes('仓库理货员'), 'my jobs to render')
  })

  it('shows each application’s status in words', () => {
    expect(textOf('.aj-application-J1')).toContain('已录用')
    expect(textOf('.aj-application-J2')).toContain('未录用')
    expect(text()).toContain('报名时间：')
    expect(text()).toContain('读给我听')
  })

  it('shows the recommendations with the community’s note', () => {
    expect(textOf('.aj-recommendation-J3')).toContain('社区为你推荐')
    expect(textOf('.aj-recommendation-J3')).toContain('社区的话：离你家近，活不重')
  })

  it('shows the community’s note to me on the application it came with, and only there', () => {
    expect(textOf('.aj-application-J1')).toContain('社区的话：周一早上8点到1栋帮扶车间报到，带身份证')
    expect(textOf('.aj-application-J1')).toContain('改为已录用时写的')
    expect(textOf('.aj-application-J2')).not.toContain('社区的话')
  })

  it('marks a closed or expired posting by word, open ones not', () => {
    expect(textOf('.aj-application-J2')).toContain('已停止招聘')
    expect(textOf('.aj-recommendation-J4')).toContain('已过报名时间')
    expect(textOf('.aj-recommendation-J3')).not.toMatch(/已停止招聘|已过报名时间/)
    expect(page.querySelector('.aj-application-J2 .aj-job-card__closed')).not.toBeNull()
  })
})
