// Matching use cases on a compiled posting index: one seeker's top jobs, one posting's best
// seekers, and a single pair explained (including why a posting was filtered out).
import {
  type HourWindow,
  type JobPosting,
  type JobSeeker,
  LITERACY_LABELS,
  Literacy,
  PHYSICAL_LABELS,
  Physical,
  SKILL_LABELS,
} from '../schemas/job'
import { AVAILABILITY_LABELS, AVAILABILITY_WINDOWS, Availability, SCHOOL_RUN_WINDOWS } from '../schemas/job-profile'
import {
  compilePostings,
  distanceKm,
  type FilterFailure,
  failedFilter,
  hourMask,
  hoursInWindow,
  MATCH_RULES,
  type MatchRules,
  outsideMask,
  type PostingIndex,
  SCORE_ITEMS,
  type ScoreItem,
  type SeekerProfile,
  scanPostings,
  scoreInto,
  seekerProfile,
} from './match-index'
import { TopK } from './topk'

export interface MatchOptions {
  limit?: number
  /** Staff may ask to favour labour from red and yellow households. */
  prioritiseVulnerable?: boolean
}

/**
 * How many results to keep. A limit below 1 is clamped to 1 and a fraction rounded down: a
 * caller asking for "none" still gets the best one, never a RangeError. Absent or NaN → the default.
 */
export function topCount(limit: number | undefined, rules: MatchRules = MATCH_RULES): number {
  if (limit === undefined || Number.isNaN(limit)) return rules.defaultLimit
  return Math.max(1, Math.min(rules.maxLimit, Math.floor(limit)))
}

export interface ScoredJob {
  posting: JobPosting
  score: number
  distanceKm: number
  items: { item: ScoreItem; points: number; max: number; reason: string }[]
}

export interface MatchResult {
  matches: ScoredJob[]
  considered: number
  excluded: Record<FilterFailure, number>
}

/** The best `limit` postings for one seeker, each with a per-item explanation. */
export function matchJobs(
  ix: PostingIndex,
  seeker: JobSeeker,
  options: MatchOptions = {},
  rules: MatchRules = MATCH_RULES,
): MatchResult {
  const s = seekerProfile(seeker, options.prioritiseVulnerable ?? false, rules)
  const top = new TopK(topCount(options.limit, rules))
  const excluded: Record<FilterFailure, number> = { age: 0, distance: 0, hours: 0, physical: 0 }
  scanPostings(ix, s, rules, top, excluded)
  const matches = top.sorted().map(({ index }) => explainScore(ix, index, s, rules))
  return { matches, considered: ix.postings.length, excluded }
}

const ITEM_LABELS: Record<ScoreItem, string> = {
  skills: '技能',
  experience: '经验',
  wage: '工资',
  literacy: '识字要求',
  nearHome: '离家距离',
  priority: '重点帮扶',
}

const round1 = (v: number) => Math.round(v * 10) / 10

function itemReason(item: ScoreItem, p: JobPosting, s: SeekerProfile, km: number, rules: MatchRules): string {
  const seeker = s.seeker
  switch (item) {
    case 'skills': {
      const nice = (p.niceSkills ?? []).filter((k) => seeker.skills.includes(k)).map((k) => SKILL_LABELS[k])
      const bonus = nice.length ? `；加分技能：具备${nice.join('、')}` : ''
      if (p.skills.length === 0) return `岗位不要求特定技能${bonus}`
      const have = p.skills.filter((k) => seeker.skills.includes(k)).map((k) => SKILL_LABELS[k])
      const lack = p.skills.filter((k) => !seeker.skills.includes(k)).map((k) => SKILL_LABELS[k])
      return [have.length ? `具备${have.join('、')}` : '', lack.length ? `缺少${lack.join('、')}` : '']
        .filter(Boolean)
        .join('；')
        .concat(bonus)
    }
    case 'experience':
      return p.minExperienceYears === 0
        ? '岗位不要求经验'
        : `要求 ${p.minExperienceYears} 年经验，本人 ${seeker.experienceYears} 年`
    case 'wage':
      return p.monthlyWage >= seeker.expectedWage
        ? `月薪 ${p.monthlyWage} 元，达到期望的 ${seeker.expectedWage} 元`
        : `月薪 ${p.monthlyWage} 元，低于期望的 ${seeker.expectedWage} 元`
    case 'literacy':
      return s.literacy >= Literacy.options.indexOf(p.literacy)
        ? `岗位要求${LITERACY_LABELS[p.literacy]}，能胜任`
        : `岗位要求${LITERACY_LABELS[p.literacy]}，本人${LITERACY_LABELS[seeker.literacy]}`
    case 'nearHome':
      return km <= rules.nearHomeKm ? `离家约 ${round1(km)} 公里，在家门口就业` : `离家约 ${round1(km)} 公里`
    case 'priority':
      // Residents never see a colour, not even in their own recommendations.
      return s.priority > 0 ? '重点帮扶家庭，优先推荐' : '未启用或不属于重点帮扶'
  }
}

/** The score of posting `i` for a seeker, with one Chinese reason per item. */
export function explainScore(ix: PostingIndex, i: number, s: SeekerProfile, rules: MatchRules): ScoredJob {
  const parts = new Float64Array(6)
  const km = distanceKm(ix, i, s)
  const total = scoreInto(ix, i, s, rules, km, parts)
  const posting = ix.postings[i]
  return {
    posting,
    score: round1(total),
    distanceKm: round1(km),
    items: SCORE_ITEMS.map((item, k) => ({
      item,
      points: round1(parts[k]),
      max: rules.weights[item],
      reason: `${ITEM_LABELS[item]}：${itemReason(item, posting, s, km, rules)}`,
    })),
  }
}

const FILTER_REASONS: Record<
  FilterFailure,
  (p: JobPosting, s: SeekerProfile, km: number, rules: MatchRules) => string
> = {
  age: (p, s, _km, rules) =>
    s.seeker.age < rules.minWorkingAge
      ? `未满 ${rules.minWorkingAge} 周岁，不能就业`
      : p.physical === 'heavy' && s.seeker.age < rules.adultAge
        ? `未满 ${rules.adultAge} 周岁，不能从事重体力劳动`
        : p.physical === 'heavy' && s.seeker.age > rules.heavyWorkMaxAge
          ? `已超过 ${rules.heavyWorkMaxAge} 周岁，不宜从事重体力劳动`
          : `年龄不符合岗位要求（${p.minAge ?? 0}–${p.maxAge ?? '不限'} 岁）`,
  distance: (_p, s, km) => `离家约 ${round1(km)} 公里，超过 ${s.maxKm} 公里通勤范围`,
  hours: (p, s) => {
    const when = `工作时间 ${p.workHours.start}:00–${p.workHours.end}:00`
    if (hoursInWindow(p.workHours) > s.maxHours)
      return `每天工作 ${hoursInWindow(p.workHours)} 小时，超过你能做的 ${s.maxHours} 小时`
    const work = hourMask(p.workHours)
    const free = s.seeker.availableHours
    if (work & outsideMask(free)) return `${when}，不在你能上班的时间（${availableLabel(free as HourWindow)}）`
    const clashes = s.seeker.careDuties.filter((w) => work & hourMask(w))
    return `${when} 与${clashes.every(isSchoolRun) ? '接送孩子' : '照顾家人'}的时间冲突`
  },
  physical: (p, s) =>
    `岗位为${PHYSICAL_LABELS[p.physical]}，你的身体只适合${PHYSICAL_LABELS[Physical.options[s.capacity]]}`,
}

/** '只上夜班' for the hours a profile choice leaves free, else the hours themselves. */
function availableLabel(w: HourWindow): string {
  const choice = Availability.options.find((a) => {
    const free = AVAILABILITY_WINDOWS[a]
    return free?.start === w.start && free.end === w.end
  })
  return choice ? AVAILABILITY_LABELS[choice] : `${w.start}:00–${w.end}:00`
}

const isSchoolRun = (w: HourWindow) => SCHOOL_RUN_WINDOWS.some((r) => r.start === w.start && r.end === w.end)

export type JobVerdict =
  | { eligible: true; match: ScoredJob }
  | { eligible: false; filter: FilterFailure; reason: string }

/**
 * One posting against one seeker: the score and its reasons, or the hard filter it fails. The
 * filter's reason speaks to the resident (你); staff read it in the third person (本人) as they
 * read the plain reasons.
 */
export function scoreJob(
  posting: JobPosting,
  seeker: JobSeeker,
  options: MatchOptions = {},
  rules: MatchRules = MATCH_RULES,
): JobVerdict {
  const ix = compilePostings([posting], rules)
  const s = seekerProfile(seeker, options.prioritiseVulnerable ?? false, rules)
  const km = distanceKm(ix, 0, s)
  const filter = failedFilter(ix, 0, s, rules, km)
  if (filter) return { eligible: false, filter, reason: FILTER_REASONS[filter](posting, s, km, rules) }
  return { eligible: true, match: explainScore(ix, 0, s, rules) }
}

/** The best seekers for one posting (for staff recommending labour to an employer). */
export function rankSeekers(
  posting: JobPosting,
  seekers: readonly JobSeeker[],
  options: MatchOptions = {},
  rules: MatchRules = MATCH_RULES,
): { seeker: JobSeeker; match: ScoredJob }[] {
  const ix = compilePostings([posting], rules)
  const parts = new Float64Array(6)
  const top = new TopK(topCount(options.limit, rules))
  const profiles = seekers.map((seeker) => seekerProfile(seeker, options.prioritiseVulnerable ?? false, rules))
  profiles.forEach((s, k) => {
    const km = distanceKm(ix, 0, s)
    if (!failedFilter(ix, 0, s, rules, km)) top.push(scoreInto(ix, 0, s, rules, km, parts), k)
  })
  return top
    .sorted()
    .map(({ index }) => ({ seeker: seekers[index], match: explainScore(ix, 0, profiles[index], rules) }))
}
