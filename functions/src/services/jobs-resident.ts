import {
  ageOn,
  type JobProfile,
  type JobProfileInput,
  localDateOf,
  type Me,
  type MyJobProfileResponse,
  type Person,
  type PublicPosting,
  type StoredPosting,
  workingAgeCheck,
} from '@anju/shared'
import { getSeekersOfHousehold, putSeekerProfile, type SeekerRecord } from '../db/job-seekers'
import { getHouseholdPeople } from '../db/job-staff'
import { ForbiddenError, NotFoundError } from '../errors'
import { toShanghaiIso } from '../time'
import { alongside, type PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { getBuildingsOfCaller } from './households'

// 我要找工作, the resident's side (decision 068): whose profile it is, read from the household
// file named in the token beside the user (one round trip), and what a resident may see of a posting.

type HouseholdPeople = NonNullable<Awaited<ReturnType<typeof getHouseholdPeople>>>

export interface Resident {
  me: Me
  household: HouseholdPeople
  person: Person
  age: number
  today: string
  /** Why the service lists no jobs for them (outside working age), if it does not. */
  outsideReason?: string
  seeker?: SeekerRecord
}

/** Staff use their own routes: a resident's profile, matches and applications are their own. */
export function requireResident(me: Me): void {
  if (me.role !== 'resident')
    throw new ForbiddenError('这里是居民自己找工作的地方；帮居民填写求职信息请用“帮居民填写求职信息”')
}

async function householdOf(deps: ServiceDeps, householdId: string | undefined) {
  if (!householdId) return [undefined, []] as const
  return Promise.all([getHouseholdPeople(deps.db, householdId), getSeekersOfHousehold(deps.db, householdId)])
}

/**
 * The caller as a job seeker, with `extra` read in the same wave: their household (people and
 * seeker items) from the token's `hid`, and whatever the route needs by the token's `pid`. The
 * user item stays the authority: if it names another household or person (a move, an old token),
 * both are read again (a rare third round trip).
 */
export async function residentWith<T>(
  deps: ServiceDeps,
  caller: PendingCaller,
  extra: (personId: string | undefined) => Promise<T>,
): Promise<{ resident: Resident; extra: T }> {
  const { householdId, personId } = caller.claims
  const [me, [[found, seekers], read]] = await alongside(
    caller,
    Promise.all([householdOf(deps, householdId), extra(personId)]),
  )
  requireResident(me)
  let household = found
  let seekerItems = seekers
  if (me.scope.householdId !== householdId) [household, seekerItems] = await householdOf(deps, me.scope.householdId)
  const person = household?.members.find((m) => m.userId === me.id)
  if (!household || !person) throw new NotFoundError('住户档案里没有找到你，请联系楼栋长')
  const today = localDateOf(deps.now())
  const age = ageOn(person.birthDate, today)
  const verdict = workingAgeCheck(age)
  const seeker = seekerItems.find((s) => s.personId === person.id)
  const resident: Resident = {
    me,
    household,
    person,
    age,
    today,
    ...(verdict.ok ? {} : { outsideReason: verdict.reason }),
    ...(seeker ? { seeker } : {}),
  }
  return { resident, extra: person.id === personId ? read : await extra(person.id) }
}

export function profileResponse(r: Resident, profile = r.seeker?.profile): MyJobProfileResponse {
  const state = r.outsideReason ? 'outside_working_age' : profile ? 'ready' : 'none'
  return {
    state,
    name: r.person.name,
    ...(profile ? { profile } : {}),
    ...(r.outsideReason ? { reason: r.outsideReason } : {}),
  }
}

/** GET /api/jobs/profile: one round trip (the user, the household and its seekers together). */
export async function getMyProfile(deps: ServiceDeps, caller: PendingCaller): Promise<MyJobProfileResponse> {
  const { resident } = await residentWith(deps, caller, async () => undefined)
  return profileResponse(resident)
}

/**
 * PUT /api/jobs/profile: the resident's own answers (updatedBy not on behalf), with fresh copies of
 * the facts the staff push ranks by. The grid (their building's location) is read in the first wave.
 */
export async function saveMyProfile(
  deps: ServiceDeps,
  caller: PendingCaller,
  input: JobProfileInput,
): Promise<MyJobProfileResponse> {
  const { resident, extra: buildings } = await residentWith(deps, caller, () => getBuildingsOfCaller(deps))
  if (resident.outsideReason) throw new ForbiddenError(resident.outsideReason)
  const { me, household, person } = resident
  const home = buildings.find((b) => b.path.buildingId === household.address.path.buildingId)?.location
  if (!home) throw new NotFoundError('住户档案里没有找到你家的楼栋，请联系楼栋长')
  const profile: JobProfile = {
    ...input,
    updatedAt: toShanghaiIso(deps.now()),
    updatedBy: { userId: me.id, name: me.name, role: me.role, onBehalf: false },
  }
  await putSeekerProfile(deps.db, { household, person, profile, home })
  return profileResponse(resident, profile)
}

/** What a resident sees of a posting: never its scope, who posted it or the applicant count. */
export function publicPosting(p: StoredPosting): PublicPosting {
  return {
    id: p.id,
    employer: p.employer,
    title: p.title,
    ...(p.description ? { description: p.description } : {}),
    place: p.place,
    workHours: p.workHours,
    physical: p.physical,
    skills: p.skills,
    niceSkills: p.niceSkills ?? [],
    minExperienceYears: p.minExperienceYears,
    literacy: p.literacy,
    ...(p.minAge !== undefined ? { minAge: p.minAge } : {}),
    ...(p.maxAge !== undefined ? { maxAge: p.maxAge } : {}),
    monthlyWage: p.monthlyWage,
    wageMax: p.wageMax ?? p.monthlyWage,
    headcount: p.headcount ?? 1,
    status: p.status,
    expiresOn: p.expiresOn,
    ...(p.contactPhone ? { contactPhone: p.contactPhone } : {}),
    postedAt: p.postedAt,
  }
}
