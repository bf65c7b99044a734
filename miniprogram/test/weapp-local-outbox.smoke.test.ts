/**
 * Smoke test of the BUILT local-outbox page (decision 066): on `npm start` a developer reads what
 * each follower would have received as a WeChat message, and why one was not sent.
 */
import { fakeWx, renderBuiltPage, waitFor } from './support/weappSim'

interface Call {
  success: (r: object) => void
}

describe('built page: the local outbox (npm start)', () => {
  const wx = fakeWx(
    new Map<string, unknown>([
      ['anju.token', 'tok-u-resident-2'],
      ['anju.user', { id: 'u-resident-2', name: '王建国', role: 'resident', scope: { subdistrictId: 'yanchi' } }],
    ]),
  )
  wx.request.mockImplementation((call: Call) => {
    call.success({
      statusCode: 200,
      header: {},
      errMsg: 'request:ok',
      data: {
        notifications: [
          {
            eventId: 'EV2',
            ticketId: 'T2',
            userId: 'u-resident-3',
            recipientName: '沙马·阿果',
            at: '2026-12-03T11:00:00.000+08:00',
            delivered: false,
            reason: '住户没有订阅（只在小程序里看到）',
            templateId: 'local-ticket-update',
            page: 'packages/resident/ticket/index?id=T2',
            data: { thing1: { value: '电梯报修' }, phrase2: { value: '已解决' } },
          },
        ],
      },
    })
    return { abort: () => undefined }
  })

  it('shows what a follower would have received, and why it was not sent', async () => {
    const page = await renderBuiltPage('packages/account/outbox/index', wx, {})
    await waitFor(() => (page.dom.textContent ?? '').includes('沙马·阿果'), 'the local message')
    const text = page.dom.textContent ?? ''
    expect(text).toContain('未发送，住户没有订阅（只在小程序里看到）')
    expect(text).toContain('phrase2：已解决')
  })
})
