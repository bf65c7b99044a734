// npm run seed -w functions [-- --reset]: seeds the demo fixture into DYNAMODB_ENDPOINT's table.
import { ROLE_LABELS } from '@anju/shared'
import { loadConfig } from '../config'
import { createDocClient } from '../db/client'
import { dropTable, ensureTable } from '../db/table'
import { seedIfEmpty } from './seed'

async function main(): Promise<void> {
  const config = loadConfig()
  if (!config.dynamodbEndpoint) {
    console.error('DYNAMODB_ENDPOINT is not set (e.g. http://127.0.0.1:8000); refusing to seed a real AWS table.')
    process.exit(2)
  }
  const doc = createDocClient({ endpoint: config.dynamodbEndpoint })
  if (process.argv.includes('--reset')) {
    await dropTable(doc, config.tableName)
    console.log(`dropped ${config.tableName}`)
  }
  await ensureTable(doc, config.tableName)
  const { seeded, accounts } = await seedIfEmpty(doc, config.tableName)
  console.log(seeded ? `seeded ${config.tableName}` : `${config.tableName} already seeded`)
  for (const a of accounts) console.log(`  ${a.id.padEnd(14)} ${ROLE_LABELS[a.role]}  ${a.name}`)
  doc.destroy()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
