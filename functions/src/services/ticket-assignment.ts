import {
  type AssigneeChoice,
  type AssignTicketRequest,
  assignmentText,
  type BulkAssignRequest,
  handlesTicketKind,
  handlesTickets,
  inScope,
  type Me,
  OPEN_TICKET_STATUSES,
  PROPERTY_COMPANY_NAME,
  type TicketAssignee,
} from '@anju/shared'
import { getUser } from '../db/users'
import { AppError, ConflictError, ForbiddenError, TicketNotFoundError, ValidationError } from '../errors'
import { toShanghaiIso } from '../time'
import type { PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { change, type Decide } from './ticket-changes'

// 交给…: a ticket is handed to a staff member whose scope covers it, or to the property company.
// The status does not move (the person still acknowledges and starts it); the assignment is kept
// on the ticket and told on the timeline. Decision 067.

const PERSON_FIELD = 'assignee.userId'

function refusePerson(message: string): never {
  throw new ValidationError(message, [{ path: PERSON_FIELD, message }])
}

// The property company handles property problems only (decision 071).
const HELP_NOT_FOR_PROPERTY = '为民办实事的求助不能交给物业公司或物业人员，请交给社区工作人员、网格员或楼栋长'

function assign(deps: ServiceDeps, choice: AssigneeChoice): Decide<Me | undefined> {
  return (me, ticket, _following, { extra: person }) => {
    if (!handlesTickets(me.role)) throw new TicketNotFoundError()
    const at = toShanghaiIso(deps.now())
    let assignee: TicketAssignee
    if (choice.kind === 'person') {
      if (!person || !handlesTickets(person.role)) refusePerson('只能交给负责报修的工作人员')
      if (!inScope(person.scope, ticket.address.path)) refusePerson(`${person.name}不负责这张报修单所在的楼栋`)
      if (!handlesTicketKind(person.role, ticket.kind)) refusePerson(HELP_NOT_FOR_PROPERTY)
      assignee = { kind: 'person', userId: person.id, name: person.name, role: person.role, at, by: me.id }
    } else {
      if (!handlesTicketKind('property_staff', ticket.kind)) {
        throw new ValidationError(HELP_NOT_FOR_PROPERTY, [{ path: 'assignee.kind', message: HELP_NOT_FOR_PROPERTY }])
      }
      assignee = { kind: 'property_company', name: PROPERTY_COMPANY_NAME, at, by: me.id }
    }
    const current = ticket.assignee
    if (current && current.kind === assignee.kind && current.userId === assignee.userId)
      throw new ConflictError(`已经交给${current.name}处理了`)
    return {
      from: OPEN_TICKET_STATUSES,
      verb: '分派',
      set: { assignee, updatedAt: at },
      // Two staff handing the same ticket to different people at once: the one who read the
      // older assignment loses (409), rather than both being told it went their way.
      expect: { 'assignee.at': current?.at },
      event: { kind: 'assigned', public: true, text: assignmentText(assignee) },
    }
  }
}

const personOf = (deps: ServiceDeps, choice: AssigneeChoice) =>
  choice.kind === 'person' ? getUser(deps.db, choice.userId) : Promise.resolve(undefined)

/** POST /api/tickets/:id/assign: two round trips (caller, ticket and assignee; then the change). */
export const assignTicket = (deps: ServiceDeps, caller: PendingCaller, ticketId: string, req: AssignTicketRequest) =>
  change(deps, caller, ticketId, assign(deps, req.assignee), { alongside: personOf(deps, req.assignee) })

export type BulkOutcome = { id: string; ok: true } | { id: string; ok: false; error: unknown }

/**
 * POST /api/tickets/assign: each ticket its own change, all at once (still two round trips: every
 * read in the first, every transaction in the second). Partial success is an ordinary answer.
 */
export async function bulkAssign(deps: ServiceDeps, caller: PendingCaller, req: BulkAssignRequest) {
  const person = personOf(deps, req.assignee)
  person.catch(() => undefined)
  const outcomes = await Promise.all(
    req.ticketIds.map((id) =>
      change(deps, caller, id, assign(deps, req.assignee), { alongside: person }).then(
        (): BulkOutcome => ({ id, ok: true }),
        (error: unknown): BulkOutcome => ({ id, ok: false, error }),
      ),
    ),
  )
  // The caller as a whole: a bad token or a resident is refused once, not once per ticket.
  const me = await caller.me
  if (!handlesTickets(me.role)) throw new ForbiddenError('您没有权限分派报修单')
  // A refusal of the assignee itself (not staff, out of scope) is the same for every ticket that
  // gets it; anything not an AppError is a fault of ours and fails the request.
  for (const o of outcomes) if (!o.ok && !(o.error instanceof AppError)) throw o.error
  return outcomes
}
