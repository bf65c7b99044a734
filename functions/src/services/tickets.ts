import { createHash } from 'node:crypto'
import {
  answersFor,
  type CloseTicketRequest,
  type CreateTicketRequest,
  closedStatusOf,
  type HouseholdContext,
  handlesTickets,
  inboxOrder,
  inScope,
  isOverdue,
  type ListTicketsQuery,
  type Me,
  STAFF_ONLY_TICKET_FIELDS,
  type StaffTicket,
  situationOf,
  type Ticket,
  type TicketAction,
  type TicketClosure,
  TRIAGE_RULES,
  type TriageRules,
  triageTicket,
  withPropertyDuty,
} from '@anju/shared'
import { getHouseholdContext } from '../db/household-triage'
import { createOnce } from '../db/idempotency'
import { getTicket, listTicketsByGrid, listTicketsByHousehold, moveTicket, ticketItem } from '../db/tickets'
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
  const answers = answersFor(body.category, body.answers)
  // Without answers the digest is the one stored before questions existed, so old keys replay.
  const parts: unknown[] = [body.category, body.location, body.description]
  if (Object.keys(answers).length > 0) parts.push(answers)
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url')
}

/** What a resident may see of a ticket: never the triage fields, which follow from the colour. */
export function residentView(ticket: StaffTicket): Ticket {
  const out: Record<string, unknown> = { ...ticket }
  for (const field of STAFF_ONLY_TICKET_FIELDS) delete out[field]
  return out as Ticket
}

/**
 * Files a resident's ticket with its triage (priority, deadline, reasons) computed here from the
 * shared rule and stored for staff. `household` comes from the auth round trip when it could.
 */
/** The shared triage rules with this deployment's property duty line, when it has one. */
function triageRules(config: ServiceDeps['config']): TriageRules {
  return config.propertyDutyPhone ? withPropertyDuty(config.propertyDutyPhone) : TRIAGE_RULES
}

export async function createTicket(
  deps: ServiceDeps,
  me: Me,
  req: CreateTicketRequest,
  household?: HouseholdContext,
): Promise<{ created: boolean; ticket: Ticket }> {
  const { householdId, home } = requireResident(me, '只有住户可以提交报修')
  const { idempotencyKey, ...body } = req
  const now = deps.now()
  const createdAt = toShanghaiIso(now)
  const answers = answersFor(body.category, body.answers)
  const triage = triageTicket(
    {
      category: body.category,
      situation: situationOf(answers),
      household: household ?? (await getHouseholdContext(deps.db, householdId)),
      at: createdAt,
    },
    triageRules(deps.config),
  )
  const ticket: StaffTicket = {
    id: deps.newId(),
    householdId,
    address: home,
    category: body.category,
    location: body.location,
    description: body.description,
    status: 'submitted',
    answers,
    emergency: triage.emergency,
    createdAt,
    createdBy: me.id,
    priority: triage.priority,
    deadline: triage.deadline,
    triageReasons: triage.reasons,
  }
  const outcome = await createOnce(deps.db, {
    userId: me.id,
    clientKey: idempotencyKey,
    requestHash: requestHash(body),
    operation: 'create_ticket',
    items: [ticketItem(ticket)],
    // The replayed answer goes to the same resident: it must not hold the triage either.
    result: residentView(ticket),
    now,
  })
  return { created: outcome.created, ticket: outcome.result }
}

export async function listMyTickets(deps: ServiceDeps, me: Me): Promise<Ticket[]> {
  const { householdId } = requireResident(me, '只有住户可以查看自家的报修')
  return (await listTicketsByHousehold(deps.db, householdId)).map(residentView)
}

type Filters = Omit<ListTicketsQuery, 'status'>

function matches(t: StaffTicket, f: Filters, now: string): boolean {
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
    lists.flat().filter((t) => matches(t, filters, now)),
    now,
  )
}

/** The owner household or in-scope staff may read a ticket; anyone else gets 404, not 403. */
export async function getVisibleTicket(deps: ServiceDeps, me: Me, ticketId: string): Promise<StaffTicket> {
  const ticket = await getTicket(deps.db, ticketId)
  if (!ticket || !canSee(me, ticket)) throw new TicketNotFoundError()
  return me.role === 'resident' ? residentView(ticket) : ticket
}

function canSee(me: Me, ticket: Ticket): boolean {
  if (me.role === 'resident') return me.scope.householdId !== undefined && me.scope.householdId === ticket.householdId
  return handlesTickets(me.role) && inScope(me.scope, ticket.address.path)
}

function move(deps: ServiceDeps, me: Me, ticketId: string, action: TicketAction, set: Record<string, unknown>) {
  // Residents and police are told "not found" too: the ticket's existence is not theirs to learn.
  if (!handlesTickets(me.role)) throw new TicketNotFoundError()
  return moveTicket(deps.db, { ticketId, scope: me.scope, action, set })
}

/** 待受理 → 已受理. */
export function acknowledge(deps: ServiceDeps, me: Me, ticketId: string): Promise<StaffTicket> {
  const at = toShanghaiIso(deps.now())
  return move(deps, me, ticketId, 'acknowledge', {
    status: 'acknowledged',
    acknowledgedAt: at,
    acknowledgedBy: me.id,
    acknowledgedByName: me.name,
  })
}

/** 已受理 → 处理中. */
export function startWork(deps: ServiceDeps, me: Me, ticketId: string): Promise<StaffTicket> {
  const at = toShanghaiIso(deps.now())
  return move(deps, me, ticketId, 'start', {
    status: 'in_progress',
    startedAt: at,
    startedBy: me.id,
    startedByName: me.name,
  })
}

/** 已受理 / 处理中 → 已解决 / 无法处理 / 非本部门, with the reason the resident reads. */
export function closeTicket(deps: ServiceDeps, me: Me, ticketId: string, req: CloseTicketRequest) {
  const closure: TicketClosure = {
    outcome: req.outcome,
    reason: req.reason,
    ...(req.outcome === 'not_our_department' && req.contact ? { contact: req.contact } : {}),
    at: toShanghaiIso(deps.now()),
    by: me.id,
    byName: me.name,
  }
  return move(deps, me, ticketId, 'close', { status: closedStatusOf(req.outcome), closure })
}
