import * as z from 'zod'
import { Id, IdempotencyKey } from '../schemas/common'
import { Ticket, TicketCategory, TicketLocation, TicketStatus, ticketDescription } from '../schemas/ticket'

/** POST /api/tickets (resident). The server fills the address from the resident's household. */
export const CreateTicketRequest = z.object({
  category: TicketCategory,
  location: TicketLocation,
  description: ticketDescription,
  idempotencyKey: IdempotencyKey,
})
export type CreateTicketRequest = z.infer<typeof CreateTicketRequest>

/** GET /api/tickets?status= (staff, filtered to their scope). */
export const ListTicketsQuery = z.object({
  status: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(TicketStatus.options, { error: '状态（status）只能是 待受理、已受理、处理中、已解决 或 已关闭' }).optional(),
  ),
})
export type ListTicketsQuery = z.infer<typeof ListTicketsQuery>

export const TicketIdParam = z.object({ id: Id })

export const TicketResponse = z.object({ ticket: Ticket })
export type TicketResponse = z.infer<typeof TicketResponse>

export const TicketListResponse = z.object({ tickets: z.array(Ticket) })
export type TicketListResponse = z.infer<typeof TicketListResponse>
