import {
  describeLocation,
  filedByLine,
  type StaffTicket as StaffTicketData,
  TRIAGE_RULES,
  ticketCategoryLabel,
  ticketQuestions,
  withPropertyDuty,
} from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import CloseTicketForm from '../../../components/CloseTicketForm'
import CommentBox from '../../../components/CommentBox'
import Icon from '../../../components/Icon'
import MergeTicket from '../../../components/MergeTicket'
import StatusBadge from '../../../components/StatusBadge'
import TicketModeration from '../../../components/TicketModeration'
import TicketPhotos from '../../../components/TicketPhotos'
import Timeline from '../../../components/Timeline'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { ConflictError, ValidationError } from '../../../services/errors'
import { getToken } from '../../../services/session'
import {
  acknowledgeTicket,
  closeTicket,
  commentOnTicket,
  getTicketDetail,
  startTicket,
} from '../../../services/tickets'
import { formatShanghai } from '../../../utils/time'
import type { TimelineEvent } from '../../../utils/timeline'
import { emergencyNote, triageLine } from '../../../utils/triage'
import './index.scss'

/** The rules the report page showed the resident, with the build's property duty line. */
const TRIAGE = PROPERTY_DUTY_PHONE ? withPropertyDuty(PROPERTY_DUTY_PHONE) : TRIAGE_RULES

export default function StaffTicket() {
  useSignedInUser()
  const { params } = useRouter()
  const id = params.id ?? ''
  const [ticket, setTicket] = useState<StaffTicketData | null>(null)
  const [events, setEvents] = useState<TimelineEvent[]>([])
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const load = () => {
    if (!getToken() || id === '') return
    getTicketDetail(id)
      .then((d) => {
        setTicket(d.ticket)
        setEvents(d.events)
      })
      .catch((err: Error) => setError(err.message))
  }

  useDidShow(load)

  const act = (run: () => Promise<StaffTicketData>, done: string) => {
    setBusy(true)
    run()
      .then((t) => {
        setTicket(t)
        setError('')
        Taro.showToast({ title: done, icon: 'success' })
        // The change added a history event: read the timeline again.
        load()
      })
      .catch((err: Error) => {
        setError(err instanceof ValidationError && err.fieldErrors.length ? err.fieldErrors[0].message : err.message)
        // Someone else acted first: show what the ticket is now.
        if (err instanceof ConflictError) load()
      })
      .finally(() => setBusy(false))
  }

  if (!ticket) {
    return (
      <View className="aj-page aj-staff-ticket">
        {error !== '' ? <Text className="aj-field-error">{error}</Text> : <Text className="aj-empty">正在读取…</Text>}
      </View>
    )
  }

  return (
    <View className="aj-page aj-staff-ticket">
      <View className="aj-staff-ticket__head">
        <Icon name={ticket.category} size="lg" />
        <Text className="aj-title">{ticketCategoryLabel(ticket)}</Text>
        <StatusBadge status={ticket.status} />
      </View>
      <View className="aj-staff-ticket__rows">
        <Text className="aj-staff-ticket__row">{`地点：${describeLocation(ticket.address, ticket.location)}`}</Text>
        <Text className="aj-staff-ticket__row">{`社区：${ticket.address.communityName} ${ticket.address.areaName}`}</Text>
        <Text className="aj-staff-ticket__row">{`${ticket.kind === 'help' ? '求助时间' : '报修时间'}：${formatShanghai(ticket.createdAt)}`}</Text>
        {ticket.filedBy && <Text className="aj-staff-ticket__row aj-filed-by">{filedByLine(ticket.filedBy)}</Text>}
        {ticket.contact && (
          <Text className="aj-staff-ticket__row aj-contact">
            {`联系人：${[ticket.contact.name, ticket.contact.phone].filter(Boolean).join(' ')}`}
          </Text>
        )}
        {triageLine(ticket, new Date().toISOString()) !== '' && (
          <Text className="aj-staff-ticket__row aj-triage-line">{`时限：${triageLine(ticket, new Date().toISOString())}`}</Text>
        )}
        {ticketQuestions(ticket).map((q) =>
          ticket.answers?.[q.key] === undefined ? null : (
            <Text
              key={q.key}
              className="aj-staff-ticket__row"
            >{`${q.text} ${ticket.answers[q.key] ? '是' : '不是'}`}</Text>
          ),
        )}
        {ticket.acknowledgedAt && (
          <Text className="aj-staff-ticket__row">
            {`受理：${ticket.acknowledgedByName ?? ''} ${formatShanghai(ticket.acknowledgedAt)}`}
          </Text>
        )}
        {ticket.startedAt && (
          <Text className="aj-staff-ticket__row">
            {`开始处理：${ticket.startedByName ?? ''} ${formatShanghai(ticket.startedAt)}`}
          </Text>
        )}
      </View>
      {ticket.emergency && <Text className="aj-ticket-card__urgent">{emergencyNote(ticket, TRIAGE)}</Text>}
      {(ticket.triageReasons ?? []).length > 0 && (
        <Text className="aj-staff-ticket__row aj-triage-reasons">{`依据：${ticket.triageReasons?.join('；')}`}</Text>
      )}
      <Text className="aj-section-title">情况</Text>
      <Text className="aj-staff-ticket__desc">{ticket.description}</Text>
      <TicketPhotos ticketId={ticket.id} count={ticket.photos?.length ?? 0} />

      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {ticket.closure && (
        <View className="aj-staff-ticket__rows aj-closure">
          <Text className="aj-staff-ticket__row">{`处理说明：${ticket.closure.reason}`}</Text>
          {ticket.closure.contact && (
            <Text className="aj-staff-ticket__row">{`请联系：${ticket.closure.contact}`}</Text>
          )}
          <Text className="aj-staff-ticket__row">
            {`${ticket.closure.byName} ${formatShanghai(ticket.closure.at)}`}
          </Text>
        </View>
      )}
      {ticket.status === 'submitted' && (
        <View className="aj-button aj-ack" onClick={() => !busy && act(() => acknowledgeTicket(id), '已受理')}>
          <Text>{busy ? '正在受理…' : '受理'}</Text>
        </View>
      )}
      {ticket.status === 'acknowledged' && (
        <View className="aj-button aj-start" onClick={() => !busy && act(() => startTicket(id), '处理中')}>
          <Text>{busy ? '正在提交…' : '开始处理'}</Text>
        </View>
      )}
      {(ticket.status === 'acknowledged' || ticket.status === 'in_progress') && (
        <CloseTicketForm busy={busy} onSubmit={(body) => act(() => closeTicket(id, body), '已提交')} />
      )}
      <MergeTicket
        ticket={ticket}
        onMerged={(t) => {
          setTicket(t)
          load()
        }}
      />
      <TicketModeration ticket={ticket} busy={busy} act={act} />
      <Text className="aj-section-title">{`进展记录${ticket.reopenCount ? `（住户反馈没解决 ${ticket.reopenCount} 次）` : ''}`}</Text>
      <Timeline events={events} />
      {ticket.status !== 'merged' && (
        <CommentBox
          ticketId={id}
          staff
          send={async (body) => {
            await commentOnTicket(id, body)
            load()
          }}
        />
      )}
    </View>
  )
}
