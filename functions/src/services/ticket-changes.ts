import {
  type CommentTicketRequest,
  type Me,
  OPEN_TICKET_STATUSES,
  RATEABLE_STATUSES,
  type RateTicketRequest,
  ratingReopens,
  type StaffTicket,
  staffTicketView,
  TICKET_FLOW,
  TICKET_STATUS_LABELS,
  type Ticket,
  type TicketEvent,
  TicketStatus,
} from '@anju/shared'
import { onceItem } from '../db/idempotency'
import { eventItem, followItem, outboxItem, readTicketPartition, type TicketFollower } from '../db/ticket-events'
import { ChangeRefused, changeTicket, refusalOf, type TicketChange } from '../db/tickets'
import {
  AlreadyFollowingError,
  ConcurrentChangeError,
  ForbiddenError,
  TicketNotFoundError,
  TicketStateError,
} from '../errors'
import { toShanghaiIso } from '../time'
import { alongside, type PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { type EventDraft, messageFor, newEvent } from './ticket-events'
import { canSee, residentView } from './tickets'

// Every change of a ticket after it was filed, in two round trips: the ticket and its followers
// are read beside the caller, then the change, its history event, the followers' message and any
// new follow are written in one transaction that re-checks the state (two staff → one wins).

/** What a change does, decided from the caller and the ticket as read (see `change`). */
export interface Plan {
  from: readonly TicketStatus[]
  verb: string
  set: Record<string, unknown>
  add?: Record<string, number>
  remove?: string[]
  event: EventDraft
  follow?: TicketFollower
  /** A client key that makes the change safe to resend (comments): a replay changes nothing. */
  once?: string
  /** Ticket fields that must be as read (assignments keep the status, so they check this). */
  expect?: TicketChange['expect']
  /** Other items of the partition changed too (a redacted comment's text). */
  updates?: TicketChange['updates']
}

/** What else was read beside the caller: the history (when asked) and the change's own read. */
export interface ChangeContext<X> {
  events: TicketEvent[]
  extra: X
}

export type Decide<X = undefined> = (me: Me, ticket: StaffTicket, following: boolean, ctx: ChangeContext<X>) => Plan

export interface ChangeOptions<X> {
  /** Read the ticket's whole history too (a change about one event). */
  events?: boolean
  /** A read of the change's own, started beside the caller's (the assignee's user item). */
  alongside?: Promise<X>
}

const ALL_BUT_MERGED = TicketStatus.options.filter((s) => s !== 'merged')

/** Runs one change of a ticket: read beside the caller, decide, one transaction (decision 061). */
export async function change<X = undefined>(
  deps: ServiceDeps,
  caller: PendingCaller,
  ticketId: string,
  decide: Decide<X>,
  opts: ChangeOptions<X> = {},
) {
  const [me, [{ ticket, followers, events }, extra]] = await alongside(
    caller,
    Promise.all([readTicketPartition(deps.db, ticketId, { events: opts.events === true }), opts.alongside as X]),
  )
  const following = followers.some((f) => f.userId === me.id)
  if (!ticket || !(canSee(me, ticket, following) || mayFollow(me, ticket))) throw new TicketNotFoundError()
  const plan = decide(me, ticket, following, { events, extra })
  // Refused here when the read already shows it; the transaction re-checks for races.
  if (!plan.from.includes(ticket.status)) throw new TicketStateError(TICKET_STATUS_LABELS[ticket.status], plan.verb)
  const event = newEvent(deps, me, ticket.id, plan.event)
  const after: StaffTicket = { ...ticket, ...plan.set }
  for (const [field, n] of Object.entries(plan.add ?? {})) {
    ;(after as Record<string, unknown>)[field] =
      (((ticket as Record<string, unknown>)[field] as number | undefined) ?? 0) + n
  }
  for (const field of plan.remove ?? []) delete (after as Record<string, unknown>)[field]
  const followerIds = [...followers.map((f) => f.userId), ...(plan.follow ? [plan.follow.userId] : [])]
  const message = messageFor(after, event, followerIds)
  const items = [
    eventItem(event),
    ...(message ? [outboxItem(message)] : []),
    ...(plan.follow ? [followItem(plan.follow)] : []),
    ...(plan.once ? [onceItem(me.id, plan.once, 'ticket_change', deps.now())] : []),
  ]
  const scope = me.role === 'resident' ? undefined : me.scope
  try {
    await changeTicket(deps.db, {
      ticketId,
      scope,
      from: plan.from,
      set: plan.set,
      add: plan.add,
      remove: plan.remove,
      items,
      expect: plan.expect,
      updates: plan.updates,
    })
  } catch (err) {
    // Tapping 我也遇到 twice (two phones, a retry) finds the follow already there: already done.
    // So does a resent comment whose first sending arrived (its key is taken).
    if ((plan.follow || plan.once) && err instanceof ChangeRefused && err.index === items.length)
      return view(me, ticket)
    // Still in a state the change allows, so what changed under it is what `expect` guards.
    if (plan.expect && err instanceof ChangeRefused && err.index === 0 && err.old && plan.from.includes(err.old.status))
      throw new ConcurrentChangeError()
    if (plan.updates && err instanceof ChangeRefused && err.index > items.length) throw new ConcurrentChangeError()
    throw refusalOf(err, scope, plan.verb)
  }
  return view(me, after)
}

const view = (me: Me, ticket: StaffTicket): Ticket | StaffTicket =>
  me.role === 'resident' ? residentView(ticket, me) : staffTicketView(me.role, ticket)

/**
 * A resident of the same building may follow an open, visible ticket about a shared place there
 * (我也遇到). A problem inside someone's own home is theirs: nobody else follows it or sees its photos.
 */
function mayFollow(me: Me, ticket: StaffTicket): boolean {
  return (
    me.role === 'resident' &&
    !ticket.hidden &&
    ticket.location.kind === 'common_area' &&
    me.home?.path.buildingId !== undefined &&
    me.home.path.buildingId === ticket.address.path.buildingId
  )
}

/**
 * The one-tap rating after a closure, by the filing household or a follower. 没解决 sends the
 * ticket back to 待受理 with the same priority and a deadline as far away as the first one was.
 */
export const rateTicket = (deps: ServiceDeps, caller: PendingCaller, ticketId: string, req: RateTicketRequest) =>
  change(deps, caller, ticketId, (me, ticket) => {
    if (me.role !== 'resident') throw new ForbiddenError('只有住户可以评价报修结果')
    const at = toShanghaiIso(deps.now())
    const lastRating = { rating: req.rating, at, by: me.id }
    if (!ratingReopens(req.rating)) {
      return {
        from: RATEABLE_STATUSES,
        verb: '评价',
        set: { lastRating },
        event: { kind: 'rated', public: true, rating: req.rating },
      }
    }
    const span = ticket.deadline ? Date.parse(ticket.deadline) - Date.parse(ticket.createdAt) : undefined
    return {
      from: TICKET_FLOW.reopen.from,
      verb: TICKET_FLOW.reopen.verb,
      set: {
        status: 'submitted',
        lastRating,
        reopenedAt: at,
        ...(span !== undefined ? { deadline: toShanghaiIso(new Date(deps.now().getTime() + span)) } : {}),
      },
      add: { reopenCount: 1 },
      remove: [
        'closure',
        'acknowledgedAt',
        'acknowledgedBy',
        'acknowledgedByName',
        'startedAt',
        'startedBy',
        'startedByName',
      ],
      event: { kind: 'reopened', public: true, rating: req.rating, from: ticket.status, to: 'submitted' },
    }
  })

/** A public update (residents and followers read it, and are told) or an internal note (staff only). */
export const commentOnTicket = (
  deps: ServiceDeps,
  caller: PendingCaller,
  ticketId: string,
  req: CommentTicketRequest,
) =>
  change(deps, caller, ticketId, (me, _ticket, following) => {
    const isPublic = me.role === 'resident' ? true : req.public === true
    if (me.role === 'resident' && req.public === false) throw new ForbiddenError('住户只能发送公开的补充说明')
    if (me.role === 'resident' && !following && !canSee(me, _ticket, false)) throw new TicketNotFoundError()
    return {
      from: ALL_BUT_MERGED,
      verb: '留言',
      set: { updatedAt: toShanghaiIso(deps.now()) },
      event: { kind: isPublic ? 'update' : 'note', public: isPublic, text: req.text },
      once: req.idempotencyKey,
    }
  })

/** 我也遇到: a resident of the same building follows an open ticket instead of filing another. */
export const followTicket = (deps: ServiceDeps, caller: PendingCaller, ticketId: string) =>
  change(deps, caller, ticketId, (me, ticket, following) => {
    if (me.role !== 'resident' || !mayFollow(me, ticket)) throw new TicketNotFoundError()
    if (following || ticket.householdId === me.scope.householdId) {
      throw new AlreadyFollowingError()
    }
    const at = toShanghaiIso(deps.now())
    return {
      from: OPEN_TICKET_STATUSES,
      verb: '关注',
      set: { updatedAt: at },
      add: { followerCount: 1 },
      event: { kind: 'followed', public: true, text: '又有一户居民遇到同样的问题' },
      follow: { ticketId: ticket.id, userId: me.id, householdId: me.scope.householdId, followedAt: at },
    }
  })
