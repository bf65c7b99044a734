import {
  type Me,
  type ResidentTicketEvent,
  type StaffTicket,
  TICKET_STATUS_LABELS,
  type TicketEvent,
  type TicketEventKind,
  type TicketStatus,
  ticketTitle,
} from '@anju/shared'
import type { OutboxMessage } from '../db/ticket-events'
import { toShanghaiIso } from '../time'
import type { ServiceDeps } from './deps'

// What happened to a ticket, told once: the history event, the resident's view of it, and the
// message its followers get. Kept together so the timeline and the notification never disagree.

export interface EventDraft {
  kind: TicketEventKind
  public: boolean
  from?: TicketStatus
  to?: TicketStatus
  text?: string
  rating?: TicketEvent['rating']
  otherTicketId?: string
  photos?: string[]
}

export function newEvent(deps: ServiceDeps, me: Me, ticketId: string, draft: EventDraft): TicketEvent {
  return {
    id: deps.newId(),
    ticketId,
    at: toShanghaiIso(deps.now()),
    actorId: me.id,
    actorName: me.name,
    actorRole: me.role,
    ...draft,
  }
}

export function filedEvent(ticket: StaffTicket, me: Me, eventId: string): TicketEvent {
  return {
    id: eventId,
    ticketId: ticket.id,
    at: ticket.createdAt,
    kind: 'filed',
    public: true,
    actorId: me.id,
    actorName: me.name,
    actorRole: me.role,
    to: ticket.status,
  }
}

/** A timeline event as a resident reads it: no internal notes, no other resident's identity. */
export function residentEvents(events: TicketEvent[], me: Me): ResidentTicketEvent[] {
  return events
    .filter((e) => e.public)
    .map(({ actorId, ...rest }) => {
      const byMe = actorId === me.id
      const otherResident = rest.actorRole === 'resident' && !byMe
      if (!otherResident) return { ...rest, byMe }
      // Another household's own words stay theirs (and staff's): a follower reads that they wrote.
      const { text: _text, photos: _photos, ...anonymous } = rest
      return { ...anonymous, actorName: '其他住户', byMe }
    })
}

// On the timeline, but nobody is messaged: another 我也遇到 or a satisfied rating is not news to
// the other followers.
// Nor is an assignment: a subscription allows one message, better spent on the status change.
const QUIET_KINDS: readonly TicketEventKind[] = ['followed', 'rated', 'filed', 'assigned']

const DEFAULT_TEXT: Partial<Record<TicketEventKind, string>> = {
  status: '报修状态已更新',
  merged: '您的报修与同一问题的报告合并处理，之后的进展会继续通知您',
  reopened: '住户反馈问题没有解决，已重新交给工作人员',
}

/**
 * The followers' message for a public event, or nothing: internal notes, hidden tickets and
 * events nobody else follows send nothing (the actor is not told what they just did).
 */
export function messageFor(
  ticket: StaffTicket,
  event: TicketEvent,
  followerIds: readonly string[],
): OutboxMessage | undefined {
  if (!event.public || ticket.hidden || QUIET_KINDS.includes(event.kind)) return undefined
  const recipients = followerIds.filter((id) => id !== event.actorId)
  if (recipients.length === 0) return undefined
  return {
    eventId: event.id,
    ticketId: ticket.id,
    recipients,
    ...(ticket.kind === 'help' ? { kind: 'help' as const } : {}),
    title: ticketTitle(ticket),
    status: TICKET_STATUS_LABELS[event.to ?? ticket.status],
    text: event.text ?? DEFAULT_TEXT[event.kind] ?? '报修有新的进展',
    createdAt: event.at,
  }
}
