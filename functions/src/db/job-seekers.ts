import type { GeoPoint, HomeAddress, JobProfile, Person } from '@anju/shared'
import { PutCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { stripKeys } from './context'
import {
  ENTITY,
  householdKey,
  JOB_SEEKER_SK_PREFIX,
  jobSeekerGsi1Pk,
  jobSeekerGsi1Sk,
  jobSeekerKey,
  KEY_ATTRIBUTES,
} from './keys'
import { queryAll } from './tickets'

// Seeker profiles (decision 068), in the household's partition and listed by grid on GSI1. The
// item carries the profile (with who wrote it) and a copy of the facts the staff push ranks by; the
// resident's own matching reads the facts fresh from the household file.

export interface SeekerInput {
  household: { id: string; address: HomeAddress }
  person: Person
  profile: JobProfile
  /** Where the person lives (their building), for distances. */
  home: GeoPoint
}

/** The profile and a copy of the facts the staff push ranks by (never the household's colour). */
export function seekerItem(s: SeekerInput): Record<string, unknown> {
  const path = s.household.address.path
  if (!path.communityId || !path.areaId || !path.buildingId)
    throw new Error(`household ${s.household.id} has no grid path`)
  const p = s.person
  return {
    ...jobSeekerKey(s.household.id, p.id),
    entity: ENTITY.jobSeeker,
    GSI1PK: jobSeekerGsi1Pk(path.communityId),
    GSI1SK: jobSeekerGsi1Sk(path.areaId, path.buildingId, s.household.id, p.id),
    personId: p.id,
    householdId: s.household.id,
    ...(p.userId ? { userId: p.userId } : {}),
    name: p.name,
    birthDate: p.birthDate,
    health: p.health,
    disability: p.disability,
    literacy: p.literacy,
    employment: p.employment,
    home: s.home,
    address: s.household.address,
    profile: s.profile,
  }
}

/** Writes (replaces) one person's profile with fresh copies of their facts. */
export async function putSeekerProfile(db: Db, s: SeekerInput): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: seekerItem(s),
    }),
  )
}

/** A seeker item without its keys. */
export type SeekerRecord = Record<string, unknown> & { personId: string; profile?: JobProfile; home?: GeoPoint }

/** A household's seeker items (one Query in its partition). */
export async function getSeekersOfHousehold(db: Db, householdId: string): Promise<SeekerRecord[]> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': householdKey(householdId).PK, ':sk': JOB_SEEKER_SK_PREFIX },
  })
  return items.map((i) => stripKeys<SeekerRecord>(i, KEY_ATTRIBUTES))
}
