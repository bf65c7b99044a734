import { isOverdue, type ListTicketsQuery, PRIORITY_LABELS, type StaffTicket } from '@anju/shared'
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

export type TicketFilters = Partial<ListTicketsQuery>

/** The query string of the staff inbox's filters; unset filters are left out. */
export function filterQuery(filters: TicketFilters): string {
  const parts = Object.entries(filters)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}
