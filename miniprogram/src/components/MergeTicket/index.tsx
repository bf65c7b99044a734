import { describeLocation, isOpenTicket, type StaffTicket, TICKET_STATUS_LABELS } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { householdsLine, listSimilarForStaff, mergeTicket } from '../../services/duplicates'
import { ConflictError, ValidationError } from '../../services/errors'
import { PAGES } from '../../services/routes'
import { formatShanghai } from '../../utils/time'
import Icon from '../Icon'
import './index.scss'

interface Props {
  ticket: StaffTicket
  onMerged: (ticket: StaffTicket) => void
}

const messageOf = (err: Error) =>
  err instanceof ValidationError && err.fieldErrors.length ? err.fieldErrors[0].message : err.message

/**
 * The staff ticket page's duplicate tools: how many households the ticket affects, "已合并到：…"
 * on a merged duplicate, and "合并到…" listing the open tickets of the same category in the same
 * building to pick the original (a second tap confirms; the server re-checks everything).
 */
export default function MergeTicket({ ticket, onMerged }: Props) {
  const [candidates, setCandidates] = useState<StaffTicket[] | null>(null)
  const [chosen, setChosen] = useState<StaffTicket | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const open = isOpenTicket(ticket) && (ticket as { kind?: string }).kind !== 'help'

  const load = (keepError = false) => {
    if (!keepError) setError('')
    listSimilarForStaff(ticket.id)
      .then(setCandidates)
      .catch((err: Error) => setError(err.message))
  }

  const merge = (into: StaffTicket) => {
    setBusy(true)
    mergeTicket(ticket.id, into.id)
      .then(({ ticket: merged }) => {
        setChosen(null)
        setCandidates(null)
        onMerged(merged)
        Taro.showToast({ title: '已合并', icon: 'success' })
      })
      .catch((err: Error) => {
        setError(messageOf(err))
        setChosen(null)
        // Someone else merged or moved one of them first: show the list as it is now.
        if (err instanceof ConflictError) load(true)
      })
      .finally(() => setBusy(false))
  }

  return (
    <View className="aj-merge">
      <Text className="aj-merge__count">{`影响：${householdsLine(ticket.followerCount ?? 1)}（报修的和点了“我也遇到”的住户都会收到进展）`}</Text>
      {ticket.status === 'merged' && ticket.mergedInto && (
        <View
          className="aj-merge__into"
          onClick={() => Taro.navigateTo({ url: `${PAGES.staffTicket}?id=${ticket.mergedInto}` })}
        >
          <Icon name="list" size="sm" />
          <Text className="aj-merge__into-text">{`已合并到：${ticket.mergedInto}（点这里打开）`}</Text>
        </View>
      )}
      {open && candidates === null && (
        <View className="aj-button aj-merge-open" onClick={() => load()}>
          <Text>合并到…</Text>
        </View>
      )}
      {open && candidates !== null && (
        <View className="aj-merge__list">
          <Text className="aj-section-title">合并到哪一张？（同楼、同类、未办结）</Text>
          {candidates.length === 0 && <Text className="aj-empty">同一栋楼没有同类的未办结报修</Text>}
          {candidates.map((c) => (
            <View key={c.id} className={`aj-merge__card aj-merge-candidate-${c.id}`}>
              <Text className="aj-merge__line">
                {`${describeLocation(c.address, c.location)} · ${TICKET_STATUS_LABELS[c.status]}`}
              </Text>
              <Text className="aj-merge__line aj-merge__meta">
                {`${formatShanghai(c.createdAt)} · ${householdsLine(c.followerCount ?? 1)}`}
              </Text>
              <Text className="aj-merge__line aj-merge__desc">{c.description}</Text>
              {chosen?.id === c.id ? (
                <View className="aj-merge__confirm">
                  <View className="aj-button aj-merge-confirm" onClick={() => !busy && merge(c)}>
                    <Text>{busy ? '正在合并…' : '确认合并（本单关闭，住户改为关注这张）'}</Text>
                  </View>
                  <View className="aj-merge__cancel" onClick={() => setChosen(null)}>
                    <Text>取消</Text>
                  </View>
                </View>
              ) : (
                <View className="aj-merge__pick aj-merge-pick" onClick={() => setChosen(c)}>
                  <Text>合并到这张</Text>
                </View>
              )}
            </View>
          ))}
          <View className="aj-merge__cancel" onClick={() => setCandidates(null)}>
            <Text>收起</Text>
          </View>
        </View>
      )}
      {error !== '' && <Text className="aj-field-error aj-merge__error">{error}</Text>}
    </View>
  )
}
