import * as z from 'zod'
import { Id, IsoDateTime, plainText } from './common'
import { HomeAddress } from './grid'
import { HELP_REQUEST_CATEGORY_LABELS, HelpRequestCategory, Priority } from './help-request'
import { PhotoId } from './photo'
import { TicketAssignee } from './ticket-assignee'
import { FiledBy, FilingContact, TicketKind } from './ticket-kind'

/** Property-problem categories (物业报修), in the order the picker shows them. */
export const TicketCategory = z.enum(
  [
    'lift',
    'water',
    'power',
    'gas',
    'leak',
    'door_window',
    'lighting',
    'sanitation',
    'noise',
    'public_facility',
    'other',
  ],
  { error: '请选择问题类别' },
)
export type TicketCategory = z.infer<typeof TicketCategory>

export const TICKET_CATEGORY_LABELS: Record<TicketCategory, string> = {
  lift: '电梯',
  water: '水',
  power: '电',
  gas: '燃气',
  leak: '漏水',
  door_window: '门窗',
  lighting: '照明',
  sanitation: '卫生',
  noise: '噪音',
  public_facility: '公共设施',
  other: '其他',
}

/** A stored ticket's category: a property category, or a help category when `kind` is help. */
export const AnyTicketCategory = z.enum(
  [...TicketCategory.options, ...HelpRequestCategory.exclude(['other']).options],
  {
    error: '请选择问题类别',
  },
)
export type AnyTicketCategory = z.infer<typeof AnyTicketCategory>

/** Whether `category` belongs to `kind` (absent = property). */
export function isCategoryOf(kind: TicketKind | undefined, category: string): boolean {
  return kind === 'help' ? HelpRequestCategory.safeParse(category).success : TicketCategory.safeParse(category).success
}

/** The category's word: '电梯', '取现帮助'. Every screen and message names a category through this. */
export function categoryLabel(kind: TicketKind | undefined, category: AnyTicketCategory): string {
  if (kind === 'help') return HELP_REQUEST_CATEGORY_LABELS[category as HelpRequestCategory] ?? category
  return TICKET_CATEGORY_LABELS[category as TicketCategory] ?? category
}

export function ticketCategoryLabel(ticket: { kind?: TicketKind; category: AnyTicketCategory }): string {
  return categoryLabel(ticket.kind, ticket.category)
}

/** A title for messages and read-aloud: '电梯报修', but '夜间送医' (a help request is not a repair). */
export function ticketTitle(ticket: { kind?: TicketKind; category: AnyTicketCategory }): string {
  const label = ticketCategoryLabel(ticket)
  return ticket.kind === 'help' ? label : `${label}报修`
}

/** The questions a ticket's category asks: a property category's, none for a help request. */
export function ticketQuestions(ticket: { kind?: TicketKind; category: AnyTicketCategory }): TicketQuestion[] {
  return ticket.kind === 'help' ? [] : (TICKET_QUESTIONS[ticket.category as TicketCategory] ?? [])
}

/** Shared places of the resident's own unit a resident may report, picked from a list. */
export const CommonSpot = z.enum(
  ['lift_hall', 'stairwell', 'corridor', 'unit_entrance', 'roof', 'basement', 'outside'],
  {
    error: '请选择公共区域',
  },
)
export type CommonSpot = z.infer<typeof CommonSpot>

export const COMMON_SPOT_LABELS: Record<CommonSpot, string> = {
  lift_hall: '电梯间',
  stairwell: '楼梯间',
  corridor: '楼道',
  unit_entrance: '单元门口',
  roof: '楼顶',
  basement: '地下室',
  outside: '楼栋周边',
}

/** Where the problem is: the resident's own room, or a shared spot of their own unit. No typing. */
export const TicketLocation = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('own_room') }), z.object({ kind: z.literal('common_area'), spot: CommonSpot })],
  { error: '请选择问题位置' },
)
export type TicketLocation = z.infer<typeof TicketLocation>

export const TicketStatus = z.enum([
  'submitted',
  'acknowledged',
  'in_progress',
  'resolved',
  'cannot_handle',
  'not_our_department',
  'closed',
  'merged',
])
export type TicketStatus = z.infer<typeof TicketStatus>

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '待受理',
  acknowledged: '已受理',
  in_progress: '处理中',
  resolved: '已解决',
  cannot_handle: '无法处理',
  not_our_department: '非本部门',
  closed: '已关闭',
  merged: '已合并',
}

/** How staff close a ticket; each comes with a plain-language reason the resident reads. */
export const TicketOutcome = z.enum(['resolved', 'cannot_handle', 'not_our_department'], {
  error: '请选择处理结果',
})
export type TicketOutcome = z.infer<typeof TicketOutcome>

export const TICKET_CLOSURE_REASON_MAX = 200

/** Why the ticket was closed, in words for the resident; for 非本部门, whom to contact instead. */
export const TicketClosure = z.object({
  outcome: TicketOutcome,
  reason: z.string(),
  contact: z.string().optional(),
  at: IsoDateTime,
  by: Id,
  byName: z.string(),
})
export type TicketClosure = z.infer<typeof TicketClosure>

/** The resident's one-tap verdict after a ticket is closed. 没解决 reopens it to staff. */
export const TicketRating = z.enum(['satisfied', 'partly', 'unsolved'], { error: '请选择：满意、基本解决或没解决' })
export type TicketRating = z.infer<typeof TicketRating>
export const TICKET_RATING_LABELS: Record<TicketRating, string> = {
  satisfied: '满意',
  partly: '基本解决',
  unsolved: '没解决',
}

export const TICKET_DESCRIPTION_MAX = 500

/**
 * The resident's yes/no answers to the questions of the chosen category. Absent means not asked
 * or not answered; only an explicit yes makes an answer an emergency.
 */
export const TicketAnswers = z
  .object({
    personTrapped: z.boolean({ error: '请回答：有人被困吗？' }).optional(),
    gasSmell: z.boolean({ error: '请回答：闻到燃气味吗？' }).optional(),
    wholeBuilding: z.boolean({ error: '请回答：整栋楼都没有吗？' }).optional(),
  })
  .strict()
export type TicketAnswers = z.infer<typeof TicketAnswers>
export type TicketQuestionKey = keyof TicketAnswers

export interface TicketQuestion {
  key: TicketQuestionKey
  text: string
}

/** What the report page asks once a category is picked; categories not listed ask nothing. */
export const TICKET_QUESTIONS: Partial<Record<TicketCategory, TicketQuestion[]>> = {
  lift: [{ key: 'personTrapped', text: '有人被困在电梯里吗？' }],
  gas: [{ key: 'gasSmell', text: '闻到燃气味吗？' }],
  water: [{ key: 'wholeBuilding', text: '整栋楼都没有水吗？' }],
  power: [{ key: 'wholeBuilding', text: '整栋楼都没有电吗？' }],
}

/** Keeps only the answers the category asks for, so a changed category drops stale answers. */
export function answersFor(category: TicketCategory, answers: TicketAnswers | undefined): TicketAnswers {
  const out: TicketAnswers = {}
  for (const q of TICKET_QUESTIONS[category] ?? []) {
    const value = answers?.[q.key]
    if (value !== undefined) out[q.key] = value
  }
  return out
}

export const Ticket = z.object({
  id: Id,
  householdId: Id,
  address: HomeAddress,
  /** Absent: property (物业报修). help: 为民办实事, with a HelpRequestCategory. */
  kind: TicketKind.optional(),
  category: AnyTicketCategory,
  location: TicketLocation,
  description: z.string(),
  status: TicketStatus,
  /** Absent on tickets filed before the questions existed. */
  answers: TicketAnswers.optional(),
  /** Filed on the emergency path (the resident was shown the numbers to call). */
  emergency: z.boolean().optional(),
  createdAt: IsoDateTime,
  createdBy: Id,
  /** Staff who filed it for the household (walk-in or phone); createdBy is then that staff member. */
  filedBy: FiledBy.optional(),
  acknowledgedAt: IsoDateTime.optional(),
  acknowledgedBy: Id.optional(),
  acknowledgedByName: z.string().optional(),
  startedAt: IsoDateTime.optional(),
  startedBy: Id.optional(),
  startedByName: z.string().optional(),
  /** Set when the ticket reaches resolved, cannot_handle or not_our_department. */
  closure: TicketClosure.optional(),
  /** Photo ids (up to 3), stored at photos/<createdBy>/<id>; URLs from GET /api/tickets/:id/photos. */
  photos: z.array(PhotoId).optional(),
  /** Users who get this ticket's updates (the filer, 我也遇到, the followers of merged duplicates). */
  followerCount: z.number().int().nonnegative().optional(),
  /** Status 已合并: the original this duplicate was folded into; its followers now follow that one. */
  mergedInto: Id.optional(),
  /** Times a resident answered 没解决 and sent it back to staff; the latest such time. */
  reopenCount: z.number().int().nonnegative().optional(),
  reopenedAt: IsoDateTime.optional(),
  /** The latest comment, follow or change, for "recently active" lists. */
  updatedAt: IsoDateTime.optional(),
  /** The latest one-tap rating after a closure. */
  lastRating: z.object({ rating: TicketRating, at: IsoDateTime, by: Id }).optional(),
  /** Who handles it now: a staff member in scope or the property company (decision 067). */
  assignee: TicketAssignee.optional(),
  /** Staff replaced personal data in the description (who and when are in the 'redacted' event). */
  redactedAt: IsoDateTime.optional(),
})
export type Ticket = z.infer<typeof Ticket>

/**
 * A ticket as staff see it: the triage result on top of what the resident sees. Residents never
 * get these fields: the deadline and the reasons follow from the household colour
 * (docs/decisions/060-triage-hidden-from-residents.md). Optional for tickets filed before triage.
 */
export const StaffTicket = Ticket.extend({
  priority: Priority.optional(),
  deadline: IsoDateTime.optional(),
  triageReasons: z.array(z.string()).optional(),
  /** Whom to call back about a ticket staff filed for the household. */
  contact: FilingContact.optional(),
  /**
   * Hidden by staff (abusive): out of other residents' lists and never notified. Staff only: the
   * filer still sees their ticket and is not told why others no longer do (decision 067).
   */
  hidden: z.object({ at: IsoDateTime, by: Id, reason: z.string() }).optional(),
})
export type StaffTicket = z.infer<typeof StaffTicket>

/** The fields that only staff may see. */
export const STAFF_ONLY_TICKET_FIELDS = ['priority', 'deadline', 'triageReasons', 'contact', 'hidden'] as const

/** A short, human label for where the problem is, e.g. '5栋1单元 0302室' or '5栋1单元 电梯间'. */
export function describeLocation(address: HomeAddress, location: TicketLocation): string {
  const unit = `${address.buildingName}${address.unitName}`
  return location.kind === 'own_room' ? `${unit} ${address.roomNo}室` : `${unit} ${COMMON_SPOT_LABELS[location.spot]}`
}

export const ticketDescription = plainText('问题描述', 1, TICKET_DESCRIPTION_MAX)
