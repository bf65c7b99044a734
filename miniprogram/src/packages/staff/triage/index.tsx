import {
  isOverdue,
  isStaff,
  ROLE_LABELS,
  type StaffTicket,
  TICKET_CATEGORY_LABELS,
  TicketCategory,
  type TicketKind,
  type TicketStatus,
} from '@anju/shared'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import Icon from '../../../components/Icon'
import TicketSummary from '../../../components/TicketSummary'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { logout } from '../../../services/auth'
import { PAGES } from '../../../services/routes'
import { getToken } from '../../../services/session'
import { listTickets } from '../../../services/tickets'
import { type TicketFilters, triageLine } from '../../../utils/triage'
import './index.scss'

type StatusFilter = 'submitted' | 'acknowledged' | 'all'

const STATUSES: { key: StatusFilter; label: string }[] = [
  { key: 'submitted', label: '待受理' },
  { key: 'acknowledged', label: '已受理' },
  { key: 'all', label: '全部' },
]

const CATEGORIES = TicketCategory.options
const ALL = '全部类别'
const ALL_BUILDINGS = '全部楼栋'

interface Filters {
  status: StatusFilter
  category?: TicketCategory
  buildingId?: string
  /** 只看求助: help requests (为民办实事) only. */
  kind?: TicketKind
  overdue: boolean
  emergency: boolean
}

function toQuery(f: Filters): TicketFilters {
  return {
    status: f.status === 'all' ? undefined : (f.status as TicketStatus),
    category: f.category,
    buildingId: f.buildingId,
    kind: f.kind,
    overdue: f.overdue || undefined,
    emergency: f.emergency || undefined,
  }
}

/** Staff triage inbox: overdue first, then priority, then the nearest deadline (as the server sorts). */
export default function Triage() {
  const user = useSignedInUser()
  const [filters, setFilters] = useState<Filters>({ status: 'submitted', overdue: false, emergency: false })
  const [tickets, setTickets] = useState<StaffTicket[] | null>(null)
  // Buildings seen in any answer so far: the picker offers where tickets actually are.
  const [buildings, setBuildings] = useState<Record<string, string>>({})
  const [error, setError] = useState('')
  const now = new Date().toISOString()

  const load = (f: Filters) => {
    if (!getToken()) return
    listTickets(toQuery(f))
      .then((list) => {
        setTickets(list)
        setError('')
        setBuildings((b) => {
          const next = { ...b }
          for (const t of list) next[t.address.path.buildingId ?? ''] = t.address.buildingName
          delete next['']
          return next
        })
      })
      .catch((err: Error) => setError(err.message))
  }

  useDidShow(() => load(filters))

  const choose = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch }
    setFilters(next)
    setTickets(null)
    load(next)
  }

  const buildingIds = Object.keys(buildings).sort()
  const toggle = (on: boolean, label: string) => (on ? `✓ ${label}` : label)

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
      <View className="aj-button aj-file-for-link" onClick={() => Taro.navigateTo({ url: PAGES.fileFor })}>
        <Icon name="phone" size="sm" className="aj-icon--on-dark" />
        <Text>代为登记（电话、上门）</Text>
      </View>

      <View className="aj-filters">
        {STATUSES.map((s) => (
          <View
            key={s.key}
            className={`aj-filter aj-filter-${s.key} ${filters.status === s.key ? 'aj-filter--on' : ''}`}
            onClick={() => choose({ status: s.key })}
          >
            <Text>{toggle(filters.status === s.key, s.label)}</Text>
          </View>
        ))}
      </View>
      <View className="aj-filters">
        <View
          className={`aj-filter aj-filter-emergency ${filters.emergency ? 'aj-filter--on' : ''}`}
          onClick={() => choose({ emergency: !filters.emergency })}
        >
          <Text>{toggle(filters.emergency, '只看紧急')}</Text>
        </View>
        <View
          className={`aj-filter aj-filter-overdue ${filters.overdue ? 'aj-filter--on' : ''}`}
          onClick={() => choose({ overdue: !filters.overdue })}
        >
          <Text>{toggle(filters.overdue, '只看超时')}</Text>
        </View>
        <View
          className={`aj-filter aj-filter-help ${filters.kind === 'help' ? 'aj-filter--on' : ''}`}
          onClick={() => choose({ kind: filters.kind === 'help' ? undefined : 'help' })}
        >
          <Text>{toggle(filters.kind === 'help', '只看求助')}</Text>
        </View>
      </View>
      <View className="aj-filters">
        <Picker
          className="aj-filter aj-filter-category"
          mode="selector"
          range={[ALL, ...CATEGORIES.map((c) => TICKET_CATEGORY_LABELS[c])]}
          onChange={(e) => choose({ category: CATEGORIES[Number(e.detail.value) - 1] })}
        >
          <Text>{filters.category ? `✓ ${TICKET_CATEGORY_LABELS[filters.category]}` : ALL}</Text>
        </Picker>
        <Picker
          className="aj-filter aj-filter-building"
          mode="selector"
          range={[ALL_BUILDINGS, ...buildingIds.map((id) => buildings[id])]}
          onChange={(e) => choose({ buildingId: buildingIds[Number(e.detail.value) - 1] })}
        >
          <Text>{filters.buildingId ? `✓ ${buildings[filters.buildingId]}` : ALL_BUILDINGS}</Text>
        </Picker>
        <View className="aj-filter aj-refresh" onClick={() => load(filters)}>
          <Text>刷新</Text>
        </View>
      </View>

      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {tickets === null && error === '' && <Text className="aj-empty">正在读取…</Text>}
      {tickets !== null && tickets.length === 0 && (
        <Text className="aj-empty">{filters.status === 'submitted' ? '没有待受理的报修' : '没有符合条件的报修'}</Text>
      )}
      {tickets?.map((t) => (
        <TicketSummary
          key={t.id}
          ticket={t}
          className={`aj-triage-item ${isOverdue(t, now) ? 'aj-triage-item--overdue' : ''}`}
          onClick={() => Taro.navigateTo({ url: `${PAGES.staffTicket}?id=${encodeURIComponent(t.id)}` })}
        >
          {triageLine(t, now) !== '' && (
            <Text className={`aj-triage-line ${isOverdue(t, now) ? 'aj-triage-line--overdue' : ''}`}>
              {triageLine(t, now)}
            </Text>
          )}
        </TicketSummary>
      ))}
    </View>
  )
}
