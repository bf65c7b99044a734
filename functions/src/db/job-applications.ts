import type { Application, Recommendation } from '@anju/shared'
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import { NotFoundError } from '../errors'
import type { Db } from './context'
import { stripKeys } from './context'
import { type ReadPosting, toPosting } from './job-postings'
import {
  ENTITY,
  jobApplicationKey,
  jobPostingKey,
  jobRecommendationKey,
  KEY_ATTRIBUTES,
  personJobsGsi2Pk,
  personJobsGsi2Sk,
} from './keys'
import { queryAll } from './tickets'

// 一键报名 and 我的投递 (decision 068). One application per person and posting by key, written in
// one transaction with the posting's counter, which also checks the posting still takes them.

export type ApplyOutcome =
  | { kind: 'created'; application: Application }
  | { kind: 'exists'; application: Application }
  /** The posting as it is now: closed, or past its last day. */
  | { kind: 'refused'; posting: ReadPosting }

type Reason = { Code?: string; Item?: Record<string, unknown> }

// The document client leaves a cancelled transaction's items marshalled.
const itemOf = (r: Reason | undefined) => (r?.Item ? unmarshall(r.Item as Parameters<typeof unmarshall>[0]) : undefined)

/**
 * The application (Put, only if none exists) and the posting's applicantCount (Update, only while
 * it is open and its last day is today or later). A cancellation names which failed and returns
 * the item it failed on, so a repeat or a closed posting costs no further read.
 */
export async function applyToPosting(db: Db, application: Application, today: string): Promise<ApplyOutcome> {
  const { postingId, personId } = application
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...jobApplicationKey(postingId, personId),
                entity: ENTITY.jobApplication,
                GSI2PK: personJobsGsi2Pk(personId),
                GSI2SK: personJobsGsi2Sk(application.appliedAt, 'APP', postingId),
                ...application,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            Update: {
              TableName: db.tableName,
              Key: jobPostingKey(postingId),
              UpdateExpression: 'ADD applicantCount :one',
              ConditionExpression: 'attribute_exists(PK) AND #status = :open AND #expiresOn >= :today',
              ExpressionAttributeNames: { '#status': 'status', '#expiresOn': 'expiresOn' },
              ExpressionAttributeValues: { ':one': 1, ':open': 'open', ':today': today },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
        ],
      }),
    )
    return { kind: 'created', application }
  } catch (err) {
    if ((err as Error)?.name !== 'TransactionCanceledException') throw err
    const reasons = (err as { CancellationReasons?: Reason[] }).CancellationReasons ?? []
    const existing = itemOf(reasons[0]?.Code === 'ConditionalCheckFailed' ? reasons[0] : undefined)
    if (existing) return { kind: 'exists', application: stripKeys<Application>(existing, KEY_ATTRIBUTES) }
    if (reasons[1]?.Code === 'ConditionalCheckFailed') {
      const posting = itemOf(reasons[1])
      if (!posting) throw new NotFoundError('找不到这个岗位')
      return { kind: 'refused', posting: toPosting(posting) }
    }
    throw err
  }
}

/** A person's applications and recommendations (their GSI2 partition), newest first. */
export async function listPersonJobs(
  db: Db,
  personId: string,
): Promise<{ applications: Application[]; recommendations: Recommendation[] }> {
  const items = await queryAll(db, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': personJobsGsi2Pk(personId) },
    ScanIndexForward: false,
  })
  return {
    applications: items
      .filter((i) => i.entity === ENTITY.jobApplication)
      .map((i) => stripKeys<Application>(i, KEY_ATTRIBUTES)),
    recommendations: items
      .filter((i) => i.entity === ENTITY.jobRecommendation)
      .map((i) => stripKeys<Recommendation>(i, KEY_ATTRIBUTES)),
  }
}

/** The community's recommendation of one posting to the person, if any. */
export async function getRecommendation(
  db: Db,
  postingId: string,
  personId: string,
): Promise<Recommendation | undefined> {
  const { Item } = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: jobRecommendationKey(postingId, personId) }),
  )
  return Item ? stripKeys<Recommendation>(Item, KEY_ATTRIBUTES) : undefined
}

/** The person's application to and recommendation of one posting (two GetItems in parallel). */
export async function getApplicationAndRecommendation(
  db: Db,
  postingId: string,
  personId: string,
): Promise<{ application?: Application; recommendation?: Recommendation }> {
  const [app, rec] = await Promise.all(
    [jobApplicationKey(postingId, personId), jobRecommendationKey(postingId, personId)].map((Key) =>
      db.doc.send(new GetCommand({ TableName: db.tableName, Key })),
    ),
  )
  return {
    ...(app.Item ? { application: stripKeys<Application>(app.Item, KEY_ATTRIBUTES) } : {}),
    ...(rec.Item ? { recommendation: stripKeys<Recommendation>(rec.Item, KEY_ATTRIBUTES) } : {}),
  }
}
