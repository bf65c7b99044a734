import type { Application, ApplicationChange, HomeAddress, Person, StoredPosting } from '@anju/shared'
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import { ConflictError, NotFoundError } from '../errors'
import type { Db } from './context'
import { stripKeys } from './context'
import {
  ENTITY,
  householdKey,
  jobApplicationKey,
  jobOpenGsi1Pk,
  jobOpenGsi1Sk,
  jobPostingKey,
  jobShardOf,
  KEY_ATTRIBUTES,
} from './keys'
import { queryAll } from './tickets'

// 我要找工作, the staff side (decision 068): a scope's postings, edits with an optimistic check,
// close/reopen (GSI1 keys removed and restored), a posting's partition (posting, applications,
// recommendations) and an applicant's status change.

/** A posting as staff read it: the counter of applications kept on the item by the apply transaction. */
export type CountedPosting = StoredPosting & { applicantCount?: number }

/** What the job is stays once people applied: their 我的投递 shows the job they applied for. */
export const APPLIED_TO_STAYS = '已经有人报名，不能再改用工单位、岗位名称和工作地点；请停止招聘后重新发布'

export class PostingNotFoundError extends NotFoundError {
  constructor() {
    super('找不到这个岗位')
  }
}

const toPosting = (item: Record<string, unknown>) => stripKeys<CountedPosting>(item, KEY_ATTRIBUTES)

function oldItem(err: unknown): Record<string, unknown> | undefined {
  if ((err as Error)?.name !== 'ConditionalCheckFailedException') throw err
  const item = (err as { Item?: Record<string, unknown> }).Item
  // The document client leaves the item of a failed condition marshalled.
  return item ? unmarshall(item as Parameters<typeof unmarshall>[0]) : undefined
}

/** Every posting of these GSI2 partitions (a scope's), newest first, optionally of one status. */
export async function listPostingsOfScope(
  db: Db,
  partitions: readonly string[],
  status?: StoredPosting['status'],
): Promise<CountedPosting[]> {
  const filter = status
    ? {
        FilterExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
      }
    : {}
  const pages = await Promise.all(
    partitions.map((pk) =>
      queryAll(db, {
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(status ? { ':status': status } : {}) },
        ScanIndexForward: false,
        ...filter,
      }),
    ),
  )
  const postings = pages
    .flat()
    .filter((i) => i.entity === ENTITY.jobPosting)
    .map(toPosting)
  return postings.sort((a, b) => (a.postedAt < b.postedAt ? 1 : a.postedAt > b.postedAt ? -1 : a.id < b.id ? 1 : -1))
}

/** A posting with everything beside it in its partition: applications and recommendations. */
export async function getPostingPartition(
  db: Db,
  postingId: string,
): Promise<{ posting?: CountedPosting; applications: Application[]; recommendedAt: Map<string, string> }> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': jobPostingKey(postingId).PK },
  })
  const postingItem = items.find((i) => i.entity === ENTITY.jobPosting)
  const applications = items
    .filter((i) => i.entity === ENTITY.jobApplication)
    .map((i) => stripKeys<Application>(i, KEY_ATTRIBUTES))
  const recommendedAt = new Map(
    items.filter((i) => i.entity === ENTITY.jobRecommendation).map((i) => [i.personId as string, i.at as string]),
  )
  return { posting: postingItem ? toPosting(postingItem) : undefined, applications, recommendedAt }
}

export async function getApplication(db: Db, postingId: string, personId: string): Promise<Application | undefined> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: jobApplicationKey(postingId, personId), ConsistentRead: true }),
  )
  return out.Item ? stripKeys<Application>(out.Item, KEY_ATTRIBUTES) : undefined
}

/** Attributes a staff edit may set or remove; the id, scope, poster, counter and status stay. */
export const EDITABLE_FIELDS = [
  'employer',
  'title',
  'description',
  'location',
  'place',
  'distanceKm',
  'workHours',
  'physical',
  'skills',
  'niceSkills',
  'minExperienceYears',
  'monthlyWage',
  'wageMax',
  'literacy',
  'minAge',
  'maxAge',
  'headcount',
  'expiresOn',
  'contactPhone',
  'updatedAt',
] as const satisfies readonly (keyof StoredPosting)[]

/**
 * Writes an edit if nobody changed the posting since it was read (`updatedAt` as read; close and
 * reopen set it too, so the status as read still holds). The apply transaction's counter is
 * untouched (an Update, never a Put), and an open posting's GSI1 sort key follows a new last day.
 */
export async function updatePostingFields(
  db: Db,
  edited: StoredPosting,
  read: StoredPosting,
  options: { noApplicants?: boolean } = {},
): Promise<CountedPosting> {
  const names: Record<string, string> = { '#upd': 'updatedAt' }
  const values: Record<string, unknown> = {}
  const sets: string[] = []
  const removes: string[] = []
  EDITABLE_FIELDS.forEach((field, i) => {
    names[`#f${i}`] = field
    const value = edited[field]
    if (value === undefined) removes.push(`#f${i}`)
    else {
      values[`:f${i}`] = value
      sets.push(`#f${i} = :f${i}`)
    }
  })
  if (read.status === 'open') {
    sets.push('GSI1SK = :gsi1sk')
    values[':gsi1sk'] = jobOpenGsi1Sk(edited.expiresOn, edited.id)
  }
  let condition = 'attribute_exists(PK) AND attribute_not_exists(#upd)'
  if (read.updatedAt !== undefined) {
    condition = 'attribute_exists(PK) AND #upd = :readUpd'
    values[':readUpd'] = read.updatedAt
  }
  // A change of the job itself, only while nobody has applied (an application may land meanwhile).
  if (options.noApplicants) {
    condition += ' AND (attribute_not_exists(#count) OR #count = :zero)'
    names['#count'] = 'applicantCount'
    values[':zero'] = 0
  }
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: jobPostingKey(edited.id),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    )
    return toPosting(out.Attributes as Record<string, unknown>)
  } catch (err) {
    const old = oldItem(err)
    if (!old) throw new PostingNotFoundError()
    if (options.noApplicants && old.updatedAt === read.updatedAt && Number(old.applicantCount ?? 0) > 0)
      throw new ConflictError(APPLIED_TO_STAYS)
    throw new ConflictError('这个岗位刚被别人修改过，请刷新后再改')
  }
}

/**
 * 停止招聘 removes the posting from the open shards (GSI1, sparse); 重新招聘 puts it back under
 * its last day, only while that day has not passed. Each from the other state, so a double tap
 * is a 409 rather than a second change.
 */
export async function setPostingOpen(
  db: Db,
  read: StoredPosting,
  open: boolean,
  at: string,
  today: string,
): Promise<CountedPosting> {
  const input = open
    ? {
        UpdateExpression: 'SET #status = :to, updatedAt = :at, GSI1PK = :pk, GSI1SK = :sk REMOVE closedAt',
        ConditionExpression:
          'attribute_exists(PK) AND #status = :from AND #expiresOn = :expiresOn AND #expiresOn >= :today',
        ExpressionAttributeNames: { '#status': 'status', '#expiresOn': 'expiresOn' },
        ExpressionAttributeValues: {
          ':to': 'open',
          ':from': 'closed',
          ':at': at,
          ':today': today,
          ':expiresOn': read.expiresOn,
          ':pk': jobOpenGsi1Pk(jobShardOf(read.id)),
          ':sk': jobOpenGsi1Sk(read.expiresOn, read.id),
        },
      }
    : {
        UpdateExpression: 'SET #status = :to, updatedAt = :at, closedAt = :at REMOVE GSI1PK, GSI1SK',
        ConditionExpression: 'attribute_exists(PK) AND #status = :from',
        ExpressionAttributeNames: { '#status': 'status' } as Record<string, string>,
        ExpressionAttributeValues: { ':to': 'closed', ':from': 'open', ':at': at },
      }
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: jobPostingKey(read.id),
        ...input,
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    )
    return toPosting(out.Attributes as Record<string, unknown>)
  } catch (err) {
    const old = oldItem(err)
    if (!old) throw new PostingNotFoundError()
    if (open && old.status === 'open') throw new ConflictError('这个岗位已经在招聘中')
    if (!open && old.status === 'closed') throw new ConflictError('这个岗位已经停止招聘')
    if (open && old.expiresOn !== read.expiresOn) throw new ConflictError('这个岗位刚被别人修改过，请刷新后再试')
    throw new ConflictError('这个岗位已过报名截止日期，请先修改截止日期再重新招聘')
  }
}

export const MAX_APPLICATION_HISTORY = 20

/**
 * An applicant's new status with its note, if the status is still the one read (so two staff
 * changing it at once do not both win). The history keeps the application and the latest changes.
 */
export async function changeApplication(db: Db, read: Application, change: ApplicationChange): Promise<Application> {
  const history = [...read.history, change]
  const bounded =
    history.length > MAX_APPLICATION_HISTORY
      ? [history[0], ...history.slice(history.length - MAX_APPLICATION_HISTORY + 1)]
      : history
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: jobApplicationKey(read.postingId, read.personId),
        UpdateExpression: 'SET #status = :to, updatedAt = :at, history = :history',
        ConditionExpression: 'attribute_exists(PK) AND #status = :from AND updatedAt = :readAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':to': change.status,
          ':at': change.at,
          ':history': bounded,
          ':from': read.status,
          ':readAt': read.updatedAt,
        },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    )
    return stripKeys<Application>(out.Attributes as Record<string, unknown>, KEY_ATTRIBUTES)
  } catch (err) {
    if (!oldItem(err)) throw new NotFoundError('找不到这份投递')
    throw new ConflictError('这份投递的状态刚被别人改过，请刷新后再改')
  }
}

/** A household's address and people, for staff filling a profile on a resident's behalf. */
export async function getHouseholdPeople(
  db: Db,
  householdId: string,
): Promise<{ id: string; address: HomeAddress; members: Person[] } | undefined> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: householdKey(householdId),
      ProjectionExpression: '#id, #address, #facts.#members',
      ExpressionAttributeNames: { '#id': 'id', '#address': 'address', '#facts': 'facts', '#members': 'members' },
    }),
  )
  if (!out.Item?.address) return undefined
  const facts = out.Item.facts as { members?: Person[] } | undefined
  return { id: out.Item.id as string, address: out.Item.address as HomeAddress, members: facts?.members ?? [] }
}
