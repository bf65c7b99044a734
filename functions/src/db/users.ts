import type { Me } from '@anju/shared'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { stripKeys } from './context'
import { ENTITY, KEY_ATTRIBUTES, type Key, userKey, wechatBindingKey } from './keys'

/** A user as stored: exactly the Me the API returns (a resident's home is denormalised onto it). */
export type UserRecord = Me

export function userItem(user: UserRecord): Key & Record<string, unknown> {
  return { ...userKey(user.id), entity: ENTITY.user, ...user }
}

export function wechatBindingItem(openid: string, userId: string): Key & Record<string, unknown> {
  return { ...wechatBindingKey(openid), entity: ENTITY.wechatBinding, openid, userId }
}

export async function getUser(db: Db, userId: string): Promise<UserRecord | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: userKey(userId) }))
  return out.Item ? stripKeys<UserRecord>(out.Item, KEY_ATTRIBUTES) : undefined
}

export async function getUserIdByOpenid(db: Db, openid: string): Promise<string | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: wechatBindingKey(openid) }))
  return out.Item?.userId as string | undefined
}
