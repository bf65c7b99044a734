import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { DocClient } from '../../src/db/client'
import { OUTBOX_PENDING_GSI1PK } from '../../src/db/keys'

/** The followers' messages about one ticket still waiting on the pending outbox index (GSI1). */
export async function pendingMessagesFor(
  db: { doc: DocClient; tableName: string },
  ticketId: string,
): Promise<Record<string, unknown>[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': OUTBOX_PENDING_GSI1PK },
    }),
  )
  return (out.Items ?? []).filter((i) => i.ticketId === ticketId)
}
