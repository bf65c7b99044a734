import {
  type Application,
  type ApplyResponse,
  latestCommunityNote,
  type MyApplication,
  type MyJobsResponse,
  postingClosedReason,
} from '@anju/shared'
import { applyToPosting, getRecommendation, listPersonJobs } from '../db/job-applications'
import { getPosting, getPostings } from '../db/job-postings'
import { ConflictError, ForbiddenError, NotFoundError } from '../errors'
import { toShanghaiIso } from '../time'
import { alongside, type PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { publicPosting, requireResident, residentWith } from './jobs-resident'

// 一键报名 and 我的投递 (decision 068). Residents apply only for themselves; the person's key makes
// a double tap or a resent request one application.

const CLOSED = '这个岗位已经停止招聘'

/**
 * What the resident sees of their application: the status, and the latest note staff wrote with a
 * change (written to them: where and when to report), never who changed it.
 */
export function mine(a: Application): Omit<MyApplication, 'posting'> {
  const note = latestCommunityNote(a.history ?? [])
  return {
    postingId: a.postingId,
    status: a.status,
    appliedAt: a.appliedAt,
    updatedAt: a.updatedAt,
    ...(note ? { note } : {}),
  }
}

/**
 * POST /api/jobs/:id/apply: the posting and the household beside the user, then one transaction
 * (the application if none exists, the posting's counter while it is open): two round trips.
 */
export async function apply(
  deps: ServiceDeps,
  caller: PendingCaller,
  postingId: string,
): Promise<{ created: boolean; body: ApplyResponse }> {
  // The recommendation (if the community pushed this posting to them) is read beside the posting,
  // by the token's person; a stale person id only loses the mark, never the application.
  const { resident, extra } = await residentWith(deps, caller, (personId) =>
    Promise.all([
      getPosting(deps.db, postingId),
      personId ? getRecommendation(deps.db, postingId, personId) : Promise.resolve(undefined),
    ]),
  )
  const [posting, recommendation] = extra
  if (!posting) throw new NotFoundError('找不到这个岗位')
  if (resident.outsideReason) throw new ForbiddenError(resident.outsideReason)
  const closed = postingClosedReason(posting, resident.today)
  if (closed) throw new ConflictError(closed)
  const { me, household, person } = resident
  const at = toShanghaiIso(deps.now())
  const application: Application = {
    postingId,
    personId: person.id,
    householdId: household.id,
    name: person.name,
    status: 'applied',
    appliedAt: at,
    updatedAt: at,
    history: [{ at, status: 'applied', by: { userId: me.id, name: me.name } }],
    address: household.address,
    ...(recommendation?.personId === person.id ? { viaRecommendation: true } : {}),
  }
  const outcome = await applyToPosting(deps.db, application, resident.today)
  if (outcome.kind === 'refused')
    throw new ConflictError(postingClosedReason(outcome.posting, resident.today) ?? CLOSED)
  const created = outcome.kind === 'created'
  return { created, body: { application: mine(outcome.application), created } }
}

/**
 * GET /api/jobs/mine: the person's applications and recommendations (GSI2, by the token's person,
 * beside the user), then their postings in one BatchGet: two round trips.
 */
export async function listMyJobs(deps: ServiceDeps, caller: PendingCaller): Promise<MyJobsResponse> {
  const pid = caller.claims.personId
  const [me, read] = await alongside(caller, pid ? listPersonJobs(deps.db, pid) : Promise.resolve(undefined))
  requireResident(me)
  let jobs = read
  // An old token, or a user item naming another person: find the person, then read theirs.
  if (!jobs || !me.personId || me.personId !== pid) {
    const { resident } = await residentWith(deps, caller, async () => undefined)
    jobs = resident.person.id === pid && read ? read : await listPersonJobs(deps.db, resident.person.id)
  }
  const postings = await getPostings(deps.db, [
    ...jobs.applications.map((a) => a.postingId),
    ...jobs.recommendations.map((r) => r.postingId),
  ])
  const byId = new Map(postings.map((p) => [p.id, publicPosting(p)]))
  return {
    applications: jobs.applications.flatMap((a) => {
      const posting = byId.get(a.postingId)
      return posting ? [{ ...mine(a), posting }] : []
    }),
    recommendations: jobs.recommendations.flatMap((r) => {
      const posting = byId.get(r.postingId)
      return posting ? [{ posting, at: r.at, ...(r.note ? { note: r.note } : {}) }] : []
    }),
  }
}
