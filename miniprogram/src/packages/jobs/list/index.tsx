import { COMMUTE_CHOICES_KM, type ProfileState, SHIFT_LABELS, type Shift } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import DraftNotice from '../../../components/DraftNotice'
import Icon from '../../../components/Icon'
import JobCard from '../../../components/JobCard'
import ReadAloud from '../../../components/ReadAloud'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { APPLY_RETRY_MESSAGE } from '../../../services/jobApply'
import { hasPendingApplies, resendApplies } from '../../../services/jobApplySync'
import { listJobMatches } from '../../../services/jobs'
import { PAGES } from '../../../services/routes'
import { getToken } from '../../../services/session'
import {
  appendCards,
  type JobCard as Card,
  cardOf,
  KM_FILTER_DEFAULT_LABEL,
  type MatchFilters,
  spokenMatches,
} from '../../../utils/jobs'
import './index.scss'

// 找工作: matches first, 10 a page (each page its own setData, a few KB), filters by shift and
// distance. Before a profile there is no list but one big first step; outside working age, the
// reason in kind words and nothing else.

const SHIFTS: Shift[] = ['day', 'evening', 'night']
const FIRST_STEP = '先说说你能做什么'

interface ListState {
  state: ProfileState
  message: string
  cards: Card[]
  total: number
  nextOffset?: number
}

export default function JobList() {
  useSignedInUser()
  const [filters, setFilters] = useState<MatchFilters>({})
  const [list, setList] = useState<ListState | null>(null)
  const [error, setError] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const [pending, setPending] = useState(false)
  const [busy, setBusy] = useState(false)
  // An old answer (an earlier filter) never lands on a newer list.
  const generation = useRef(0)

  const load = (f: MatchFilters) => {
    if (!getToken()) return
    const mine = ++generation.current
    listJobMatches(f, 0)
      .then((res) => {
        if (mine !== generation.current) return
        setList({
          state: res.state,
          message: res.message ?? '',
          cards: res.items.map(cardOf),
          total: res.total,
          nextOffset: res.nextOffset,
        })
        setError('')
      })
      .catch((err: Error) => mine === generation.current && setError(err.message))
  }

  const loadMore = () => {
    if (!list || list.nextOffset === undefined || loadingMore) return
    const mine = generation.current
    setLoadingMore(true)
    listJobMatches(filters, list.nextOffset)
      .then((res) => {
        if (mine !== generation.current) return
        setList((l) =>
          l ? { ...l, cards: appendCards(l.cards, res.items.map(cardOf)), nextOffset: res.nextOffset } : l,
        )
      })
      .catch((err: Error) => setError(err.message))
      .finally(() => setLoadingMore(false))
  }

  const retry = () => {
    setBusy(true)
    resendApplies()
      .then((outcomes) => {
        if (outcomes.some((o) => o.kind === 'sent')) Taro.showToast({ title: '报名已送到', icon: 'success' })
      })
      .catch(() => undefined)
      .finally(() => {
        setBusy(false)
        setPending(hasPendingApplies())
        load(filters)
      })
  }

  useDidShow(() => {
    const waiting = hasPendingApplies()
    setPending(waiting)
    if (waiting) retry()
    else load(filters)
  })

  const choose = (next: MatchFilters) => {
    setFilters(next)
    load(next)
  }

  const open = (id: string) => Taro.navigateTo({ url: `${PAGES.job}?id=${encodeURIComponent(id)}` })
  const toProfile = () => Taro.navigateTo({ url: PAGES.jobProfile })

  const spoken =
    list === null
      ? '正在找适合你的工作。'
      : list.state === 'none'
        ? `${list.message || '还不知道你能做什么。'}点下面的大按钮“${FIRST_STEP}”。`
        : list.state === 'outside_working_age'
          ? list.message
          : spokenMatches(list.cards, list.total)

  return (
    <View className="aj-page aj-jobs">
      <View className="aj-page__top">
        <Text className="aj-title">找工作</Text>
        <ReadAloud text={spoken} />
      </View>

      {pending && <DraftNotice message={APPLY_RETRY_MESSAGE} busy={busy} onRetry={retry} />}
      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {list === null && error === '' && <Text className="aj-empty">正在读取…</Text>}

      {list?.state === 'none' && (
        <View className="aj-jobs__first">
          <Icon name="person" size="lg" />
          <Text className="aj-jobs__message">
            {list.message || '还不知道你能做什么，说一说，就能帮你找合适的工作。'}
          </Text>
          <View className="aj-button aj-jobs__start" onClick={toProfile}>
            <Icon name="pen" size="sm" className="aj-icon--on-dark" />
            <Text>{FIRST_STEP}</Text>
          </View>
        </View>
      )}

      {list?.state === 'outside_working_age' && (
        <View className="aj-jobs__age">
          <Icon name="help" size="lg" />
          <Text className="aj-jobs__message">{list.message}</Text>
        </View>
      )}

      {list?.state === 'ready' && (
        <View>
          <View className="aj-jobs__links">
            <View className="aj-button aj-button--plain aj-jobs__profile" onClick={toProfile}>
              <Icon name="pen" size="sm" />
              <Text>我的求职信息</Text>
            </View>
            <View
              className="aj-button aj-button--plain aj-jobs__mine"
              onClick={() => Taro.navigateTo({ url: PAGES.myJobs })}
            >
              <Icon name="list" size="sm" />
              <Text>我的投递</Text>
            </View>
          </View>

          <Text className="aj-section-title">上什么班</Text>
          <View className="aj-filters">
            <View
              className={`aj-filter aj-shift-all ${filters.shift ? '' : 'aj-filter--on'}`}
              onClick={() => choose({ ...filters, shift: undefined })}
            >
              <Text>{filters.shift ? '都可以' : '✓ 都可以'}</Text>
            </View>
            {SHIFTS.map((s) => (
              <View
                key={s}
                className={`aj-filter aj-shift-${s} ${filters.shift === s ? 'aj-filter--on' : ''}`}
                onClick={() => choose({ ...filters, shift: s })}
              >
                <Text>{`${filters.shift === s ? '✓ ' : ''}${SHIFT_LABELS[s]}`}</Text>
              </View>
            ))}
          </View>

          <Text className="aj-section-title">离家多远</Text>
          <View className="aj-filters aj-filters--wrap">
            <View
              className={`aj-filter aj-km-all ${filters.maxKm === undefined ? 'aj-filter--on' : ''}`}
              onClick={() => choose({ ...filters, maxKm: undefined })}
            >
              <Text>{`${filters.maxKm === undefined ? '✓ ' : ''}${KM_FILTER_DEFAULT_LABEL}`}</Text>
            </View>
            {COMMUTE_CHOICES_KM.map((km) => (
              <View
                key={km}
                className={`aj-filter aj-km-${km} ${filters.maxKm === km ? 'aj-filter--on' : ''}`}
                onClick={() => choose({ ...filters, maxKm: km })}
              >
                <Text>{`${filters.maxKm === km ? '✓ ' : ''}${km}公里内`}</Text>
              </View>
            ))}
          </View>

          <Text className="aj-section-title">{`适合你的工作（${list.total}个）`}</Text>
          {list.cards.length === 0 && <Text className="aj-empty">没有找到合适的工作。换一个班次或距离，再看看。</Text>}
          {list.cards.map((c) => (
            <JobCard key={c.id} card={c} className={`aj-job-item aj-job-${c.id}`} onClick={() => open(c.id)} />
          ))}
          {list.nextOffset !== undefined && (
            <View className="aj-button aj-button--plain aj-more" onClick={loadMore}>
              <Text>{loadingMore ? '正在加载…' : '加载更多'}</Text>
            </View>
          )}
        </View>
      )}
    </View>
  )
}
