import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { outboxKey } from './keys'

/** Whether an event's followers' message exists (a redaction must reach its text too). */
export async function outboxMessageExists(db: Db, eventId: string): Promise<boolean> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: outboxKey(eventId), ProjectionExpression: 'PK' }),
  )
  return out.Item !== undefined
}
