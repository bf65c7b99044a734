import { Text, View } from '@tarojs/components'
import type { JobCard } from '../../utils/jobs'
import Icon from '../Icon'
import './index.scss'

/** 已投递 / 已联系 / 已录用 / 未录用 by word and icon (never colour alone); data-status for tests. */
export default function JobStatus({ status }: { status: NonNullable<JobCard['status']> }) {
  return (
    <View className={`aj-job-status aj-job-status--${status.status}`} data-status={status.status}>
      <Icon name={status.icon} size="sm" />
      <Text className="aj-job-status__label">{status.label}</Text>
    </View>
  )
}
