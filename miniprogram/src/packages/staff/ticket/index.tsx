import { describeLocation, TICKET_CATEGORY_LABELS, type Ticket } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import Icon from '../../../components/Icon'
import StatusBadge from '../../../components/StatusBadge'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { ConflictError } from '../../../services/errors'
import { getToken } from '../../../services/session'
import { acknowledgeTicket, getTicket } from '../../../services/tickets'
import { formatShanghai } from '../../../utils/time'
import './index.scss'

export default function StaffTicket() {
  useSignedInUser()
  const { params } = useRouter()
  const id = params.id ?? ''
  const [ticket, setTicket] = useState<Ticket | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const load = () => {
    if (!getToken() || id === '') return
    getTicket(id)
      .then(setTicket)
      .catch((err: Error) => setError(err.message))
  }

  useDidShow(load)

  const acknowledge = () => {
    setBusy(true)
    acknowledgeTicket(id)
      .then((t) => {
        setTicket(t)
        setError('')
        Taro.showToast({ title: '已受理', icon: 'success' })
      })
      .catch((err: Error) => {
        setError(err.message)
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
        <Text className="aj-title">{TICKET_CATEGORY_LABELS[ticket.category]}</Text>
        <StatusBadge status={ticket.status} />
      </View>
      <View className="aj-staff-ticket__rows">
        <Text className="aj-staff-ticket__row">{`地点：${describeLocation(ticket.address, ticket.location)}`}</Text>
        <Text className="aj-staff-ticket__row">{`社区：${ticket.address.communityName} ${ticket.address.areaName}`}</Text>
        <Text className="aj-staff-ticket__row">{`报修时间：${formatShanghai(ticket.createdAt)}`}</Text>
        {ticket.acknowledgedAt && (
          <Text className="aj-staff-ticket__row">
            {`受理：${ticket.acknowledgedByName ?? ''} ${formatShanghai(ticket.acknowledgedAt)}`}
          </Text>
        )}
      </View>
      <Text className="aj-section-title">情况</Text>
      <Text className="aj-staff-ticket__desc">{ticket.description}</Text>

      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {ticket.status === 'submitted' && (
        <View className="aj-button aj-ack" onClick={() => !busy && acknowledge()}>
          <Text>{busy ? '正在受理…' : '受理'}</Text>
        </View>
      )}
    </View>
  )
}
