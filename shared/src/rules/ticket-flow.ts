// The ticket status flow: 待受理 → 已受理 → 处理中 → 已解决 / 无法处理 / 非本部门, back to 待受理 when the
// resident answers 没解决, and 已合并 for a duplicate folded into its original. Each move names the
// states it may start from; the repository turns that into a ConditionExpression, so two staff
// acting at once cannot both win.

import type { TicketOutcome, TicketRating, TicketStatus } from '../schemas/ticket'
import { OPEN_TICKET_STATUSES } from './ticket-inbox'

export type TicketAction = 'acknowledge' | 'start' | 'close' | 'reopen' | 'merge'

/** The states a resident may rate: a closure with a reason they read. */
export const RATEABLE_STATUSES: readonly TicketStatus[] = ['resolved', 'cannot_handle', 'not_our_department']

export const TICKET_FLOW: Record<TicketAction, { from: readonly TicketStatus[]; verb: string }> = {
  acknowledge: { from: ['submitted'], verb: '受理' },
  start: { from: ['acknowledged'], verb: '开始处理' },
  // 非本部门 or 无法处理 is often clear on first look, so closing does not require 处理中.
  close: { from: ['acknowledged', 'in_progress'], verb: '结束处理' },
  // 没解决 sends it back to the queue staff watch (待受理), not to whoever closed it.
  reopen: { from: RATEABLE_STATUSES, verb: '重新处理' },
  // Only an open ticket can be folded into another (and only into an open one).
  merge: { from: OPEN_TICKET_STATUSES, verb: '合并' },
}

/** The status a close moves to: the outcome itself. */
export const closedStatusOf = (outcome: TicketOutcome): TicketStatus => outcome

/** Whether `action` may start from `status`. */
export const canMove = (action: TicketAction, status: TicketStatus): boolean =>
  TICKET_FLOW[action].from.includes(status)

/** A rating of 没解决 reopens the ticket; the others only record the verdict. */
export const ratingReopens = (rating: TicketRating): boolean => rating === 'unsolved'
