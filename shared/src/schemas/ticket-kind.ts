import * as z from 'zod'
import { normaliseMobile } from '../rules/normalise'
import { blankToUndefined } from '../rules/text'
import { Id, optionalText } from './common'
import { personName } from './fields'
import { ROLE_LABELS, Role } from './user'

// What kind of ticket, and who filed it when it was not the household itself
// (docs/decisions/064-help-requests-are-tickets.md).

/** 物业报修 or 为民办实事. Absent on a stored ticket means property (tickets filed before help). */
export const TicketKind = z.enum(['property', 'help'], {
  error: '类型（kind）只能是 property（物业报修）或 help（为民办实事）',
})
export type TicketKind = z.infer<typeof TicketKind>
export const TICKET_KIND_LABELS: Record<TicketKind, string> = { property: '物业报修', help: '为民办实事' }

/** How a resident reached the staff member who filed for them. */
export const FilingChannel = z.enum(['walk_in', 'phone'], {
  error: '登记方式（channel）只能是 walk_in（上门）或 phone（电话）',
})
export type FilingChannel = z.infer<typeof FilingChannel>
export const FILING_CHANNEL_LABELS: Record<FilingChannel, string> = { walk_in: '上门', phone: '电话' }

/** Staff who filed the ticket on the household's behalf; residents read it too. */
export const FiledBy = z.object({ userId: Id, name: z.string(), role: Role, channel: FilingChannel })
export type FiledBy = z.infer<typeof FiledBy>

/** '由楼栋长赵美芬代为登记（电话）' */
export function filedByLine(filedBy: FiledBy): string {
  return `由${ROLE_LABELS[filedBy.role]}${filedBy.name}代为登记（${FILING_CHANNEL_LABELS[filedBy.channel]}）`
}

const PHONE = '联系电话（contactPhone）'

/** A mobile number as text; a JSON number is refused (leading zeros and +86 do not survive it). */
export const ContactPhone = z.preprocess(
  blankToUndefined,
  z
    .string({
      error: (iss) => (iss.input === undefined ? `请填写${PHONE}` : `${PHONE}请写成文字（带引号），例如 "13812345678"`),
    })
    .transform((s, ctx) => {
      const result = normaliseMobile(s)
      if (result.ok) return result.value
      ctx.addIssue({ code: 'custom', message: `${PHONE}${result.error}`, input: s })
      return z.NEVER
    })
    .optional(),
)

/** Whom staff call back about a ticket filed for a household: staff only (never in a resident view). */
export const FilingContact = z.object({
  name: z.string().optional(),
  phone: z.string().optional(),
})
export type FilingContact = z.infer<typeof FilingContact>

export const contactNameField = optionalText(personName('联系人姓名（contactName）'))
