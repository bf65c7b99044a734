import * as z from 'zod'
import { Id, IsoDateTime, plainText } from './common'
import { TicketRating, TicketStatus } from './ticket'
import { Role } from './user'

// A ticket's history: one item per event beside the ticket (TICKET#<id> / EVENT#<at>#<id>), never a
// list inside it, so a busy ticket cannot reach DynamoDB's 400 KB item limit. The ticket keeps only
// its current state; the timeline is the events.

export const TicketEventKind = z.enum([
  'filed',
  'status',
  'update',
  'note',
  'followed',
  'merged',
  'rated',
  'reopened',
  'assigned',
  'hidden',
  'unhidden',
  'redacted',
])
export type TicketEventKind = z.infer<typeof TicketEventKind>

export const TICKET_COMMENT_MAX = 300
export const ticketCommentText = plainText('内容', 1, TICKET_COMMENT_MAX)

export const TicketEvent = z.object({
  id: Id,
  ticketId: Id,
  at: IsoDateTime,
  kind: TicketEventKind,
  /** Public events reach the resident's timeline and followers' notifications; notes never do. */
  public: z.boolean(),
  actorId: Id,
  actorName: z.string(),
  actorRole: Role,
  /** For status-changing events: the status before and after. */
  from: TicketStatus.optional(),
  to: TicketStatus.optional(),
  text: z.string().optional(),
  rating: TicketRating.optional(),
  photos: z.array(z.string()).optional(),
  /** merged: the duplicate that was folded in (on the original) or the original (on the duplicate). */
  otherTicketId: Id.optional(),
})
export type TicketEvent = z.infer<typeof TicketEvent>
