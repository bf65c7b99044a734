/**
 * Smoke test of the BUILT weapp 投递的人 page (issue 6 item 4): each applicant's status in words
 * with an icon; 改状态 needs a choice (the shared schema's Chinese message), then 已录用 with a
 * note is sent once and the page shows what the resident will read.
 */
import type { ApplicantView, ApplicationStatus } from '@anju/shared'
import { applicant, posting, STAFF } from './support/jobstaff'
import { fakeWx, renderBuiltPage, type SimulatedPage, stepper, waitFor } from './support/weappSim'

interface Call {
  url: string
  method: string
  data?: { status: ApplicationStatus; note?: string }
  success: (r: object) => void
}

describe('built weapp 投递的人: change an applicant’s status with a note', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-staff'],
    ['anju.user', STAFF],
  ])
  const wx = fakeWx(storage)
  let applicants: ApplicantView[] = [
    applicant(),
    applicant({ personId: 'pp2', name: '王德明', status: 'contacted', addressLabel: '6栋2单元0101室' }),
  ]
  const posts: Call[] = []
  wx.request.mockImplementation((call: Call) => {
    const reply = (data: unknown) => {
      call.success({ statusCode: 200, data, header: {}, errMsg: 'request:ok' })
      return { abort: () => undefined }
    }
    if (call.method === 'GET') return reply({ posting: posting(), applicants })
    posts.push(call)
    const body = call.data as { status: ApplicationStatus; note?: string }
    const at = '2026-12-03T11:00:00+08:00'
    applicants = applicants.map((a) =>
      call.url.includes(`/applicants/${a.personId}/`)
        ? {
            ...a,
            status: body.status,
            history: [
              ...a.history,
              { at, status: body.status, note: body.note, by: { userId: STAFF.id, name: STAFF.name } },
            ],
          }
        : a,
    )
    return reply({ application: applicants[0] })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const all = (selector: string) =>
    (
      page as unknown as { querySelectorAll(s: string): { dispatchEvent(n: string, o?: object): void }[] }
    ).querySelectorAll(selector)
  const statuses = () => Array.from(page.dom.querySelectorAll('.main--aj-applicant__status')).map((n) => n.textContent)
  const step = stepper(text)

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobstaff/applicants/index', wx, { id: 'P1' })
    await waitFor(() => text().includes('王德明'), 'the applicants')
  }, 20_000)

  it('lists each applicant with the posting and the status in words', () => {
    expect(text()).toContain('包装工 · 昭通金果食品厂')
    expect(text()).toContain('李秀英')
    expect(text()).toContain('12月2日投递')
    expect(text()).toContain('已投递')
    expect(text()).toContain('已联系')
    expect(statuses()).toEqual(['已投递', '已联系'])
  })

  it('asks for a status first, then sends 已录用 with the note', async () => {
    all('.aj-status-open')[0].dispatchEvent('tap')
    await step(() => all('.aj-status-save').length === 1, 'the status form')
    // Staff know the note is written to the resident.
    expect(text()).toContain('写给居民的话（居民能看到）')
    all('.aj-status-save')[0].dispatchEvent('tap')
    await step(() => text().includes('请选择投递状态'), 'the missing-status message')
    expect(posts).toHaveLength(0)

    all('.aj-status-hired')[0].dispatchEvent('tap')
    all('.aj-status-note')[0].dispatchEvent('input', { detail: { value: '下周一到厂里报到' } })
    await step(() => text().includes('✓ 已录用'), 'the choice')
    all('.aj-status-save')[0].dispatchEvent('tap')
    await step(() => text().includes('备注：下周一到厂里报到'), 'the new status and note')
    expect(posts).toHaveLength(1)
    expect(posts[0].url).toMatch(/\/api\/jobs\/postings\/P1\/applicants\/pp1\/status$/)
    // basedOn: the application's updatedAt as the page showed it, so a change made meanwhile is refused.
    expect(posts[0].data).toEqual({ status: 'hired', note: '下周一到厂里报到', basedOn: '2026-12-02T10:00:00+08:00' })
    expect(statuses()).toEqual(['已录用', '已联系'])
    expect(all('.aj-status-save')).toHaveLength(0)
  })
})
