import * as z from 'zod'
import { Id, IsoDateTime } from '../schemas/common'
import { CommonSpot, StaffTicket, TicketCategory, TicketStatus } from '../schemas/ticket'

const blank = (v: unknown) => (v === '' ? undefined : v)

/**
 * GET /api/tickets/similar?category=&spot= (resident): open reports of the same problem in their
 * building. Without `spot` the report is about their own home, which is nobody else's problem.
 */
export const SimilarTicketsQuery = z.object({
  category: TicketCategory,
  spot: z.preprocess(blank, CommonSpot.optional()),
})
export type SimilarTicketsQuery = z.infer<typeof SimilarTicketsQuery>

/** Another household's open ticket as a resident may read it: one line, no text, no names. */
export const SimilarTicket = z.object({
  id: Id,
  /** '5栋1单元 电梯间 · 电梯 · 处理中' */
  summary: z.string(),
  category: TicketCategory,
  status: TicketStatus,
  /** Households told of its progress (the filer, 我也遇到, merged duplicates). */
  followerCount: z.number().int().nonnegative(),
  /** Already in the caller's list: their household filed or follows it. */
  following: z.boolean(),
  createdAt: IsoDateTime,
})
export type SimilarTicket = z.infer<typeof SimilarTicket>

export const SimilarTicketsResponse = z.object({ tickets: z.array(SimilarTicket) })
export type SimilarTicketsResponse = z.infer<typeof SimilarTicketsResponse>

/** POST /api/tickets/:id/merge (ticket staff): fold this duplicate into the original `into`. */
export const MergeTicketRequest = z.object({ into: Id })
export type MergeTicketRequest = z.infer<typeof MergeTicketRequest>

/** The duplicate, now 已合并 with `mergedInto`, and the original with its raised follower count. */
export const MergeTicketResponse = z.object({ ticket: StaffTicket, original: StaffTicket })
export type MergeTicketResponse = z.infer<typeof MergeTicketResponse>
