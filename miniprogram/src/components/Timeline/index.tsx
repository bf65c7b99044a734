import { Text, View } from '@tarojs/components'
import { formatShanghai } from '../../utils/time'
import { type TimelineEvent, timelineLine } from '../../utils/timeline'
import Icon from '../Icon'
import './index.scss'

/** A ticket's history, oldest first: icon, time and one plain sentence per event. */
export default function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  return (
    <View className="aj-timeline">
      {events.map((e) => {
        const line = timelineLine(e)
        return (
          <View
            key={line.id}
            className={`aj-timeline__item aj-event-${e.kind} ${line.internal ? 'aj-timeline__item--internal' : ''}`}
          >
            <Icon name={line.icon} size="sm" />
            <View className="aj-timeline__body">
              <Text className="aj-timeline__time">{formatShanghai(line.at)}</Text>
              <Text className="aj-timeline__text">{line.text}</Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
