import type { StoredPosting } from '@anju/shared'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { stripKeys } from './context'
import {
  ENTITY,
  jobOpenGsi1Pk,
  jobOpenGsi1Sk,
  jobPostingKey,
  jobScopeGsi2Pk,
  jobScopeGsi2Sk,
  jobShardOf,
  KEY_ATTRIBUTES,
} from './keys'

// Postings (decision 068). Written first by the staff side with only what it needs (the item and
// one read); the resident side (matching over the open shards) owns and extends this module.

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
export async function getPosting(
  db: Db,
  postingId: string,
): Promise<(StoredPosting & { applicantCount?: number }) | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: jobPostingKey(postingId) }))
  return out.Item ? stripKeys<StoredPosting & { applicantCount?: number }>(out.Item, KEY_ATTRIBUTES) : undefined
}
