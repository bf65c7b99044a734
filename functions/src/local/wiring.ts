import { loadConfig } from '../config'
import { createDocClient } from '../db/client'
import { ensureTable } from '../db/table'
import { createApp } from '../http/app'
import { seedIfEmpty } from './seed'

/**
 * The local stack's API: the same app the Lambda handler builds, pointed at DynamoDB Local.
 * `prepare` creates the table and loads the demo data when the table is empty.
 */
export function createLocalApi() {
  const config = loadConfig()
  if (!config.dynamodbEndpoint) throw new Error('DYNAMODB_ENDPOINT is not set')
  const doc = createDocClient({ endpoint: config.dynamodbEndpoint })
  const api = createApp({ doc, tableName: config.tableName, config })
  const prepare = async () => {
    await ensureTable(doc, config.tableName)
    return seedIfEmpty(doc, config.tableName)
  }
  return { api, prepare }
}
