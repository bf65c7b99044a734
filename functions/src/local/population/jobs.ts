import { addLocalDays, type JobPosting, type JobSeeker, type Person, type RiskColour, type Skill } from '@anju/shared'
import { instant } from './instant'
import type { Rng } from './prng'

/**
 * Local hiring (我要找工作): the employer kinds SEED.md names — a mushroom-substrate factory,
 * supermarkets, greenhouses, poverty-relief workshops — plus property companies, with wages
 * typical of Ludian in 2025 (the forklift driver's 5,000+ is the published example). Employer
 * names are invented.
 */
type Template = {
  title: string
  skills: Skill[]
  wage: [number, number]
  physical: JobPosting['physical']
  literacy: JobPosting['literacy']
  hours: [number, number]
  minExp?: number
  age?: [number, number]
}

const EMPLOYERS: { name: string; kind: string; jobs: Template[] }[] = [
  {
    name: '砚池食用菌基质加工厂',
    kind: 'factory',
    jobs: [
      {
        title: '叉车司机',
        skills: ['forklift'],
        wage: [5000, 5800],
        physical: 'moderate',
        literacy: 'basic',
        hours: [8, 17],
        minExp: 1,
        age: [20, 55],
      },
      {
        title: '基质装袋工',
        skills: ['mushroom'],
        wage: [3000, 3600],
        physical: 'heavy',
        literacy: 'none',
        hours: [7, 16],
        age: [18, 55],
      },
      {
        title: '菌包灭菌操作工',
        skills: ['mushroom'],
        wage: [3400, 4000],
        physical: 'moderate',
        literacy: 'basic',
        hours: [20, 6],
        age: [20, 50],
      },
      {
        title: '仓库搬运工',
        skills: ['warehouse'],
        wage: [3200, 3800],
        physical: 'heavy',
        literacy: 'none',
        hours: [8, 17],
        age: [18, 50],
      },
    ],
  },
  ...['卯家湾惠民超市', '新城便民超市', '砚池好又多超市'].map((name) => ({
    name,
    kind: 'supermarket',
    jobs: [
      {
        title: '收银员',
        skills: ['cashier'] as Skill[],
        wage: [2600, 3100] as [number, number],
        physical: 'light' as const,
        literacy: 'basic' as const,
        hours: [9, 18] as [number, number],
        age: [18, 45] as [number, number],
      },
      {
        title: '理货员',
        skills: ['retail'] as Skill[],
        wage: [2500, 2900] as [number, number],
        physical: 'moderate' as const,
        literacy: 'basic' as const,
        hours: [7, 15] as [number, number],
      },
      {
        title: '生鲜区保洁',
        skills: ['cleaning'] as Skill[],
        wage: [2200, 2500] as [number, number],
        physical: 'light' as const,
        literacy: 'none' as const,
        hours: [6, 12] as [number, number],
      },
    ],
  })),
  ...['砚池蔬菜大棚合作社', '桃源村草莓大棚基地'].map((name) => ({
    name,
    kind: 'greenhouse',
    jobs: [
      {
        title: '大棚种植工',
        skills: ['greenhouse', 'farming'] as Skill[],
        wage: [2400, 3000] as [number, number],
        physical: 'moderate' as const,
        literacy: 'none' as const,
        hours: [7, 16] as [number, number],
      },
      {
        title: '采摘分拣工（季节性）',
        skills: ['farming'] as Skill[],
        wage: [2200, 2700] as [number, number],
        physical: 'light' as const,
        literacy: 'none' as const,
        hours: [8, 14] as [number, number],
      },
    ],
  })),
  ...[
    ['卯家湾帮扶车间（服装加工）', 'sewing'],
    ['砚池帮扶车间（民族刺绣）', 'embroidery'],
    ['新城帮扶车间（手工编织）', 'handicraft'],
  ].map(([name, skill]) => ({
    name,
    kind: 'workshop',
    jobs: [
      {
        title: '计件工',
        skills: [skill] as Skill[],
        wage: [2000, 3000] as [number, number],
        physical: 'light' as const,
        literacy: 'none' as const,
        hours: [8, 17] as [number, number],
      },
      {
        title: '半天工（可接送孩子）',
        skills: [skill] as Skill[],
        wage: [1500, 1900] as [number, number],
        physical: 'light' as const,
        literacy: 'none' as const,
        hours: [9, 15] as [number, number],
      },
    ],
  })),
  ...['安居新城物业服务有限公司', '砚池物业管理有限公司'].map((name) => ({
    name,
    kind: 'property',
    jobs: [
      {
        title: '保洁员',
        skills: ['cleaning'] as Skill[],
        wage: [2200, 2600] as [number, number],
        physical: 'moderate' as const,
        literacy: 'none' as const,
        hours: [7, 16] as [number, number],
      },
      {
        title: '保安',
        skills: ['security'] as Skill[],
        wage: [2600, 3200] as [number, number],
        physical: 'moderate' as const,
        literacy: 'basic' as const,
        hours: [19, 7] as [number, number],
        age: [20, 58] as [number, number],
      },
      {
        title: '水电维修工',
        skills: ['plumbing', 'electrician'] as Skill[],
        wage: [3500, 4500] as [number, number],
        physical: 'moderate' as const,
        literacy: 'basic' as const,
        hours: [8, 17] as [number, number],
        minExp: 2,
      },
      {
        title: '电梯安全员',
        skills: ['electrician'] as Skill[],
        wage: [3600, 4200] as [number, number],
        physical: 'light' as const,
        literacy: 'fluent' as const,
        hours: [8, 17] as [number, number],
        minExp: 1,
      },
    ],
  })),
]

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
