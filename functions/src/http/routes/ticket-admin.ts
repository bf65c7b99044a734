import {
  AssignTicketRequest,
  BulkAssignRequest,
  type BulkAssignResponse,
  type BulkResult,
  HideTicketRequest,
  RedactEventRequest,
  RedactTicketRequest,
  TicketEventParam,
  TicketIdParam,
  type TicketResponse,
} from '@anju/shared'
import { Hono } from 'hono'
import type { AppError } from '../../errors'
import { assignTicket, type BulkOutcome, bulkAssign } from '../../services/ticket-assignment'
import { hideTicket, redactEvent, redactTicket, unhideTicket } from '../../services/ticket-moderation'
import { startUser } from '../auth'
import type { AppEnv } from '../env'
import { errorStatus } from '../errors'
import { parseBody, parseParams } from '../parse'

// Staff actions beside the status flow (decision 067): assign, bulk assign, hide, redact. Each
// reads the caller beside the ticket (startUser), so each stays at two round trips.

function bulkResult(o: BulkOutcome): BulkResult {
  if (o.ok) return { id: o.id, ok: true }
  const err = o.error as AppError
  return { id: o.id, ok: false, status: errorStatus(err), message: err.message }
}

export const ticketAdminRoutes = new Hono<AppEnv>()
  .post('/assign', startUser, async (c) => {
    const body = await parseBody(c, BulkAssignRequest)
    const outcomes = await bulkAssign(c.var.deps, c.var.caller, body)
    return c.json<BulkAssignResponse>({ results: outcomes.map(bulkResult) })
  })
  .post('/:id/assign', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    const body = await parseBody(c, AssignTicketRequest)
    return c.json<TicketResponse>({ ticket: await assignTicket(c.var.deps, c.var.caller, id, body) })
  })
  .post('/:id/hide', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    const body = await parseBody(c, HideTicketRequest)
    return c.json<TicketResponse>({ ticket: await hideTicket(c.var.deps, c.var.caller, id, body) })
  })
  .post('/:id/unhide', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    return c.json<TicketResponse>({ ticket: await unhideTicket(c.var.deps, c.var.caller, id) })
  })
  .post('/:id/redact', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    const body = await parseBody(c, RedactTicketRequest)
    return c.json<TicketResponse>({ ticket: await redactTicket(c.var.deps, c.var.caller, id, body) })
  })
  .post('/:id/events/:eventId/redact', startUser, async (c) => {
    const { id, eventId } = parseParams(c, TicketEventParam)
    const body = await parseBody(c, RedactEventRequest)
    return c.json<TicketResponse>({ ticket: await redactEvent(c.var.deps, c.var.caller, id, eventId, body) })
  })
