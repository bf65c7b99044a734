import type { Me } from '@anju/shared'
import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { DocClient } from '../db/client'
import { ENTITY, householdKey, seedMarkerKey } from '../db/keys'
import { userItem, wechatBindingItem } from '../db/users'
import { DEV_ACCOUNTS, HOUSEHOLDS, WECHAT_BINDINGS } from './fixture'

// Seeding is a local-stack tool (npm start, seed CLI, tests), never a request path, so it may use
// BatchWrite and live beside the repositories rather than inside db/.

const MARKER = seedMarkerKey('demo-fixture')

export function fixtureItems(): Record<string, unknown>[] {
  return [
    ...Object.values(HOUSEHOLDS).map((hh) => ({ ...householdKey(hh.id), entity: ENTITY.household, ...hh })),
    ...DEV_ACCOUNTS.map(userItem),
    ...WECHAT_BINDINGS.map((b) => wechatBindingItem(b.openid, b.userId)),
  ]
}

async function writeAll(doc: DocClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }))
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 5) throw new Error('seed: BatchWrite kept returning unprocessed items')
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }))
      requests = (out.UnprocessedItems?.[tableName] ?? []) as typeof requests
      if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt))
    }
  }
}

/** Writes the demo fixture unless its marker is there. The table must exist (see ensureTable). */
export async function seedIfEmpty(doc: DocClient, tableName: string): Promise<{ seeded: boolean; accounts: Me[] }> {
  const marker = await doc.send(new GetCommand({ TableName: tableName, Key: MARKER, ConsistentRead: true }))
  if (marker.Item) return { seeded: false, accounts: DEV_ACCOUNTS }
  await writeAll(doc, tableName, fixtureItems())
  // The marker goes last: an interrupted seed is simply redone (puts are idempotent).
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...MARKER, entity: ENTITY.seedMarker } }))
  return { seeded: true, accounts: DEV_ACCOUNTS }
}

export { DEV_ACCOUNTS }
