import { type GridPath, OPEN_TICKET_STATUSES, type StaffTicket } from '@anju/shared'
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { ConcurrentChangeError } from '../errors'
import type { Db } from './context'
import { stripKeys } from './context'
import { ENTITY, KEY_ATTRIBUTES, ticketGsi1Pk, ticketGsi1Prefix, ticketKey } from './keys'
import { refusedPart } from './tickets'

// Duplicates (issue 5 item 3): the open tickets of one category in one building, and the merge of
// a duplicate into its original in one transaction.

/**
 * Open property tickets of `category` in one building: one key-condition Query on GSI1 (the
 * building's prefix), category, kind and status filtered in DynamoDB (help requests share the
 * index and the word 'other'). No Limit, so the filter cannot starve a page.
 */
export async function listOpenTicketsOfBuilding(
  db: Db,
  q: { communityId: string; areaId: string; buildingId: string; category: string },
): Promise<StaffTicket[]> {
  const names: Record<string, string> = {
    '#status': 'status',
    '#category': 'category',
    '#entity': 'entity',
    '#kind': 'kind',
  }
  const values: Record<string, unknown> = {
    ':pk': ticketGsi1Pk(q.communityId),
    ':prefix': ticketGsi1Prefix(q.areaId, q.buildingId),
    ':category': q.category,
    ':ticket': ENTITY.ticket,
    ':help': 'help',
  }
  OPEN_TICKET_STATUSES.forEach((s, i) => {
    values[`:s${i}`] = s
  })
  const statuses = OPEN_TICKET_STATUSES.map((_, i) => `:s${i}`).join(', ')
  const items: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        FilterExpression: `#entity = :ticket AND #category = :category AND #status IN (${statuses}) AND (attribute_not_exists(#kind) OR #kind <> :help)`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ExclusiveStartKey,
      }),
    )
    items.push(...(out.Items ?? []))
    ExclusiveStartKey = out.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items.map((i) => stripKeys<StaffTicket>(i, KEY_ATTRIBUTES))
}

/** A TransactWriteItems call holds at most 100 actions; 4 are the tickets and their events. */
export const MERGE_MAX_ITEMS = 100

export interface TicketMerge {
  duplicateId: string
  originalId: string
  /** The caller's grid scope: both tickets must lie inside it. */
  scope: GridPath
  /** Both must be in the same building, open and not hidden when the transaction runs. */
  buildingId: string
  /** The duplicate's follower count as read: a 我也遇到 in between makes the merge retry. */
  duplicateFollowerCount: number | undefined
  duplicateSet: Record<string, unknown>
  originalSet: Record<string, unknown>
  /** Followers the original gains. */
  addFollowers: number
  /** Events, the outbox message and the copied follows; each must be new. */
  items: Record<string, unknown>[]
}

/** Which part of the merge was refused, with the ticket's state then (no read needed to explain). */
export class MergeRefused extends Error {
  constructor(
    readonly which: 'duplicate' | 'original',
    readonly old?: StaffTicket,
  ) {
    super('ticket merge refused')
  }
}

const GRID_KEYS = ['subdistrictId', 'communityId', 'areaId', 'buildingId'] as const

function guarded(
  ticketId: string,
  m: TicketMerge,
  set: Record<string, unknown>,
  extra: { condition?: string; values?: Record<string, unknown>; add?: number },
) {
  const names: Record<string, string> = {
    '#status': 'status',
    '#address': 'address',
    '#path': 'path',
    '#hidden': 'hidden',
  }
  const values: Record<string, unknown> = { ':building': m.buildingId, ...extra.values }
  const conditions = ['attribute_exists(PK)', 'attribute_not_exists(#hidden)', '#address.#path.#buildingId = :building']
  names['#buildingId'] = 'buildingId'
  for (const key of GRID_KEYS) {
    const value = m.scope[key]
    if (value === undefined) continue
    names[`#${key}`] = key
    values[`:scope_${key}`] = value
    conditions.push(`#address.#path.#${key} = :scope_${key}`)
  }
  OPEN_TICKET_STATUSES.forEach((s, i) => {
    values[`:open${i}`] = s
  })
  conditions.push(`#status IN (${OPEN_TICKET_STATUSES.map((_, i) => `:open${i}`).join(', ')})`)
  if (extra.condition) conditions.push(extra.condition)
  const sets = Object.entries(set).map(([field, value]) => {
    names[`#set_${field}`] = field
    values[`:set_${field}`] = value
    return `#set_${field} = :set_${field}`
  })
  let update = `SET ${sets.join(', ')}`
  if (extra.add) {
    names['#followerCount'] = 'followerCount'
    values[':add'] = extra.add
    update += ' ADD #followerCount :add'
  }
  return {
    Key: ticketKey(ticketId),
    UpdateExpression: update,
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  }
}

/**
 * Folds the duplicate into the original in one transaction: both tickets conditioned (exist, in
 * scope, same building, open, not hidden; the duplicate's followers unchanged since read), the
 * duplicate marked merged, the original's follower count raised, the events, the message and the
 * copied follows written. Of two staff merging at once exactly one wins.
 */
export async function mergeTickets(db: Db, m: TicketMerge): Promise<void> {
  const countGuard =
    m.duplicateFollowerCount === undefined
      ? { condition: 'attribute_not_exists(#fc)', values: {} }
      : { condition: '#fc = :fc', values: { ':fc': m.duplicateFollowerCount } }
  const duplicate = guarded(m.duplicateId, m, m.duplicateSet, countGuard)
  duplicate.ExpressionAttributeNames['#fc'] = 'followerCount'
  const original = guarded(m.originalId, m, m.originalSet, { add: m.addFollowers })
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: { TableName: db.tableName, ...duplicate } },
          { Update: { TableName: db.tableName, ...original } },
          ...m.items.map((Item) => ({
            Put: { TableName: db.tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' },
          })),
        ],
      }),
    )
  } catch (err) {
    const { index, items } = refusedPart(err)
    // A copied follow already there: someone followed the original in between. Try again.
    if (index > 1) throw new ConcurrentChangeError()
    throw new MergeRefused(index === 0 ? 'duplicate' : 'original', items[index])
  }
}
