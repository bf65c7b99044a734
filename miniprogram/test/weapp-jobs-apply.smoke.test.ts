/**
 * Smoke test of the BUILT weapp job detail (issue 6): why it suits me, wage, hours, place and the
 * requirements in plain words; 一键报名 whose answer is lost keeps its key in storage, and the
 * retry sends the same key and shows 已投递; 打电话 dials the posting's contact.
 */
import { APPLY_STORAGE_KEY } from '../src/services/jobApply'
import { apiPath, type Call, posting, REASONS, reply } from './support/jobs'
import { RESIDENT, signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

describe('built weapp job detail: apply', () => {
  const storage = signedInStorage()
  const wx = { ...fakeWx(storage), makePhoneCall: jest.fn((o: { success?: (r: object) => void }) => o.success?.({})) }
  const job = posting({ contactPhone: '13888880001', description: '在5栋一楼车间，活不重。' })
  let applied = false
  const posts: Call[] = []
  wx.request.mockImplementation((call: Call) => {
    if (call.method === 'GET') {
      return reply(call, 200, {
        posting: job,
        fit: { eligible: true, score: 0.8, reasons: REASONS },
        recommended: true,
        ...(applied ? { application: { postingId: 'J1', status: 'applied', appliedAt: 'x', updatedAt: 'x' } } : {}),
      })
    }
    posts.push(call)
    // The first answer is lost on the way back; the server kept the application.
    applied = true
    if (posts.length === 1) return reply(call, null)
    return reply(call, 200, {
      application: { postingId: 'J1', status: 'applied', appliedAt: 'x', updatedAt: 'x' },
      created: false,
    })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const el = (selector: string) => page.querySelector(selector)
  const stored = () =>
    storage.get(`${APPLY_STORAGE_KEY}@${RESIDENT.id}`) as
      | Record<string, { idempotencyKey: string; pending: boolean }>
      | undefined

  beforeAll(async () => {
    page = await renderBuiltPage('packages/jobs/job/index', wx, { id: 'J1' })
    await waitFor(() => text().includes('一键报名'), 'the job detail to render')
  })

  it('shows the reasons, the facts and the requirements in plain words', () => {
    for (const words of [
      '菌棒装袋工',
      '读给我听',
      '社区为你推荐',
      '月薪3000–3600元',
      '白班 8:00–17:00',
      '在小区里：5栋',
      '为什么适合你',
      '离家800米',
      '要会：食用菌生产',
      '不需要认字',
      '招 5 人',
      '在5栋一楼车间，活不重。',
      '打电话问问 13888880001',
    ])
      expect(text()).toContain(words)
  })

  it('keeps the key when the answer is lost, and the retry reuses it', async () => {
    // Act: the first tap's answer never arrives.
    el('.aj-apply')?.dispatchEvent('tap')
    await waitFor(() => text().includes('报名已保存'), 'the saved notice')
    const key = stored()?.J1
    expect(key).toMatchObject({ pending: true, idempotencyKey: expect.stringMatching(/^k/) })
    // Act: 现在重试
    el('.aj-retry')?.dispatchEvent('tap')
    // Assess
    await waitFor(() => text().includes('我的报名') && text().includes('已投递'), 'the application status')
    expect(posts.map((p) => [apiPath(p), p.data])).toEqual([
      ['/jobs/J1/apply', { idempotencyKey: key?.idempotencyKey }],
      ['/jobs/J1/apply', { idempotencyKey: key?.idempotencyKey }],
    ])
    expect(stored()).toBeUndefined()
    expect(text()).not.toContain('一键报名')
  })

  it('calls the contact number with 打电话', async () => {
    el('.aj-call-employer')?.dispatchEvent('tap')
    await waitFor(() => wx.makePhoneCall.mock.calls.length > 0, 'wx.makePhoneCall')
    expect(wx.makePhoneCall.mock.calls[0][0]).toMatchObject({ phoneNumber: '13888880001' })
  })
})
