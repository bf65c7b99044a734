import type { Me, StaffPosting } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Icon from '../../../components/Icon'
import { PAGES } from '../../../services/routes'
import {
  applicantCountLabel,
  canPost,
  canPush,
  isExpired,
  mayManagePosting,
  notMineLabel,
  postingLines,
  pushBlock,
} from '../../../utils/jobstaff'

// One card of 岗位管理: 修改 and 停止招聘 only on a posting the user may change (else who to ask);
// past its last day it says so (icon and words) and cannot be recommended; a failed button is
// said here, on the card that was tapped.

interface Props {
  p: StaffPosting
  user: Me | null
  today: string
  /** The card whose button is waiting for an answer ('' when none). */
  busyId: string
  error?: string
  onToggle: (p: StaffPosting) => void
}

const go = (url: string, id: string) => Taro.navigateTo({ url: `${url}?id=${encodeURIComponent(id)}` })

export default function PostingCard({ p, user, today, busyId, error, onToggle }: Props) {
  const manage = mayManagePosting(user, p)
  const expired = isExpired(p, today)
  const noPush = pushBlock(p, today)
  return (
    <View className={`aj-js-card aj-posting aj-posting-${p.id}`}>
      <Text className="aj-js-h">{`${p.title} · ${p.employer}`}</Text>
      {postingLines(p, today).map((line) => (
        <Text key={line} className="aj-js-l">
          {line}
        </Text>
      ))}
      <View className="aj-js-t">
        <Icon name="list" size="sm" />
        <Text className="aj-posting__count">{applicantCountLabel(p.applicantCount)}</Text>
      </View>
      {expired && (
        <View className="aj-js-t aj-js-warn aj-posting__expired">
          <Icon name="closed" size="sm" />
          <Text>{manage && p.status === 'open' ? '已过截止日期（点“修改”可以延长）' : '已过截止日期'}</Text>
        </View>
      )}
      <View className="aj-js-actions">
        <View
          className="aj-button aj-button--plain aj-js-small aj-applicants-link"
          onClick={() => go(PAGES.jobApplicants, p.id)}
        >
          <Text>投递的人</Text>
        </View>
        {p.status === 'open' && canPush(user?.role) && (
          <View
            className={`aj-button aj-button--plain aj-js-small aj-push-link ${noPush ? 'aj-js-off' : ''}`}
            onClick={() => (noPush ? Taro.showToast({ title: noPush, icon: 'none' }) : go(PAGES.jobPush, p.id))}
          >
            <Text>{noPush ? '不能推荐（已过截止日期）' : '推荐给居民'}</Text>
          </View>
        )}
        {manage && (
          <View
            className="aj-button aj-button--plain aj-js-small aj-edit-link"
            onClick={() => go(PAGES.jobPostingEdit, p.id)}
          >
            <Text>修改</Text>
          </View>
        )}
        {manage && (
          <View
            className="aj-button aj-button--plain aj-js-small aj-posting-toggle"
            onClick={() => busyId === '' && onToggle(p)}
          >
            <Text>{busyId === p.id ? '正在提交…' : p.status === 'open' ? '停止招聘' : '重新招聘'}</Text>
          </View>
        )}
      </View>
      {canPost(user?.role) && !manage && <Text className="aj-js-l aj-posting__not-mine">{notMineLabel(p)}</Text>}
      {error && <Text className="aj-field-error aj-posting__error">{error}</Text>}
    </View>
  )
}
