import { createHash } from 'node:crypto'
import {
  type CreateTicketRequest,
  handlesTickets,
  inScope,
  type Me,
  type Ticket,
  type TicketStatus,
} from '@anju/shared'
import { createOnce } from '../db/idempotency'
import { acknowledgeTicket, getTicket, listTicketsByGrid, listTicketsByHousehold, ticketItem } from '../db/tickets'
import { ForbiddenError, TicketNotFoundError } from '../errors'
import { communitiesOf } from '../grid/communities'
import { toShanghaiIso } from '../time'
import type { ServiceDeps } from './deps'

function requireResident(me: Me, refusal: string): { householdId: string; home: NonNullable<Me['home']> } {
  const householdId = me.scope.householdId
  if (me.role !== 'resident' || !householdId || !me.home) throw new ForbiddenError(refusal)
  return { householdId, home: me.home }
}

function requireTicketStaff(me: Me): void {
  if (!handlesTickets(me.role)) throw new ForbiddenError('您没有权限查看报修单')
}

/** Stable digest of what was asked, so a retry with an edited body is told apart from a replay. */
function requestHash(body: Omit<CreateTicketRequest, 'idempotencyKey'>): string {
  const canonical = JSON.stringify([body.category, body.location, body.description])
  return createHash('sha256').update(canonical).digest('base64url')
}

export async function createTicket(
  deps: ServiceDeps,
  me: Me,
  req: CreateTicketRequest,
): Promise<{ created: boolean; ticket: Ticket }> {
  const { householdId, home } = requireResident(me, '只有住户可以提交报修')
  const { idempotencyKey, ...body } = req
  const now = deps.now()
  const ticket: Ticket = {
    id: deps.newId(),
    householdId,
    address: home,
    category: body.category,
    location: body.location,
    description: body.description,
    status: 'submitted',
    createdAt: toShanghaiIso(now),
    createdBy: me.id,
  }
  const outcome = await createOnce(deps.db, {
    userId: me.id,
    clientKey: idempotencyKey,
    requestHash: requestHash(body),
    operation: 'create_ticket',
    items: [ticketItem(ticket)],
    result: ticket,
    now,
  })
  return { created: outcome.created, ticket: outcome.result }
}

export async function listMyTickets(deps: ServiceDeps, me: Me): Promise<Ticket[]> {
  const { householdId } = requireResident(me, '只有住户可以查看自家的报修')
  return listTicketsByHousehold(deps.db, householdId)
}

const newestFirst = (a: Ticket, b: Ticket) =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1

/** Tickets inside the caller's scope: one Query per community, in parallel for a sub-district. */
export async function listScopeTickets(deps: ServiceDeps, me: Me, status?: TicketStatus): Promise<Ticket[]> {
  requireTicketStaff(me)
  const { scope } = me
  const communityIds = scope.communityId ? [scope.communityId] : communitiesOf(scope.subdistrictId).map((c) => c.id)
  const lists = await Promise.all(
    communityIds.map((communityId) =>
      listTicketsByGrid(deps.db, { communityId, areaId: scope.areaId, buildingId: scope.buildingId, status }),
    ),
  )
  // GSI1 sorts by area and building first; callers want one time line.
  return lists.flat().sort(newestFirst)
}

/** The owner household or in-scope staff may read a ticket; anyone else gets 404, not 403. */
export async function getVisibleTicket(deps: ServiceDeps, me: Me, ticketId: string): Promise<Ticket> {
  const ticket = await getTicket(deps.db, ticketId)
  if (!ticket || !canSee(me, ticket)) throw new TicketNotFoundError()
  return ticket
}

function canSee(me: Me, ticket: Ticket): boolean {
  if (me.role === 'resident') return me.scope.householdId !== undefined && me.scope.householdId === ticket.householdId
  return handlesTickets(me.role) && inScope(me.scope, ticket.address.path)
}

export async function acknowledge(deps: ServiceDeps, me: Me, ticketId: string): Promise<Ticket> {
  // Residents and police are told "not found" too: the ticket's existence is not theirs to learn.
  if (!handlesTickets(me.role)) throw new TicketNotFoundError()
  return acknowledgeTicket(deps.db, {
    ticketId,
    scope: me.scope,
    by: me.id,
    byName: me.name,
    at: toShanghaiIso(deps.now()),
  })
}
