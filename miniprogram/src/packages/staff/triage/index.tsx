import {
  isStaff,
  type ListTicketsQuery,
  ROLE_LABELS,
  TICKET_CATEGORY_LABELS,
  TicketCategory,
  type TicketKind,
  type TicketStatus,
} from '@anju/shared'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import BulkAssign from '../../../components/BulkAssign'
import Icon from '../../../components/Icon'
import TriageCard from '../../../components/TriageCard'
import { usePagedInbox } from '../../../hooks/usePagedInbox'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { logout } from '../../../services/auth'
import { PAGES } from '../../../services/routes'
import { EMPTY_SELECTION, keepVisible, type Selection, toggleSelected } from '../../../utils/selection'
import type { TicketFilters } from '../../../utils/triage'
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
  /** 含已隐藏: hidden (abusive) tickets too, each with its 已隐藏 mark. */
  includeHidden?: boolean
  assignee?: ListTicketsQuery['assignee']
}

const ASSIGNEE_FILTERS: { key?: ListTicketsQuery['assignee']; label: string }[] = [
  { label: '全部分派' },
  { key: 'me', label: '交给我的' },
  { key: 'none', label: '未分派' },
  { key: 'property_company', label: '物业公司' },
]

function toQuery(f: Filters): TicketFilters {
  return {
    status: f.status === 'all' ? undefined : (f.status as TicketStatus),
    category: f.category,
    buildingId: f.buildingId,
    kind: f.kind,
    overdue: f.overdue || undefined,
    emergency: f.emergency || undefined,
    includeHidden: f.includeHidden || undefined,
    assignee: f.assignee,
  }
}

/** Staff triage inbox: overdue first, then priority, then the nearest deadline (as the server sorts). */
export default function Triage() {
  const user = useSignedInUser()
  const [filters, setFilters] = useState<Filters>({ status: 'submitted', overdue: false, emergency: false })
  const inbox = usePagedInbox()
  const { tickets, error } = inbox
  // Buildings seen in any answer so far: the picker offers where tickets actually are.
  const [buildings, setBuildings] = useState<Record<string, string>>({})
  // 选择 mode: null when not selecting; cards then open the ticket.
  const [selection, setSelection] = useState<Selection | null>(null)
  const now = new Date().toISOString()

  const load = (f: Filters) =>
    inbox.reload(toQuery(f)).then((list) => {
      const ids = list.map((t) => t.id)
      setSelection((sel) => (sel ? keepVisible(sel, ids) : sel))
      setBuildings((b) => {
        const next = { ...b }
        for (const t of list) next[t.address.path.buildingId ?? ''] = t.address.buildingName
        delete next['']
        return next
      })
    })

  useDidShow(() => load(filters))
  useReachBottom(() => inbox.loadMore())

  const choose = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch }
    setFilters(next)
    load(next)
  }

  const tap = (id: string) => {
    if (!selection) {
      Taro.navigateTo({ url: `${PAGES.staffTicket}?id=${encodeURIComponent(id)}` })
      return
    }
    const next = toggleSelected(selection, id)
    if (next.refused) Taro.showToast({ title: next.refused, icon: 'none' })
    setSelection(next)
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
      <View
        className="aj-button aj-button--plain aj-jobs-link"
        onClick={() => Taro.navigateTo({ url: PAGES.jobPostings })}
      >
        <Icon name="job" size="sm" />
        <Text>找工作：岗位管理、推荐给居民</Text>
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
      <View className="aj-filters">
        <Picker
          className="aj-filter aj-filter-assignee"
          mode="selector"
          range={ASSIGNEE_FILTERS.map((a) => a.label)}
          onChange={(e) => choose({ assignee: ASSIGNEE_FILTERS[Number(e.detail.value)].key })}
        >
          <Text>{ASSIGNEE_FILTERS.find((a) => a.key === filters.assignee)?.label ?? '全部分派'}</Text>
        </Picker>
        <View
          className={`aj-filter aj-filter-hidden ${filters.includeHidden ? 'aj-filter--on' : ''}`}
          onClick={() => choose({ includeHidden: !filters.includeHidden })}
        >
          <Text>{toggle(filters.includeHidden === true, '含已隐藏')}</Text>
        </View>
        <View
          className={`aj-filter aj-select ${selection ? 'aj-filter--on' : ''}`}
          onClick={() => setSelection(selection ? null : EMPTY_SELECTION)}
        >
          <Text>{selection ? '取消选择' : '选择'}</Text>
        </View>
        <View className="aj-filter aj-failed-link" onClick={() => Taro.navigateTo({ url: PAGES.failedNotifications })}>
          <Text>通知失败</Text>
        </View>
      </View>

      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {tickets === null && error === '' && <Text className="aj-empty">正在读取…</Text>}
      {tickets !== null && tickets.length === 0 && (
        <Text className="aj-empty">{filters.status === 'submitted' ? '没有待受理的报修' : '没有符合条件的报修'}</Text>
      )}
      {tickets?.map((t) => (
        <TriageCard
          key={t.id}
          ticket={t}
          now={now}
          selected={selection ? selection.ids.includes(t.id) : undefined}
          onClick={() => tap(t.id)}
        />
      ))}
      {inbox.hasMore && (
        <View className="aj-button aj-button--plain aj-load-more" onClick={inbox.loadMore}>
          <Text>{inbox.loadingMore ? '正在读取…' : '加载更多'}</Text>
        </View>
      )}
      {tickets !== null && tickets.length > 0 && !inbox.hasMore && <Text className="aj-empty">没有更多了</Text>}
      {selection && (
        <BulkAssign
          me={user}
          selection={selection}
          onAssigned={(left) => {
            setSelection(left)
            load(filters)
          }}
        />
      )}
    </View>
  )
}
