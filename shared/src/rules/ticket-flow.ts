// The ticket status flow: 待受理 → 已受理 → 处理中 → 已解决 / 无法处理 / 非本部门. Each move names the
// states it may start from; the repository turns that into a ConditionExpression, so two staff
// acting at once cannot both win.

import type { TicketOutcome, TicketStatus } from '../schemas/ticket'

export type TicketAction = 'acknowledge' | 'start' | 'close'

export const TICKET_FLOW: Record<TicketAction, { from: readonly TicketStatus[]; verb: string }> = {
  acknowledge: { from: ['submitted'], verb: '受理' },
  start: { from: ['acknowledged'], verb: '开始处理' },
  // 非本部门 or 无法处理 is often clear on first look, so closing does not require 处理中.
  close: { from: ['acknowledged', 'in_progress'], verb: '结束处理' },
}

/** The status a close moves to: the outcome itself. */
export const closedStatusOf = (outcome: TicketOutcome): TicketStatus => outcome

/** Whether `action` may start from `status`. */
export const canMove = (action: TicketAction, status: TicketStatus): boolean =>
  TICKET_FLOW[action].from.includes(status)
