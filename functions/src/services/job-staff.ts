import { createHash } from 'node:crypto'
import {
  type Application,
  type CreatePostingBody,
  type EditPostingBody,
  expiryProblem,
  inScope,
  localDateOf,
  type Me,
  type PostingInput,
  type PostingStatus,
  type Role,
  type StaffPosting,
  type StoredPosting,
} from '@anju/shared'
import { createOnce } from '../db/idempotency'
import { getPosting, postingItem } from '../db/job-postings'
import {
  APPLIED_TO_STAYS,
  type CountedPosting,
  listPostingsOfScope,
  PostingNotFoundError,
  setPostingOpen,
  updatePostingFields,
} from '../db/job-staff'
import { jobScopeGsi2Pk } from '../db/keys'
import { ConflictError, ForbiddenError, ValidationError } from '../errors'
import { communityIdsOf } from '../grid/communities'
import { toShanghaiIso } from '../time'
import { alongside, type PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { getBuildingsOfCaller } from './households'
import { publicPosting } from './jobs-resident'

// 我要找工作, staff (decision 068): the postings of a scope. Community staff, sub-district admins
// and property staff post and manage postings inside their scope; building heads and grid workers
// see them to push them to residents. A posting outside the caller's scope is 404, as tickets are.

export const POSTING_MANAGERS: readonly Role[] = ['community_staff', 'subdistrict_admin', 'property_staff']
export const PUSHERS: readonly Role[] = ['building_head', 'grid_worker', 'community_staff', 'subdistrict_admin']

/** Every staff route refuses residents (and police) first, in words they understand. */
export function requireJobStaff(me: Me): void {
  if (me.role === 'resident') throw new ForbiddenError('岗位管理只对社区工作人员开放，找工作请到“我要找工作”')
  if (!POSTING_MANAGERS.includes(me.role) && !PUSHERS.includes(me.role)) throw new ForbiddenError('您没有权限管理岗位')
}

/** A posting a caller may see: one of their scope, or a wider one (the sub-district's) over it. */
export const seesPosting = (me: Me, p: Pick<StoredPosting, 'scope'>) =>
  inScope(me.scope, p.scope) || inScope(p.scope, me.scope)

/** The posting, or 404 when it does not exist or lies outside the caller's scope. */
export function visiblePosting<P extends StoredPosting>(me: Me, p: P | undefined): P {
  requireJobStaff(me)
  if (!p || !seesPosting(me, p)) throw new PostingNotFoundError()
  return p
}

/** Posting, editing, closing and applicants' status: the managers, for postings inside their scope. */
export function requireManager(me: Me, p?: Pick<StoredPosting, 'scope'>): void {
  requireJobStaff(me)
  if (!POSTING_MANAGERS.includes(me.role))
    throw new ForbiddenError('只有社区工作人员、街道和物业人员可以发布和管理岗位')
  if (p && !inScope(me.scope, p.scope)) throw new ForbiddenError('这个岗位由街道发布，请联系街道修改')
}

/** The resident's view of a posting, plus what staff also see: its scope, who posted it, applicants. */
export function staffPostingView(p: CountedPosting): StaffPosting {
  return {
    ...publicPosting(p),
    scope: p.scope,
    ...(p.postedBy ? { postedBy: p.postedBy } : {}),
    applicantCount: p.applicantCount ?? 0,
    // A posting never edited (the seeded ones) has its posting time as its version.
    updatedAt: p.updatedAt ?? p.postedAt,
  }
}

/**
 * Whether the caller sees every applicant of a posting: its scope is theirs. Otherwise (a building
 * head, a grid worker, community staff on a sub-district posting) only applicants who live in
 * their scope, and so never the posting's full count, which would tell how many applied elsewhere.
 */
export const seesAllApplicants = (me: Me, p: Pick<StoredPosting, 'scope'>) => inScope(me.scope, p.scope)

/** Whom the caller may see among a posting's applicants. */
export function seesApplicant(me: Me, posting: Pick<StoredPosting, 'scope'>, a: Pick<Application, 'address'>): boolean {
  if (seesAllApplicants(me, posting)) return true
  return a.address !== undefined && inScope(me.scope, a.address.path)
}

/**
 * The staff view for this caller: the full applicant count only to those who see every applicant;
 * to the others the count they can see when the route has the applications at hand, else none.
 */
export function staffPostingViewFor(me: Me, p: CountedPosting, visibleApplicants?: number): StaffPosting {
  const { applicantCount, ...view } = staffPostingView(p)
  if (seesAllApplicants(me, p)) return { ...view, applicantCount }
  return visibleApplicants === undefined ? view : { ...view, applicantCount: visibleApplicants }
}

/** The GSI2 partitions of a scope's postings: each community's, and the sub-district's own. */
export function postingPartitions(me: Me): string[] {
  const subdistrictId = me.scope.subdistrictId
  return [
    ...communityIdsOf(me.scope).map((communityId) => jobScopeGsi2Pk({ subdistrictId, communityId })),
    jobScopeGsi2Pk({ subdistrictId }),
  ]
}

/** GET /api/jobs/postings: the scope's postings, newest first (one parallel wave after the user). */
export async function listPostings(deps: ServiceDeps, me: Me, status?: PostingStatus): Promise<StaffPosting[]> {
  requireJobStaff(me)
  const postings = await listPostingsOfScope(deps.db, postingPartitions(me), status)
  return postings.filter((p) => seesPosting(me, p)).map((p) => staffPostingViewFor(me, p))
}

function refuse(path: string, message: string): never {
  throw new ValidationError(message, [{ path, message }])
}

type Buildings = Awaited<ReturnType<typeof getBuildingsOfCaller>>

/** Where the work is: a building of the caller's scope, or off-site at a distance from it. */
function placeOf(me: Me, buildings: Buildings, input: PostingInput['place']) {
  const mine = buildings.filter((b) => inScope(me.scope, b.path))
  if (input.kind === 'building') {
    const b = mine.find((x) => x.path.buildingId === input.buildingId)
    if (!b) refuse('place.buildingId', '请选择您负责范围内的楼栋')
    const place = { kind: 'building' as const, buildingId: b.path.buildingId, name: `${b.communityName}${b.name}` }
    return { place, location: b.location }
  }
  // The rule measures off-site work by the distance staff entered; the location only anchors it.
  if (!mine[0]) refuse('place', '您负责的范围内没有楼栋，无法确定外地岗位离社区多远')
  const place = { kind: 'offsite' as const, placeName: input.placeName, distanceKm: input.distanceKm }
  return { place, location: mine[0].location, distanceKm: input.distanceKm }
}

type Kept = Pick<StoredPosting, 'id' | 'status' | 'postedAt' | 'scope' | 'updatedAt'> &
  Partial<Pick<StoredPosting, 'postedBy' | 'closedAt'>>

function buildPosting(input: PostingInput, where: ReturnType<typeof placeOf>, kept: Kept): StoredPosting {
  return {
    ...kept,
    employer: input.employer,
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    place: where.place,
    location: where.location,
    ...(where.distanceKm !== undefined ? { distanceKm: where.distanceKm } : {}),
    workHours: { start: input.startHour % 24, end: input.endHour },
    physical: input.physical,
    skills: input.skills,
    niceSkills: input.niceSkills,
    minExperienceYears: input.minExperienceYears ?? 0,
    // The rule promises the lower end: never more than the employer guarantees.
    monthlyWage: input.wageMin,
    wageMax: input.wageMax,
    literacy: input.literacy,
    ...(input.minAge !== undefined ? { minAge: input.minAge } : {}),
    ...(input.maxAge !== undefined ? { maxAge: input.maxAge } : {}),
    headcount: input.headcount,
    expiresOn: input.expiresOn,
    ...(input.contactPhone ? { contactPhone: input.contactPhone } : {}),
  }
}

function checkExpiry(expiresOn: string, today: string): void {
  const problem = expiryProblem(expiresOn, today)
  if (problem) refuse('expiresOn', problem)
}

const hashOf = (input: PostingInput) => createHash('sha256').update(JSON.stringify(input)).digest('base64url')

/** POST /api/jobs/postings: grid tree beside the caller, then one transaction (createOnce). */
export async function createPosting(deps: ServiceDeps, caller: PendingCaller, body: CreatePostingBody) {
  const [me, buildings] = await alongside(caller, getBuildingsOfCaller(deps))
  requireManager(me)
  const now = deps.now()
  const at = toShanghaiIso(now)
  const { idempotencyKey, ...input } = body
  checkExpiry(input.expiresOn, localDateOf(now))
  const { subdistrictId, communityId } = me.scope
  const posting = buildPosting(input, placeOf(me, buildings, input.place), {
    id: deps.newId(),
    status: 'open',
    postedAt: at,
    updatedAt: at,
    scope: me.role === 'subdistrict_admin' || !communityId ? { subdistrictId } : { subdistrictId, communityId },
    postedBy: { userId: me.id, name: me.name },
  })
  const outcome = await createOnce(deps.db, {
    userId: me.id,
    clientKey: idempotencyKey,
    requestHash: hashOf(input),
    operation: 'create_job_posting',
    items: [{ ...postingItem(posting), applicantCount: 0 }],
    result: staffPostingView(posting),
    now,
  })
  return { created: outcome.created, posting: outcome.result }
}

const samePlace = (a: StoredPosting['place'], b: StoredPosting['place']) =>
  a.kind === 'building'
    ? b.kind === 'building' && a.buildingId === b.buildingId
    : b.kind === 'offsite' && a.placeName === b.placeName

/** Whether an edit changes which job it is: the employer, the title or where the work is. */
export const changesTheJob = (edited: StoredPosting, read: StoredPosting) =>
  edited.employer !== read.employer || edited.title !== read.title || !samePlace(edited.place, read.place)

/**
 * PUT /api/jobs/postings/:id: the posting and grid tree beside the caller, then one Update. Once
 * people applied, the employer, title and place stay (409); wages, hours, headcount, last day and
 * the rest remain editable. The Update checks the counter too, against an application meanwhile.
 */
export async function editPosting(deps: ServiceDeps, caller: PendingCaller, id: string, body: EditPostingBody) {
  const { basedOn, ...input } = body
  const [me, [found, buildings]] = await alongside(
    caller,
    Promise.all([getPosting(deps.db, id), getBuildingsOfCaller(deps)]),
  )
  const read = visiblePosting(me, found)
  requireManager(me, read)
  // Changed since the editor opened it (by someone else, or by this editor on another phone).
  if (basedOn !== undefined && basedOn !== (read.updatedAt ?? read.postedAt))
    throw new ConflictError('这个岗位刚被别人修改过，请返回重新打开，看过最新内容后再改')
  const now = deps.now()
  // An unchanged last day may already have passed (an expired posting being corrected).
  if (input.expiresOn !== read.expiresOn) checkExpiry(input.expiresOn, localDateOf(now))
  const edited = buildPosting(input, placeOf(me, buildings, input.place), {
    id: read.id,
    status: read.status,
    postedAt: read.postedAt,
    scope: read.scope,
    updatedAt: toShanghaiIso(now),
    ...(read.postedBy ? { postedBy: read.postedBy } : {}),
    ...(read.closedAt ? { closedAt: read.closedAt } : {}),
  })
  const fixed = changesTheJob(edited, read)
  if (fixed && (read.applicantCount ?? 0) > 0) throw new ConflictError(APPLIED_TO_STAYS)
  return staffPostingView(await updatePostingFields(deps.db, edited, read, { noApplicants: fixed }))
}

/** POST /api/jobs/postings/:id/close and /reopen. */
export async function setOpen(deps: ServiceDeps, caller: PendingCaller, id: string, open: boolean) {
  const [me, found] = await alongside(caller, getPosting(deps.db, id))
  const read = visiblePosting(me, found)
  requireManager(me, read)
  const now = deps.now()
  return staffPostingView(await setPostingOpen(deps.db, read, open, toShanghaiIso(now), localDateOf(now)))
}
