import type { LocalNotification } from '@anju/shared'
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { stripKeys } from './context'
import { ENTITY, KEY_ATTRIBUTES, LOCAL_OUTBOX_GSI1PK, localMessageKey } from './keys'

// STAGE=local only: the local channel writes here what WeChat would have been sent (decision 066).

/** STAGE=local: the local channel's "delivery" (or why there was none). */
export async function putLocalMessage(db: Db, m: LocalNotification): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...localMessageKey(m.eventId, m.userId),
        entity: ENTITY.localMessage,
        GSI1PK: LOCAL_OUTBOX_GSI1PK,
        GSI1SK: `${m.at}#${m.eventId}#${m.userId}`,
        ...m,
      },
    }),
  )
}

export async function listLocalMessages(db: Db, limit: number): Promise<LocalNotification[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': LOCAL_OUTBOX_GSI1PK },
      ScanIndexForward: false,
      Limit: limit,
    }),
  )
  return (out.Items ?? []).map((i) => stripKeys<LocalNotification>(i, KEY_ATTRIBUTES))
}
