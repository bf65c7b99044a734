import {
  type CreateTicketRequest,
  type HouseholdContext,
  handlesTicketKind,
  handlesTickets,
  inboxOrder,
  inScope,
  isOverdue,
  type ListTicketsQuery,
  type Me,
  STAFF_ONLY_TICKET_FIELDS,
  type StaffTicket,
  staffTicketView,
  type Ticket,
  type TicketDetailResponse,
} from '@anju/shared'
import { getHouseholdContext } from '../db/household-triage'
import { readTicketPartition } from '../db/ticket-events'
import { getTickets, listTicketsByGrid, listTicketsByHousehold } from '../db/tickets'
import { ForbiddenError, TicketNotFoundError } from '../errors'
import { communitiesOf } from '../grid/communities'
import { toShanghaiIso } from '../time'
import { alongside, type PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { residentEvents } from './ticket-events'
import { fileTicket } from './ticket-filing'

export function requireResident(me: Me, refusal: string): { householdId: string; home: NonNullable<Me['home']> } {
  const householdId = me.scope.householdId
  if (me.role !== 'resident' || !householdId || !me.home) throw new ForbiddenError(refusal)
  return { householdId, home: me.home }
}

function requireTicketStaff(me: Me): void {
  if (!handlesTickets(me.role)) throw new ForbiddenError('您没有权限查看报修单')
}

/** Stands in for what another household wrote: a follower learns what and where, not their words. */
export const FOLLOWED_DESCRIPTION = '同楼住户报告的问题（内容仅报告人和工作人员可见）'
export const OTHER_HOUSEHOLD = 'other-household'

/**
 * What a resident may see of a ticket: never the triage fields, which follow from the colour. A
 * ticket of another household that `reader` follows (我也遇到, a merge) also loses its filer's words,
 * photos, room and ids: the shared place and the progress are what the follower needs.
 */
export function residentView(ticket: StaffTicket, reader?: Me): Ticket {
  const out: Record<string, unknown> = { ...ticket }
  for (const field of STAFF_ONLY_TICKET_FIELDS) delete out[field]
  if (reader && reader.scope.householdId !== ticket.householdId) {
    const { householdId: _hid, ...path } = ticket.address.path
    out.description = FOLLOWED_DESCRIPTION
    out.householdId = OTHER_HOUSEHOLD
    out.createdBy = OTHER_HOUSEHOLD
    out.address = { ...ticket.address, roomNo: '', path }
    delete out.photos
    delete out.filedBy
  }
  return out as Ticket
}

/**
 * Files a resident's ticket or help request with its triage (priority, deadline, reasons)
 * computed from the shared rule and stored for staff (ticket-filing.ts). `household` comes from
 * the auth round trip when it could.
 */
export async function createTicket(
  deps: ServiceDeps,
  me: Me,
  req: CreateTicketRequest,
  household?: HouseholdContext,
): Promise<{ created: boolean; ticket: Ticket }> {
  const { householdId, home } = requireResident(me, '只有住户可以提交报修')
  const { idempotencyKey, ...body } = req
  return fileTicket(deps, {
    filer: me,
    householdId,
    address: home,
    household: household ?? (await getHouseholdContext(deps.db, householdId)),
    body,
    idempotencyKey,
    followerHouseholdId: householdId,
    // The replayed answer goes to the same resident: it must not hold the triage either.
    view: residentView,
  })
}

/**
 * The resident's household's tickets and the ones its members follow, newest first. The list is
 * read beside the user by the token's household (two round trips with the followed tickets); a
 * token naming another household than the user's (a move) costs one more.
 */
export async function listMyTickets(deps: ServiceDeps, caller: PendingCaller): Promise<Ticket[]> {
  const claimed = caller.claims.householdId
  const [me, prefetched] = await alongside(
    caller,
    claimed ? listTicketsByHousehold(deps.db, claimed) : Promise.resolve(undefined),
  )
  const { householdId } = requireResident(me, '只有住户可以查看自家的报修')
  const { tickets, followedIds } =
    prefetched && claimed === householdId ? prefetched : await listTicketsByHousehold(deps.db, householdId)
  const followed = followedIds.length > 0 ? await getTickets(deps.db, followedIds) : []
  // A followed ticket that staff hid is no longer another household's business.
  const all = [...tickets, ...followed.filter((t) => !t.hidden)]
  all.sort((x, y) => (x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0))
  return all.map((t) => residentView(t, me))
}

type Filters = Omit<ListTicketsQuery, 'status'>

function matches(t: StaffTicket, f: Filters, now: string): boolean {
  if (f.kind !== undefined && (t.kind ?? 'property') !== f.kind) return false
  if (f.category !== undefined && t.category !== f.category) return false
  if (f.buildingId !== undefined && t.address.path.buildingId !== f.buildingId) return false
  if (f.overdue !== undefined && isOverdue(t, now) !== f.overdue) return false
  if (f.emergency !== undefined && (t.emergency === true) !== f.emergency) return false
  return true
}

/**
 * The staff inbox inside the caller's scope: one Query per community (in parallel for a
 * sub-district), status filtered in DynamoDB, the other filters here, then inboxOrder.
 */
export async function listScopeTickets(
  deps: ServiceDeps,
  me: Me,
  query: ListTicketsQuery = {},
): Promise<StaffTicket[]> {
  requireTicketStaff(me)
  const { status, ...filters } = query
  const now = toShanghaiIso(deps.now())
  const { scope } = me
  const communityIds = scope.communityId ? [scope.communityId] : communitiesOf(scope.subdistrictId).map((c) => c.id)
  const lists = await Promise.all(
    communityIds.map((communityId) =>
      listTicketsByGrid(deps.db, { communityId, areaId: scope.areaId, buildingId: scope.buildingId, status }),
    ),
  )
  return inboxOrder(
    lists.flat().filter((t) => handlesTicketKind(me.role, t.kind) && matches(t, filters, now)),
    now,
  ).map((t) => staffTicketView(me.role, t))
}

/**
 * A ticket with its timeline, for its owner household, a follower, or in-scope staff (404 for
 * anyone else: its existence is not theirs to learn). Residents get the public events only.
 */
export async function getTicketDetail(
  deps: ServiceDeps,
  caller: PendingCaller,
  ticketId: string,
): Promise<TicketDetailResponse> {
  const [me, { ticket, events, followers }] = await alongside(
    caller,
    readTicketPartition(deps.db, ticketId, { events: true }),
  )
  const following = followers.some((f) => f.userId === me.id)
  if (!ticket || !canSee(me, ticket, following)) throw new TicketNotFoundError()
  if (me.role !== 'resident') return { ticket: staffTicketView(me.role, ticket), events, following }
  return { ticket: residentView(ticket, me), events: residentEvents(events, me), following }
}

/** The ticket alone, for the same readers as its detail (photos are shown to exactly them). */
export async function getVisibleTicket(deps: ServiceDeps, me: Me, ticketId: string): Promise<StaffTicket> {
  const { ticket, followers } = await readTicketPartition(deps.db, ticketId, { events: false })
  if (
    !ticket ||
    !canSee(
      me,
      ticket,
      followers.some((f) => f.userId === me.id),
    )
  )
    throw new TicketNotFoundError()
  return me.role === 'resident' ? residentView(ticket, me) : staffTicketView(me.role, ticket)
}

/** The owner household, a follower, or staff who may handle it (staffMaySee). */
export function canSee(me: Me, ticket: Ticket, following: boolean): boolean {
  if (me.role === 'resident')
    return following || (me.scope.householdId !== undefined && me.scope.householdId === ticket.householdId)
  return staffMaySee(me, ticket)
}

/**
 * Staff who handle tickets, in whose scope it lies, of a kind their role takes: property staff
 * never see a help request (decision 071). Anyone else is told "not found".
 */
export function staffMaySee(me: Me, ticket: Pick<Ticket, 'kind' | 'address'>): boolean {
  return handlesTickets(me.role) && inScope(me.scope, ticket.address.path) && handlesTicketKind(me.role, ticket.kind)
}
