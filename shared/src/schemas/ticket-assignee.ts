import * as z from 'zod'
import { Id, IsoDateTime } from './common'
import { ROLE_LABELS, type Role } from './user'

// Who handles a ticket now: a named staff member whose scope covers it, or the property company
// (a party, not a person: its own staff pick it up from there). Decision 067.

export const PROPERTY_COMPANY_NAME = '物业公司'

export const TicketAssignee = z.object({
  kind: z.enum(['person', 'property_company']),
  /** kind person: the staff user; absent for the property company. */
  userId: Id.optional(),
  /** The person's name, or 物业公司. */
  name: z.string(),
  /** The person's role, so the resident reads 楼栋长赵美芬 rather than a bare name. */
  role: z.string().optional(),
  at: IsoDateTime,
  by: Id,
})
export type TicketAssignee = z.infer<typeof TicketAssignee>

/** What a resident reads on the timeline: '已交给物业公司处理', '由楼栋长赵美芬负责'. */
export function assignmentText(a: Pick<TicketAssignee, 'kind' | 'name' | 'role'>): string {
  if (a.kind === 'property_company') return `已交给${PROPERTY_COMPANY_NAME}处理`
  const label = a.role ? (ROLE_LABELS[a.role as Role] ?? '') : ''
  return `由${label}${a.name}负责`
}

/** The short line on a staff card: '交给：物业公司', '交给：赵美芬'. */
export function assigneeLabel(a: Pick<TicketAssignee, 'name'> | undefined): string {
  return a ? `交给：${a.name}` : '未分派'
}
