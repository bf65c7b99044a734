import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'
import type { DocClient } from './client'

// The one table definition. serverless.yml repeats it in CloudFormation syntax, and
// test/package.test.ts checks the packaged template against this object.

export const TTL_ATTRIBUTE = 'expiresAt'

export const TABLE_KEY_SCHEMA = [
  { AttributeName: 'PK', KeyType: 'HASH' },
  { AttributeName: 'SK', KeyType: 'RANGE' },
] as const

export const TABLE_ATTRIBUTES = [
  { AttributeName: 'PK', AttributeType: 'S' },
  { AttributeName: 'SK', AttributeType: 'S' },
  { AttributeName: 'GSI1PK', AttributeType: 'S' },
  { AttributeName: 'GSI1SK', AttributeType: 'S' },
  { AttributeName: 'GSI2PK', AttributeType: 'S' },
  { AttributeName: 'GSI2SK', AttributeType: 'S' },
] as const

export const TABLE_GSIS = [
  {
    IndexName: 'GSI1',
    KeySchema: [
      { AttributeName: 'GSI1PK', KeyType: 'HASH' },
      { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  },
  {
    IndexName: 'GSI2',
    KeySchema: [
      { AttributeName: 'GSI2PK', KeyType: 'HASH' },
      { AttributeName: 'GSI2SK', KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  },
] as const

export function tableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: TABLE_KEY_SCHEMA.map((k) => ({ ...k })),
    AttributeDefinitions: TABLE_ATTRIBUTES.map((a) => ({ ...a })),
    GlobalSecondaryIndexes: TABLE_GSIS.map((g) => ({
      IndexName: g.IndexName,
      KeySchema: g.KeySchema.map((k) => ({ ...k })),
      Projection: { ...g.Projection },
    })),
  }
}

type AnyClient = DocClient | DynamoDBClient

// The document client forwards plain (non-document) commands unchanged; one signature for both.
const raw = (client: AnyClient) => client as DynamoDBClient

async function describeStatus(client: AnyClient, tableName: string): Promise<string | undefined> {
  try {
    const out = await raw(client).send(new DescribeTableCommand({ TableName: tableName }))
    return out.Table?.TableStatus
  } catch (err) {
    if (err instanceof ResourceNotFoundException || (err as Error).name === 'ResourceNotFoundException')
      return undefined
    throw err
  }
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Creates the table with its GSIs and TTL if it is missing; resolves once it is ACTIVE. */
export async function ensureTable(client: AnyClient, tableName: string): Promise<{ created: boolean }> {
  const status = await describeStatus(client, tableName)
  let created = false
  if (status === undefined) {
    try {
      await raw(client).send(new CreateTableCommand(tableDefinition(tableName)))
      created = true
    } catch (err) {
      // Two processes racing to create the same table: the loser just waits.
      if ((err as Error).name !== 'ResourceInUseException') throw err
    }
  }
  await waitFor(async () => (await describeStatus(client, tableName)) === 'ACTIVE', `table ${tableName}`)
  if (created) {
    await raw(client).send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    )
  }
  return { created }
}

/** Deletes the table if present and waits until it is gone (seed --reset, tests). */
export async function dropTable(client: AnyClient, tableName: string): Promise<void> {
  if ((await describeStatus(client, tableName)) === undefined) return
  await raw(client).send(new DeleteTableCommand({ TableName: tableName }))
  await waitFor(async () => (await describeStatus(client, tableName)) === undefined, `deletion of ${tableName}`)
}
