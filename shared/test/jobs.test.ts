import {
  ageOn,
  compilePostings,
  distanceLabel,
  expiryProblem,
  hoursLabel,
  type JobPosting,
  type JobProfileInput,
  matchJobs,
  physicalCapacity,
  plainReasons,
  postingClosedReason,
  type SeekerFacts,
  scoreJob,
  seekerFromProfile,
  shiftOf,
  WORKING_AGE,
  wageLabel,
  workingAgeCheck,
} from '../src'
import { HOME, kmEast, posting, seeker } from './support/jobs'

// The job service's rules around matching (issue 6, decision 068): working age, a resident's
// answers as the rule's seeker, shifts, closed postings, last days and the plain reasons.

const facts: SeekerFacts = {
  personId: 'S1',
  age: 40,
  health: 'healthy',
  disability: 'none',
  literacy: 'basic',
  home: HOME,
}

describe('workingAgeCheck', () => {
  it.each([
    [15, false, '未满 16 周岁'],
    [16, true, undefined],
    [65, true, undefined],
    [66, false, '已满 65 周岁'],
  ])('age %i → ok %s', (age, ok, words) => {
    const verdict = workingAgeCheck(age)
    expect(verdict.ok).toBe(ok)
    if (!verdict.ok) expect(verdict.reason).toContain(words)
  })

  it('is 16–65', () => {
    expect(WORKING_AGE).toEqual({ min: 16, max: 65 })
  })

  it.each([
    ['1972-04-16', '2026-04-15', 53],
    ['1972-04-16', '2026-04-16', 54],
    ['1972-03-20', '2026-04-01', 54],
  ])('ageOn(%s, %s) = %i', (birth, today, age) => {
    expect(ageOn(birth, today)).toBe(age)
  })
})

describe('seekerFromProfile', () => {
  it.each([
    ['day', { availability: 'day' }, { start: 6, end: 20 }, [], undefined],
    ['night', { availability: 'night' }, { start: 18, end: 8 }, [], undefined],
    ['any', { availability: 'any' }, undefined, [], undefined],
    ['part time', { availability: 'part_time' }, undefined, [], 5],
    [
      'day with the school run',
      { availability: 'day', schoolRun: true },
      { start: 6, end: 20 },
      [
        { start: 7, end: 8 },
        { start: 16, end: 18 },
      ],
      undefined,
    ],
  ])(
    '%s: the hours chosen are the hours to work in; only a school run is a care duty',
    (_name, answers, availableHours, careDuties, maxHours) => {
      const s = seekerFromProfile({ skills: [], ...answers } as JobProfileInput, facts)
      expect(s.availableHours).toEqual(availableHours)
      expect(s.careDuties).toEqual(careDuties)
      expect(s.maxHoursPerDay).toBe(maxHours)
    },
  )

  it('takes blanks from the record and answers over it', () => {
    const blank = seekerFromProfile({ availability: 'any', skills: [] }, facts)
    expect(blank).toMatchObject({ experienceYears: 0, expectedWage: 0, literacy: 'basic', householdColour: 'green' })
    expect(blank.maxCommuteKm).toBeUndefined()
    expect(blank.physicalLimit).toBeUndefined()
    const full = seekerFromProfile(
      {
        availability: 'any',
        skills: ['cleaning'],
        experienceYears: 3,
        maxCommuteKm: 5,
        physicalLimit: 'light',
        expectedWage: 3000,
        reading: 'none',
      },
      facts,
      'red',
    )
    expect(full).toMatchObject({
      skills: ['cleaning'],
      experienceYears: 3,
      maxCommuteKm: 5,
      physicalLimit: 'light',
      expectedWage: 3000,
      literacy: 'none',
      householdColour: 'red',
    })
  })
})

describe('shifts and hours', () => {
  it.each([
    [{ start: 8, end: 17 }, 'day', '8:00–17:00'],
    [{ start: 14, end: 21 }, 'evening', '14:00–21:00'],
    [{ start: 20, end: 6 }, 'night', '20:00–次日6:00'],
    [{ start: 0, end: 24 }, 'night', '0:00–0:00'],
    [{ start: 5, end: 12 }, 'night', '5:00–12:00'],
  ])('%o is %s, %s', (w, shift, label) => {
    expect(shiftOf(w)).toBe(shift)
    expect(hoursLabel(w)).toBe(label)
  })
})

describe('postings that take no applications, and last days', () => {
  it.each([
    [{ status: 'closed' as const, expiresOn: '2027-01-01' }, '这个岗位已经停止招聘'],
    [{ status: 'open' as const, expiresOn: '2026-12-03' }, '这个岗位已过报名截止日期'],
    [{ status: 'open' as const, expiresOn: '2026-12-04' }, undefined],
  ])('%o → %s', (p, reason) => {
    expect(postingClosedReason(p, '2026-12-04')).toBe(reason)
  })

  it.each([
    ['2026-12-03', '截止日期不能早于今天'],
    ['2026-12-04', undefined],
    ['2027-12-05', undefined],
    ['2027-12-06', '截止日期不能超过一年以后'],
  ])('last day %s → %s', (day, problem) => {
    expect(expiryProblem(day, '2026-12-04')).toBe(problem)
  })
})

describe('labels', () => {
  it.each([
    [0.01, false, '离家50米'],
    [0.83, false, '离家850米'],
    [2.44, false, '离家2.4公里'],
    [8.14, true, '外地岗位，离社区约 8.1 公里'],
  ])('distance %f (off-site %s) → %s', (km, offsite, label) => {
    expect(distanceLabel(km, offsite)).toBe(label)
  })

  it.each([
    [{ monthlyWage: 3000, wageMax: 3600 }, '月薪3000–3600元'],
    [{ monthlyWage: 3000, wageMax: 3000 }, '月薪3000元'],
    [{ monthlyWage: 3000 }, '月薪3000元'],
  ])('%o → %s', (p, label) => {
    expect(wageLabel(p)).toBe(label)
  })
})

describe('why a job may not suit the resident (这个工作可能不适合你)', () => {
  const reasonFor = (answers: Partial<JobProfileInput>, p: JobPosting = posting({ skills: [] })) => {
    const verdict = scoreJob(p, seekerFromProfile({ availability: 'any', skills: [], ...answers }, facts))
    return verdict.eligible ? undefined : verdict.reason
  }

  it('tells a night-only seeker without children to take to school that the day job is outside her hours', () => {
    const reason = reasonFor({ availability: 'night' })
    expect(reason).toBe('工作时间 8:00–17:00，不在你能上班的时间（只上夜班）')
    expect(reason).not.toMatch(/照顾家人|接送孩子/)
  })

  it('names the day-only choice for a night shift', () => {
    const night = posting({ skills: [], workHours: { start: 22, end: 6 } })
    expect(reasonFor({ availability: 'day' }, night)).toBe('工作时间 22:00–6:00，不在你能上班的时间（只上白班）')
  })

  it('keeps the school run for a real school run', () => {
    expect(reasonFor({ availability: 'any', schoolRun: true })).toBe('工作时间 8:00–17:00 与接送孩子的时间冲突')
    expect(reasonFor({ availability: 'day', schoolRun: true })).toBe('工作时间 8:00–17:00 与接送孩子的时间冲突')
  })

  it('speaks to a part-time seeker as 你', () => {
    expect(reasonFor({ availability: 'part_time' })).toBe('每天工作 9 小时，超过你能做的 5 小时')
  })

  it('speaks to the resident about their body as 你, never 本人', () => {
    const reason = reasonFor({ physicalLimit: 'light' }, posting({ skills: [], physical: 'heavy' }))
    expect(reason).toBe('岗位为重体力，你的身体只适合轻体力')
  })
})

describe('plainReasons', () => {
  const match = (p: JobPosting & { wageMax?: number } = posting()) => ({ posting: p, distanceKm: 0.8 })

  it('says where, when, which skills they have or lack, the wage against their wish and reading', () => {
    const p = {
      ...posting({ skills: ['forklift', 'welding'], niceSkills: ['driving', 'cooking'], literacy: 'fluent' }),
      wageMax: 5800,
    }
    expect(plainReasons(match(p), seeker({ expectedWage: 4500 }), { schoolRun: true })).toEqual([
      '离家800米',
      '白班 8:00–17:00，不耽误接送孩子',
      '需要叉车，你会',
      '需要焊接，你还不会',
      '会驾驶更好，你会',
      '月薪5000–5800元，达到你的期望',
      '需要看懂文字说明',
    ])
  })

  it('welcomes beginners and people who do not read, never naming a colour or a priority', () => {
    const p = posting({ skills: [], literacy: 'none', monthlyWage: 2000 })
    const reasons = plainReasons(match(p), seeker({ householdColour: 'red', expectedWage: 0 }), {})
    expect(reasons).toEqual(['离家800米', '白班 8:00–17:00', '不要求技能，新手也可以', '月薪2000元', '不需要认字'])
    expect(reasons.join('')).not.toMatch(/红|黄|绿|重点|优先/)
  })

  it('says nothing of reading when the seeker reads well enough, and the wage alone below their wish', () => {
    const reasons = plainReasons(match(), seeker({ expectedWage: 9000 }), { schoolRun: false })
    expect(reasons).toEqual(['离家800米', '白班 8:00–17:00', '需要叉车，你会', '月薪5000元'])
  })
})

describe('the rule’s off-site distance, nice-to-have skills and declared limit', () => {
  it('measures off-site work by the distance entered, not the location', () => {
    const near = posting({ location: kmEast(1), distanceKm: 30 })
    const verdict = scoreJob(near, seeker({ maxCommuteKm: 10 }))
    expect(verdict).toMatchObject({ eligible: false, filter: 'distance' })
    const ok = scoreJob(near, seeker({ maxCommuteKm: 50 }))
    expect(ok.eligible && ok.match.distanceKm).toBe(30)
  })

  it('gives nice-to-have skills a fifth of the skills score, and names them', () => {
    const p = posting({ skills: ['forklift'], niceSkills: ['welding'] })
    const without = scoreJob(p, seeker({ skills: ['forklift'] }))
    const withNice = scoreJob(p, seeker({ skills: ['forklift', 'welding'] }))
    const skills = (v: typeof without) => (v.eligible ? v.match.items.find((i) => i.item === 'skills') : undefined)
    expect(skills(without)?.points).toBe(32)
    expect(skills(withNice)?.points).toBe(40)
    expect(skills(withNice)?.reason).toContain('加分技能：具备焊接')
    const noRequired = scoreJob(posting({ skills: [], niceSkills: ['welding'] }), seeker({ skills: ['welding'] }))
    expect(noRequired.eligible && noRequired.match.items[0].reason).toBe('技能：岗位不要求特定技能；加分技能：具备焊接')
  })

  it.each([
    ['healthy, declares light', { physicalLimit: 'light' as const }, 'light'],
    [
      'chronic, declares heavy (never raised)',
      { health: 'chronic' as const, physicalLimit: 'heavy' as const },
      'moderate',
    ],
    ['healthy, declares nothing', {}, 'heavy'],
  ])('capacity: %s → %s', (_name, patch, capacity) => {
    expect(physicalCapacity(seeker(patch))).toBe(capacity)
  })

  it('keeps a declared light-work seeker out of moderate work in the index', () => {
    const ix = compilePostings([posting({ physical: 'moderate' }), posting({ id: 'P2', physical: 'light' })])
    const result = matchJobs(ix, seeker({ physicalLimit: 'light' }))
    expect(result.matches.map((m) => m.posting.id)).toEqual(['P2'])
    expect(result.excluded.physical).toBe(1)
  })
})
