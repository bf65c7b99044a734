import { APPLICATION_STATUS_LABELS, type PushCandidate, RecommendBody } from '@anju/shared'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import Icon from '../../../components/Icon'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { type Candidates, listCandidates, recommend } from '../../../services/job-staff'
import {
  COLOUR_TAGS,
  dayLabel,
  employmentLabel,
  postingLines,
  pushBlock,
  recommendSummary,
  SHOW_STEP,
  todayInBeijing,
  togglePerson,
} from '../../../utils/jobstaff'
import './index.scss'

// 推荐给居民 (issue 6 item 5): the best-matched working-age residents of my scope, red and yellow
// households first (as the server sorts). Staff see the colour — in words and an icon, never by
// colour alone. Tick some, 发送推荐: each becomes 社区为你推荐 for the resident and a livelihood
// follow-up of the household. Those recommended before are marked and cannot be ticked again.
// A posting stopped or past its last day says so at once, before anyone is ticked.

function Candidate({ c, on, onTap, today }: { c: PushCandidate; on: boolean; onTap: () => void; today: string }) {
  const tag = COLOUR_TAGS[c.colour]
  const done = c.recommendedAt !== undefined
  return (
    <View className={`aj-js-card aj-cand aj-cand-${c.personId} ${on ? 'aj-js-card--on' : ''}`} onClick={onTap}>
      <View className={`aj-js-t aj-cand__colour aj-cand__colour--${c.colour}`} data-colour={c.colour}>
        <Icon name={tag.icon} size="sm" />
        <Text>{tag.label}</Text>
      </View>
      <Text className="aj-js-h">{`${on ? '☑ ' : done ? '' : '☐ '}${c.name}，${c.age}岁`}</Text>
      <Text className="aj-js-l">{c.addressLabel}</Text>
      <Text className="aj-js-l">{`现在：${employmentLabel(c.employment)}`}</Text>
      <Text className="aj-js-l">{c.reasons.join('；')}</Text>
      {done && <Text className="aj-js-t aj-cand__done">{`✓ 已推荐（${dayLabel(c.recommendedAt ?? '', today)}）`}</Text>}
      {c.applied && <Text className="aj-js-t">{`已投递：${APPLICATION_STATUS_LABELS[c.applied]}`}</Text>}
    </View>
  )
}

export default function Push() {
  useSignedInUser()
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const [data, setData] = useState<Candidates | null>(null)
  const [error, setError] = useState('')
  const [ids, setIds] = useState<string[]>([])
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState('')
  const [shown, setShown] = useState(SHOW_STEP)
  const [all, setAll] = useState(false)

  const load = (everyone = all) =>
    listCandidates(id, everyone)
      .then((res) => {
        setData(res)
        setError('')
        // Only those still listed and not yet recommended stay ticked.
        const open = new Set(res.candidates.filter((c) => !c.recommendedAt).map((c) => c.personId))
        setIds((prev) => prev.filter((p) => open.has(p)))
      })
      .catch((err: Error) => setError(err.message))

  useDidShow(() => {
    load()
  })

  const tap = (c: PushCandidate) => {
    if (blocked) {
      Taro.showToast({ title: blocked, icon: 'none' })
      return
    }
    if (c.recommendedAt) {
      Taro.showToast({ title: '已经推荐过了', icon: 'none' })
      return
    }
    // Functional: two taps may arrive before the page re-renders.
    setIds((prev) => {
      const next = togglePerson(prev, c.personId)
      if (next.refused) Taro.showToast({ title: next.refused, icon: 'none' })
      return next.ids
    })
  }

  const send = () => {
    const parsed = RecommendBody.safeParse({ personIds: ids, note })
    if (!parsed.success) {
      setResult(parsed.error.issues[0]?.message ?? '请检查填写的内容')
      return
    }
    setBusy(true)
    const names = Object.fromEntries((data?.candidates ?? []).map((c) => [c.personId, c.name]))
    recommend(id, parsed.data)
      .then((results) => {
        const summary = recommendSummary(results, names)
        setResult(summary.text)
        Taro.showToast({ title: summary.text, icon: summary.allOk ? 'success' : 'none', duration: 3000 })
        setIds(summary.left)
        return load()
      })
      .catch((err: Error) => setResult(err.message))
      .finally(() => setBusy(false))
  }

  const candidates = data?.candidates ?? []
  const today = todayInBeijing()
  const blocked = data ? pushBlock(data.posting, today) : undefined

  return (
    <View className="aj-page aj-push">
      <View className="aj-page__top">
        <Text className="aj-title">推荐给居民</Text>
      </View>
      {data && (
        <View className="aj-js-card">
          <Text className="aj-js-h">{`${data.posting.title} · ${data.posting.employer}`}</Text>
          {postingLines(data.posting, today).map((line) => (
            <Text key={line} className="aj-js-l">
              {line}
            </Text>
          ))}
        </View>
      )}
      {blocked && <Text className="aj-js-notice aj-push__blocked">{blocked}</Text>}
      {!blocked && <Text className="aj-js-l">红色户、黄色户排在前面。点一下选中，再点“发送推荐”。</Text>}
      <View className="aj-js-tabs">
        {[false, true].map((everyone) => (
          <View
            key={String(everyone)}
            className={`aj-js-tab aj-cand-filter-${everyone ? 'all' : 'need'} ${all === everyone ? 'aj-js-tab--on' : ''}`}
            onClick={() => {
              setAll(everyone)
              setData(null)
              load(everyone)
            }}
          >
            <Text>{`${all === everyone ? '✓ ' : ''}${everyone ? '全部求职居民' : '失业和就业不稳定的'}`}</Text>
          </View>
        ))}
      </View>
      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {data === null && error === '' && <Text className="aj-empty">正在读取…</Text>}
      {data !== null && candidates.length === 0 && <Text className="aj-empty">辖区里暂时没有适合这个岗位的居民</Text>}
      {candidates.slice(0, shown).map((c) => (
        <Candidate key={c.personId} c={c} on={ids.includes(c.personId)} onTap={() => tap(c)} today={today} />
      ))}
      {candidates.length > shown && (
        <View className="aj-button aj-button--plain aj-load-more" onClick={() => setShown(shown + SHOW_STEP)}>
          <Text>{`显示更多（还有 ${candidates.length - shown} 人）`}</Text>
        </View>
      )}

      {candidates.length > 0 && !blocked && (
        <View className="aj-push__bar">
          <Input
            className="aj-js-input aj-push-note"
            value={note}
            placeholder="推荐说明（可不填），比如：离家近，适合接送孩子"
            onInput={(e) => setNote(e.detail.value)}
          />
          {result !== '' && <Text className="aj-js-done aj-push__result">{result}</Text>}
          <View
            className={`aj-button aj-push-send ${ids.length === 0 || busy ? 'aj-submit--busy' : ''}`}
            onClick={() => !busy && send()}
          >
            <Icon name="check" size="sm" className="aj-icon--on-dark" />
            <Text>{busy ? '正在发送…' : ids.length === 0 ? '请先选择居民' : `发送推荐（已选 ${ids.length} 人）`}</Text>
          </View>
        </View>
      )}
    </View>
  )
}
