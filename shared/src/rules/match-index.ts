// Job matching: hard filters first, then a weighted score explained item by item. Postings are
// compiled once into typed arrays (skills as bitmasks, hours as 24-bit masks, positions in km) so
// one seeker against 10,000 postings is a tight loop; only the kept top-k get explanations.
import type { RiskColour } from '../schemas/household'
import { type HourWindow, type JobPosting, type JobSeeker, Literacy, Physical, Skill } from '../schemas/job'

export const MATCH_RULES = {
  minWorkingAge: 16,
  /** Minors may not do heavy physical work. */
  adultAge: 18,
  /** Older than this, heavy physical work is not recommended, however healthy the seeker. */
  heavyWorkMaxAge: 60,
  /** Results kept when the caller names no limit, and the most a caller may ask for. */
  defaultLimit: 20,
  maxLimit: 1000,
  defaultMaxCommuteKm: 10,
  nearHomeKm: 3,
  /** Latitude of the area, for a flat projection accurate to metres over tens of km. */
  referenceLatitude: 27.2,
  weights: { skills: 40, experience: 15, wage: 15, literacy: 10, nearHome: 10, priority: 10 },
  priorityShare: { red: 1, yellow: 0.5, green: 0 } as Record<RiskColour, number>,
}
export type MatchRules = typeof MATCH_RULES

const SKILLS = Skill.options
const LEVEL_PHYSICAL = Physical.options
const LEVEL_LITERACY = Literacy.options

export function skillMask(skills: readonly Skill[]): number {
  let mask = 0
  for (const s of skills) mask |= 1 << SKILLS.indexOf(s)
  return mask
}

/** Bit h set for every hour h the window covers; end < start wraps past midnight. */
export function hourMask(w: HourWindow): number {
  let mask = 0
  const span = (w.end - w.start + 24) % 24 || (w.end === w.start ? 0 : 24)
  for (let h = 0; h < span; h++) mask |= 1 << ((w.start + h) % 24)
  return mask
}

/** How many hours a day the window covers. */
export function hoursInWindow(w: HourWindow): number {
  return popcount(hourMask(w))
}

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

export interface PostingIndex {
  postings: readonly JobPosting[]
  x: Float64Array
  y: Float64Array
  skills: Int32Array
  skillCount: Uint8Array
  niceSkills: Int32Array
  niceCount: Uint8Array
  /** A distance entered for off-site work, NaN where it is computed from the location. */
  fixedKm: Float64Array
  hours: Int32Array
  hoursPerDay: Uint8Array
  physical: Uint8Array
  minAge: Uint8Array
  maxAge: Uint8Array
  minExperience: Float64Array
  wage: Float64Array
  literacy: Uint8Array
}

function project(lat: number, lng: number, rules: MatchRules): [number, number] {
  return [lng * 111.32 * Math.cos((rules.referenceLatitude * Math.PI) / 180), lat * 110.574]
}

/** Compiles postings once (when they change), for many seekers to be matched against. */
export function compilePostings(postings: readonly JobPosting[], rules: MatchRules = MATCH_RULES): PostingIndex {
  const n = postings.length
  const index: PostingIndex = {
    postings,
    x: new Float64Array(n),
    y: new Float64Array(n),
    skills: new Int32Array(n),
    skillCount: new Uint8Array(n),
    niceSkills: new Int32Array(n),
    niceCount: new Uint8Array(n),
    fixedKm: new Float64Array(n),
    hours: new Int32Array(n),
    hoursPerDay: new Uint8Array(n),
    physical: new Uint8Array(n),
    minAge: new Uint8Array(n),
    maxAge: new Uint8Array(n),
    minExperience: new Float64Array(n),
    wage: new Float64Array(n),
    literacy: new Uint8Array(n),
  }
  postings.forEach((p, i) => {
    ;[index.x[i], index.y[i]] = project(p.location.lat, p.location.lng, rules)
    index.skills[i] = skillMask(p.skills)
    index.skillCount[i] = popcount(index.skills[i])
    index.niceSkills[i] = skillMask(p.niceSkills ?? [])
    index.niceCount[i] = popcount(index.niceSkills[i])
    index.fixedKm[i] = p.distanceKm ?? Number.NaN
    index.hours[i] = hourMask(p.workHours)
    index.hoursPerDay[i] = popcount(index.hours[i])
    index.physical[i] = LEVEL_PHYSICAL.indexOf(p.physical)
    index.minAge[i] = p.minAge ?? 0
    index.maxAge[i] = p.maxAge ?? 255
    index.minExperience[i] = p.minExperienceYears
    index.wage[i] = p.monthlyWage
    index.literacy[i] = LEVEL_LITERACY.indexOf(p.literacy)
  })
  return index
}

/**
 * What a seeker can do physically: serious illness or severe disability → light work only; a
 * limit the person declared lowers it further, never raises it.
 */
export function physicalCapacity(seeker: Pick<JobSeeker, 'health' | 'disability' | 'physicalLimit'>): Physical {
  const fromRecord: Physical =
    seeker.health === 'serious' || seeker.disability === 'severe'
      ? 'light'
      : seeker.health === 'chronic' || seeker.disability === 'mild'
        ? 'moderate'
        : 'heavy'
  const declared = seeker.physicalLimit
  return declared && LEVEL_PHYSICAL.indexOf(declared) < LEVEL_PHYSICAL.indexOf(fromRecord) ? declared : fromRecord
}

const WHOLE_DAY = (1 << 24) - 1

/** The hours of the day outside a window the person can work in (none when they can work any hour). */
export function outsideMask(w: HourWindow | undefined): number {
  return w ? WHOLE_DAY & ~hourMask(w) : 0
}

export interface SeekerProfile {
  seeker: JobSeeker
  age: number
  experienceYears: number
  expectedWage: number
  x: number
  y: number
  maxKm: number
  busy: number
  maxHours: number
  capacity: number
  skills: number
  literacy: number
  priority: number
}

export function seekerProfile(seeker: JobSeeker, prioritiseVulnerable: boolean, rules: MatchRules): SeekerProfile {
  const [x, y] = project(seeker.home.lat, seeker.home.lng, rules)
  return {
    seeker,
    age: seeker.age,
    experienceYears: seeker.experienceYears,
    expectedWage: seeker.expectedWage,
    x,
    y,
    maxKm: seeker.maxCommuteKm ?? rules.defaultMaxCommuteKm,
    busy: seeker.careDuties.reduce((m, w) => m | hourMask(w), outsideMask(seeker.availableHours)),
    maxHours: seeker.maxHoursPerDay ?? 24,
    capacity: LEVEL_PHYSICAL.indexOf(physicalCapacity(seeker)),
    skills: skillMask(seeker.skills),
    literacy: LEVEL_LITERACY.indexOf(seeker.literacy),
    priority: prioritiseVulnerable ? rules.priorityShare[seeker.householdColour] : 0,
  }
}

export const FILTERS = ['age', 'distance', 'hours', 'physical'] as const
export type FilterFailure = (typeof FILTERS)[number]

/**
 * The first hard filter posting `i` fails for the seeker, as an index into FILTERS (0 age,
 * 1 distance, 2 hours, 3 physical), or -1 when it passes them all. Numbers, not strings, in the hot loop.
 */
export function failedFilterCode(
  ix: PostingIndex,
  i: number,
  s: SeekerProfile,
  rules: MatchRules,
  distanceKm: number,
): number {
  const age = s.age
  if (age < rules.minWorkingAge || age < ix.minAge[i] || age > ix.maxAge[i]) return 0
  if (ix.physical[i] === 2 && (age < rules.adultAge || age > rules.heavyWorkMaxAge)) return 0
  if (distanceKm > s.maxKm) return 1
  if ((ix.hours[i] & s.busy) !== 0 || ix.hoursPerDay[i] > s.maxHours) return 2
  if (ix.physical[i] > s.capacity) return 3
  return -1
}

/** The first hard filter posting `i` fails for the seeker, or undefined when it passes them all. */
export function failedFilter(
  ix: PostingIndex,
  i: number,
  s: SeekerProfile,
  rules: MatchRules,
  distanceKm: number,
): FilterFailure | undefined {
  return FILTERS[failedFilterCode(ix, i, s, rules, distanceKm)]
}

export type ScoreItem = 'skills' | 'experience' | 'wage' | 'literacy' | 'nearHome' | 'priority'
export const SCORE_ITEMS: readonly ScoreItem[] = ['skills', 'experience', 'wage', 'literacy', 'nearHome', 'priority']

/** Writes the six score components of posting `i` into `out` (same order as SCORE_ITEMS); returns their sum. */
export function scoreInto(
  ix: PostingIndex,
  i: number,
  s: SeekerProfile,
  rules: MatchRules,
  distanceKm: number,
  out: Float64Array,
): number {
  const w = rules.weights
  const need = ix.skillCount[i]
  const required = need === 0 ? w.skills : (w.skills * popcount(ix.skills[i] & s.skills)) / need
  const nice = ix.niceCount[i]
  out[0] =
    nice === 0
      ? required
      : required * (1 - NICE_SKILL_SHARE) + (w.skills * NICE_SKILL_SHARE * popcount(ix.niceSkills[i] & s.skills)) / nice
  const years = ix.minExperience[i]
  out[1] = years === 0 ? w.experience : w.experience * Math.min(1, s.experienceYears / years)
  const expected = s.expectedWage
  out[2] = ix.wage[i] >= expected ? w.wage : (w.wage * ix.wage[i]) / expected
  out[3] = s.literacy >= ix.literacy[i] ? w.literacy : 0
  const near = rules.nearHomeKm
  out[4] =
    distanceKm <= near ? w.nearHome : w.nearHome * Math.max(0, 1 - (distanceKm - near) / Math.max(near, s.maxKm - near))
  out[5] = w.priority * s.priority
  return out[0] + out[1] + out[2] + out[3] + out[4] + out[5]
}

/** With nice-to-have skills, they make this share of the skills score; required ones the rest. */
export const NICE_SKILL_SHARE = 0.2

export function distanceKm(ix: PostingIndex, i: number, s: SeekerProfile): number {
  const fixed = ix.fixedKm[i]
  if (!Number.isNaN(fixed)) return fixed // an off-site distance entered by staff
  const dx = ix.x[i] - s.x
  const dy = ix.y[i] - s.y
  return Math.sqrt(dx * dx + dy * dy)
}

/**
 * The hot loop: every posting through the filters, survivors scored into `top`. Kept in this
 * module so the helpers it calls are local functions the JIT inlines.
 */
export function scanPostings(
  ix: PostingIndex,
  s: SeekerProfile,
  rules: MatchRules,
  top: { push(score: number, index: number): void },
  excluded: Record<FilterFailure, number>,
): void {
  const parts = new Float64Array(6)
  const counts = new Int32Array(FILTERS.length)
  const n = ix.postings.length
  for (let i = 0; i < n; i++) {
    const d = distanceKm(ix, i, s)
    const failure = failedFilterCode(ix, i, s, rules, d)
    if (failure >= 0) counts[failure]++
    else top.push(scoreInto(ix, i, s, rules, d, parts), i)
  }
  FILTERS.forEach((name, k) => {
    excluded[name] += counts[k]
  })
}
