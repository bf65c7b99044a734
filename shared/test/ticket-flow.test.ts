import {
  CloseTicketRequest,
  canMove,
  closedStatusOf,
  ratingReopens,
  TICKET_STATUS_LABELS,
  TicketRating,
  TicketStatus,
} from '../src'

describe('ticket status flow', () => {
  it.each([
    ['acknowledge', 'submitted', true],
    ['acknowledge', 'acknowledged', false],
    ['start', 'acknowledged', true],
    ['start', 'submitted', false],
    ['start', 'in_progress', false],
    ['close', 'acknowledged', true],
    ['close', 'in_progress', true],
    ['close', 'submitted', false],
    ['close', 'resolved', false],
    ['close', 'not_our_department', false],
  ] as const)('%s from %s: %s', (action, status, ok) => {
    expect(canMove(action, status)).toBe(ok)
  })

  it('closes into the outcome itself, each with a Chinese label', () => {
    expect(closedStatusOf('cannot_handle')).toBe('cannot_handle')
    expect(TicketStatus.options.map((s) => TICKET_STATUS_LABELS[s])).toEqual([
      '待受理',
      '已受理',
      '处理中',
      '已解决',
      '无法处理',
      '非本部门',
      '已关闭',
      '已合并',
    ])
  })

  it.each([
    ['reopen', 'resolved', true],
    ['reopen', 'not_our_department', true],
    ['reopen', 'submitted', false],
    ['reopen', 'merged', false],
    ['merge', 'in_progress', true],
    ['merge', 'resolved', false],
    ['merge', 'merged', false],
  ] as const)('%s from %s: %s', (action, status, allowed) => {
    expect(canMove(action, status)).toBe(allowed)
  })

  it('reopens only on 没解决', () => {
    expect(TicketRating.options.filter(ratingReopens)).toEqual(['unsolved'])
  })
})

describe('CloseTicketRequest', () => {
  it.each([
    [{ outcome: 'resolved', reason: '电梯已修好' }],
    [{ outcome: 'cannot_handle', reason: '需要整栋楼换管道，已报街道', contact: '' }],
    [{ outcome: 'not_our_department', reason: '燃气表归燃气公司管', contact: '昭通燃气公司 0870-1234567' }],
  ])('accepts %j', (body) => {
    expect(CloseTicketRequest.safeParse(body).success).toBe(true)
  })

  it.each([
    [{ outcome: 'not_our_department', reason: '不归物业管' }, 'contact', '非本部门：请写明住户应该联系哪个部门或电话'],
    [{ outcome: 'not_our_department', reason: '不归物业管', contact: '  ' }, 'contact', '请填写应联系的部门或电话'],
    [{ outcome: 'resolved', reason: '   ' }, 'reason', '请填写处理说明'],
    [{ outcome: 'resolved', reason: '好'.repeat(201) }, 'reason', '处理说明最多 200 个字'],
    [{ outcome: 'done', reason: '好了' }, 'outcome', '请选择处理结果'],
  ])('refuses %j at %s: %s', (body, path, message) => {
    const result = CloseTicketRequest.safeParse(body)
    expect(result.success).toBe(false)
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [path], message }))
  })
})
