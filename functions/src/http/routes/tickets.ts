import {
  CloseTicketRequest,
  CreateTicketRequest,
  ListTicketsQuery,
  type MyTicketListResponse,
  TicketIdParam,
  type TicketListResponse,
  type TicketResponse,
} from '@anju/shared'
import { Hono } from 'hono'
import {
  acknowledge,
  closeTicket,
  createTicket,
  getVisibleTicket,
  listMyTickets,
  listScopeTickets,
  startWork,
} from '../../services/tickets'
import { requireUser, requireUserWithHousehold } from '../auth'
import type { AppEnv } from '../env'
import { parseBody, parseParams, parseQuery } from '../parse'

// Middleware per route: a create also reads the household for triage, beside the user.
export const ticketRoutes = new Hono<AppEnv>()
  .post('/', requireUserWithHousehold, async (c) => {
    const body = await parseBody(c, CreateTicketRequest)
    const { created, ticket } = await createTicket(c.var.deps, c.var.me, body, c.var.household)
    // A replayed create answers 200 with the original ticket; only a real create is 201.
    return c.json<TicketResponse>({ ticket }, created ? 201 : 200)
  })
  .get('/mine', requireUser, async (c) =>
    c.json<MyTicketListResponse>({ tickets: await listMyTickets(c.var.deps, c.var.me) }),
  )
  .get('/', requireUser, async (c) => {
    const query = parseQuery(c, ListTicketsQuery)
    return c.json<TicketListResponse>({ tickets: await listScopeTickets(c.var.deps, c.var.me, query) })
  })
  .get('/:id', requireUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    return c.json<TicketResponse>({ ticket: await getVisibleTicket(c.var.deps, c.var.me, id) })
  })
  .post('/:id/acknowledge', requireUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    return c.json<TicketResponse>({ ticket: await acknowledge(c.var.deps, c.var.me, id) })
  })
  .post('/:id/start', requireUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    return c.json<TicketResponse>({ ticket: await startWork(c.var.deps, c.var.me, id) })
  })
  .post('/:id/close', requireUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    const body = await parseBody(c, CloseTicketRequest)
    return c.json<TicketResponse>({ ticket: await closeTicket(c.var.deps, c.var.me, id, body) })
  })
