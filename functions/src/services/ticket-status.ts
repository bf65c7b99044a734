import {
  type CloseTicketRequest,
  closedStatusOf,
  handlesTickets,
  type Me,
  TICKET_FLOW,
  type TicketAction,
  type TicketClosure,
  type TicketStatus,
} from '@anju/shared'
import { TicketNotFoundError } from '../errors'
import { toShanghaiIso } from '../time'
import type { PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { change, type Decide } from './ticket-changes'

// The staff's status moves along the shared flow (待受理 → 已受理 → 处理中 → closed), each one
// ticket change (ticket-changes.ts): the move, its public history event, the followers told.

function staffMove(
  action: TicketAction,
  set: (me: Me, at: string) => Record<string, unknown>,
  deps: ServiceDeps,
): Decide {
  return (me, ticket) => {
    // Residents and police are told "not found": handling tickets is not theirs.
    if (!handlesTickets(me.role)) throw new TicketNotFoundError()
    const fields = set(me, toShanghaiIso(deps.now()))
    const to = fields.status as TicketStatus
    const closure = fields.closure as TicketClosure | undefined
    return {
      from: TICKET_FLOW[action].from,
      verb: TICKET_FLOW[action].verb,
      set: fields,
      event: {
        kind: 'status',
        public: true,
        from: ticket.status,
        to,
        text: closure ? closureText(closure) : undefined,
      },
    }
  }
}

const closureText = (c: TicketClosure) => (c.contact ? `${c.reason}（请联系：${c.contact}）` : c.reason)

/** 待受理 → 已受理. */
export const acknowledge = (deps: ServiceDeps, caller: PendingCaller, ticketId: string) =>
  change(
    deps,
    caller,
    ticketId,
    staffMove(
      'acknowledge',
      (me, at) => ({ status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: me.id, acknowledgedByName: me.name }),
      deps,
    ),
  )

/** 已受理 → 处理中. */
export const startWork = (deps: ServiceDeps, caller: PendingCaller, ticketId: string) =>
  change(
    deps,
    caller,
    ticketId,
    staffMove(
      'start',
      (me, at) => ({ status: 'in_progress', startedAt: at, startedBy: me.id, startedByName: me.name }),
      deps,
    ),
  )

/** 已受理 / 处理中 → 已解决 / 无法处理 / 非本部门, with the reason the resident reads. */
export const closeTicket = (deps: ServiceDeps, caller: PendingCaller, ticketId: string, req: CloseTicketRequest) =>
  change(
    deps,
    caller,
    ticketId,
    staffMove(
      'close',
      (me, at) => {
        const closure: TicketClosure = {
          outcome: req.outcome,
          reason: req.reason,
          ...(req.outcome === 'not_our_department' && req.contact ? { contact: req.contact } : {}),
          at,
          by: me.id,
          byName: me.name,
        }
        return { status: closedStatusOf(req.outcome), closure }
      },
      deps,
    ),
  )
