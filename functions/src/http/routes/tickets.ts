import {
  CreateTicketRequest,
  ListTicketsQuery,
  TicketIdParam,
  type TicketListResponse,
  type TicketResponse,
} from '@anju/shared'
import { Hono } from 'hono'
import { acknowledge, createTicket, getVisibleTicket, listMyTickets, listScopeTickets } from '../../services/tickets'
import { requireUser } from '../auth'
import type { AppEnv } from '../env'
import { parseBody, parseParams, parseQuery } from '../parse'

export const ticketRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .post('/', async (c) => {
    const body = await parseBody(c, CreateTicketRequest)
    const { created, ticket } = await createTicket(c.var.deps, c.var.me, body)
    // A replayed create answers 200 with the original ticket; only a real create is 201.
    return c.json<TicketResponse>({ ticket }, created ? 201 : 200)
  })
  .get('/mine', async (c) => c.json<TicketListResponse>({ tickets: await listMyTickets(c.var.deps, c.var.me) }))
  .get('/', async (c) => {
    const { status } = parseQuery(c, ListTicketsQuery)
    return c.json<TicketListResponse>({ tickets: await listScopeTickets(c.var.deps, c.var.me, status) })
  })
  .get('/:id', async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    return c.json<TicketResponse>({ ticket: await getVisibleTicket(c.var.deps, c.var.me, id) })
  })
  .post('/:id/acknowledge', async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    return c.json<TicketResponse>({ ticket: await acknowledge(c.var.deps, c.var.me, id) })
  })
