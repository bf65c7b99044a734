import { loadConfig } from '../config'
import { createDocClient } from '../db/client'
import { ensureTable } from '../db/table'
import { createApp } from '../http/app'
import { startLocalDispatcher } from './dispatcher'
import { seedIfEmpty } from './seed'
import { seedProgress } from './seed-progress'

/**
 * The local stack's API: the same app the Lambda handler builds, pointed at DynamoDB Local.
 * `prepare` creates the table and loads the Yanchi population when the table is empty, with a
 * progress bar ($ANJU_SEED_SCALE shrinks it, e.g. 0.05).
 */
export function createLocalApi() {
  const config = loadConfig()
  if (!config.dynamodbEndpoint) throw new Error('DYNAMODB_ENDPOINT is not set')
  const doc = createDocClient({ endpoint: config.dynamodbEndpoint })
  const api = createApp({ doc, tableName: config.tableName, config })
  const prepare = async () => {
    await ensureTable(doc, config.tableName)
    const progress = seedProgress()
    try {
      return await seedIfEmpty(doc, config.tableName, { onProgress: progress.onProgress })
    } finally {
      progress.stop()
    }
  }
  // The followers' notifications, as the scheduled Lambda sends them in AWS (decision 066).
  const startDispatcher = () => startLocalDispatcher({ db: { doc, tableName: config.tableName }, config })
  return { api, prepare, startDispatcher }
}
