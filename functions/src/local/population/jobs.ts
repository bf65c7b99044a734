import {
  addLocalDays,
  daysBetween,
  type GridTree,
  type JobProfile,
  type Me,
  type Person,
  type ProfileAuthor,
  type Skill,
  type StoredPosting,
} from '@anju/shared'
import { EMPLOYERS } from './employers'
import { buildingsOf } from './grid'
import { instant } from './instant'
import type { Rng } from './prng'

/**
 * Local hiring (我要找工作): the employer kinds SEED.md names — a mushroom-substrate factory,
 * supermarkets, greenhouses, poverty-relief workshops — plus property companies, with wages
 * typical of Ludian in 2025 (the forklift driver's 5,000+ is the published example). Employer
 * names are invented. Shops, workshops and property companies work in a building of the grid
 * (posted by that community); the factory and the greenhouses are off-site at a distance
 * (posted by the sub-district).
 */
const round100 = (n: number) => Math.round(n / 100) * 100
/** 卯家湾社区: its staff's tests count their own closed postings, so seeded closed ones live elsewhere. */
const DEV_COMMUNITY = '530621002007'

/** About 180 postings at full scale, posted over the last 60 days; a few closed or past their last day. */
export function generatePostings(rng: Rng, count: number, today: string, grid: GridTree, users: Me[]): StoredPosting[] {
  const buildings = buildingsOf(grid)
  const anchor = buildings[0].building.location
  // A shop named after a community (卯家湾惠民超市) is in one of its buildings.
  const siteOf = (name: string) => {
    const named = buildings.filter((b) => name.startsWith(b.community.name.replace('社区', '')))
    return rng.pick(named.length ? named : buildings)
  }
  const sites = new Map(EMPLOYERS.map((e) => [e.name, siteOf(e.name)]))
  const poster = (communityId?: string) => {
    const u = communityId
      ? users.find((x) => x.role === 'community_staff' && x.scope.communityId === communityId)
      : users.find((x) => x.role === 'subdistrict_admin')
    return u ? { postedBy: { userId: u.id, name: u.name } } : {}
  }
  const templates = EMPLOYERS.flatMap((e) => e.jobs.map((j) => ({ e, j })))
  return Array.from({ length: count }, (_, i): StoredPosting => {
    const { e, j } = templates[i % templates.length]
    const site = sites.get(e.name) as (typeof buildings)[number]
    const onSite = !e.offsite
    const communityId = onSite ? site.community.id : undefined
    const expired = i % 23 === 11
    const closed = !expired && i % 17 === 8 && communityId !== undefined && communityId !== DEV_COMMUNITY
    const postedOn = addLocalDays(today, -rng.int(expired ? 20 : 1, 60))
    const lo = round100(j.wage[0] + rng.int(0, 2) * 100)
    const hi = Math.max(lo, round100(j.wage[1] - rng.int(0, 2) * 100))
    const distanceKm = e.offsite ? Math.round(rng.int(e.offsite.km[0] * 10, e.offsite.km[1] * 10)) / 10 : undefined
    const closedAt = closed ? instant(addLocalDays(postedOn, rng.int(0, daysBetween(postedOn, today))), 17) : undefined
    return {
      id: `job-${String(i + 1).padStart(4, '0')}`,
      employer: e.name,
      title: j.title,
      location: onSite ? site.building.location : anchor,
      ...(distanceKm !== undefined ? { distanceKm } : {}),
      place: e.offsite
        ? { kind: 'offsite', placeName: e.offsite.placeName, distanceKm: distanceKm as number }
        : { kind: 'building', buildingId: site.building.id, name: `${site.community.name}${site.building.name}` },
      workHours: { start: j.hours[0], end: j.hours[1] },
      physical: j.physical,
      skills: j.skills,
      ...(j.nice && rng.chance(0.7) ? { niceSkills: j.nice } : {}),
      minExperienceYears: j.minExp ?? 0,
      monthlyWage: lo,
      wageMax: hi,
      literacy: j.literacy,
      ...(j.age ? { minAge: j.age[0], maxAge: j.age[1] } : {}),
      headcount: rng.int(1, 8),
      status: closed ? 'closed' : 'open',
      expiresOn: expired ? addLocalDays(today, -rng.int(1, 10)) : addLocalDays(today, rng.int(14, 56)),
      contactPhone: `0870-${rng.int(2100000, 6999999)}`,
      postedAt: instant(postedOn, 9),
      scope: { subdistrictId: grid.id, ...(communityId ? { communityId } : {}) },
      ...poster(communityId),
      ...(closedAt ? { closedAt, updatedAt: closedAt } : {}),
    }
  })
}

const SKILLS_BY_SEX: Record<'male' | 'female', Skill[]> = {
  male: [
    'construction',
    'masonry',
    'driving',
    'forklift',
    'warehouse',
    'security',
    'farming',
    'livestock',
    'welding',
    'electrician',
    'delivery',
    'mushroom',
  ],
  female: [
    'cleaning',
    'cashier',
    'retail',
    'sewing',
    'embroidery',
    'handicraft',
    'farming',
    'greenhouse',
    'cooking',
    'elderly_care',
    'childcare',
    'mushroom',
  ],
}

/**
 * The answers a working-age person who is out of work, unsteady, or wants a change gave (mostly to
 * their building head, who filled them in): a mother of a small child only works days around the
 * school run, someone unwell only short hours, most anything by day.
 */
export function profileFor(
  rng: Rng,
  p: Person,
  hasSmallChild: boolean,
  author: ProfileAuthor,
  today: string,
): JobProfile {
  const unwell = p.health !== 'healthy' || p.disability !== 'none'
  const schoolRun = hasSmallChild && p.sex === 'female'
  const availability = unwell
    ? 'part_time'
    : schoolRun
      ? 'day'
      : rng.pick(['day', 'day', 'day', 'any', 'any', 'night'] as const)
  return {
    availability,
    ...(schoolRun ? { schoolRun: true } : {}),
    skills: rng.sample(SKILLS_BY_SEX[p.sex], rng.int(1, 3)),
    experienceYears: rng.int(0, Math.max(0, Math.min(20, p.age - 18))),
    maxCommuteKm: rng.pick([3, 5, 10, 20]),
    ...(p.health === 'chronic' && rng.chance(0.5) ? { physicalLimit: 'light' as const } : {}),
    expectedWage: round100(rng.int(2200, p.sex === 'male' ? 5500 : 4000)),
    updatedAt: instant(addLocalDays(today, -rng.int(1, 120)), rng.int(9, 17)),
    updatedBy: author,
  }
}

/** 王德富 (u-resident-2, unstable work): a forklift licence and warehouse work, days only. */
export function devSeekerProfile(p: Person, today: string): JobProfile {
  return {
    availability: 'day',
    skills: ['forklift', 'warehouse', 'driving'],
    experienceYears: 6,
    maxCommuteKm: 10,
    expectedWage: 4000,
    updatedAt: instant(addLocalDays(today, -12), 20),
    updatedBy: { userId: p.userId as string, name: p.name, role: 'resident', onBehalf: false },
  }
}
