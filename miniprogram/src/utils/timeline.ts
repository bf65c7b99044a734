import {
  TICKET_RATING_LABELS,
  TICKET_STATUS_LABELS,
  type TicketEvent,
  type TicketEventKind,
  type TicketStatus,
} from '@anju/shared'
import type { IconName } from '../assets/icons'

// One sentence per timeline event, the same for the screen and for read-aloud. Residents get the
// events without actorId (ResidentTicketEvent: `byMe` instead); staff get every event.

export type TimelineEvent = Omit<TicketEvent, 'actorId'> & { actorId?: string; byMe?: boolean }

export interface TimelineLine {
  id: string
  at: string
  icon: IconName
  text: string
  /** Staff-only notes are marked as such on the staff page; residents never receive them. */
  internal: boolean
}

const ICONS: Record<TicketEventKind, IconName> = {
  filed: 'repair',
  status: 'progress',
  update: 'speaker',
  note: 'desk',
  followed: 'home',
  merged: 'list',
  rated: 'check',
  reopened: 'progress',
  assigned: 'check',
  hidden: 'closed',
  unhidden: 'check',
  redacted: 'closed',
}

const STATUS_ICONS: Partial<Record<TicketStatus, IconName>> = {
  acknowledged: 'check',
  in_progress: 'progress',
  resolved: 'done',
  cannot_handle: 'closed',
  not_our_department: 'exit',
}

function who(e: TimelineEvent): string {
  if (e.byMe) return '您'
  if (e.actorRole === 'resident') return e.actorName === '其他住户' ? '其他住户' : `住户${e.actorName}`
  return e.actorName
}

function sentence(e: TimelineEvent): string {
  const status = e.to ? TICKET_STATUS_LABELS[e.to] : ''
  switch (e.kind) {
    case 'filed':
      // Filed for the household by staff: '由楼栋长赵美芬代为登记（电话）'.
      return e.text ?? `${who(e)}提交了报修`
    case 'status':
      return e.text ? `${who(e)}：${status}。${e.text}` : `${who(e)}：${status}`
    case 'update':
      // Another household's words are not shown to followers (the server leaves them out).
      return e.text === undefined ? `${who(e)}补充了说明` : `${who(e)}说：${e.text}`
    case 'note':
      return `内部备注（${e.actorName}）：${e.text ?? ''}`
    case 'followed':
      return e.byMe ? '您也遇到了这个问题，有进展会通知您' : '又有一户居民遇到同样的问题'
    case 'merged':
      return e.text ?? '与同一问题的报告合并处理'
    case 'rated':
      return `${who(e)}评价：${e.rating ? TICKET_RATING_LABELS[e.rating] : ''}`
    case 'reopened':
      return `${who(e)}评价：没解决，已重新交给工作人员`
    case 'hidden':
      return `${e.actorName}隐藏了这张报修单（原因：${e.text ?? ''}）`
    case 'unhidden':
      return `${e.actorName}取消了隐藏`
    case 'redacted':
      return `${e.actorName}${e.text ?? '隐去了个人信息'}`
    default:
      return e.text ? `${who(e)}：${e.text}` : who(e)
  }
}

export function timelineLine(e: TimelineEvent): TimelineLine {
  const icon = e.kind === 'status' && e.to ? (STATUS_ICONS[e.to] ?? ICONS.status) : ICONS[e.kind]
  return { id: e.id, at: e.at, icon, text: sentence(e), internal: !e.public }
}

/** The whole timeline as one text to read aloud, oldest first. */
export function spokenTimeline(events: readonly TimelineEvent[]): string {
  return events.map((e) => `${sentence(e)}。`).join('')
}
