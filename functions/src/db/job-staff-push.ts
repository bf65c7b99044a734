import type { Recommendation, RiskColour } from '@anju/shared'
import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { stripKeys } from './context'
import {
  ENTITY,
  followUpKey,
  householdGsi2Pk,
  jobRecommendationKey,
  jobSeekerGsi1Pk,
  jobSeekerKey,
  KEY_ATTRIBUTES,
  type Key,
  personJobsGsi2Pk,
  personJobsGsi2Sk,
} from './keys'
import { queryAll } from './tickets'

// The staff push (decision 068): a scope's seekers by grid (GSI1), its red and yellow households
// (GSI2, ids only), and a recommendation written with the household's livelihood follow-up.

/** A seeker item without its keys: the profile and the facts copied from the household file. */
export type SeekerRecord = Record<string, unknown> & { personId: string; householdId: string }

const bySeeker = (items: Record<string, unknown>[]) =>
  items.filter((i) => i.entity === ENTITY.jobSeeker).map((i) => stripKeys<SeekerRecord>(i, KEY_ATTRIBUTES))

/** The seekers of each community under a grid prefix ('' = whole community; `<area>#`, `<area>#<building>#`). */
export async function listSeekersOfScope(db: Db, communityIds: readonly string[], prefix: string) {
  const pages = await Promise.all(
    communityIds.map((c) =>
      queryAll(db, {
        IndexName: 'GSI1',
        KeyConditionExpression: prefix ? 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)' : 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': jobSeekerGsi1Pk(c), ...(prefix ? { ':prefix': prefix } : {}) },
      }),
    ),
  )
  return bySeeker(pages.flat())
}

/** The ids of a scope's households of one colour (sparse GSI2: red and yellow only). */
export async function householdIdsOfColour(
  db: Db,
  communityIds: readonly string[],
  prefix: string,
  colour: Exclude<RiskColour, 'green'>,
): Promise<string[]> {
  const pages = await Promise.all(
    communityIds.map((c) =>
      queryAll(db, {
        IndexName: 'GSI2',
        KeyConditionExpression: prefix ? 'GSI2PK = :pk AND begins_with(GSI2SK, :prefix)' : 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': householdGsi2Pk(c, colour), ...(prefix ? { ':prefix': prefix } : {}) },
        ProjectionExpression: '#id',
        ExpressionAttributeNames: { '#id': 'id' },
      }),
    ),
  )
  return pages.flat().map((i) => i.id as string)
}

/** Seeker items by (household, person): one BatchGetItem (≤ 100 keys), unprocessed keys retried. */
export async function getSeekerRecords(
  db: Db,
  people: readonly { householdId: string; personId: string }[],
): Promise<SeekerRecord[]> {
  if (people.length === 0) return []
  const found: Record<string, unknown>[] = []
  let pending: Key[] = people.map((p) => jobSeekerKey(p.householdId, p.personId))
  for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
    const out = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending } } }))
    found.push(...(out.Responses?.[db.tableName] ?? []))
    pending = (out.UnprocessedKeys?.[db.tableName]?.Keys as Key[] | undefined) ?? []
  }
  return bySeeker(found)
}

export interface FollowUp {
  id: string
  householdId: string
  personId: string
  module: 'livelihood'
  kind: 'job_recommendation'
  postingId: string
  postingTitle: string
  at: string
  by: { userId: string; name: string; role: string }
  note?: string
}

/**
 * 社区为你推荐: the recommendation (in the person's 我的 list by GSI2) and the household's
 * livelihood follow-up, in one transaction. The key makes it once per person and posting: a
 * second recommendation is `already` and writes no second follow-up.
 */
export async function putRecommendation(
  db: Db,
  rec: Recommendation,
  followUp: FollowUp,
): Promise<'created' | 'already'> {
  const recItem = {
    ...jobRecommendationKey(rec.postingId, rec.personId),
    entity: ENTITY.jobRecommendation,
    GSI2PK: personJobsGsi2Pk(rec.personId),
    GSI2SK: personJobsGsi2Sk(rec.at, 'REC', rec.postingId),
    ...rec,
  }
  const followUpItem = {
    ...followUpKey(followUp.householdId, followUp.at, followUp.id),
    entity: ENTITY.followUp,
    ...followUp,
  }
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [recItem, followUpItem].map((Item) => ({
          Put: { TableName: db.tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' },
        })),
      }),
    )
    return 'created'
  } catch (err) {
    if ((err as Error)?.name !== 'TransactionCanceledException') throw err
    const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []
    if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'already'
    throw err
  }
}
