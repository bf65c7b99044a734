import type { Me } from '@anju/shared'
import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { stripKeys } from './context'
import { ENTITY, KEY_ATTRIBUTES, type Key, subscriptionKey, userKey, userWechatKey } from './keys'
import { conditionally } from './outbox'

// What the dispatcher needs to know about a recipient (decision 066): the one-time subscription
// credits they granted per template, and their openid (user → openid, the reverse of the binding).

/** WeChat said the user no longer accepts the template (43101): their credits are void. */
export async function zeroCredits(db: Db, userId: string, templateId: string, at: string): Promise<void> {
  // Only an existing count is zeroed: a user with none has nothing to void.
  await conditionally(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: subscriptionKey(userId, templateId),
        UpdateExpression: 'SET credits = :zero, updatedAt = :at',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':zero': 0, ':at': at },
      }),
    ),
  )
}

/** One more message the user agreed to receive with this template; the new count. */
export async function addCredit(db: Db, userId: string, templateId: string, at: string): Promise<number> {
  const out = await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: subscriptionKey(userId, templateId),
      UpdateExpression: 'SET entity = :entity, userId = :u, templateId = :t, updatedAt = :at ADD credits :one',
      ExpressionAttributeValues: {
        ':entity': ENTITY.subscription,
        ':u': userId,
        ':t': templateId,
        ':at': at,
        ':one': 1,
      },
      ReturnValues: 'ALL_NEW',
    }),
  )
  return Number(out.Attributes?.credits ?? 0)
}

export async function getCredits(db: Db, userId: string, templateId: string): Promise<number> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: subscriptionKey(userId, templateId) }))
  return Number(out.Item?.credits ?? 0)
}

/** The user's openid, remembered at WeChat login (the binding itself maps openid → user). */
export async function rememberOpenid(db: Db, userId: string, openid: string, at: string): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...userWechatKey(userId), entity: ENTITY.userWechat, userId, openid, updatedAt: at },
    }),
  )
}

export interface Contact {
  user?: Me
  openid?: string
}

/** Each recipient's user item and openid, in one BatchGet (unprocessed keys retried). */
export async function getContacts(db: Db, userIds: readonly string[]): Promise<Map<string, Contact>> {
  const contacts = new Map<string, Contact>(userIds.map((id) => [id, {}]))
  let pending: Key[] = userIds.flatMap((id) => [userKey(id), userWechatKey(id)])
  for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
    const out = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending } } }))
    for (const item of out.Responses?.[db.tableName] ?? []) {
      const userId = String(item.PK).slice('USER#'.length)
      const c = contacts.get(userId)
      if (!c) continue
      if (item.entity === ENTITY.userWechat) c.openid = item.openid as string
      else if (item.entity === ENTITY.user) c.user = stripKeys<Me>(item, KEY_ATTRIBUTES)
    }
    pending = (out.UnprocessedKeys?.[db.tableName]?.Keys as Key[] | undefined) ?? []
  }
  return contacts
}
