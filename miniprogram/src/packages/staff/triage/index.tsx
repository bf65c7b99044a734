import { isStaff, ROLE_LABELS, type Ticket } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import Icon from '../../../components/Icon'
import TicketSummary from '../../../components/TicketSummary'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { logout } from '../../../services/auth'
import { PAGES } from '../../../services/routes'
import { getToken } from '../../../services/session'
import { listTickets } from '../../../services/tickets'
import './index.scss'

type Filter = 'submitted' | 'all'

const FILTERS: { key: Filter; label: string }[] = [
  { key: 'submitted', label: '待受理' },
  { key: 'all', label: '全部' },
]

/** Staff triage: tickets inside the signed-in person's scope, newest first as the server sends them. */
export default function Triage() {
  const user = useSignedInUser()
  const [filter, setFilter] = useState<Filter>('submitted')
  const [tickets, setTickets] = useState<Ticket[] | null>(null)
  const [error, setError] = useState('')

  const load = (f: Filter) => {
    if (!getToken()) return
    listTickets(f === 'all' ? undefined : 'submitted')
      .then((list) => {
        setTickets(list)
        setError('')
      })
      .catch((err: Error) => setError(err.message))
  }

  useDidShow(() => load(filter))

  const choose = (f: Filter) => {
    setFilter(f)
    setTickets(null)
    load(f)
  }

  return (
    <View className="aj-page aj-triage">
      <View className="aj-page__top">
        <View>
          <Text className="aj-title">工作台 · 报修</Text>
          {user && <Text className="aj-subtitle">{`${user.name}（${ROLE_LABELS[user.role]}）`}</Text>}
        </View>
        <View className="aj-button aj-button--plain aj-button--small aj-logout" onClick={logout}>
          <Icon name="exit" size="sm" />
          <Text>退出/切换账号</Text>
        </View>
      </View>

      {user && !isStaff(user.role) && <Text className="aj-field-error">这里是工作人员用的页面</Text>}

      <View className="aj-filters">
        {FILTERS.map((f) => (
          <View
            key={f.key}
            className={`aj-filter aj-filter-${f.key} ${filter === f.key ? 'aj-filter--on' : ''}`}
            onClick={() => choose(f.key)}
          >
            <Text>{filter === f.key ? `✓ ${f.label}` : f.label}</Text>
          </View>
        ))}
        <View className="aj-filter aj-refresh" onClick={() => load(filter)}>
          <Text>刷新</Text>
        </View>
      </View>

      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {tickets === null && error === '' && <Text className="aj-empty">正在读取…</Text>}
      {tickets !== null && tickets.length === 0 && (
        <Text className="aj-empty">{filter === 'submitted' ? '没有待受理的报修' : '还没有报修'}</Text>
      )}
      {tickets?.map((t) => (
        <TicketSummary
          key={t.id}
          ticket={t}
          className="aj-triage-item"
          onClick={() => Taro.navigateTo({ url: `${PAGES.staffTicket}?id=${encodeURIComponent(t.id)}` })}
        />
      ))}
    </View>
  )
}
