import { DELIVERY_STATE_LABELS, type FailedNotification } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { listFailedNotifications, retryNotification } from '../../../services/notifications'
import { PAGES } from '../../../services/routes'
import { getToken } from '../../../services/session'
import './index.scss'

/**
 * Staff: messages to a ticket's followers that WeChat did not take (decision 066), on tickets in
 * their scope. 重试 puts one back in front of the dispatcher; it goes out within a minute.
 */
export default function FailedNotifications() {
  const [list, setList] = useState<FailedNotification[] | null>(null)
  const [error, setError] = useState('')
  const [asked, setAsked] = useState<Record<string, boolean>>({})

  const load = () => {
    if (!getToken()) return
    listFailedNotifications()
      .then((l) => {
        setList(l)
        setError('')
      })
      .catch((err: Error) => setError(err.message))
  }
  useDidShow(load)

  const retry = (eventId: string) => {
    retryNotification(eventId)
      .then(() => {
        setAsked((a) => ({ ...a, [eventId]: true }))
        setError('')
      })
      .catch((err: Error) => setError(err.message))
  }

  return (
    <View className="aj-page aj-failed-page">
      <View className="aj-page__top">
        <Text className="aj-title">通知发送失败</Text>
        <View className="aj-button aj-button--plain aj-button--small aj-refresh" onClick={load}>
          <Text>刷新</Text>
        </View>
      </View>
      <Text className="aj-subtitle">住户没收到微信通知，但在小程序里能看到进展。重试后一分钟内再发一次。</Text>
      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {list === null && error === '' && <Text className="aj-empty">正在读取…</Text>}
      {list !== null && list.length === 0 && <Text className="aj-empty">没有发送失败的通知</Text>}
      {list?.map((n) => (
        <View key={n.eventId} className={`aj-failed aj-failed-${n.eventId}`}>
          <Text className="aj-failed__title">{`${n.title} · ${n.status}`}</Text>
          <Text className="aj-failed__line">{n.text}</Text>
          {n.deliveries.map((d) => (
            <Text key={d.recipient} className="aj-failed__who">
              {`${d.recipient}：${DELIVERY_STATE_LABELS[d.state]}（已试 ${d.attempts} 次）`}
            </Text>
          ))}
          <View className="aj-failed__actions">
            {asked[n.eventId] || n.retryRequestedAt ? (
              <Text className="aj-failed__line aj-retried">已安排重试</Text>
            ) : (
              <View className="aj-button aj-button--small aj-retry" onClick={() => retry(n.eventId)}>
                <Text>重试</Text>
              </View>
            )}
            <View
              className="aj-button aj-button--plain aj-button--small aj-open-ticket"
              onClick={() => Taro.navigateTo({ url: `${PAGES.staffTicket}?id=${encodeURIComponent(n.ticketId)}` })}
            >
              <Text>看报修单</Text>
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}
