import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { createDocClient, type DocClient } from '../src/db/client'
import { userKey, wechatBindingKey } from '../src/db/keys'
import { dropTable, ensureTable } from '../src/db/table'
import { DEV_ACCOUNTS } from '../src/local/fixture'
import { seedIfEmpty } from '../src/local/seed'
import { dynamoEndpoint } from './support/api'

const tableName = `t-seed-${process.pid}-${Date.now()}`
let doc: DocClient

beforeAll(() => {
  doc = createDocClient({ endpoint: dynamoEndpoint() })
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('ensureTable + seedIfEmpty', () => {
  it('creates the table once, seeds once, and is a no-op the second time', async () => {
    // Act
    const firstTable = await ensureTable(doc, tableName)
    const secondTable = await ensureTable(doc, tableName)
    const firstSeed = await seedIfEmpty(doc, tableName)
    const secondSeed = await seedIfEmpty(doc, tableName)
    // Assess
    expect([firstTable.created, secondTable.created]).toEqual([true, false])
    expect([firstSeed.seeded, secondSeed.seeded]).toEqual([true, false])
    expect(firstSeed.accounts).toEqual(DEV_ACCOUNTS)
    const described = await (doc as unknown as DynamoDBClient).send(new DescribeTableCommand({ TableName: tableName }))
    expect(described.Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(['GSI1', 'GSI2'])
  })

  it('writes every account with an entity attribute and the WeChat binding by exact openid', async () => {
    await ensureTable(doc, tableName)
    await seedIfEmpty(doc, tableName)
    const user = await doc.send(new GetCommand({ TableName: tableName, Key: userKey('u-resident-3') }))
    const binding = await doc.send(
      new GetCommand({ TableName: tableName, Key: wechatBindingKey('oAnJu5Resident1DevOpenIdXy7Q') }),
    )
    const lowered = await doc.send(
      new GetCommand({ TableName: tableName, Key: wechatBindingKey('oanju5resident1devopenidxy7q') }),
    )
    expect(user.Item).toMatchObject({ entity: 'user', name: '沙马·阿果', role: 'resident' })
    expect(binding.Item).toMatchObject({ entity: 'wechat_binding', userId: 'u-resident-1' })
    expect(lowered.Item).toBeUndefined()
  })

  it('drops the table (seed --reset)', async () => {
    const other = `${tableName}-drop`
    await ensureTable(doc, other)
    await dropTable(doc, other)
    expect((await ensureTable(doc, other)).created).toBe(true)
    await dropTable(doc, other)
  })
})
