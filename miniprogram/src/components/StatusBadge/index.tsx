import { TICKET_STATUS_LABELS, type TicketStatus } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import type { IconName } from '../../assets/icons'
import Icon from '../Icon'
import './index.scss'

const STATUS_ICONS: Record<TicketStatus, IconName> = {
  submitted: 'clock',
  acknowledged: 'check',
  in_progress: 'progress',
  resolved: 'done',
  cannot_handle: 'closed',
  // Points elsewhere: the resident is told whom to contact instead.
  not_our_department: 'exit',
  closed: 'closed',
  // Folded into another report of the same problem: its progress is this one's.
  merged: 'check',
}

/** Status by word and icon (never colour alone); `data-status` lets tests read the raw value. */
export default function StatusBadge({ status }: { status: TicketStatus }) {
  return (
    <View className={`aj-ticket-status aj-ticket-status--${status}`} data-status={status}>
      <Icon name={STATUS_ICONS[status]} size="sm" />
      <Text className="aj-ticket-status__label">{TICKET_STATUS_LABELS[status]}</Text>
    </View>
  )
}
