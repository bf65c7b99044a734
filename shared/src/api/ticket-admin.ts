import * as z from 'zod'
import { Id, plainText } from '../schemas/common'
import { TICKET_DESCRIPTION_MAX } from '../schemas/ticket'
import { TICKET_COMMENT_MAX } from '../schemas/ticket-event'

// Staff actions on tickets beyond the status flow (decision 067): assign to a person or the
// property company (one or many), hide an abusive ticket, redact personal data.

export const AssigneeChoice = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('person'), userId: Id }), z.object({ kind: z.literal('property_company') })],
  { error: '请选择交给谁处理（assignee）：一位工作人员或物业公司' },
)
export type AssigneeChoice = z.infer<typeof AssigneeChoice>

/** POST /api/tickets/:id/assign (ticket staff in scope; open tickets only). */
export const AssignTicketRequest = z.object({ assignee: AssigneeChoice })
export type AssignTicketRequest = z.infer<typeof AssignTicketRequest>

export const BULK_ASSIGN_MAX = 50

/** POST /api/tickets/assign: the same assignee for up to 50 tickets, each its own change. */
export const BulkAssignRequest = z.object({
  ticketIds: z
    .array(Id, { error: '请选择要分派的报修单（ticketIds）' })
    .min(1, { error: '请至少选择一张报修单（ticketIds）' })
    .max(BULK_ASSIGN_MAX, { error: `一次最多分派 ${BULK_ASSIGN_MAX} 张报修单（ticketIds）` })
    .refine((ids) => new Set(ids).size === ids.length, { error: '报修单重复了（ticketIds）' }),
  assignee: AssigneeChoice,
})
export type BulkAssignRequest = z.infer<typeof BulkAssignRequest>

/** One ticket's outcome in a bulk action: ok, or the HTTP status and Chinese message it would get alone. */
export const BulkResult = z.object({
  id: Id,
  ok: z.boolean(),
  status: z.number().int().optional(),
  message: z.string().optional(),
})
export type BulkResult = z.infer<typeof BulkResult>

export const BulkAssignResponse = z.object({ results: z.array(BulkResult) })
export type BulkAssignResponse = z.infer<typeof BulkAssignResponse>

/** POST /api/tickets/:id/hide (community staff and above): why, for the other staff. */
export const HideTicketRequest = z.object({ reason: plainText('隐藏原因（reason）', 1, 200) })
export type HideTicketRequest = z.infer<typeof HideTicketRequest>

/** POST /api/tickets/:id/redact: the description as the staff member masked it (never longer). */
export const RedactTicketRequest = z.object({
  description: plainText('处理后的问题描述（description）', 1, TICKET_DESCRIPTION_MAX),
})
export type RedactTicketRequest = z.infer<typeof RedactTicketRequest>

/** POST /api/tickets/:id/events/:eventId/redact: one comment's text, masked (never longer). */
export const RedactEventRequest = z.object({ text: plainText('处理后的内容（text）', 1, TICKET_COMMENT_MAX) })
export type RedactEventRequest = z.infer<typeof RedactEventRequest>

export const TicketEventParam = z.object({ id: Id, eventId: Id })
