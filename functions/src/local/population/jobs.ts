import { addLocalDays, type JobPosting, type JobSeeker, type Person, type RiskColour, type Skill } from '@anju/shared'
import { EMPLOYERS } from './employers'
import { instant } from './instant'
import type { Rng } from './prng'

/**
 * Local hiring (我要找工作): the employer kinds SEED.md names — a mushroom-substrate factory,
 * supermarkets, greenhouses, poverty-relief workshops — plus property companies, with wages
 * typical of Ludian in 2025 (the forklift driver's 5,000+ is the published example). Employer
 * names are invented.
 */
const round100 = (n: number) => Math.round(n / 100) * 100
const BASE = { lat: 27.2035, lng: 103.5592 }

/** About 180 open postings at full scale, posted over the last 60 days. */
export function generatePostings(rng: Rng, count: number, today: string): (JobPosting & { postedAt: string })[] {
  const locations = new Map(
    EMPLOYERS.map((e) => [e.name, { lat: BASE.lat + rng.normal(0, 0.01), lng: BASE.lng + rng.normal(0, 0.01) }]),
  )
  const templates = EMPLOYERS.flatMap((e) => e.jobs.map((j) => ({ e, j })))
  return Array.from({ length: count }, (_, i) => {
    const { e, j } = templates[i % templates.length]
    const loc = locations.get(e.name) as { lat: number; lng: number }
    return {
      id: `job-${String(i + 1).padStart(4, '0')}`,
      employer: e.name,
      title: j.title,
      location: { lat: Math.round(loc.lat * 1e6) / 1e6, lng: Math.round(loc.lng * 1e6) / 1e6 },
      workHours: { start: j.hours[0], end: j.hours[1] },
      physical: j.physical,
      skills: j.skills,
      minExperienceYears: j.minExp ?? 0,
      monthlyWage: round100(rng.int(j.wage[0], j.wage[1])),
      literacy: j.literacy,
      ...(j.age ? { minAge: j.age[0], maxAge: j.age[1] } : {}),
      postedAt: instant(addLocalDays(today, -rng.int(1, 60)), 9),
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

/** A seeker profile for a working-age person who is out of work, unsteady, or wants a change. */
export function seekerFor(
  rng: Rng,
  p: Person,
  home: { lat: number; lng: number },
  colour: RiskColour,
  hasSmallChild: boolean,
): JobSeeker {
  return {
    id: p.id,
    age: p.age,
    home,
    maxCommuteKm: rng.pick([3, 5, 8, 15]),
    careDuties:
      hasSmallChild && p.sex === 'female'
        ? [
            { start: 7, end: 8 },
            { start: 16, end: 18 },
          ]
        : [],
    ...(p.health !== 'healthy' || p.disability !== 'none' ? { maxHoursPerDay: 6 } : {}),
    health: p.health,
    disability: p.disability,
    skills: rng.sample(SKILLS_BY_SEX[p.sex], rng.int(1, 3)),
    experienceYears: rng.int(0, Math.max(0, Math.min(20, p.age - 18))),
    expectedWage: round100(rng.int(2200, p.sex === 'male' ? 5500 : 4000)),
    literacy: p.literacy,
    householdColour: colour,
  }
}
