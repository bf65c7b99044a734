import type { HomeAddress, HouseholdContext } from '@anju/shared'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { householdContextOf } from './household-triage'
import { householdKey } from './keys'

/**
 * What filing a ticket for a household needs, in one GetItem: its address (for the ticket and the
 * scope check) and what triage reads (the staff colour and the members). Undefined if unknown.
 */
export async function getHouseholdForFiling(
  db: Db,
  householdId: string,
): Promise<{ address: HomeAddress; context: HouseholdContext } | undefined> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: householdKey(householdId),
      ProjectionExpression: '#address, #verdict.#overall, #facts.#members',
      ExpressionAttributeNames: {
        '#address': 'address',
        '#verdict': 'verdict',
        '#overall': 'overall',
        '#facts': 'facts',
        '#members': 'members',
      },
    }),
  )
  const address = out.Item?.address as HomeAddress | undefined
  if (!address) return undefined
  return { address, context: householdContextOf(out.Item) }
}
