import type { StoredPosting } from '@anju/shared'
import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { stripKeys } from './context'
import {
  ENTITY,
  JOB_SHARDS,
  jobOpenGsi1Pk,
  jobOpenGsi1Sk,
  jobPostingKey,
  jobScopeGsi2Pk,
  jobScopeGsi2Sk,
  jobShardOf,
  KEY_ATTRIBUTES,
  type Key,
} from './keys'
import { queryAll } from './tickets'

// Postings (decision 068): the item, one read, many reads by id, and the open ones (every GSI1
// shard in parallel, expired ones skipped by key condition: never a Scan).

/** A posting as read: the counter of applications kept on the item by the apply transaction. */
export type ReadPosting = StoredPosting & { applicantCount?: number }

export const toPosting = (item: Record<string, unknown>) => stripKeys<ReadPosting>(item, KEY_ATTRIBUTES)

/** The full item: open postings sit in a GSI1 shard by last day; GSI2 lists a scope's postings. */
export function postingItem(p: StoredPosting): Record<string, unknown> {
  return {
    ...jobPostingKey(p.id),
    entity: ENTITY.jobPosting,
    ...(p.status === 'open'
      ? { GSI1PK: jobOpenGsi1Pk(jobShardOf(p.id)), GSI1SK: jobOpenGsi1Sk(p.expiresOn, p.id) }
      : {}),
    GSI2PK: jobScopeGsi2Pk(p.scope),
    GSI2SK: jobScopeGsi2Sk(p.postedAt, p.id),
    ...p,
  }
}

/** One posting (with its applicantCount), or undefined. */
export async function getPosting(db: Db, postingId: string): Promise<ReadPosting | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: jobPostingKey(postingId) }))
  return out.Item ? toPosting(out.Item) : undefined
}

/** Postings by id (BatchGet, 100 keys per call, in parallel); unknown ids are skipped. */
export async function getPostings(db: Db, ids: readonly string[]): Promise<ReadPosting[]> {
  const unique = [...new Set(ids)]
  const chunks: Key[][] = []
  for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100).map(jobPostingKey))
  const pages = await Promise.all(
    chunks.map(async (keys) => {
      const found: Record<string, unknown>[] = []
      let pending = keys
      // Unprocessed keys are retried at once: rare at a person's handful of postings.
      for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
        const out = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending } } }))
        found.push(...(out.Responses?.[db.tableName] ?? []))
        pending = (out.UnprocessedKeys?.[db.tableName]?.Keys as Key[] | undefined) ?? []
      }
      return found
    }),
  )
  return pages.flat().map(toPosting)
}

/**
 * Every open posting whose last day is today or later: all JOB_SHARDS partitions of GSI1 in
 * parallel (one round trip; each shard stays under one 1 MB page at 10,000 postings, and a
 * LastEvaluatedKey is followed if not). Sorted by id so the order never depends on the shards.
 */
export async function openPostings(db: Db, today: string): Promise<ReadPosting[]> {
  const shards = await Promise.all(
    Array.from({ length: JOB_SHARDS }, (_, shard) =>
      queryAll(db, {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK >= :today',
        ExpressionAttributeValues: { ':pk': jobOpenGsi1Pk(shard), ':today': today },
      }),
    ),
  )
  return shards
    .flat()
    .map(toPosting)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
