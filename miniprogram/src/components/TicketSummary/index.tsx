import { describeLocation, filedByLine, type Ticket, ticketCategoryLabel, truncateCodePoints } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { formatShanghai } from '../../utils/time'
import Icon from '../Icon'
import StatusBadge from '../StatusBadge'
import TicketPhotos from '../TicketPhotos'
import './index.scss'

interface Props {
  ticket: Ticket
  className: string
  onClick?: () => void
  /** Extra lines under the card's own (staff: how soon). */
  children?: ReactNode
  /** Thumbnails of the ticket's photos (one request per card); otherwise only how many there are. */
  showPhotos?: boolean
}

/** One ticket as a card: category (icon + word), place, time, status. Used by residents and staff. */
export default function TicketSummary({ ticket, className, onClick, children, showPhotos = false }: Props) {
  const photoCount = ticket.photos?.length ?? 0
  return (
    <View className={`aj-ticket-card ${className}`} data-id={ticket.id} onClick={onClick}>
      <View className="aj-ticket-card__head">
        <Icon name={ticket.category} size="md" />
        <Text className="aj-ticket-card__category">{ticketCategoryLabel(ticket)}</Text>
        <StatusBadge status={ticket.status} />
      </View>
      {/* Residents may see that their report is handled as urgent; never why (docs/decisions/060). */}
      {ticket.emergency && <Text className="aj-ticket-card__urgent">⚠ 紧急</Text>}
      <Text className="aj-ticket-card__line">{describeLocation(ticket.address, ticket.location)}</Text>
      {ticket.description !== '' && (
        <Text className="aj-ticket-card__line aj-ticket-card__desc">{truncateCodePoints(ticket.description, 60)}</Text>
      )}
      {ticket.filedBy && (
        <Text className="aj-ticket-card__line aj-ticket-card__filed-by">{filedByLine(ticket.filedBy)}</Text>
      )}
      {photoCount > 0 &&
        (showPhotos ? (
          <TicketPhotos ticketId={ticket.id} count={photoCount} />
        ) : (
          <Text className="aj-ticket-card__line aj-ticket-card__photos">{`有 ${photoCount} 张照片`}</Text>
        ))}
      <Text className="aj-ticket-card__time">{`${ticket.kind === 'help' ? '求助时间' : '报修时间'}：${formatShanghai(ticket.createdAt)}`}</Text>
      {ticket.acknowledgedByName && (
        <Text className="aj-ticket-card__time">{`受理人：${ticket.acknowledgedByName}`}</Text>
      )}
      {ticket.closure && (
        <Text className="aj-ticket-card__line aj-ticket-card__closure">{`处理说明：${ticket.closure.reason}`}</Text>
      )}
      {ticket.closure?.contact && (
        <Text className="aj-ticket-card__line aj-ticket-card__contact">{`请联系：${ticket.closure.contact}`}</Text>
      )}
      {children}
    </View>
  )
}
