import {
  CloseTicketRequest,
  CommentTicketRequest,
  CreateTicketRequest,
  FileOnBehalfRequest,
  ListTicketsQuery,
  type MyTicketListResponse,
  RateTicketRequest,
  type TicketDetailResponse,
  TicketIdParam,
  type TicketListResponse,
  type TicketResponse,
} from '@anju/shared'
import { Hono } from 'hono'
import { commentOnTicket, followTicket, rateTicket } from '../../services/ticket-changes'
import { fileOnBehalf } from '../../services/ticket-filing'
import { listInbox } from '../../services/ticket-inbox'
import { acknowledge, closeTicket, startWork } from '../../services/ticket-status'
import { createTicket, getTicketDetail, listMyTickets } from '../../services/tickets'
import { requireUser, requireUserWithHousehold, startUser } from '../auth'
import type { AppEnv } from '../env'
import { parseBody, parseParams, parseQuery } from '../parse'
import { ticketAdminRoutes } from './ticket-admin'

// Middleware per route: a create also reads the household for triage, beside the user; reads
// and changes of one ticket read it beside the user (startUser), so each stays at two round trips.
export const ticketRoutes = new Hono<AppEnv>()
  .route('/', ticketAdminRoutes)
  .post('/', requireUserWithHousehold, async (c) => {
    const body = await parseBody(c, CreateTicketRequest)
    const { created, ticket } = await createTicket(c.var.deps, c.var.me, body, c.var.household)
    // A replayed create answers 200 with the original ticket; only a real create is 201.
    return c.json<TicketResponse>({ ticket }, created ? 201 : 200)
  })
  // Staff file for a household of their scope; the household is read beside the caller.
  .post('/on-behalf', startUser, async (c) => {
    const body = await parseBody(c, FileOnBehalfRequest)
    const { created, ticket } = await fileOnBehalf(c.var.deps, c.var.caller, body)
    return c.json<TicketResponse>({ ticket }, created ? 201 : 200)
  })
  .get('/mine', startUser, async (c) =>
    c.json<MyTicketListResponse>({ tickets: await listMyTickets(c.var.deps, c.var.caller) }),
  )
  .get('/', requireUser, async (c) => {
    const query = parseQuery(c, ListTicketsQuery)
    return c.json<TicketListResponse>(await listInbox(c.var.deps, c.var.me, query))
  })
  .get('/:id', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    return c.json<TicketDetailResponse>(await getTicketDetail(c.var.deps, c.var.caller, id))
  })
  .post('/:id/acknowledge', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    return c.json<TicketResponse>({ ticket: await acknowledge(c.var.deps, c.var.caller, id) })
  })
  .post('/:id/start', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    return c.json<TicketResponse>({ ticket: await startWork(c.var.deps, c.var.caller, id) })
  })
  .post('/:id/close', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    const body = await parseBody(c, CloseTicketRequest)
    return c.json<TicketResponse>({ ticket: await closeTicket(c.var.deps, c.var.caller, id, body) })
  })
  .post('/:id/rate', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    const body = await parseBody(c, RateTicketRequest)
    return c.json<TicketResponse>({ ticket: await rateTicket(c.var.deps, c.var.caller, id, body) })
  })
  .post('/:id/comments', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    const body = await parseBody(c, CommentTicketRequest)
    return c.json<TicketResponse>({ ticket: await commentOnTicket(c.var.deps, c.var.caller, id, body) })
  })
  .post('/:id/follow', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    return c.json<TicketResponse>({ ticket: await followTicket(c.var.deps, c.var.caller, id) })
  })
