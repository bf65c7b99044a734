import {
  ageOn,
  EMPLOYMENT_LABELS,
  type Employment,
  type GeoPoint,
  type GridPath,
  type HomeAddress,
  inScope,
  type JobPosting,
  type JobProfile,
  type JobSeeker,
  localDateOf,
  type Me,
  type PushCandidate,
  plainReasons,
  postingClosedReason,
  type RecommendBody,
  type RecommendResponse,
  RISK_COLOUR_LABELS,
  type RiskColour,
  rankSeekers,
  seekerFromProfile,
  workingAgeCheck,
} from '@anju/shared'
import { getPosting } from '../db/job-postings'
import { getPostingPartition } from '../db/job-staff'
import {
  getSeekerRecords,
  householdIdsOfColour,
  listSeekersOfScope,
  putRecommendation,
  type SeekerRecord,
} from '../db/job-staff-push'
import { ticketGsi1Prefix } from '../db/keys'
import { ConflictError, ForbiddenError } from '../errors'
import { communityIdsOf } from '../grid/communities'
import { toShanghaiIso } from '../time'
import { alongside, type PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { PUSHERS, requireJobStaff, seesApplicant, staffPostingViewFor, visiblePosting } from './job-staff'

// 推荐给居民 (decision 068): the residents of the caller's scope who need work most, best matched
// to one posting, red households first, then yellow, then green; and the recommendation itself,
// which the resident sees as 社区为你推荐 and which counts toward the household's follow-up.

/** Who the push looks for: out of work or in unsteady work (the household file's employment). */
const NEEDS_WORK: readonly Employment[] = ['unemployed', 'unstable']
/** Red households first, then yellow, then green. */
const COLOUR_ORDER: readonly RiskColour[] = ['red', 'yellow', 'green']
/** At most this many candidates are listed (the best of the scope). */
export const PUSH_LIMIT = 100

function requirePusher(me: Me): void {
  requireJobStaff(me)
  if (!PUSHERS.includes(me.role)) throw new ForbiddenError('只有楼栋长、网格员、社区工作人员和街道可以推荐岗位给居民')
}

/** The seeker item's copied facts, as the rule and the staff list read them. */
export interface ScopeSeeker {
  personId: string
  householdId: string
  name: string
  age: number
  employment: Employment
  addressLabel: string
  path?: GridPath
  profile: JobProfile
  facts: {
    personId: string
    age: number
    health: JobSeeker['health']
    disability: JobSeeker['disability']
    literacy: JobSeeker['literacy']
    home: GeoPoint
  }
}

export function addressLabelOf(a: Pick<HomeAddress, 'buildingName' | 'unitName' | 'roomNo'> | undefined): string {
  return a ? `${a.buildingName}${a.unitName}${a.roomNo}` : ''
}

export function scopeSeeker(r: SeekerRecord, today: string): ScopeSeeker {
  const address = r.address as HomeAddress | undefined
  const birthDate = r.birthDate as string | undefined
  const age = birthDate ? ageOn(birthDate, today) : (r.age as number)
  return {
    personId: r.personId,
    householdId: r.householdId,
    name: r.name as string,
    age,
    employment: r.employment as Employment,
    addressLabel: addressLabelOf(address),
    ...(address ? { path: address.path } : {}),
    profile: r.profile as JobProfile,
    facts: {
      personId: r.personId,
      age,
      health: r.health as JobSeeker['health'],
      disability: r.disability as JobSeeker['disability'],
      literacy: r.literacy as JobSeeker['literacy'],
      home: r.home as GeoPoint,
    },
  }
}

/**
 * The best `limit` seekers for a posting, red households first, then yellow, then green, by score
 * within a colour. Ordered by colour before the cut: a yellow household with a low score is kept
 * ahead of any green one, never cut for a green one that scores higher.
 */
export function rankCandidates(posting: JobPosting, seekers: readonly JobSeeker[], limit: number = PUSH_LIMIT) {
  return COLOUR_ORDER.flatMap((colour) => {
    const some = seekers.filter((s) => s.householdColour === colour)
    return some.length ? rankSeekers(posting, some, { prioritiseVulnerable: true, limit }) : []
  }).slice(0, limit)
}

/** Staff read the resident's plain reasons in the third person, after the household's colour. */
const forStaff = (reason: string) => reason.replace(/你的/g, '本人的').replace(/你/g, '本人')
const colourReason = (c: RiskColour) => `${RISK_COLOUR_LABELS[c]}家庭${c === 'green' ? '' : '，优先推荐'}`

/**
 * GET /api/jobs/postings/:id/candidates: after the user, one parallel wave reads the posting's
 * partition (posting, applications, recommendations), the scope's seekers and its red and yellow
 * household ids. Two round trips.
 */
export async function listCandidates(deps: ServiceDeps, me: Me, postingId: string, everyone: boolean) {
  requirePusher(me)
  const communities = communityIdsOf(me.scope)
  const prefix = ticketGsi1Prefix(me.scope.areaId, me.scope.buildingId)
  const [partition, records, red, yellow] = await Promise.all([
    getPostingPartition(deps.db, postingId),
    listSeekersOfScope(deps.db, communities, prefix),
    householdIdsOfColour(deps.db, communities, prefix, 'red'),
    householdIdsOfColour(deps.db, communities, prefix, 'yellow'),
  ])
  const posting = visiblePosting(me, partition.posting)
  const colours = new Map<string, RiskColour>([
    ...yellow.map((id): [string, RiskColour] => [id, 'yellow']),
    ...red.map((id): [string, RiskColour] => [id, 'red']),
  ])
  const today = localDateOf(deps.now())
  const people = new Map<string, ScopeSeeker>()
  const seekers: JobSeeker[] = []
  for (const r of records) {
    const s = scopeSeeker(r, today)
    if (!workingAgeCheck(s.age).ok || !s.profile) continue
    if (!everyone && !NEEDS_WORK.includes(s.employment)) continue
    people.set(s.personId, s)
    seekers.push(seekerFromProfile(s.profile, s.facts, colours.get(s.householdId) ?? 'green'))
  }
  const applied = new Map(partition.applications.map((a) => [a.personId, a.status]))
  const ranked = rankCandidates(posting, seekers)
  const candidates = ranked.map(({ seeker, match }): PushCandidate => {
    const s = people.get(seeker.id) as ScopeSeeker
    const colour = seeker.householdColour
    const recommendedAt = partition.recommendedAt.get(s.personId)
    const status = applied.get(s.personId)
    return {
      personId: s.personId,
      householdId: s.householdId,
      name: s.name,
      age: s.age,
      addressLabel: s.addressLabel,
      employment: EMPLOYMENT_LABELS[s.employment] ?? s.employment,
      colour,
      score: match.score,
      reasons: [colourReason(colour), ...plainReasons(match, seeker, s.profile).map(forStaff)],
      ...(recommendedAt ? { recommendedAt } : {}),
      ...(status ? { applied: status } : {}),
    }
  })
  const visible = partition.applications.filter((a) => seesApplicant(me, posting, a)).length
  return { posting: staffPostingViewFor(me, posting, visible), candidates }
}

/** Person ids are `<householdId>-p<n>` (data-model.md), so a seeker's key needs no lookup. */
export function householdOfPerson(personId: string): string | undefined {
  const m = /^(.+)-p\d+$/.exec(personId)
  return m?.[1]
}

/**
 * POST /api/jobs/postings/:id/recommend: the posting and the chosen seekers beside the caller,
 * then one transaction per person, all at once. Two round trips.
 */
export async function recommend(
  deps: ServiceDeps,
  caller: PendingCaller,
  postingId: string,
  body: RecommendBody,
): Promise<RecommendResponse> {
  const personIds = [...new Set(body.personIds)]
  const keys = personIds.flatMap((personId) => {
    const householdId = householdOfPerson(personId)
    return householdId ? [{ householdId, personId }] : []
  })
  const [me, [found, records]] = await alongside(
    caller,
    Promise.all([getPosting(deps.db, postingId), getSeekerRecords(deps.db, keys)]),
  )
  requirePusher(me)
  const posting = visiblePosting(me, found)
  const now = deps.now()
  const closed = postingClosedReason(posting, localDateOf(now))
  if (closed) throw new ConflictError(`${closed}，不能再推荐`)
  const today = localDateOf(now)
  const at = toShanghaiIso(now)
  const inMyScope = new Map(
    records
      .map((r) => scopeSeeker(r, today))
      .filter((s) => s.path && inScope(me.scope, s.path) && workingAgeCheck(s.age).ok)
      .map((s) => [s.personId, s]),
  )
  const results = await Promise.all(
    personIds.map(async (personId): Promise<RecommendResponse['results'][number]> => {
      const s = inMyScope.get(personId)
      if (!s) return { personId, ok: false, error: '找不到这位居民的求职信息，或不在您负责的范围内' }
      const by = { userId: me.id, name: me.name }
      const outcome = await putRecommendation(
        deps.db,
        {
          postingId,
          personId,
          householdId: s.householdId,
          at,
          by,
          ...(body.note ? { note: body.note } : {}),
        },
        {
          id: deps.newId(),
          householdId: s.householdId,
          personId,
          module: 'livelihood',
          kind: 'job_recommendation',
          postingId,
          postingTitle: `${posting.employer}·${posting.title}`,
          at,
          by: { ...by, role: me.role },
          ...(body.note ? { note: body.note } : {}),
        },
      )
      return outcome === 'created' ? { personId, ok: true } : { personId, ok: true, already: true }
    }),
  )
  return { results }
}
