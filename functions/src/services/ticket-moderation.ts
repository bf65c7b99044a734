import {
  type HideTicketRequest,
  handlesTickets,
  isRedactionOf,
  type Me,
  type RedactEventRequest,
  type RedactTicketRequest,
  type Role,
  TicketStatus,
} from '@anju/shared'
import { outboxKey, ticketEventKey } from '../db/keys'
import { outboxMessageExists } from '../db/outbox-exists'
import { ConflictError, ForbiddenError, NotFoundError, TicketNotFoundError, ValidationError } from '../errors'
import { toShanghaiIso } from '../time'
import type { PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { change } from './ticket-changes'

// Moderation of what residents wrote: hide an abusive ticket, replace personal data in its
// description or in one comment. Community staff and above only (decision 067): a building head
// lives among the residents they would be silencing, and property staff are a party to complaints.

export const MODERATOR_ROLES: readonly Role[] = ['community_staff', 'subdistrict_admin']

const ALL_STATUSES = TicketStatus.options

function requireModerator(me: Me, what: string): void {
  // Residents and police are told "not found", as for every ticket action that is not theirs.
  if (!handlesTickets(me.role)) throw new TicketNotFoundError()
  if (!MODERATOR_ROLES.includes(me.role)) throw new ForbiddenError(`只有社区工作人员可以${what}`)
}

/**
 * The saved text must be the original with characters deleted or covered by ＊ (the shared
 * `isRedactionOf`), and not the original itself: a redaction never rewrites what was reported.
 */
function checkRedaction(field: string, label: string, original: string, masked: string): void {
  const refuse = (message: string) => {
    throw new ValidationError(message, [{ path: field, message }])
  }
  if (masked === original) refuse(`${label}与原文相同，请先遮住其中的个人信息`)
  if (!isRedactionOf(original, masked)) refuse(`${label}只能删去或用＊遮住原文中的字，不能改写或添加`)
}

/** POST /api/tickets/:id/hide: out of residents' lists, duplicates and Open311; no messages. */
export const hideTicket = (deps: ServiceDeps, caller: PendingCaller, ticketId: string, req: HideTicketRequest) =>
  change(deps, caller, ticketId, (me, ticket) => {
    requireModerator(me, '隐藏报修单')
    if (ticket.hidden) throw new ConflictError('这张报修单已经隐藏了')
    const at = toShanghaiIso(deps.now())
    return {
      from: ALL_STATUSES,
      verb: '隐藏',
      set: { hidden: { at, by: me.id, reason: req.reason }, updatedAt: at },
      expect: { 'hidden.at': undefined },
      // Staff only: the filer is not told that others no longer see it.
      event: { kind: 'hidden', public: false, text: req.reason },
    }
  })

/** POST /api/tickets/:id/unhide: a hide undone (by mistake, or the matter settled). */
export const unhideTicket = (deps: ServiceDeps, caller: PendingCaller, ticketId: string) =>
  change(deps, caller, ticketId, (me, ticket) => {
    requireModerator(me, '取消隐藏')
    if (!ticket.hidden) throw new ConflictError('这张报修单没有隐藏')
    return {
      from: ALL_STATUSES,
      verb: '取消隐藏',
      set: { updatedAt: toShanghaiIso(deps.now()) },
      remove: ['hidden'],
      expect: { 'hidden.at': ticket.hidden.at },
      event: { kind: 'unhidden', public: false },
    }
  })

/** POST /api/tickets/:id/redact: the description replaced by its masked form. */
export const redactTicket = (deps: ServiceDeps, caller: PendingCaller, ticketId: string, req: RedactTicketRequest) =>
  change(deps, caller, ticketId, (me, ticket) => {
    requireModerator(me, '隐去个人信息')
    checkRedaction('description', '处理后的问题描述', ticket.description, req.description)
    const at = toShanghaiIso(deps.now())
    return {
      from: ALL_STATUSES,
      verb: '隐去个人信息',
      set: { description: req.description, redactedAt: at },
      // Someone else redacting at the same time started from the same text, or this one loses.
      expect: { description: ticket.description },
      // Who and when, never what was removed.
      event: { kind: 'redacted', public: false, text: '隐去了问题描述中的个人信息' },
    }
  })

// Comments a resident or staff member wrote for others to read: the ones worth redacting.
const TEXT_EVENT_KINDS = ['update', 'note']

/**
 * POST /api/tickets/:id/events/:eventId/redact: one comment's text replaced, with the message its
 * followers were sent (still pending or not), in the ticket change's transaction.
 */
export const redactEvent = (
  deps: ServiceDeps,
  caller: PendingCaller,
  ticketId: string,
  eventId: string,
  req: RedactEventRequest,
) =>
  change(
    deps,
    caller,
    ticketId,
    (me, _ticket, _following, { events, extra: hasMessage }) => {
      requireModerator(me, '隐去个人信息')
      const event = events.find((e) => e.id === eventId)
      if (!event || !TEXT_EVENT_KINDS.includes(event.kind) || event.text === undefined)
        throw new NotFoundError('找不到这条留言')
      checkRedaction('text', '处理后的内容', event.text, req.text)
      const at = toShanghaiIso(deps.now())
      return {
        from: ALL_STATUSES,
        verb: '隐去个人信息',
        set: { redactedAt: at },
        event: { kind: 'redacted', public: false, text: '隐去了一条留言中的个人信息' },
        updates: [
          { key: ticketEventKey(ticketId, event.at, event.id), set: { text: req.text, redactedAt: at } },
          ...(hasMessage ? [{ key: outboxKey(event.id), set: { text: req.text } }] : []),
        ],
      }
    },
    { events: true, alongside: outboxMessageExists(deps.db, eventId) },
  )
