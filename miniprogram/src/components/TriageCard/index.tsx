import {
  assigneeLabel,
  describeLocation,
  filedByLine,
  isOverdue,
  type StaffTicket,
  TICKET_STATUS_LABELS,
  ticketCategoryLabel,
  truncateCodePoints,
} from '@anju/shared'
import { Text, View } from '@tarojs/components'
import { triageLine } from '../../utils/triage'
import './index.scss'

interface Props {
  ticket: StaffTicket
  now: string
  /** In 选择 mode: whether the card is ticked (undefined: not selecting). */
  selected?: boolean
  onClick: () => void
}

/**
 * One row of the staff triage inbox, kept small: every node and class name here is sent by
 * setData for each row (≈ 0.8 KB a row, docs/performance.md), so no icons, one line per fact,
 * words carrying what colour repeats.
 */
export default function TriageCard({ ticket: t, now, selected, onClick }: Props) {
  const overdue = isOverdue(t, now)
  const flags = [TICKET_STATUS_LABELS[t.status], t.emergency ? '⚠ 紧急' : '', t.hidden ? '已隐藏' : ''].filter(Boolean)
  const tick = selected === undefined ? '' : selected ? '☑ ' : '☐ '
  const line = triageLine(t, now)
  return (
    <View
      className={`aj-tc aj-triage-item${overdue ? ' aj-tc--late' : ''}${selected ? ' aj-tc--on' : ''}`}
      data-id={t.id}
      onClick={onClick}
    >
      <Text className="aj-tc__h">{`${tick}${ticketCategoryLabel(t)} · ${flags.join(' · ')}`}</Text>
      <Text className="aj-tc__l">{describeLocation(t.address, t.location)}</Text>
      {t.description !== '' && <Text className="aj-tc__l">{truncateCodePoints(t.description, 40)}</Text>}
      {t.filedBy && <Text className="aj-tc__l">{filedByLine(t.filedBy)}</Text>}
      {line !== '' && <Text className={`aj-tc__t${overdue ? ' aj-tc__t--late' : ''}`}>{line}</Text>}
      <Text className="aj-tc__a">{assigneeLabel(t.assignee)}</Text>
    </View>
  )
}
