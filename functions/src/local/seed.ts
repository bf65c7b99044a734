import { localDateOf, type Me } from '@anju/shared'
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { putApiKey } from '../db/api-keys'
import type { DocClient } from '../db/client'
import { ENTITY, seedMarkerKey } from '../db/keys'
import { DEV_ACCOUNTS, DEV_API_KEY } from './fixture'
import { DEFAULT_SEED, generatePopulation } from './population'
import { type Item, populationItems } from './population/items'

// Seeding is a local-stack tool (npm start, seed CLI, tests), never a request path, so it may use
// BatchWrite and live beside the repositories rather than inside db/.

const MARKER = seedMarkerKey('population')
/**
 * Items per write and writes in flight. DynamoDB Local on disk commits each BatchWrite item on
 * its own; a TransactWriteItems of 100 puts commits once, which measured 2–3× faster here
 * (docs/decisions/030). The puts carry no conditions, so a transaction only fails when the engine
 * is busy, and is then retried whole.
 */
const PER_WRITE = 100
const CONCURRENCY = 3

export interface SeedOptions {
  /** 1 = the published size (≈ 12,000 items); tests use less. Default: $ANJU_SEED_SCALE or 1. */
  scale?: number
  seed?: string
  /** Beijing date the data is as of; default today. */
  today?: string
  onProgress?: (written: number, total: number) => void
}

export function defaultScale(): number {
  const raw = process.env.ANJU_SEED_SCALE
  const n = raw === undefined || raw === '' ? 1 : Number(raw)
  if (!(n > 0 && n <= 1)) throw new Error(`ANJU_SEED_SCALE must be in (0, 1], got ${raw}`)
  return n
}

async function writeChunk(doc: DocClient, tableName: string, items: Item[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await doc.send(
        new TransactWriteCommand({ TransactItems: items.map((Item) => ({ Put: { TableName: tableName, Item } })) }),
      )
      return
    } catch (err) {
      const name = (err as Error).name
      const retryable =
        name === 'TransactionCanceledException' ||
        name === 'TransactionInProgressException' ||
        name === 'ThrottlingException'
      if (!retryable || attempt >= 8) throw err
      await new Promise((r) => setTimeout(r, 25 * 2 ** attempt))
    }
  }
}

/** Writes items in transactions of 100 puts with bounded concurrency, retrying busy ones. */
export async function writeAll(
  doc: DocClient,
  tableName: string,
  items: Item[],
  onProgress?: SeedOptions['onProgress'],
): Promise<void> {
  let next = 0
  let written = 0
  const worker = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, next + PER_WRITE)
      next += PER_WRITE
      await writeChunk(doc, tableName, chunk)
      written += chunk.length
      onProgress?.(written, items.length)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
}

/** Generates and writes the population unless its marker is there. The table must exist (ensureTable). */
export async function seedIfEmpty(
  doc: DocClient,
  tableName: string,
  options: SeedOptions = {},
): Promise<{ seeded: boolean; accounts: Me[] }> {
  // The dev Open311 key is put on every start, so data loaded before keys existed gets it too.
  const { key, ...devKey } = DEV_API_KEY
  await putApiKey({ doc, tableName }, key, devKey)
  const marker = await doc.send(new GetCommand({ TableName: tableName, Key: MARKER, ConsistentRead: true }))
  if (marker.Item) return { seeded: false, accounts: DEV_ACCOUNTS }
  const scale = options.scale ?? defaultScale()
  const today = options.today ?? localDateOf(new Date())
  const seed = options.seed ?? DEFAULT_SEED
  const items = populationItems(generatePopulation({ seed, scale, today }))
  options.onProgress?.(0, items.length)
  await writeAll(doc, tableName, items, options.onProgress)
  // The marker goes last: an interrupted seed is simply redone (puts are idempotent).
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...MARKER, entity: ENTITY.seedMarker, seed, scale, today, items: items.length },
    }),
  )
  return { seeded: true, accounts: DEV_ACCOUNTS }
}

export { DEV_ACCOUNTS }
