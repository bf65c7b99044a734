import {
  MergeTicketRequest,
  type MergeTicketResponse,
  SimilarTicketsQuery,
  type SimilarTicketsResponse,
  TicketIdParam,
  type TicketListResponse,
} from '@anju/shared'
import { Hono } from 'hono'
import { listSimilarForResident, listSimilarForStaff, mergeTicket } from '../../services/ticket-duplicates'
import { startUser } from '../auth'
import type { AppEnv } from '../env'
import { parseBody, parseParams, parseQuery } from '../parse'

// Duplicates (issue 5 item 3). Mounted before ticketRoutes so /similar is not taken for an id.
export const ticketDuplicateRoutes = new Hono<AppEnv>()
  .get('/similar', startUser, async (c) => {
    const query = parseQuery(c, SimilarTicketsQuery)
    return c.json<SimilarTicketsResponse>({ tickets: await listSimilarForResident(c.var.deps, c.var.caller, query) })
  })
  .get('/:id/similar', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    return c.json<TicketListResponse>({ tickets: await listSimilarForStaff(c.var.deps, c.var.caller, id) })
  })
  .post('/:id/merge', startUser, async (c) => {
    const { id } = parseParams(c, TicketIdParam)
    const body = await parseBody(c, MergeTicketRequest)
    return c.json<MergeTicketResponse>(await mergeTicket(c.var.deps, c.var.caller, id, body))
  })
