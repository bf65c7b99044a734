import { type GridPath, inScope, type StaffTicket, TICKET_STATUS_LABELS, type TicketStatus } from '@anju/shared'
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import { ConcurrentChangeError, TicketNotFoundError, TicketStateError } from '../errors'
import type { Db } from './context'
import { stripKeys } from './context'
import {
  ENTITY,
  KEY_ATTRIBUTES,
  type Key,
  ticketGsi1Pk,
  ticketGsi1Prefix,
  ticketGsi1Sk,
  ticketGsi2Pk,
  ticketGsi2Sk,
  ticketKey,
} from './keys'

const GRID_KEYS = ['subdistrictId', 'communityId', 'areaId', 'buildingId', 'householdId'] as const

export function ticketItem(ticket: StaffTicket): Key & Record<string, unknown> {
  const { path } = ticket.address
  if (!path.communityId || !path.areaId || !path.buildingId) {
    // Empty GSI key strings are rejected by DynamoDB; a household address is always complete.
    throw new Error(`ticket ${ticket.id} has an incomplete address path`)
  }
  return {
    ...ticketKey(ticket.id),
    entity: ENTITY.ticket,
    GSI1PK: ticketGsi1Pk(path.communityId),
    GSI1SK: ticketGsi1Sk(path.areaId, path.buildingId, ticket.createdAt, ticket.id),
    GSI2PK: ticketGsi2Pk(ticket.householdId),
    GSI2SK: ticketGsi2Sk(ticket.createdAt, ticket.id),
    ...ticket,
  }
}

/** Stored tickets carry the triage fields; services strip them for residents (residentView). */
const toTicket = (item: Record<string, unknown>) => stripKeys<StaffTicket>(item, KEY_ATTRIBUTES)

export async function getTicket(db: Db, ticketId: string): Promise<StaffTicket | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: ticketKey(ticketId) }))
  return out.Item ? toTicket(out.Item) : undefined
}

// A Query returns at most 1 MB per page; one page holds thousands of tickets, so following
// LastEvaluatedKey is rare. Pagination for the API arrives with the first list that needs it.
export async function queryAll(
  db: Db,
  input: Omit<QueryCommandInput, 'TableName'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const out = await db.doc.send(new QueryCommand({ TableName: db.tableName, ...input, ExclusiveStartKey }))
    items.push(...(out.Items ?? []))
    ExclusiveStartKey = out.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}

const ticketsOf = (items: Record<string, unknown>[]) => items.filter((i) => i.entity === ENTITY.ticket).map(toTicket)

/**
 * A household's own tickets, newest first, and the ids of the tickets its members follow
 * (我也遇到, merges) that another household filed.
 */
export async function listTicketsByHousehold(
  db: Db,
  householdId: string,
): Promise<{ tickets: StaffTicket[]; followedIds: string[] }> {
  const items = await queryAll(db, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': ticketGsi2Pk(householdId) },
    ScanIndexForward: false,
  })
  const tickets = ticketsOf(items)
  const own = new Set(tickets.map((t) => t.id))
  const followedIds = items
    .filter((i) => i.entity === ENTITY.ticketFollow && !own.has(i.ticketId as string))
    .map((i) => i.ticketId as string)
  return { tickets, followedIds: [...new Set(followedIds)] }
}

/** Tickets by id (BatchGet, 100 per call, in parallel); missing ids are skipped. */
export async function getTickets(db: Db, ids: readonly string[]): Promise<StaffTicket[]> {
  const chunks: string[][] = []
  for (let i = 0; i < ids.length; i += 100) chunks.push(ids.slice(i, i + 100) as string[])
  const pages = await Promise.all(chunks.map((chunk) => batchGet(db, chunk.map(ticketKey))))
  return pages.flat().map(toTicket)
}

async function batchGet(db: Db, keys: Key[]): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = []
  let pending: Key[] = keys
  // Unprocessed keys are retried at once: a handful at community scale, never a loop of many.
  for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
    const out = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending } } }))
    found.push(...(out.Responses?.[db.tableName] ?? []))
    pending = (out.UnprocessedKeys?.[db.tableName]?.Keys as Key[] | undefined) ?? []
  }
  return found
}

/** Tickets under a community, optionally narrowed to an area or a building (key condition). */
export async function listTicketsByGrid(
  db: Db,
  q: { communityId: string; areaId?: string; buildingId?: string; status?: TicketStatus },
): Promise<StaffTicket[]> {
  const prefix = ticketGsi1Prefix(q.areaId, q.buildingId)
  const values: Record<string, unknown> = { ':pk': ticketGsi1Pk(q.communityId) }
  let condition = 'GSI1PK = :pk'
  if (prefix) {
    condition += ' AND begins_with(GSI1SK, :prefix)'
    values[':prefix'] = prefix
  }
  const filter = q.status
    ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
    : {}
  if (q.status) values[':status'] = q.status
  return ticketsOf(
    await queryAll(db, {
      IndexName: 'GSI1',
      KeyConditionExpression: condition,
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      ...filter,
    }),
  )
}

/** Why a change was refused, read from the cancelled transaction: the ticket's old state, if any. */
export class ChangeRefused extends Error {
  constructor(
    readonly index: number,
    readonly old?: StaffTicket,
  ) {
    super('ticket change refused')
  }
}

export interface TicketChange {
  ticketId: string
  /** The caller's grid scope: the ticket must lie inside it (omitted for residents, checked before). */
  scope?: GridPath
  /** The states the change may start from (the shared TICKET_FLOW, or the rating's states). */
  from: readonly TicketStatus[]
  set: Record<string, unknown>
  /** Counters to add to (followerCount, reopenCount). */
  add?: Record<string, number>
  /** Attributes that no longer apply (a reopened ticket's closure). */
  remove?: string[]
  /** Items written with the change (event, outbox message, follows); each must be new. */
  items: Record<string, unknown>[]
  /**
   * Fields (dotted paths) that must still hold the value read, or be absent when undefined: the
   * optimistic check of changes that keep the status (an assignment), so of two one wins.
   */
  expect?: Record<string, string | number | undefined>
  /** Other items of the partition updated with the change (a redacted comment); each must exist. */
  updates?: { key: Key; set: Record<string, unknown> }[]
}

/**
 * One change of a ticket and what comes with it (its history event, the followers' message, new
 * follows) in one transaction. The ticket must exist, lie inside `scope` and be in a `from` state,
 * so of two staff acting at once exactly one wins. On failure the old ticket comes back in the
 * cancellation reason (ReturnValuesOnConditionCheckFailure), so no read is needed to explain it.
 */
export async function changeTicket(db: Db, change: TicketChange): Promise<void> {
  const names: Record<string, string> = { '#status': 'status' }
  const values: Record<string, unknown> = {}
  const sets: string[] = []
  for (const [field, value] of Object.entries(change.set)) {
    names[`#set_${field}`] = field
    values[`:set_${field}`] = value
    sets.push(`#set_${field} = :set_${field}`)
  }
  const adds = Object.entries(change.add ?? {}).map(([field, n]) => {
    names[`#add_${field}`] = field
    values[`:add_${field}`] = n
    return `#add_${field} :add_${field}`
  })
  const removes = (change.remove ?? []).map((field) => {
    names[`#rm_${field}`] = field
    return `#rm_${field}`
  })
  const conditions = ['attribute_exists(PK)']
  if (change.scope) {
    names['#address'] = 'address'
    names['#path'] = 'path'
    for (const key of GRID_KEYS) {
      const value = change.scope[key]
      if (value === undefined) continue
      names[`#${key}`] = key
      values[`:${key}`] = value
      conditions.push(`#address.#path.#${key} = :${key}`)
    }
  }
  Object.entries(change.expect ?? {}).forEach(([path, value], i) => {
    const parts = path.split('.').map((part, j) => {
      names[`#exp${i}_${j}`] = part
      return `#exp${i}_${j}`
    })
    if (value === undefined) conditions.push(`attribute_not_exists(${parts.join('.')})`)
    else {
      values[`:exp${i}`] = value
      conditions.push(`${parts.join('.')} = :exp${i}`)
    }
  })
  change.from.forEach((status, i) => {
    values[`:from${i}`] = status
  })
  conditions.push(`#status IN (${change.from.map((_, i) => `:from${i}`).join(', ')})`)
  const update = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    adds.length ? `ADD ${adds.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ]
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: ticketKey(change.ticketId),
              UpdateExpression: update.filter(Boolean).join(' '),
              ConditionExpression: conditions.join(' AND '),
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          ...change.items.map((Item) => ({
            Put: { TableName: db.tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' },
          })),
          ...(change.updates ?? []).map((u) => ({
            Update: {
              TableName: db.tableName,
              Key: u.key,
              UpdateExpression: `SET ${Object.keys(u.set)
                .map((_, i) => `#u${i} = :u${i}`)
                .join(', ')}`,
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeNames: Object.fromEntries(Object.keys(u.set).map((f, i) => [`#u${i}`, f])),
              ExpressionAttributeValues: Object.fromEntries(Object.values(u.set).map((v, i) => [`:u${i}`, v])),
            },
          })),
        ],
      }),
    )
  } catch (err) {
    const { index, items } = refusedPart(err)
    throw new ChangeRefused(index, items[0])
  }
}

/**
 * Which part of a cancelled transaction was refused (the first failed condition) and the old
 * tickets the cancellation reasons carry, by position (ReturnValuesOnConditionCheckFailure).
 * Anything else is rethrown; a TransactionConflict (two transactions on the same ticket at the
 * same instant: DynamoDB cancels one without judging its condition) lost the race all the same.
 */
export function refusedPart(err: unknown): { index: number; items: (StaffTicket | undefined)[] } {
  if ((err as Error)?.name !== 'TransactionCanceledException') throw err
  const reasons = (err as TransactionCanceledException).CancellationReasons ?? []
  const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed')
  if (index < 0 && reasons.some((r) => r.Code === 'TransactionConflict')) throw new ConcurrentChangeError()
  if (index < 0) throw err
  const items = reasons.map((r) =>
    r.Item ? toTicket(unmarshall(r.Item as Parameters<typeof unmarshall>[0])) : undefined,
  )
  return { index, items }
}

/** A refused flow move as the caller should hear it: 404 when not theirs or gone, else 409. */
export function refusalOf(err: unknown, scope: GridPath | undefined, verb: string): unknown {
  if (!(err instanceof ChangeRefused) || err.index !== 0) return err
  if (!err.old || (scope && !inScope(scope, err.old.address.path))) return new TicketNotFoundError()
  return new TicketStateError(TICKET_STATUS_LABELS[err.old.status], verb)
}
