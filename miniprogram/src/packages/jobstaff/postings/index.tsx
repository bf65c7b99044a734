import { POSTING_STATUS_LABELS, type PostingStatus, ROLE_LABELS, type StaffPosting } from '@anju/shared'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import Icon from '../../../components/Icon'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { listPostings, setPostingOpen } from '../../../services/job-staff'
import { PAGES } from '../../../services/routes'
import {
  canPost,
  canPush,
  filterPostings,
  type PostingFilter,
  postingFiltersFor,
  SHOW_STEP,
  todayInBeijing,
} from '../../../utils/jobstaff'
import PostingCard from './PostingCard'
import './index.scss'

// 岗位管理 (issue 6 item 2): the postings of my scope, 招聘中 / 已停止招聘, each with how many
// applied; from a card (PostingCard), 投递的人, 推荐给居民, 修改 and 停止/重新招聘. Chips
// (全部 / 有人投递 / 已过截止) and a search on title or employer narrow the loaded list; it is
// still shown SHOW_STEP cards at a time, so one update stays small.

const TABS: PostingStatus[] = ['open', 'closed']

export default function Postings() {
  const user = useSignedInUser()
  const [status, setStatus] = useState<PostingStatus>('open')
  const [postings, setPostings] = useState<StaffPosting[] | null>(null)
  const [shown, setShown] = useState(SHOW_STEP)
  const [error, setError] = useState('')
  const [busyId, setBusyId] = useState('')
  const [filter, setFilter] = useState<PostingFilter>('all')
  const [query, setQuery] = useState('')
  // The failure of a card's button, shown on that card.
  const [cardError, setCardError] = useState<{ id: string; message: string } | null>(null)

  const load = (s: PostingStatus) => {
    setError('')
    return listPostings(s)
      .then((list) => {
        setPostings(list)
        setShown(SHOW_STEP)
      })
      .catch((err: Error) => setError(err.message))
  }

  useDidShow(() => {
    load(status)
  })

  const choose = (s: PostingStatus) => {
    setStatus(s)
    setPostings(null)
    load(s)
  }

  // 停止招聘 hides the posting from residents: asked first. 重新招聘 goes at once.
  const toggleOpen = (p: StaffPosting) => {
    if (p.status !== 'open') return send(p)
    Taro.showModal({
      title: '停止招聘',
      content: '停止招聘后，居民就看不到这个岗位了。确定停止吗？',
      confirmText: '停止招聘',
      cancelText: '不停止',
      // Taro's default confirm is green; a red word says this one takes the posting away.
      confirmColor: '#b42318',
    })
      .then((res) => {
        if (res.confirm) send(p)
      })
      .catch(() => undefined)
  }

  const send = (p: StaffPosting) => {
    setBusyId(p.id)
    setCardError(null)
    setPostingOpen(p.id, p.status !== 'open')
      .then((changed) => {
        Taro.showToast({ title: changed.status === 'open' ? '已重新招聘' : '已停止招聘', icon: 'success' })
        return load(status)
      })
      .catch((err: Error) => setCardError({ id: p.id, message: err.message }))
      .finally(() => setBusyId(''))
  }

  const poster = canPost(user?.role)
  const today = todayInBeijing()
  const loaded = postings ?? []
  const list = filterPostings(loaded, filter, query, today)
  const narrow = (patch: { filter?: PostingFilter; query?: string }) => {
    if (patch.filter) setFilter(patch.filter)
    if (patch.query !== undefined) setQuery(patch.query)
    setShown(SHOW_STEP)
  }

  return (
    <View className="aj-page aj-postings">
      <View className="aj-page__top">
        <View>
          <Text className="aj-title">岗位管理</Text>
          {user && <Text className="aj-subtitle">{`${user.name}（${ROLE_LABELS[user.role]}）`}</Text>}
        </View>
      </View>

      <View className="aj-js-actions">
        {poster && (
          <View
            className="aj-button aj-js-small aj-new-posting"
            onClick={() => Taro.navigateTo({ url: PAGES.jobPostingEdit })}
          >
            <Icon name="job" size="sm" className="aj-icon--on-dark" />
            <Text>新建岗位</Text>
          </View>
        )}
        {canPush(user?.role) && (
          <View
            className="aj-button aj-button--plain aj-js-small aj-seeker-link"
            onClick={() => Taro.navigateTo({ url: PAGES.jobSeekerFor })}
          >
            <Icon name="home" size="sm" />
            <Text>帮居民填写求职信息</Text>
          </View>
        )}
      </View>

      <View className="aj-js-tabs">
        {TABS.map((s) => (
          <View
            key={s}
            className={`aj-js-tab aj-tab-${s} ${status === s ? 'aj-js-tab--on' : ''}`}
            onClick={() => choose(s)}
          >
            <Text>{status === s ? `✓ ${POSTING_STATUS_LABELS[s]}` : POSTING_STATUS_LABELS[s]}</Text>
          </View>
        ))}
      </View>

      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {postings === null && error === '' && <Text className="aj-empty">正在读取…</Text>}
      {loaded.length > 0 && (
        <>
          <View className="aj-js-choices">
            {postingFiltersFor(loaded).map((f) => (
              <View
                key={f.key}
                className={`aj-js-choice aj-filter-${f.key} ${filter === f.key ? 'aj-js-choice--on' : ''}`}
                onClick={() => narrow({ filter: f.key })}
              >
                <Text>{`${filter === f.key ? '✓ ' : ''}${f.label}（${filterPostings(loaded, f.key, '', today).length}）`}</Text>
              </View>
            ))}
          </View>
          <Input
            className="aj-js-input aj-posting-search"
            value={query}
            placeholder="搜岗位名称或用工单位"
            onInput={(e) => narrow({ query: e.detail.value })}
          />
        </>
      )}
      {postings !== null && loaded.length === 0 && (
        <Text className="aj-empty">{status === 'open' ? '还没有招聘中的岗位' : '没有已停止招聘的岗位'}</Text>
      )}
      {loaded.length > 0 && list.length === 0 && <Text className="aj-empty">没有符合条件的岗位</Text>}
      {list.slice(0, shown).map((p) => (
        <PostingCard
          key={p.id}
          p={p}
          user={user}
          today={today}
          busyId={busyId}
          error={cardError?.id === p.id ? cardError.message : undefined}
          onToggle={toggleOpen}
        />
      ))}
      {list.length > shown && (
        <View className="aj-button aj-button--plain aj-load-more" onClick={() => setShown(shown + SHOW_STEP)}>
          <Text>{`显示更多（还有 ${list.length - shown} 个）`}</Text>
        </View>
      )}
    </View>
  )
}
