/**
 * Smoke test of the BUILT weapp 投递的人 page when someone changed the status meanwhile: the 409's
 * Chinese message stays in the form, the list is read again (the status as it is now), and a second
 * try is based on the new version, so it goes through rather than being refused forever.
 */
import type { ApplicantView } from '@anju/shared'
import { applicant, posting, STAFF } from './support/jobstaff'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

interface Call {
  url: string
  method: string
  data?: { basedOn?: string }
  success: (r: object) => void
}

const OLD = '2026-12-02T10:00:00+08:00'
const NEW = '2026-12-03T09:30:00+08:00'
const MESSAGE = '这份投递的状态刚被别人改过，请刷新后再改'

describe('built weapp 投递的人: a status changed meanwhile', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-staff'],
    ['anju.user', STAFF],
  ])
  const wx = fakeWx(storage)
  let applicants: ApplicantView[] = [applicant({ updatedAt: OLD })]
  const posts: Call[] = []
  wx.request.mockImplementation((call: Call) => {
    const reply = (statusCode: number, data: unknown) => {
      call.success({ statusCode, data, header: {}, errMsg: 'request:ok' })
      return { abort: () => undefined }
    }
    if (call.method === 'GET') return reply(200, { posting: posting(), applicants })
    posts.push(call)
    if (call.data?.basedOn === OLD) {
      // Someone else marked them 已录用 a moment ago.
      applicants = [applicant({ status: 'hired', updatedAt: NEW })]
      return reply(409, { code: 'conflict', message: MESSAGE })
    }
    applicants = [applicant({ status: 'rejected', updatedAt: '2026-12-03T10:00:00+08:00' })]
    return reply(200, { application: applicants[0] })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const all = (selector: string) =>
    (
      page as unknown as { querySelectorAll(s: string): { dispatchEvent(n: string, o?: object): void }[] }
    ).querySelectorAll(selector)

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobstaff/applicants/index', wx, { id: 'P1' })
    await waitFor(() => text().includes('李秀英'), 'the applicants')
  }, 20_000)

  it('shows the refusal and the status as it is now, then a second try goes through', async () => {
    all('.aj-status-open')[0].dispatchEvent('tap')
    await waitFor(() => all('.aj-status-save').length === 1, 'the status form', 2000)
    all('.aj-status-rejected')[0].dispatchEvent('tap')
    await waitFor(() => text().includes('✓ 未录用'), 'the choice', 2000)
    all('.aj-status-save')[0].dispatchEvent('tap')
    await waitFor(
      () => text().includes('刚被别人改过') && text().includes('已录用'),
      'the refusal and the fresh list',
      2000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}: ${text().slice(-500)} ${JSON.stringify(posts.map((p) => p.data))}`)
    })
    expect(posts).toHaveLength(1)

    all('.aj-status-save')[0].dispatchEvent('tap')
    await waitFor(() => posts.length === 2, 'the second try', 2000)
    expect(posts[1].data).toMatchObject({ status: 'rejected', basedOn: NEW })
  })
})
