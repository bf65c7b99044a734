import { TICKET_RATING_LABELS, TicketRating } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import type { IconName } from '../../assets/icons'
import Icon from '../Icon'
import ReadAloud from '../ReadAloud'
import './index.scss'

const ICONS: Record<TicketRating, IconName> = { satisfied: 'done', partly: 'check', unsolved: 'progress' }

const QUESTION = '问题解决了吗？请点一下'

interface Props {
  busy: boolean
  onRate: (rating: TicketRating) => void
}

/** One tap after a closure: 满意 / 基本解决 / 没解决 (which sends the ticket back to staff). */
export default function RateTicket({ busy, onRate }: Props) {
  return (
    <View className="aj-rate">
      <View className="aj-rate__top">
        <Text className="aj-section-title">{QUESTION}</Text>
        <ReadAloud text={`${QUESTION}：满意，基本解决，还是没解决。点没解决，会重新交给工作人员。`} />
      </View>
      <View className="aj-rate__choices">
        {TicketRating.options.map((r) => (
          <View key={r} className={`aj-rate__choice aj-rate-${r}`} onClick={() => !busy && onRate(r)}>
            <Icon name={ICONS[r]} size="md" />
            <Text>{TICKET_RATING_LABELS[r]}</Text>
          </View>
        ))}
      </View>
      <Text className="aj-rate__hint">点“没解决”，会重新交给工作人员处理</Text>
    </View>
  )
}
