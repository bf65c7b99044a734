import * as z from 'zod'
import { stripInvisible } from '../rules/text'
import { Id, IdempotencyKey, plainText } from '../schemas/common'
import { formBoolean, formNumber } from '../schemas/fields'
import { HELP_REQUEST_CATEGORY_LABELS, HelpRequestCategory } from '../schemas/help-request'
import { TicketPhotoIds } from '../schemas/photo'
import {
  AnyTicketCategory,
  isCategoryOf,
  StaffTicket,
  TICKET_CLOSURE_REASON_MAX,
  Ticket,
  TicketAnswers,
  TicketLocation,
  TicketOutcome,
  TicketRating,
  TicketStatus,
  ticketDescription,
} from '../schemas/ticket'
import { TicketEvent, ticketCommentText } from '../schemas/ticket-event'
import { ContactPhone, contactNameField, FilingChannel, TicketKind } from '../schemas/ticket-kind'

/**
 * What a ticket says, whoever files it: a property problem (kind absent or 'property') or a help
 * request (kind 'help', a HelpRequestCategory; at home unless a location is given; description
 * optional). The kind/category pair is checked by `checkTicketBody`.
 */
const ticketBodyShape = {
  kind: TicketKind.optional(),
  category: AnyTicketCategory,
  location: TicketLocation.optional(),
  description: z.preprocess(blankText, ticketDescription.optional()),
  /** The answers to the category's questions (TICKET_QUESTIONS); optional for older clients. */
  answers: TicketAnswers.optional(),
  /** Ids from POST /api/photos, already uploaded by this resident; at most 3. */
  photos: TicketPhotoIds.optional(),
  idempotencyKey: IdempotencyKey,
}

function blankText(v: unknown): unknown {
  return typeof v === 'string' && stripInvisible(v).trim() === '' ? undefined : v
}

const HELP_CATEGORY_WORDS = HelpRequestCategory.options.map((c) => HELP_REQUEST_CATEGORY_LABELS[c]).join('、')

function checkTicketBody(
  body: { kind?: TicketKind; category: string; location?: unknown; description?: string },
  ctx: z.RefinementCtx,
): void {
  // Runs even when a field failed (CHECK_ALWAYS), so a form hears of every missing field at once;
  // a field that already has its own message gets no second one.
  const failed = new Set(ctx.issues.map((i) => String(i.path?.[0])))
  const add = (path: string, message: string) => {
    if (!failed.has(path)) ctx.addIssue({ code: 'custom', path: [path], message })
  }
  if (
    !failed.has('kind') &&
    AnyTicketCategory.safeParse(body.category).success &&
    !isCategoryOf(body.kind, body.category)
  ) {
    add(
      'category',
      body.kind === 'help'
        ? `类别（category）不是为民办实事的类别：请选择 ${HELP_CATEGORY_WORDS}`
        : '类别（category）不是物业报修的类别：求助请把类型（kind）设为 help',
    )
  }
  if (body.kind === 'help') return
  if (body.location === undefined) add('location', '请选择问题位置')
  if (body.description === undefined) add('description', '请填写问题描述')
}

const CHECK_ALWAYS = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
}

/** POST /api/tickets (resident). The server fills the address from the resident's household. */
export const CreateTicketRequest = z.object(ticketBodyShape).superRefine(checkTicketBody, CHECK_ALWAYS)
export type CreateTicketRequest = z.infer<typeof CreateTicketRequest>

/**
 * POST /api/tickets/on-behalf (staff who handle tickets): the same ticket, for a household inside
 * the caller's scope, with how the resident reached them and whom to call back.
 */
export const FileOnBehalfRequest = z
  .object({
    ...ticketBodyShape,
    householdId: Id,
    channel: FilingChannel,
    contactName: contactNameField,
    contactPhone: ContactPhone,
  })
  .superRefine(checkTicketBody, CHECK_ALWAYS)
export type FileOnBehalfRequest = z.infer<typeof FileOnBehalfRequest>

const blank = (v: unknown) => (v === '' ? undefined : v)

/** GET /api/tickets?status=&kind=&category=&buildingId=&overdue=&emergency= (staff, within their scope). */
export const ListTicketsQuery = z.object({
  status: z.preprocess(
    blank,
    z
      .enum(TicketStatus.options, {
        error: '状态（status）只能是 待受理、已受理、处理中、已解决、无法处理、非本部门 或 已关闭',
      })
      .optional(),
  ),
  kind: z.preprocess(blank, TicketKind.optional()),
  category: z.preprocess(blank, AnyTicketCategory.optional()),
  buildingId: z.preprocess(blank, Id.optional()),
  overdue: z.preprocess(blank, formBoolean('只看超时').optional()),
  emergency: z.preprocess(blank, formBoolean('只看紧急').optional()),
  /** me: assigned to the caller; none: nobody yet; property_company: to the property company. */
  assignee: z.preprocess(
    blank,
    z
      .enum(['me', 'none', 'property_company'], { error: '分派（assignee）只能是 me、none 或 property_company' })
      .optional(),
  ),
  /** Hidden (abusive) tickets are left out unless asked for. */
  includeHidden: z.preprocess(blank, formBoolean('包含已隐藏（includeHidden）').optional()),
  /** Page size, 20 unless given (1–100); `cursor` is the previous page's `nextCursor`. */
  limit: z.preprocess(blank, formNumber('每页条数（limit）', 1, 100).optional()),
  cursor: z.preprocess(blank, z.string({ error: '翻页位置（cursor）无效' }).max(1000).optional()),
})
export type ListTicketsQuery = z.infer<typeof ListTicketsQuery>

export const TicketIdParam = z.object({ id: Id })

/**
 * POST /api/tickets/:id/close (staff): the outcome and, in words the resident understands, why.
 * 非本部门 must say whom to contact instead.
 */
export const CloseTicketRequest = z
  .object({
    outcome: TicketOutcome,
    reason: plainText('处理说明', 1, TICKET_CLOSURE_REASON_MAX),
    contact: z.preprocess((v) => (v === '' ? undefined : v), plainText('应联系的部门或电话', 1, 100).optional()),
  })
  .refine((r) => r.outcome !== 'not_our_department' || r.contact !== undefined, {
    error: '非本部门：请写明住户应该联系哪个部门或电话',
    path: ['contact'],
  })
export type CloseTicketRequest = z.infer<typeof CloseTicketRequest>

/** POST /api/tickets/:id/comments: staff post a public update or an internal note; residents public only. */
export const CommentTicketRequest = z.object({
  text: ticketCommentText,
  public: z.boolean({ error: '请选择：告诉住户，还是内部备注' }).optional(),
  /** Makes a resend after a network failure safe: the comment is posted once. */
  idempotencyKey: IdempotencyKey.optional(),
})
export type CommentTicketRequest = z.infer<typeof CommentTicketRequest>

/** POST /api/tickets/:id/rate (the household that filed it or a follower): 没解决 reopens it. */
export const RateTicketRequest = z.object({ rating: TicketRating })
export type RateTicketRequest = z.infer<typeof RateTicketRequest>

/** A timeline event as a resident reads it: public only, other residents unnamed. */
export const ResidentTicketEvent = TicketEvent.omit({ actorId: true }).extend({ byMe: z.boolean() })
export type ResidentTicketEvent = z.infer<typeof ResidentTicketEvent>

/** GET /api/tickets/:id: the ticket, its timeline (oldest first) and whether the caller follows it. */
export const TicketDetailResponse = z.object({
  ticket: StaffTicket,
  events: z.array(z.union([TicketEvent, ResidentTicketEvent])),
  following: z.boolean(),
})
export type TicketDetailResponse = z.infer<typeof TicketDetailResponse>

/** A resident gets a Ticket here; staff get the triage fields too (StaffTicket). */
export const TicketResponse = z.object({ ticket: StaffTicket })
export type TicketResponse = z.infer<typeof TicketResponse>

/** The staff inbox: overdue first, then priority, then the nearest deadline (inboxOrder). */
export const TicketListResponse = z.object({
  tickets: z.array(StaffTicket),
  /** Present only when more tickets follow: pass it back as `cursor` with the same filters. */
  nextCursor: z.string().optional(),
})
export type TicketListResponse = z.infer<typeof TicketListResponse>

/** GET /api/tickets/mine (resident): never the triage fields. */
export const MyTicketListResponse = z.object({ tickets: z.array(Ticket) })
export type MyTicketListResponse = z.infer<typeof MyTicketListResponse>
