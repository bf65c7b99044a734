import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { JobCard as Card } from '../../utils/jobs'
import Icon from '../Icon'
import JobStatus from '../JobStatus'
import './index.scss'

interface Props {
  card: Card
  onClick: () => void
  className?: string
  children?: ReactNode
}

/**
 * One posting as a big tappable card: title, employer, wage, a few plain reasons with pictures; a
 * posting that no longer takes applications says so by word and picture (已停止招聘 / 已过报名时间).
 */
export default function JobCard({ card, onClick, className = '', children }: Props) {
  return (
    <View className={`aj-job-card ${className}`} onClick={onClick}>
      {card.closed && (
        <View className="aj-job-card__closed" data-closed={card.closed.word}>
          <Icon name="closed" size="sm" />
          <Text>{card.closed.word}</Text>
        </View>
      )}
      {card.recommended && (
        <View className="aj-job-card__recommended">
          <Icon name="star" size="sm" />
          <Text>社区为你推荐</Text>
        </View>
      )}
      <View className="aj-job-card__head">
        <Icon name="job" size="md" />
        <View className="aj-job-card__names">
          <Text className="aj-job-card__title">{card.title}</Text>
          <Text className="aj-job-card__employer">{card.employer}</Text>
        </View>
      </View>
      <View className="aj-job-card__wage">
        <Icon name="money" size="sm" />
        <Text>{card.wage}</Text>
      </View>
      {card.reasons.map((r) => (
        <View key={r.text} className="aj-reason">
          <Icon name={r.icon} size="sm" />
          <Text className="aj-reason__text">{r.text}</Text>
        </View>
      ))}
      {card.status && <JobStatus status={card.status} />}
      {children}
      <Text className="aj-job-card__more">看详细 ›</Text>
    </View>
  )
}
