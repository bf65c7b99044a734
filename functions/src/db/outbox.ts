import type { DeliveryState, GridPath } from '@anju/shared'
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { Db } from './context'
import { stripKeys } from './context'
import {
  KEY_ATTRIBUTES,
  OUTBOX_PENDING_GSI1PK,
  outboxFailedGsi2Pk,
  outboxKey,
  subscriptionKey,
  ticketGsi1Prefix,
} from './keys'
import type { OutboxMessage } from './ticket-events'

// The outbox as the dispatcher and staff use it (decision 066). A message is written once with
// its ticket's change (db/ticket-events.ts outboxItem); from then on only these functions touch it.
// Every write the dispatcher makes after claiming a message is conditional on still holding its
// lease, so a dispatcher that lost its lease never records — or sends — anything more.

export interface Delivery {
  state: DeliveryState
  attempts: number
  /** A subscription credit was consumed for this delivery: retries never take a second one. */
  creditTaken?: boolean
  lastError?: string
  lastAttemptAt?: string
  nextAttemptAt?: string
  sentAt?: string
  /** How staff read the recipient: 住户 + room (never an openid). */
  recipient?: string
}

export interface StoredOutbox extends OutboxMessage {
  deliveries?: Record<string, Delivery>
  leaseOwner?: string
  leaseUntil?: string
  retryRequestedAt?: string
  /** The ticket's place, copied when a delivery fails, so staff in scope find and retry it. */
  scope?: GridPath
}

const toOutbox = (item: Record<string, unknown>) => stripKeys<StoredOutbox>(item, KEY_ATTRIBUTES)

/** Pending messages due by `dueBy` (GSI1SK is the next due time), oldest first. */
export async function listDueOutbox(db: Db, dueBy: string, limit: number): Promise<StoredOutbox[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :due',
      ExpressionAttributeValues: { ':pk': OUTBOX_PENDING_GSI1PK, ':due': `${dueBy}#\uffff` },
      Limit: limit,
    }),
  )
  return (out.Items ?? []).map(toOutbox)
}

/**
 * Takes the message for one dispatcher until `leaseUntil` (if it is pending and nobody holds an
 * unexpired lease) and starts a delivery per recipient the first time. The message as it now
 * stands, or undefined when another dispatcher has it.
 */
export async function claimOutbox(
  db: Db,
  eventId: string,
  lease: { owner: string; now: string; until: string },
  initial: Record<string, Delivery>,
): Promise<StoredOutbox | undefined> {
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: outboxKey(eventId),
        UpdateExpression: 'SET leaseOwner = :owner, leaseUntil = :until, deliveries = if_not_exists(deliveries, :init)',
        ConditionExpression: 'GSI1PK = :pending AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeValues: {
          ':owner': lease.owner,
          ':until': lease.until,
          ':now': lease.now,
          ':init': initial,
          ':pending': OUTBOX_PENDING_GSI1PK,
        },
        ReturnValues: 'ALL_NEW',
      }),
    )
    return out.Attributes ? toOutbox(out.Attributes) : undefined
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return undefined
    throw err
  }
}

/** True when the write happened, false when its condition did not hold; other errors propagate. */
export async function conditionally(write: Promise<unknown>): Promise<boolean> {
  try {
    await write
    return true
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false
    throw err
  }
}

export class LeaseLostError extends Error {
  constructor() {
    super('outbox lease lost')
  }
}

const leaseHeld = { ConditionExpression: 'leaseOwner = :owner' }

/** Records one recipient's delivery, while the lease is still ours. */
export async function setDelivery(db: Db, eventId: string, owner: string, userId: string, d: Delivery): Promise<void> {
  const held = await conditionally(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: outboxKey(eventId),
        UpdateExpression: 'SET deliveries.#u = :d',
        ...leaseHeld,
        ExpressionAttributeNames: { '#u': userId },
        ExpressionAttributeValues: { ':d': d, ':owner': owner },
      }),
    ),
  )
  if (!held) throw new LeaseLostError()
}

/**
 * Consumes one of the user's credits for the template and marks the delivery as holding it, in
 * one transaction: 'taken', or 'none' when the user has no credit left (nothing is written).
 */
export async function takeCredit(
  db: Db,
  q: { eventId: string; owner: string; userId: string; templateId: string },
): Promise<'taken' | 'none'> {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: subscriptionKey(q.userId, q.templateId),
              UpdateExpression: 'SET credits = credits - :one',
              ConditionExpression: 'credits > :zero',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
          {
            Update: {
              TableName: db.tableName,
              Key: outboxKey(q.eventId),
              UpdateExpression: 'SET deliveries.#u.creditTaken = :t',
              ...leaseHeld,
              ExpressionAttributeNames: { '#u': q.userId },
              ExpressionAttributeValues: { ':t': true, ':owner': q.owner },
            },
          },
        ],
      }),
    )
    return 'taken'
  } catch (err) {
    if ((err as Error).name !== 'TransactionCanceledException') throw err
    const reasons = (err as TransactionCanceledException).CancellationReasons ?? []
    if (reasons[1]?.Code === 'ConditionalCheckFailed') throw new LeaseLostError()
    if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'none'
    // A conflict with another write of the same items: treated as lost, retried by the next run.
    throw new LeaseLostError()
  }
}

export interface Release {
  owner: string
  /** Next due time while any delivery still waits; absent → every recipient is settled. */
  dueAt?: string
  /** Set when a delivery is failed or given up: the ticket's place, for the staff list. */
  failed?: { scope: GridPath; createdAt: string }
  /** The retry request the run saw (its deliveries were reset); cleared only if unchanged. */
  retrySeen?: string
}

/**
 * Ends the run on a message: out of the pending index when all is settled (else due again at
 * `dueAt`), on or off the staff failure index, lease dropped. If staff asked for a retry during
 * the run, only the lease is dropped: the message stays pending and the next run takes the retry.
 */
export async function releaseOutbox(db: Db, eventId: string, r: Release): Promise<void> {
  const sets: string[] = []
  const removes = ['leaseOwner', 'leaseUntil']
  const values: Record<string, unknown> = { ':owner': r.owner }
  if (r.dueAt) {
    sets.push('GSI1SK = :due')
    values[':due'] = `${r.dueAt}#${eventId}`
  } else removes.push('GSI1PK', 'GSI1SK')
  const place = r.failed?.scope
  if (r.failed && place?.communityId) {
    sets.push('GSI2PK = :fpk', 'GSI2SK = :fsk', '#scope = :scope')
    values[':fpk'] = outboxFailedGsi2Pk(place.communityId)
    values[':fsk'] = `${place.areaId}#${place.buildingId}#${r.failed.createdAt}#${eventId}`
    values[':scope'] = place
  } else removes.push('GSI2PK', 'GSI2SK')
  let condition = 'leaseOwner = :owner AND '
  if (r.retrySeen) {
    removes.push('retryRequestedAt')
    condition += 'retryRequestedAt = :seen'
    values[':seen'] = r.retrySeen
  } else condition += 'attribute_not_exists(retryRequestedAt)'
  const released = await conditionally(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: outboxKey(eventId),
        UpdateExpression: `${sets.length ? `SET ${sets.join(', ')} ` : ''}REMOVE ${removes.join(', ')}`,
        ConditionExpression: condition,
        ...(r.failed && place?.communityId ? { ExpressionAttributeNames: { '#scope': 'scope' } } : {}),
        ExpressionAttributeValues: values,
      }),
    ),
  )
  if (released) return
  // A retry arrived meanwhile (or the lease expired): let go, and leave the rest to the next run.
  await conditionally(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: outboxKey(eventId),
        UpdateExpression: 'REMOVE leaseOwner, leaseUntil',
        ConditionExpression: 'leaseOwner = :owner',
        ExpressionAttributeValues: { ':owner': r.owner },
      }),
    ),
  )
}

/** Messages with a failed delivery in a community, narrowed to an area or building, newest first. */
export async function listFailedOutbox(
  db: Db,
  q: { communityId: string; areaId?: string; buildingId?: string },
): Promise<StoredOutbox[]> {
  const prefix = ticketGsi1Prefix(q.areaId, q.buildingId)
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: prefix ? 'GSI2PK = :pk AND begins_with(GSI2SK, :prefix)' : 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': outboxFailedGsi2Pk(q.communityId), ...(prefix ? { ':prefix': prefix } : {}) },
      ScanIndexForward: false,
    }),
  )
  return (out.Items ?? []).map(toOutbox)
}

const SCOPE_KEYS = ['subdistrictId', 'communityId', 'areaId', 'buildingId'] as const

/**
 * Staff ask for another try: the message goes back to the front of the pending index with the
 * time of the request, if it has a failed delivery and lies inside `scope` (one conditional
 * write; the old item comes back on failure to tell "not yours" from "nothing failed").
 */
export async function requestRetry(
  db: Db,
  eventId: string,
  scope: GridPath,
  at: string,
): Promise<{ ok: true } | { ok: false; old?: StoredOutbox }> {
  const names: Record<string, string> = { '#scope': 'scope' }
  const values: Record<string, unknown> = { ':pending': OUTBOX_PENDING_GSI1PK, ':sk': `${at}#${eventId}`, ':at': at }
  const conditions = ['attribute_exists(GSI2PK)']
  for (const key of SCOPE_KEYS) {
    if (scope[key] === undefined) continue
    names[`#${key}`] = key
    values[`:${key}`] = scope[key]
    conditions.push(`#scope.#${key} = :${key}`)
  }
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: outboxKey(eventId),
        UpdateExpression: 'SET GSI1PK = :pending, GSI1SK = :sk, retryRequestedAt = :at',
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    )
    return { ok: true }
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err
    // The old item comes back in DynamoDB's wire format, not the document client's.
    const raw = (err as { Item?: Parameters<typeof unmarshall>[0] }).Item
    return { ok: false, old: raw ? toOutbox(unmarshall(raw)) : undefined }
  }
}
