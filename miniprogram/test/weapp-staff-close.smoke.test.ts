/**
 * Smoke test of the BUILT weapp staff ticket page (issue 5, slice C): 开始处理, then closing as
 * 非本部门, where the server's Chinese refusal is shown and, once a contact is given, the reason
 * and the contact the resident will read.
 */
import type { StaffTicket } from '@anju/shared'
import { ticket } from './support/fixtures'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

const STAFF = { id: 'u-head-5', name: '赵美芬', role: 'building_head', scope: { subdistrictId: 'yanchi' } }

interface Call {
  url: string
  method: string
  data?: unknown
  success: (r: object) => void
}

describe('built weapp staff ticket page: start and close', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-u-head-5'],
    ['anju.user', STAFF],
  ])
  const wx = fakeWx(storage)
  let current: StaffTicket = { ...ticket({ status: 'acknowledged' }), priority: 'normal' }
  const posts: Call[] = []
  wx.request.mockImplementation((call: Call) => {
    const reply = (statusCode: number, data: unknown) => {
      call.success({ statusCode, data, header: {}, errMsg: 'request:ok' })
      return { abort: () => undefined }
    }
    // The page reads the detail (with its timeline) and, for merging, the similar tickets.
    if (call.method === 'GET' && call.url.includes('/similar')) return reply(200, { tickets: [] })
    if (call.method === 'GET') return reply(200, { ticket: current, events: [], following: false })
    posts.push(call)
    if (call.url.endsWith('/start')) current = { ...current, status: 'in_progress', startedByName: STAFF.name }
    if (call.url.endsWith('/close')) {
      const body = call.data as { outcome: string; reason: string; contact?: string }
      if (!body.contact) {
        return reply(400, {
          code: 'validation',
          message: '请检查填写的内容',
          errors: [{ path: 'contact', message: '非本部门：请写明住户应该联系哪个部门或电话' }],
        })
      }
      current = {
        ...current,
        status: 'not_our_department',
        closure: {
          ...body,
          outcome: 'not_our_department',
          at: '2026-12-03T11:00:00+08:00',
          by: STAFF.id,
          byName: STAFF.name,
        },
      }
    }
    return reply(200, { ticket: current })
  })
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const el = (selector: string) => page.querySelector(selector)

  beforeAll(async () => {
    page = await renderBuiltPage('packages/staff/ticket/index', wx, { id: 'T1' })
    await waitFor(() => text().includes('开始处理'), 'the staff ticket page to render')
  })

  it('starts work with one tap', async () => {
    el('.aj-start')?.dispatchEvent('tap')
    await waitFor(() => text().includes('处理中'), 'the in-progress status')
    expect(posts.map((p) => p.url.replace(/^.*\/api/, ''))).toEqual(['/tickets/T1/start'])
  })

  it('shows the server’s Chinese refusal of 非本部门 without a contact', async () => {
    // Act
    el('.aj-outcome-not_our_department')?.dispatchEvent('tap')
    await waitFor(() => Boolean(el('.aj-close-contact')), 'the contact field')
    el('.aj-close-reason')?.dispatchEvent('input', { detail: { value: '燃气表由燃气公司负责' } })
    el('.aj-close')?.dispatchEvent('tap')
    // Assess
    await waitFor(() => text().includes('非本部门：请写明住户应该联系哪个部门或电话'), 'the refusal')
    expect(posts.at(-1)?.data).toEqual({ outcome: 'not_our_department', reason: '燃气表由燃气公司负责' })
  })

  it('closes with the contact and shows what the resident will read', async () => {
    el('.aj-close-contact')?.dispatchEvent('input', { detail: { value: '昭通燃气公司 0870-1234567' } })
    el('.aj-close')?.dispatchEvent('tap')
    await waitFor(() => text().includes('请联系：昭通燃气公司 0870-1234567'), 'the closure')
    expect(text()).toContain('处理说明：燃气表由燃气公司负责')
    expect(el('.aj-close')).toBeFalsy()
  })
})
