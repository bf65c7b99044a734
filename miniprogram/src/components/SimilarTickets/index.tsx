import type { SimilarTicket, TicketCategory, TicketLocation } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import {
  type FollowOutcome,
  followOutcome,
  followTicket,
  forgetFollow,
  householdsLine,
  listSimilar,
  rememberFollow,
  resendFollows,
  similarSpoken,
} from '../../services/duplicates'
import { askForUpdates, reportUpdatesAnswer } from '../../services/notifications'
import { PAGES } from '../../services/routes'
import { myDraftStorage } from '../../services/storage'
import { formatShanghai } from '../../utils/time'
import Icon from '../Icon'
import ReadAloud from '../ReadAloud'
import './index.scss'

interface Props {
  category?: TicketCategory
  location?: TicketLocation
  /** A tap on 我也遇到 went through: the report page then drops its own draft. */
  onFollowed?: (ticket: SimilarTicket, households: number) => void
}

/**
 * "已有人报告" on the report page: open reports of the same problem in the resident's building,
 * each with a big 我也遇到 button that follows it instead of filing again. A follow that fails
 * for the network is kept and sent again next time, like a report's draft.
 */
export default function SimilarTickets({ category, location, onFollowed }: Props) {
  const [tickets, setTickets] = useState<SimilarTicket[]>([])
  const [outcomes, setOutcomes] = useState<Record<string, FollowOutcome>>({})
  // The count after this household joined, as the server answered the follow.
  const [counts, setCounts] = useState<Record<string, number>>({})
  const [busy, setBusy] = useState('')
  const spot = location?.kind === 'common_area' ? location.spot : undefined

  useEffect(() => {
    const storage = myDraftStorage()
    if (storage) resendFollows(storage, followTicket).catch(() => undefined)
  }, [])

  useEffect(() => {
    // Only a common area can be someone else's problem too; nothing to ask for the own home.
    if (!category || !spot) {
      setTickets([])
      return
    }
    let current = true
    listSimilar(category, spot)
      .then((list) => current && setTickets(list))
      // A hint, not a step: if it cannot be read, the resident simply reports as before.
      .catch(() => current && setTickets([]))
    return () => {
      current = false
    }
  }, [category, spot])

  if (tickets.length === 0) return null

  const follow = (id: string) => {
    // WeChat's "receive updates?" sheet opens only in the tap itself, before any await (decision 066).
    const updates = askForUpdates()
    setBusy(id)
    let households: number | undefined
    followOutcome(() =>
      followTicket(id).then((n) => {
        households = n
        if (n !== undefined) setCounts((c) => ({ ...c, [id]: n }))
      }),
    )
      .then((outcome) => {
        if (outcome.kind === 'followed') void reportUpdatesAnswer(updates)
        const storage = myDraftStorage()
        if (storage) {
          if (outcome.kind === 'retry') rememberFollow(storage, id)
          else forgetFollow(storage, id)
        }
        setOutcomes((o) => ({ ...o, [id]: outcome }))
        const followed = tickets.find((t) => t.id === id)
        if (outcome.kind === 'followed' && followed) onFollowed?.(followed, households ?? followed.followerCount + 1)
      })
      .finally(() => setBusy(''))
  }

  return (
    <View className="aj-similar">
      <View className="aj-similar__top">
        <Text className="aj-similar__title">已有人报告</Text>
        <ReadAloud text={similarSpoken(tickets)} />
      </View>
      {tickets.map((t) => {
        const outcome = outcomes[t.id]
        const followed = t.following || outcome?.kind === 'followed'
        return (
          <View key={t.id} className={`aj-similar__card aj-similar-${t.id}`}>
            <View className="aj-similar__line">
              <Icon name={t.category} size="md" />
              <Text className="aj-similar__summary">{t.summary}</Text>
            </View>
            <Text className="aj-similar__facts">{`${householdsLine(counts[t.id] ?? t.followerCount)} · ${formatShanghai(t.createdAt)} 报告`}</Text>
            {!followed && (
              <View className="aj-button aj-me-too" onClick={() => busy === '' && follow(t.id)}>
                <Icon name="home" size="md" />
                <Text className="aj-me-too__word">{busy === t.id ? '正在记下…' : '我也遇到'}</Text>
              </View>
            )}
            {outcome && outcome.kind !== 'followed' && (
              <Text className="aj-similar__result aj-similar__result--problem">{outcome.message}</Text>
            )}
            {followed && (
              <View className="aj-similar__done">
                <Text className="aj-similar__result">
                  {outcome ? `✓ ${outcome.message}` : '✓ 这件事已经在“我的报修”里，有进展会告诉您。'}
                </Text>
                <View className="aj-button aj-go-mine" onClick={() => Taro.switchTab({ url: PAGES.myTickets })}>
                  <Icon name="list" size="md" />
                  <Text className="aj-me-too__word">去看我的报修</Text>
                </View>
              </View>
            )}
          </View>
        )
      })}
      <Text className="aj-similar__hint">不是同一件事？请接着往下填，自己报修。</Text>
    </View>
  )
}
