import type { LocalNotification } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { listLocalNotifications } from '../../../services/notifications'
import { getToken } from '../../../services/session'
import { formatShanghai } from '../../../utils/time'
import './index.scss'

/**
 * For developers on `npm start` (decision 066): what each follower would have received as a WeChat
 * message, and the ones not sent with the reason. The server answers only on STAGE=local.
 */
export default function LocalOutbox() {
  const [list, setList] = useState<LocalNotification[] | null>(null)
  const [error, setError] = useState('')

  const load = () => {
    if (!getToken()) {
      setError('请先登录（任一测试账号）')
      return
    }
    listLocalNotifications()
      .then((l) => {
        setList(l)
        setError('')
      })
      .catch((err: Error) => setError(err.message))
  }
  useDidShow(load)

  return (
    <View className="aj-page aj-local-outbox">
      <View className="aj-page__top">
        <Text className="aj-title">本地通知（开发用）</Text>
        <View className="aj-button aj-button--plain aj-button--small aj-refresh" onClick={load}>
          <Text>刷新</Text>
        </View>
      </View>
      <Text className="aj-subtitle">本地运行时，发给关注者的微信通知记在这里，最新的在前。</Text>
      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {list !== null && list.length === 0 && <Text className="aj-empty">还没有通知</Text>}
      {list?.map((n) => (
        <View
          key={`${n.eventId}-${n.userId}`}
          className={`aj-local-message ${n.delivered ? '' : 'aj-local-message--skipped'}`}
        >
          <Text className="aj-local-message__who">
            {`${n.recipientName}（${n.userId}）${n.delivered ? '：已发送' : `：未发送，${n.reason ?? ''}`}`}
          </Text>
          {Object.entries(n.data).map(([key, { value }]) => (
            <Text key={key} className="aj-local-message__line">{`${key}：${value}`}</Text>
          ))}
          <Text className="aj-local-message__line">{`点开到：${n.page}`}</Text>
          <Text className="aj-local-message__line">{`记录于 ${formatShanghai(n.at)}`}</Text>
        </View>
      ))}
    </View>
  )
}
