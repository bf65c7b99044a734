// The local stack the API sections measure against: DynamoDB Local in memory on a free port
// (startDynamoLocal), the table (ensureTable) and the demo data (seedIfEmpty), started once per
// bench run and stopped by the runner, so no java process outlives `npm run bench`.
import { createDocClient, type DocClient } from '../../functions/src/db/client'
import { ensureTable } from '../../functions/src/db/table'
import { type DynamoLocal, startDynamoLocal } from '../../functions/src/local/dynamo'
import { seedIfEmpty } from '../../functions/src/local/seed'

export interface Stack {
  endpoint: string
  tableName: string
  doc: DocClient
  accounts: { id: string; role: string }[]
  /** Milliseconds: DynamoDB Local start, table creation, seeding (in memory). */
  timings: { dynamoStartMs: number; ensureTableMs: number; seedMs: number }
}

let dynamo: DynamoLocal | undefined
let stack: Promise<Stack> | undefined

process.on('exit', () => dynamo?.process.kill('SIGKILL'))

export function getStack(): Promise<Stack> {
  stack ??= (async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
    const t0 = performance.now()
    dynamo = await startDynamoLocal()
    const t1 = performance.now()
    const tableName = 'anju-bench'
    const doc = createDocClient({ endpoint: dynamo.endpoint })
    await ensureTable(doc, tableName)
    const t2 = performance.now()
    const seeded = await seedIfEmpty(doc, tableName)
    const t3 = performance.now()
    return {
      endpoint: dynamo.endpoint,
      tableName,
      doc,
      accounts: seeded.accounts.map((a) => ({ id: a.id, role: a.role })),
      timings: { dynamoStartMs: t1 - t0, ensureTableMs: t2 - t1, seedMs: t3 - t2 },
    }
  })()
  return stack
}

export async function stopStack(): Promise<void> {
  if (stack) (await stack.catch(() => undefined))?.doc.destroy()
  await dynamo?.stop()
  dynamo = undefined
  stack = undefined
}

/** The first seeded account with this role (the fixture may change; roles are stable). */
export function accountOf(s: Stack, role: string): string | undefined {
  return s.accounts.find((a) => a.role === role)?.id
}
