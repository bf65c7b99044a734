import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import { IdempotencyConflictError } from '../errors'
import type { Db } from './context'
import { ENTITY, idempotencyKey } from './keys'

// One mechanism for every create: the idempotency record and the new items are written in ONE
// transaction, the record guarded by attribute_not_exists. A retry fails that condition and gets
// the stored record back in the cancellation reason (ReturnValuesOnConditionCheckFailure), so the
// original answer is replayed without a second read and without a second item ever existing.

/** Kept long enough to cover any client retry; DynamoDB's TTL removes the record afterwards. */
const RETENTION_SECONDS = 7 * 24 * 60 * 60

export interface CreateOnceInput<R> {
  userId: string
  clientKey: string
  /** A digest of the request body (minus the key): the same key with another body is a conflict. */
  requestHash: string
  /** What is being created, e.g. 'ticket'; recorded for operators. */
  operation: string
  /** The items the create writes, each guarded against overwriting an existing item. */
  items: Record<string, unknown>[]
  /** The answer to replay on a retry. */
  result: R
  now: Date
}

/**
 * The same record for a change that is not a create (a comment): put in the change's transaction,
 * a retry with the key fails its condition and the change is known to be done already.
 */
export function onceItem(userId: string, clientKey: string, operation: string, now: Date): Record<string, unknown> {
  return {
    ...idempotencyKey(userId, clientKey),
    entity: ENTITY.idempotency,
    operation,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + RETENTION_SECONDS,
  }
}

export type CreateOnceOutcome<R> = { created: true; result: R } | { created: false; result: R }

export async function createOnce<R>(db: Db, input: CreateOnceInput<R>): Promise<CreateOnceOutcome<R>> {
  const record = {
    ...idempotencyKey(input.userId, input.clientKey),
    entity: ENTITY.idempotency,
    operation: input.operation,
    requestHash: input.requestHash,
    result: input.result,
    createdAt: input.now.toISOString(),
    expiresAt: Math.floor(input.now.getTime() / 1000) + RETENTION_SECONDS,
  }
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: record,
              ConditionExpression: 'attribute_not_exists(PK)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          ...input.items.map((Item) => ({
            Put: { TableName: db.tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' },
          })),
        ],
      }),
    )
    return { created: true, result: input.result }
  } catch (err) {
    const previous = previousRecord(err)
    if (!previous) throw err
    if (previous.requestHash !== input.requestHash) throw new IdempotencyConflictError()
    return { created: false, result: previous.result as R }
  }
}

function previousRecord(err: unknown): Record<string, unknown> | undefined {
  if (!(err instanceof TransactionCanceledException) && (err as Error)?.name !== 'TransactionCanceledException') {
    return undefined
  }
  const reason = (err as TransactionCanceledException).CancellationReasons?.[0]
  if (reason?.Code !== 'ConditionalCheckFailed' || !reason.Item) return undefined
  // The document client does not unmarshall items inside exceptions.
  return unmarshall(reason.Item as Parameters<typeof unmarshall>[0])
}
