import { filedByLine, TICKET_STATUS_LABELS, type Ticket, ticketCategoryLabel } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import DraftNotice from '../../components/DraftNotice'
import Icon from '../../components/Icon'
import ReadAloud from '../../components/ReadAloud'
import TicketSummary from '../../components/TicketSummary'
import { useSignedInUser } from '../../hooks/useSignedInUser'
import { RETRY_MESSAGE } from '../../services/draft'
import { hasPendingDraft, resendPendingDraft } from '../../services/draftSync'
import { PAGES } from '../../services/routes'
import { getToken } from '../../services/session'
import { listMyTickets } from '../../services/tickets'
import './index.scss'

/** The closing reason read aloud too: many residents do not read. */
function spokenClosure(t: Ticket): string {
  if (!t.closure) return ''
  return `${t.closure.reason}。${t.closure.contact ? `请联系：${t.closure.contact}。` : ''}`
}

/** Who filed it, when a building head or staff member did it for the household. */
function spokenFiler(t: Ticket): string {
  return t.filedBy ? `${filedByLine(t.filedBy)}。` : ''
}

export default function MyTickets() {
  useSignedInUser()
  const [tickets, setTickets] = useState<Ticket[] | null>(null)
  const [error, setError] = useState('')
  const [pending, setPending] = useState(false)
  const [busy, setBusy] = useState(false)

  const load = () => {
    if (!getToken()) return
    listMyTickets()
      .then((list) => {
        setTickets(list)
        setError('')
      })
      .catch((err: Error) => setError(err.message))
  }

  const retry = () => {
    setBusy(true)
    resendPendingDraft()
      .catch(() => undefined)
      .finally(() => {
        setBusy(false)
        setPending(hasPendingDraft())
        load()
      })
  }

  useDidShow(() => {
    const hasDraft = hasPendingDraft()
    setPending(hasDraft)
    if (hasDraft) retry()
    else load()
  })

  const spoken =
    tickets === null
      ? '正在读取我的报修。'
      : tickets.length === 0
        ? '你还没有报修。'
        : `你有 ${tickets.length} 条报修。${tickets
            .map(
              (t) =>
                `${ticketCategoryLabel(t)}，${TICKET_STATUS_LABELS[t.status]}。${spokenFiler(t)}${spokenClosure(t)}`,
            )
            .join('')}`

  return (
    <View className="aj-page aj-my-tickets">
      <View className="aj-page__top">
        <Text className="aj-title">我的报修</Text>
        <ReadAloud text={spoken} />
      </View>

      {pending && <DraftNotice message={RETRY_MESSAGE} busy={busy} onRetry={retry} />}
      {error !== '' && <Text className="aj-field-error">{error}</Text>}

      <View className="aj-button aj-my-tickets__new" onClick={() => Taro.navigateTo({ url: PAGES.report })}>
        <Icon name="repair" size="sm" className="aj-icon--on-dark" />
        <Text>我要报修</Text>
      </View>

      {tickets !== null && tickets.length === 0 && <Text className="aj-empty">还没有报修</Text>}
      {tickets?.map((t) => (
        <TicketSummary
          key={t.id}
          ticket={t}
          className="aj-ticket-item"
          showPhotos
          onClick={() => Taro.navigateTo({ url: `${PAGES.myTicket}?id=${encodeURIComponent(t.id)}` })}
        >
          <Text className="aj-ticket-card__more">查看进展 ›</Text>
        </TicketSummary>
      ))}
    </View>
  )
}
