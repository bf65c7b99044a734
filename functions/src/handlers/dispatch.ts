import { randomUUID } from 'node:crypto'
import { loadConfig } from '../config'
import { createDocClient } from '../db/client'
import { channelFor, type DispatchReport, dispatchOutbox } from '../services/notifications'

// The followers' notifications in AWS: EventBridge calls this every minute (serverless.yml).
// Built once per container, so the WeChat access token stays cached between warm runs.
const config = loadConfig()
const db = { doc: createDocClient({ endpoint: config.dynamodbEndpoint }), tableName: config.tableName }
const now = () => new Date()
const channel = channelFor(config, db, now)
// One lease owner per container: two overlapping runs in different containers never share one.
const owner = `lambda-${randomUUID()}`

export async function handler(): Promise<DispatchReport> {
  const report = await dispatchOutbox({ db, config, now, channel, owner })
  if (report.messages > 0) console.log(JSON.stringify({ msg: 'outbox dispatched', ...report }))
  return report
}
