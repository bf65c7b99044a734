import {
  ageOn,
  type HouseholdSeekersResponse,
  inScope,
  type JobProfile,
  type JobProfileInput,
  localDateOf,
  type Me,
  workingAgeCheck,
} from '@anju/shared'
import { getSeekersOfHousehold, putSeekerProfile } from '../db/job-seekers'
import { getHouseholdPeople } from '../db/job-staff'
import { ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { toShanghaiIso } from '../time'
import { alongside, type PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { getBuildingsOfCaller } from './households'
import { PUSHERS, requireJobStaff } from './job-staff'

// 帮居民填写求职信息 (decision 068): a building head, grid worker or community staff member fills
// the profile of a working-age resident of their scope; the resident later reads who did
// ("楼栋长赵美芬帮你填写"). The household and its seekers are read beside the caller.

class HouseholdNotFoundError extends NotFoundError {
  constructor() {
    super('找不到这户居民')
  }
}

function requireHelper(me: Me): void {
  requireJobStaff(me)
  if (!PUSHERS.includes(me.role))
    throw new ForbiddenError('只有楼栋长、网格员、社区工作人员和街道可以帮居民填写求职信息')
}

async function householdInScope(deps: ServiceDeps, caller: PendingCaller, householdId: string, withGrid = false) {
  const [me, [household, seekers, buildings]] = await alongside(
    caller,
    Promise.all([
      getHouseholdPeople(deps.db, householdId),
      getSeekersOfHousehold(deps.db, householdId),
      withGrid ? getBuildingsOfCaller(deps) : [],
    ]),
  )
  requireHelper(me)
  if (!household || !inScope(me.scope, household.address.path)) throw new HouseholdNotFoundError()
  const profiles = new Map(seekers.map((s) => [s.personId, s.profile as JobProfile | undefined]))
  const building = buildings.find((b) => b.path.buildingId === household.address.path.buildingId)
  return { me, household, profiles, home: building?.location }
}

/** GET /api/jobs/seekers?householdId=: the working-age members and whether each has a profile. */
export async function listHouseholdSeekers(
  deps: ServiceDeps,
  caller: PendingCaller,
  householdId: string,
): Promise<HouseholdSeekersResponse> {
  const { household, profiles } = await householdInScope(deps, caller, householdId)
  const today = localDateOf(deps.now())
  const members = household.members.flatMap((m) => {
    const age = ageOn(m.birthDate, today)
    if (!workingAgeCheck(age).ok) return []
    const profile = profiles.get(m.id)
    return [
      {
        personId: m.id,
        name: m.name,
        age,
        state: profile ? ('ready' as const) : ('none' as const),
        ...(profile ? { profile } : {}),
      },
    ]
  })
  return { members }
}

/** PUT /api/jobs/seekers/:personId/profile?householdId=: written on the resident's behalf. Two round trips. */
export async function saveProfileOnBehalf(
  deps: ServiceDeps,
  caller: PendingCaller,
  householdId: string,
  personId: string,
  input: JobProfileInput,
): Promise<JobProfile> {
  const { me, household, home } = await householdInScope(deps, caller, householdId, true)
  if (!home) throw new HouseholdNotFoundError()
  const person = household.members.find((m) => m.id === personId)
  if (!person) throw new NotFoundError('这户没有这位居民')
  const now = deps.now()
  const age = workingAgeCheck(ageOn(person.birthDate, localDateOf(now)))
  if (!age.ok) throw new ValidationError(age.reason, [{ path: 'personId', message: age.reason }])
  const profile: JobProfile = {
    ...input,
    updatedAt: toShanghaiIso(now),
    updatedBy: { userId: me.id, name: me.name, role: me.role, onBehalf: true },
  }
  await putSeekerProfile(deps.db, { household, person, profile, home })
  return profile
}
