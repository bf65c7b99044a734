import type { HouseholdContext, RiskColour } from '@anju/shared'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { householdKey } from './keys'

// What the triage rule needs from a household, and nothing more: the staff colour (verdict.overall,
// never the police one) and whether someone fragile lives there (facts.members). Read from the
// household item (HouseholdFile at HH#<id> / PROFILE); the one place to change if either moves.

const ELDERLY_AGE = 60

interface StoredMember {
  age?: number
  health?: string
  disability?: string
}

/** A household the table does not know (yet) is triaged as green with nobody vulnerable. */
export const UNKNOWN_HOUSEHOLD: HouseholdContext = { colour: 'green', elderlyAlone: false, vulnerableMember: false }

export function householdContextOf(item: Record<string, unknown> | undefined): HouseholdContext {
  const colour = (item?.verdict as { overall?: RiskColour } | undefined)?.overall
  const members = (item?.facts as { members?: StoredMember[] } | undefined)?.members ?? []
  if (!colour) return UNKNOWN_HOUSEHOLD
  return {
    colour,
    elderlyAlone: members.length === 1 && (members[0].age ?? 0) >= ELDERLY_AGE,
    vulnerableMember: members.some((m) => m.health === 'serious' || m.disability === 'severe'),
  }
}

export async function getHouseholdContext(db: Db, householdId: string): Promise<HouseholdContext> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: householdKey(householdId),
      ProjectionExpression: '#verdict.#overall, #facts.#members',
      ExpressionAttributeNames: {
        '#verdict': 'verdict',
        '#overall': 'overall',
        '#facts': 'facts',
        '#members': 'members',
      },
    }),
  )
  return householdContextOf(out.Item)
}
