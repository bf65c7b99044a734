import { createHash } from 'node:crypto'
import { type GridPath, GridPath as GridPathSchema } from '@anju/shared'
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { apiKeyKey, ENTITY } from './keys'

// Open311 API keys (docs/decisions/063-open311.md). Only the sha256 of a key is stored: a copy of
// the table (a backup, an export) holds no usable key. Keys are long random strings, so an
// unsalted hash is enough; a lookup is one GetItem by the hash.

export interface ApiKeyRecord {
  /** The first 12 hex digits of the hash: names the key in tickets and idempotency records. */
  keyId: string
  /** Who holds the key, e.g. '卯家湾社区 Open311 开发用'. */
  name: string
  /** Tickets it may read and households it may file for: a community or the sub-district. */
  scope: GridPath
  createdAt: string
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

export function apiKeyItem(key: string, record: Omit<ApiKeyRecord, 'keyId'>): Record<string, unknown> {
  const hash = hashApiKey(key)
  return { ...apiKeyKey(hash), entity: ENTITY.apiKey, keyId: hash.slice(0, 12), ...record }
}

/** Stores a key (local seed, tests, an operator's script); putting the same key again is harmless. */
export async function putApiKey(db: Db, key: string, record: Omit<ApiKeyRecord, 'keyId'>): Promise<void> {
  await db.doc.send(new PutCommand({ TableName: db.tableName, Item: apiKeyItem(key, record) }))
}

/** The key's record, or undefined for a key nobody issued. */
export async function getApiKey(db: Db, key: string): Promise<ApiKeyRecord | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: apiKeyKey(hashApiKey(key)) }))
  const item = out.Item
  if (!item) return undefined
  // A malformed scope would widen the key's reach (an absent community reads as "all"): refuse it.
  const scope = GridPathSchema.safeParse(item.scope)
  if (!scope.success) return undefined
  return { keyId: String(item.keyId), name: String(item.name), scope: scope.data, createdAt: String(item.createdAt) }
}
