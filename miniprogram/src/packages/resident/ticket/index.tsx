import { RATEABLE_STATUSES, type Ticket, type TicketDetailResponse, type TicketRating } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import CommentBox from '../../../components/CommentBox'
import RateTicket from '../../../components/RateTicket'
import ReadAloud from '../../../components/ReadAloud'
import TicketSummary from '../../../components/TicketSummary'
import Timeline from '../../../components/Timeline'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { ConflictError } from '../../../services/errors'
import { getToken } from '../../../services/session'
import { commentOnTicket, getTicketDetail, rateTicket } from '../../../services/tickets'
import { spokenTimeline } from '../../../utils/timeline'
import './index.scss'

const RATED: Record<TicketRating, string> = {
  satisfied: '谢谢您的评价',
  partly: '谢谢您的评价',
  unsolved: '已重新交给工作人员',
}

/** A resident's ticket: where it stands, everything that happened, a one-tap rating, 补充说明. */
export default function ResidentTicket() {
  useSignedInUser()
  const { params } = useRouter()
  const id = params.id ?? ''
  const [detail, setDetail] = useState<TicketDetailResponse | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const load = () => {
    if (!getToken() || id === '') return
    getTicketDetail(id)
      .then((d) => {
        setDetail(d)
        setError('')
      })
      .catch((err: Error) => setError(err.message))
  }
  useDidShow(load)

  const rate = (rating: TicketRating) => {
    setBusy(true)
    rateTicket(id, rating)
      .then(() => {
        Taro.showToast({ title: RATED[rating], icon: 'success' })
        load()
      })
      .catch((err: Error) => {
        setError(err.message)
        if (err instanceof ConflictError) load()
      })
      .finally(() => setBusy(false))
  }

  if (!detail) {
    return (
      <View className="aj-page aj-resident-ticket">
        {error !== '' ? <Text className="aj-field-error">{error}</Text> : <Text className="aj-empty">正在读取…</Text>}
      </View>
    )
  }
  const ticket: Ticket = detail.ticket
  // A rating is asked once per closure: after 满意/基本解决 the question goes away.
  const rated =
    ticket.lastRating !== undefined && ticket.closure !== undefined && ticket.lastRating.at >= ticket.closure.at

  return (
    <View className="aj-page aj-resident-ticket">
      <View className="aj-page__top">
        <Text className="aj-title">报修进度</Text>
        <ReadAloud text={spokenTimeline(detail.events)} />
      </View>
      <TicketSummary ticket={ticket} className="aj-resident-ticket__card" showPhotos />
      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {RATEABLE_STATUSES.includes(ticket.status) && !rated && <RateTicket busy={busy} onRate={rate} />}
      {rated && <Text className="aj-resident-ticket__rated">{`您已评价，谢谢`}</Text>}
      <Text className="aj-section-title">进展</Text>
      <Timeline events={detail.events} />
      {ticket.status !== 'merged' && (
        <CommentBox
          ticketId={id}
          staff={false}
          send={async (body) => {
            await commentOnTicket(id, body)
            load()
          }}
        />
      )}
    </View>
  )
}
