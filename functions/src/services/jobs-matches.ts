import {
  type Application,
  compilePostings,
  type JobDetailResponse,
  type JobMatch,
  type JobProfile,
  type JobSeeker,
  localDateOf,
  type MatchesQuery,
  type MatchesResponse,
  matchJobs,
  type PostingIndex,
  plainReasons,
  postingClosedReason,
  type Recommendation,
  scoreJob,
  seekerFromProfile,
  shiftOf,
} from '@anju/shared'
import { getApplicationAndRecommendation, listPersonJobs } from '../db/job-applications'
import { getPosting, openPostings, type ReadPosting } from '../db/job-postings'
import { NotFoundError } from '../errors'
import type { PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { mine as myApplication } from './jobs-apply'
import { publicPosting, type Resident, residentWith } from './jobs-resident'

// 找工作 for a resident: their best open postings with plain reasons, and one posting explained.
// Residents never see a colour or the priority part of a score: the rule runs without it.

const NOTHING: Awaited<ReturnType<typeof getApplicationAndRecommendation>> = {}

export const FIRST_STEP = '先花一分钟说说你能做什么，我们帮你找合适的工作'
const PAGE = 10

/** The rule's seeker: the resident's answers, their facts read fresh from the household file. */
function seekerOf(r: Resident): { seeker: JobSeeker; profile: JobProfile } | undefined {
  const profile = r.seeker?.profile
  const home = r.seeker?.home
  if (!profile || !home || r.outsideReason) return undefined
  const p = r.person
  const facts = { personId: p.id, age: r.age, health: p.health, disability: p.disability, literacy: p.literacy, home }
  // Green for everyone: with prioritiseVulnerable off the colour never counts, and is never shown.
  return { seeker: seekerFromProfile(profile, facts, 'green'), profile }
}

// The open postings compiled once per content (ids, last edits, last days) and shift filter, so
// a warm Lambda recompiles only when a posting changed.
let compiled: { key: string; ix: PostingIndex } | undefined

function fingerprint(postings: readonly ReadPosting[], shift: string): string {
  let h = 2166136261
  for (const p of postings) {
    const s = `${p.id}|${p.updatedAt ?? p.postedAt}|${p.expiresOn}`
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  }
  return `${postings.length}:${h >>> 0}:${shift}`
}

function indexOf(postings: readonly ReadPosting[], shift: MatchesQuery['shift']): PostingIndex {
  const key = fingerprint(postings, shift ?? '')
  if (compiled?.key !== key) {
    const kept = shift ? postings.filter((p) => shiftOf(p.workHours) === shift) : postings
    compiled = { key, ix: compilePostings(kept) }
  }
  return compiled.ix
}

/** Where each posting stands for the person: their application's status, and recommendations. */
function marksOf(jobs: { applications: Application[]; recommendations: Recommendation[] }) {
  return {
    applied: new Map(jobs.applications.map((a) => [a.postingId, a.status])),
    recommended: new Set(jobs.recommendations.map((r) => r.postingId)),
  }
}

/**
 * GET /api/jobs/matches: the open postings (every shard), the household and the person's
 * applications are read beside the user, then matched in memory: one round trip.
 */
export async function listMatches(
  deps: ServiceDeps,
  caller: PendingCaller,
  query: MatchesQuery,
): Promise<MatchesResponse> {
  const { resident, extra } = await residentWith(deps, caller, (pid) =>
    Promise.all([
      openPostings(deps.db, localDateOf(deps.now())),
      pid ? listPersonJobs(deps.db, pid) : { applications: [], recommendations: [] },
    ]),
  )
  if (resident.outsideReason)
    return { state: 'outside_working_age', message: resident.outsideReason, items: [], total: 0 }
  const self = seekerOf(resident)
  if (!self) return { state: 'none', message: FIRST_STEP, items: [], total: 0 }
  const [postings, jobs] = extra
  const offset = Math.floor(query.offset ?? 0)
  const limit = Math.floor(query.limit ?? PAGE)
  const seeker: JobSeeker =
    query.maxKm !== undefined
      ? { ...self.seeker, maxCommuteKm: Math.min(query.maxKm, self.seeker.maxCommuteKm ?? query.maxKm) }
      : self.seeker
  const result = matchJobs(indexOf(postings, query.shift), seeker, {
    limit: offset + limit,
    prioritiseVulnerable: false,
  })
  const excluded = Object.values(result.excluded).reduce((a, b) => a + b, 0)
  const total = result.considered - excluded
  const marks = marksOf(jobs)
  const items = result.matches.slice(offset, offset + limit).map((m): JobMatch => {
    const posting = m.posting as ReadPosting
    const applied = marks.applied.get(posting.id)
    return {
      posting: publicPosting(posting),
      score: m.score,
      distanceKm: m.distanceKm,
      reasons: plainReasons({ ...m, posting }, seeker, self.profile),
      ...(applied ? { applied } : {}),
      ...(marks.recommended.has(posting.id) ? { recommended: true } : {}),
    }
  })
  const next = offset + limit
  return { state: 'ready', items, total, ...(next < total ? { nextOffset: next } : {}) }
}

/**
 * GET /api/jobs/:id: the posting, the household and the person's application and recommendation
 * of it, all beside the user (one round trip). Why it suits them, or the filter it fails.
 */
export async function getJobDetail(deps: ServiceDeps, caller: PendingCaller, id: string): Promise<JobDetailResponse> {
  const { resident, extra } = await residentWith(deps, caller, (pid) =>
    Promise.all([getPosting(deps.db, id), pid ? getApplicationAndRecommendation(deps.db, id, pid) : NOTHING]),
  )
  const [posting, mine] = extra
  if (!posting) throw new NotFoundError('找不到这个岗位')
  const self = seekerOf(resident)
  let fit: JobDetailResponse['fit']
  if (self) {
    const verdict = scoreJob(posting, self.seeker, { prioritiseVulnerable: false })
    fit = verdict.eligible
      ? {
          eligible: true,
          score: verdict.match.score,
          reasons: plainReasons({ ...verdict.match, posting }, self.seeker, self.profile),
        }
      : { eligible: false, reason: verdict.reason }
  } else if (resident.outsideReason) fit = { eligible: false, reason: resident.outsideReason }
  const closedReason = postingClosedReason(posting, resident.today)
  const a = mine.application
  return {
    posting: publicPosting(posting),
    ...(fit ? { fit } : {}),
    ...(a ? { application: myApplication(a) } : {}),
    ...(mine.recommendation ? { recommended: true } : {}),
    ...(closedReason ? { closedReason } : {}),
  }
}
