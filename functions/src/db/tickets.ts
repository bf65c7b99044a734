import {
  type GridPath,
  inScope,
  type StaffTicket,
  TICKET_FLOW,
  TICKET_STATUS_LABELS,
  type TicketAction,
  type TicketStatus,
} from '@anju/shared'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { GetCommand, QueryCommand, type QueryCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import { TicketNotFoundError, TicketStateError } from '../errors'
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
async function queryAll(db: Db, input: Omit<QueryCommandInput, 'TableName'>): Promise<StaffTicket[]> {
  const items: StaffTicket[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const out = await db.doc.send(new QueryCommand({ TableName: db.tableName, ...input, ExclusiveStartKey }))
    for (const item of out.Items ?? []) items.push(toTicket(item))
    ExclusiveStartKey = out.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}

/** A household's tickets, newest first. */
export function listTicketsByHousehold(db: Db, householdId: string): Promise<StaffTicket[]> {
  return queryAll(db, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': ticketGsi2Pk(householdId) },
    ScanIndexForward: false,
  })
}

/** Tickets under a community, optionally narrowed to an area or a building (key condition). */
export function listTicketsByGrid(
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
  return queryAll(db, {
    IndexName: 'GSI1',
    KeyConditionExpression: condition,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    ...filter,
  })
}

/**
 * One step of the status flow (shared TICKET_FLOW) in one conditional update: the ticket must exist,
 * lie inside `scope` and be in a state the action may start from, so of two staff acting at once
 * exactly one wins. On failure the old item comes back with the error, which tells "not yours /
 * not there" (404, existence not leaked) from "wrong state" (409) without a read.
 */
export async function moveTicket(
  db: Db,
  input: { ticketId: string; scope: GridPath; action: TicketAction; set: Record<string, unknown> },
): Promise<StaffTicket> {
  const names: Record<string, string> = { '#status': 'status', '#address': 'address', '#path': 'path' }
  const values: Record<string, unknown> = {}
  const assignments: string[] = []
  for (const [field, value] of Object.entries(input.set)) {
    names[`#set_${field}`] = field
    values[`:set_${field}`] = value
    assignments.push(`#set_${field} = :set_${field}`)
  }
  const scopeConditions: string[] = []
  for (const key of GRID_KEYS) {
    const value = input.scope[key]
    if (value === undefined) continue
    names[`#${key}`] = key
    values[`:${key}`] = value
    scopeConditions.push(`#address.#path.#${key} = :${key}`)
  }
  const { from, verb } = TICKET_FLOW[input.action]
  from.forEach((status, i) => {
    values[`:from${i}`] = status
  })
  const fromCondition = `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: ticketKey(input.ticketId),
        UpdateExpression: `SET ${assignments.join(', ')}`,
        ConditionExpression: ['attribute_exists(PK)', ...scopeConditions, fromCondition].join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    )
    return toTicket(out.Attributes ?? {})
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err
    if (!err.Item) throw new TicketNotFoundError()
    const old = toTicket(unmarshall(err.Item as Parameters<typeof unmarshall>[0]))
    if (!inScope(input.scope, old.address.path)) throw new TicketNotFoundError()
    throw new TicketStateError(TICKET_STATUS_LABELS[old.status], verb)
  }
}
