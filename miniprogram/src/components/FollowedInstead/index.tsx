import type { SimilarTicket } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FOLLOWED_MESSAGE, householdsLine } from '../../services/duplicates'
import { PAGES } from '../../services/routes'
import Icon from '../Icon'
import ReadAloud from '../ReadAloud'
import '../SimilarTickets/index.scss'

interface Props {
  ticket: SimilarTicket
  households: number
  /** 报修别的问题: back to an empty form. */
  onAnother: () => void
}

/**
 * What the report page shows once 我也遇到 went through: the report followed, and no form (its
 * draft is gone), so the same problem is not filed a second time by a tap on 提交.
 */
export default function FollowedInstead({ ticket, households, onAnother }: Props) {
  return (
    <View className="aj-similar aj-followed-instead">
      <View className="aj-similar__top">
        <Text className="aj-similar__title">已记下</Text>
        <ReadAloud text={`已记下。${ticket.summary.split(' · ').join('，')}。${FOLLOWED_MESSAGE}`} />
      </View>
      <View className="aj-similar__line">
        <Icon name={ticket.category} size="md" />
        <Text className="aj-similar__summary">{ticket.summary}</Text>
      </View>
      <Text className="aj-similar__facts">{householdsLine(households)}</Text>
      <Text className="aj-similar__result">{`✓ ${FOLLOWED_MESSAGE}`}</Text>
      <View className="aj-button aj-go-mine" onClick={() => Taro.switchTab({ url: PAGES.myTickets })}>
        <Icon name="list" size="md" />
        <Text className="aj-me-too__word">去看我的报修</Text>
      </View>
      <View className="aj-button aj-button--plain aj-report-another" onClick={onAnother}>
        <Text>报修别的问题</Text>
      </View>
    </View>
  )
}
