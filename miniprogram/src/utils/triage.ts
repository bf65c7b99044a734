import {
  type HelpRequestCategory,
  helpEmergencyCall,
  isOverdue,
  type ListTicketsQuery,
  OPEN311_FILER_PREFIX,
  PRIORITY_LABELS,
  type StaffTicket,
  type TicketCategory,
  type TriageRules,
  ticketEmergencyCall,
} from '@anju/shared'
import { formatShanghai } from './time'

function duration(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000))
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} 分钟`
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`
}

/** Staff only: how soon, in words, e.g. '立即处理 · 已超时 1 小时 5 分钟' or '一般 · 12月3日 18:00 前处理'. */
export function triageLine(t: StaffTicket, now: string): string {
  const parts: string[] = []
  if (t.priority) parts.push(PRIORITY_LABELS[t.priority])
  if (t.deadline) {
    parts.push(
      isOverdue(t, now)
        ? `已超时 ${duration(Date.parse(now) - Date.parse(t.deadline))}`
        : `${formatShanghai(t.deadline)} 前处理`,
    )
  }
  return parts.join(' · ')
}

/**
 * Staff only: what the emergency path told the person filing, from the ticket itself (emergency,
 * kind, category, answers, who filed it) and the rules the report page used. Only a resident who
 * filed in the app and was shown numbers was "told to phone first": a whole-building outage with
 * no duty line shows none, and a staff or Open311 filing showed them to someone else.
 */
export function emergencyNote(t: StaffTicket, rules: TriageRules): string {
  if (!t.emergency) return ''
  const shown =
    t.kind === 'help'
      ? helpEmergencyCall(t.category as HelpRequestCategory, rules)
      : ticketEmergencyCall(t.category as TicketCategory, t.answers, rules)
  // Filed before the questions existed, or under other rules: urgent, and nothing more is known.
  if (!shown) return '⚠ 紧急'
  const numbers = shown.call.map((p) => p.number).join('、')
  if (numbers === '') return '⚠ 紧急：没有可拨打的值班电话，请立即联系物业'
  if (t.filedBy) return `⚠ 紧急：代为登记，请确认是否已拨打 ${numbers}`
  if (t.createdBy.startsWith(OPEN311_FILER_PREFIX)) return `⚠ 紧急：经其他平台提交，请确认是否已拨打 ${numbers}`
  return `⚠ 紧急：已告诉住户先打电话（${numbers}）`
}

export type TicketFilters = Partial<ListTicketsQuery>

/** The query string of the staff inbox's filters; unset filters are left out. */
export function filterQuery(filters: TicketFilters): string {
  const parts = Object.entries(filters)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}
