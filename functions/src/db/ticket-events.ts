import type { StaffTicket, TicketEvent } from '@anju/shared'
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { stripKeys } from './context'
import {
  ENTITY,
  KEY_ATTRIBUTES,
  type Key,
  OUTBOX_PENDING_GSI1PK,
  outboxKey,
  TICKET_FOLLOW_SK_PREFIX,
  ticketEventKey,
  ticketFollowGsi2Sk,
  ticketFollowKey,
  ticketGsi2Pk,
} from './keys'

export interface TicketFollower {
  ticketId: string
  userId: string
  householdId?: string
  followedAt: string
}

export function eventItem(event: TicketEvent): Key & Record<string, unknown> {
  return { ...ticketEventKey(event.ticketId, event.at, event.id), entity: ENTITY.ticketEvent, ...event }
}

/** A follower of a resident household also lists the ticket under that household (GSI2). */
export function followItem(f: TicketFollower): Key & Record<string, unknown> {
  return {
    ...ticketFollowKey(f.ticketId, f.userId),
    entity: ENTITY.ticketFollow,
    ...(f.householdId
      ? { GSI2PK: ticketGsi2Pk(f.householdId), GSI2SK: ticketFollowGsi2Sk(f.followedAt, f.ticketId) }
      : {}),
    ...f,
  }
}

export interface OutboxMessage {
  eventId: string
  ticketId: string
  /** User ids; delivery state per recipient is kept by the dispatcher. */
  recipients: string[]
  /** What the message says: the ticket's category, its new status, and the public text. */
  title: string
  status: string
  text: string
  createdAt: string
  /** 'help' for a help request's message: property staff never list those (decision 071). */
  kind?: 'help'
}

export function outboxItem(m: OutboxMessage): Key & Record<string, unknown> {
  return {
    ...outboxKey(m.eventId),
    entity: ENTITY.outbox,
    GSI1PK: OUTBOX_PENDING_GSI1PK,
    GSI1SK: `${m.createdAt}#${m.eventId}`,
    ...m,
  }
}

export interface TicketPartition {
  ticket?: StaffTicket
  events: TicketEvent[]
  followers: TicketFollower[]
}

/**
 * The ticket with its followers and, when asked, its whole history: one Query on its partition
 * (strongly consistent: a move decides from it). Without history the Query starts at FOLLOW#.
 */
export async function readTicketPartition(
  db: Db,
  ticketId: string,
  opts: { events: boolean },
): Promise<TicketPartition> {
  const out: TicketPartition = { events: [], followers: [] }
  const pk = ticketEventKey(ticketId, '', '').PK
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: opts.events ? 'PK = :pk' : 'PK = :pk AND SK >= :from',
        ExpressionAttributeValues: { ':pk': pk, ...(opts.events ? {} : { ':from': TICKET_FOLLOW_SK_PREFIX }) },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    )
    for (const item of page.Items ?? []) {
      if (item.entity === ENTITY.ticket) out.ticket = stripKeys<StaffTicket>(item, KEY_ATTRIBUTES)
      else if (item.entity === ENTITY.ticketEvent) out.events.push(stripKeys<TicketEvent>(item, KEY_ATTRIBUTES))
      else if (item.entity === ENTITY.ticketFollow) out.followers.push(stripKeys<TicketFollower>(item, KEY_ATTRIBUTES))
    }
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return out
}
