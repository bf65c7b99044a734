import fc from 'fast-check'
import {
  compilePostings,
  hourMask,
  hoursInWindow,
  JobPosting,
  JobSeeker,
  MATCH_RULES,
  matchJobs,
  physicalCapacity,
  rankSeekers,
  Skill,
  scoreJob,
  TopK,
  topCount,
} from '../src'
import { kmEast, posting, seeker } from './support/jobs'

describe('hard filters come first, each with its reason', () => {
  it.each([
    ['a 15-year-old', posting(), seeker({ age: 15 }), 'age', '未满 16 周岁，不能就业'],
    [
      'a 17-year-old in heavy work',
      posting({ physical: 'heavy' }),
      seeker({ age: 17 }),
      'age',
      '未满 18 周岁，不能从事重体力劳动',
    ],
    [
      'too young for the employer',
      posting({ minAge: 20 }),
      seeker({ age: 18 }),
      'age',
      '年龄不符合岗位要求（20–不限 岁）',
    ],
    ['too old for the employer', posting({ maxAge: 50 }), seeker({ age: 55 }), 'age', '年龄不符合岗位要求（0–50 岁）'],
    [
      'a healthy 75-year-old in heavy work (issue 3)',
      posting({ physical: 'heavy' }),
      seeker({ age: 75 }),
      'age',
      '已超过 60 周岁，不宜从事重体力劳动',
    ],
    [
      'a healthy 61-year-old in heavy work (issue 3)',
      posting({ physical: 'heavy' }),
      seeker({ age: 61 }),
      'age',
      '已超过 60 周岁，不宜从事重体力劳动',
    ],
    ['too far', posting({ location: kmEast(20) }), seeker(), 'distance', '离家约 20 公里，超过 10 公里通勤范围'],
    [
      'too far for a short commute',
      posting({ location: kmEast(4) }),
      seeker({ maxCommuteKm: 3 }),
      'distance',
      '离家约 4 公里，超过 3 公里通勤范围',
    ],
    [
      'clashing with the school run',
      posting(),
      seeker({ careDuties: [{ start: 16, end: 18 }] }),
      'hours',
      '工作时间 8:00–17:00 与接送孩子的时间冲突',
    ],
    [
      'clashing with another care duty',
      posting(),
      seeker({ careDuties: [{ start: 12, end: 14 }] }),
      'hours',
      '工作时间 8:00–17:00 与照顾家人的时间冲突',
    ],
    [
      'a day shift for someone who works nights only',
      posting(),
      seeker({ availableHours: { start: 18, end: 8 } }),
      'hours',
      '工作时间 8:00–17:00，不在你能上班的时间（只上夜班）',
    ],
    [
      'outside hours no profile choice leaves free',
      posting(),
      seeker({ availableHours: { start: 12, end: 20 } }),
      'hours',
      '工作时间 8:00–17:00，不在你能上班的时间（12:00–20:00）',
    ],
    [
      'a night shift over a night-time duty',
      posting({ workHours: { start: 22, end: 6 } }),
      seeker({ careDuties: [{ start: 5, end: 6 }] }),
      'hours',
      '工作时间 22:00–6:00 与照顾家人的时间冲突',
    ],
    [
      'longer than the seeker can work',
      posting(),
      seeker({ maxHoursPerDay: 6 }),
      'hours',
      '每天工作 9 小时，超过你能做的 6 小时',
    ],
    [
      'heavy work with a chronic illness',
      posting({ physical: 'heavy' }),
      seeker({ health: 'chronic' }),
      'physical',
      '岗位为重体力，你的身体只适合中等体力',
    ],
    [
      'moderate work with a severe disability',
      posting(),
      seeker({ disability: 'severe' }),
      'physical',
      '岗位为中等体力，你的身体只适合轻体力',
    ],
  ])('%s', (_, p, s, filter, reason) => {
    expect(scoreJob(p, s)).toEqual({ eligible: false, filter, reason })
  })

  it.each([
    ['a 16-year-old in light work', posting({ physical: 'light' }), seeker({ age: 16 })],
    ['an 18-year-old in heavy work', posting({ physical: 'heavy' }), seeker({ age: 18 })],
    [
      'care duties outside work hours',
      posting(),
      seeker({
        careDuties: [
          { start: 7, end: 8 },
          { start: 17, end: 19 },
        ],
      }),
    ],
    ['mild disability in moderate work', posting(), seeker({ disability: 'mild' })],
    ['within the age range', posting({ minAge: 18, maxAge: 50 }), seeker({ age: 50 })],
  ])('passes %s', (_, p, s) => {
    expect(scoreJob(p, s).eligible).toBe(true)
  })
})

describe('the weighted score explains every item', () => {
  it('a perfect match scores 90 without priority, each item with a reason', () => {
    // Act
    const v = scoreJob(posting(), seeker())
    // Assess
    if (!v.eligible) throw new Error(v.reason)
    expect(v.match.score).toBe(90)
    expect(v.match.distanceKm).toBe(1)
    expect(v.match.items).toEqual([
      { item: 'skills', points: 40, max: 40, reason: '技能：具备叉车' },
      { item: 'experience', points: 15, max: 15, reason: '经验：要求 1 年经验，本人 3 年' },
      { item: 'wage', points: 15, max: 15, reason: '工资：月薪 5000 元，达到期望的 4500 元' },
      { item: 'literacy', points: 10, max: 10, reason: '识字要求：岗位要求能读简单文字，能胜任' },
      { item: 'nearHome', points: 10, max: 10, reason: '离家距离：离家约 1 公里，在家门口就业' },
      { item: 'priority', points: 0, max: 10, reason: '重点帮扶：未启用或不属于重点帮扶' },
    ])
  })

  it('explains what is missing', () => {
    const p = posting({
      skills: ['forklift', 'warehouse'],
      minExperienceYears: 4,
      monthlyWage: 3000,
      literacy: 'fluent',
      location: kmEast(6.5),
    })
    const v = scoreJob(p, seeker({ literacy: 'none', expectedWage: 4000 }))
    if (!v.eligible) throw new Error(v.reason)
    expect(v.match.items.map((i) => [i.points, i.reason])).toEqual([
      [20, '技能：具备叉车；缺少仓储搬运'],
      [11.3, '经验：要求 4 年经验，本人 3 年'],
      [11.3, '工资：月薪 3000 元，低于期望的 4000 元'],
      [0, '识字要求：岗位要求读写熟练，本人不识字'],
      [5, '离家距离：离家约 6.5 公里'],
      [0, '重点帮扶：未启用或不属于重点帮扶'],
    ])
  })

  it.each([
    [[], '技能：岗位不要求特定技能', 40],
    [['welding'], '技能：缺少焊接', 0],
  ] as const)('skills %j', (skills, reason, points) => {
    const v = scoreJob(posting({ skills: [...skills], minExperienceYears: 0 }), seeker())
    if (!v.eligible) throw new Error(v.reason)
    expect(v.match.items[0]).toMatchObject({ points, reason })
    expect(v.match.items[1].reason).toBe('经验：岗位不要求经验')
  })

  it.each([
    ['red', 10, '重点帮扶：重点帮扶家庭，优先推荐'],
    ['yellow', 5, '重点帮扶：重点帮扶家庭，优先推荐'],
    ['green', 0, '重点帮扶：未启用或不属于重点帮扶'],
  ] as const)('when staff ask, a %s household gets %i priority points', (householdColour, points, reason) => {
    const v = scoreJob(posting(), seeker({ householdColour }), { prioritiseVulnerable: true })
    if (!v.eligible) throw new Error(v.reason)
    expect(v.match.items[5]).toMatchObject({ points, reason })
  })

  it('the near-home bonus fades to nothing at the edge of the commute', () => {
    const v = scoreJob(posting({ location: kmEast(10) }), seeker())
    if (!v.eligible) throw new Error(v.reason)
    expect(v.match.items[4].points).toBe(0)
  })
})

describe('matchJobs over a compiled index', () => {
  const postings: JobPosting[] = [
    posting({ id: 'far', location: kmEast(30) }),
    posting({ id: 'good' }),
    posting({ id: 'no-skill', skills: ['sewing'] }),
    posting({ id: 'heavy', physical: 'heavy' }),
    posting({ id: 'night', workHours: { start: 20, end: 4 } }),
    posting({ id: 'good-twin' }),
    posting({ id: 'cheap', monthlyWage: 2000 }),
  ]
  const ix = compilePostings(postings)

  it('ranks the best first, ties in posting order, and counts what was filtered out', () => {
    // Act
    const r = matchJobs(ix, seeker({ health: 'chronic', careDuties: [{ start: 21, end: 23 }] }), { limit: 3 })
    // Assess
    expect(r.matches.map((m) => m.posting.id)).toEqual(['good', 'good-twin', 'cheap'])
    expect(r.considered).toBe(7)
    expect(r.excluded).toEqual({ age: 0, distance: 1, hours: 1, physical: 1 })
  })

  it('returns top 20 by default', () => {
    const many = compilePostings(
      Array.from({ length: 30 }, (_, i) => posting({ id: `P${i}`, monthlyWage: 3000 + i * 100 })),
    )
    const r = matchJobs(many, seeker())
    expect(r.matches).toHaveLength(20)
    expect(r.matches[0].score).toBeGreaterThanOrEqual(r.matches[19].score)
  })

  it('a seeker under working age gets nothing', () => {
    expect(matchJobs(ix, seeker({ age: 14 })).matches).toEqual([])
  })

  it('rankSeekers puts red and yellow labour first when staff ask', () => {
    const seekers = [
      seeker({ id: 'G', householdColour: 'green' }),
      seeker({ id: 'R', householdColour: 'red' }),
      seeker({ id: 'Y', householdColour: 'yellow' }),
      seeker({ id: 'minor', age: 15 }),
    ]
    expect(rankSeekers(posting(), seekers, { prioritiseVulnerable: true }).map((r) => r.seeker.id)).toEqual([
      'R',
      'Y',
      'G',
    ])
    expect(rankSeekers(posting(), seekers, { limit: 2 }).map((r) => r.seeker.id)).toEqual(['G', 'R'])
    expect(rankSeekers(posting(), seekers).map((r) => r.seeker.id)).toEqual(['G', 'R', 'Y'])
  })
})

describe('limits, windows and age ranges (issue 3)', () => {
  const many = compilePostings(Array.from({ length: 5 }, (_, i) => posting({ id: `P${i}`, monthlyWage: 3000 + i })))

  it.each([
    [-1, 1],
    [0, 1],
    [2.7, 2],
    [Number.NaN, 5],
    [Number.POSITIVE_INFINITY, 5],
    [undefined, 5],
  ])('limit %p is clamped and keeps %i of 5', (limit, n) => {
    // Act
    const jobs = matchJobs(many, seeker(), { limit })
    const people = rankSeekers(
      posting(),
      Array.from({ length: 5 }, (_, i) => seeker({ id: `S${i}` })),
      { limit },
    )
    // Assess
    expect(jobs.matches).toHaveLength(n)
    expect(people).toHaveLength(n)
  })

  it.each([
    [undefined, 20],
    [-1, 1],
    [1e9, 1000],
  ])('topCount(%p) is %i', (limit, n) => {
    expect(topCount(limit)).toBe(n)
  })

  it('a healthy 60-year-old may still do heavy work', () => {
    expect(scoreJob(posting({ physical: 'heavy' }), seeker({ age: 60 })).eligible).toBe(true)
  })

  it.each<[string, unknown, string]>([
    [
      'an empty work window',
      posting({ workHours: { start: 8, end: 8 } }),
      '时段的开始和结束不能是同一时间（时段为空）',
    ],
    ['minAge above maxAge', posting({ minAge: 50, maxAge: 20 }), '最低年龄（minAge）不能大于最高年龄（maxAge）'],
  ])('JobPosting refuses %s', (_, input, message) => {
    // Act
    const result = JobPosting.safeParse(input)
    // Assess
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.message)).toEqual([message])
  })

  it('JobSeeker refuses an empty care-duty window', () => {
    const result = JobSeeker.safeParse(seeker({ careDuties: [{ start: 16, end: 16 }] }))
    expect(result.error?.issues.map((i) => i.message)).toEqual(['时段的开始和结束不能是同一时间（时段为空）'])
  })

  it.each([
    posting({ minAge: 20, maxAge: 20 }),
    posting({ minAge: 20 }),
    posting({ workHours: { start: 0, end: 24 } }),
    posting({ workHours: { start: 22, end: 6 } }),
  ])('JobPosting accepts %j', (input) => {
    expect(JobPosting.safeParse(input).success).toBe(true)
  })
})

describe('building blocks', () => {
  it.each([
    [{ start: 8, end: 17 }, 9],
    [{ start: 22, end: 6 }, 8],
    [{ start: 0, end: 24 }, 24],
    [{ start: 5, end: 5 }, 0],
  ])('hours in %j: %i', (w, n) => {
    expect(hoursInWindow(w)).toBe(n)
  })

  it('night windows wrap past midnight', () => {
    expect(hourMask({ start: 23, end: 1 })).toBe((1 << 23) | 1)
  })

  it.each([
    [{ health: 'healthy', disability: 'none' }, 'heavy'],
    [{ health: 'chronic', disability: 'none' }, 'moderate'],
    [{ health: 'healthy', disability: 'mild' }, 'moderate'],
    [{ health: 'serious', disability: 'none' }, 'light'],
    [{ health: 'healthy', disability: 'severe' }, 'light'],
  ] as const)('capacity of %j is %s', (s, capacity) => {
    expect(physicalCapacity(s)).toBe(capacity)
  })

  it('TopK keeps the k best, ties to the lower index, and k = 0 keeps nothing', () => {
    const top = new TopK(3)
    for (const [score, index] of [
      [5, 0],
      [9, 1],
      [5, 2],
      [7, 3],
      [1, 4],
      [9, 5],
      [5, 6],
    ])
      top.push(score, index)
    expect(top.sorted()).toEqual([
      { score: 9, index: 1 },
      { score: 9, index: 5 },
      { score: 7, index: 3 },
    ])
    const none = new TopK(0)
    none.push(1, 0)
    expect(none.sorted()).toEqual([])
  })

  it('TopK agrees with a full sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        (scores, k) => {
          const top = new TopK(k)
          scores.forEach((s, i) => {
            top.push(s, i)
          })
          const expected = scores
            .map((score, index) => ({ score, index }))
            .sort((a, b) => b.score - a.score || a.index - b.index)
            .slice(0, k)
          expect(top.sorted()).toEqual(expected)
        },
      ),
    )
  })
})

describe('properties', () => {
  const skills = fc.uniqueArray(fc.constantFrom(...Skill.options), { maxLength: 6 })
  const postingArb = fc.record({
    skills,
    minExperienceYears: fc.integer({ min: 0, max: 5 }),
    monthlyWage: fc.integer({ min: 1500, max: 8000 }),
    literacy: fc.constantFrom('none' as const, 'basic' as const, 'fluent' as const),
    km: fc.double({ min: 0, max: 9, noNaN: true }),
  })
  const seekerArb = fc.record({
    skills,
    experienceYears: fc.integer({ min: 0, max: 10 }),
    expectedWage: fc.integer({ min: 1000, max: 8000 }),
    literacy: fc.constantFrom('none' as const, 'basic' as const, 'fluent' as const),
    householdColour: fc.constantFrom('red' as const, 'yellow' as const, 'green' as const),
  })
  const scoreOf = (p: JobPosting, s: ReturnType<typeof seeker>, prioritiseVulnerable = false) => {
    const v = scoreJob(p, s, { prioritiseVulnerable })
    if (!v.eligible) throw new Error(v.reason)
    return v.match.score
  }
  const build = (p: { km: number } & Partial<JobPosting>) => {
    const { km, ...rest } = p
    return posting({ ...rest, location: kmEast(km) })
  }

  it('adding a skill the posting asks for never lowers its score', () => {
    fc.assert(
      fc.property(postingArb, seekerArb, fc.constantFrom(...Skill.options), fc.boolean(), (p, s, extra, prio) => {
        const job = build(p)
        const before = scoreOf(job, seeker(s), prio)
        const after = scoreOf(job, seeker({ ...s, skills: [...s.skills, extra] }), prio)
        expect(after).toBeGreaterThanOrEqual(before)
        if (p.skills.includes(extra) && !s.skills.includes(extra)) expect(after).toBeGreaterThan(before)
      }),
    )
  })

  it('reordering a seeker’s skills changes nothing', () => {
    fc.assert(
      fc.property(postingArb, seekerArb, fc.func(fc.integer()), (p, s, key) => {
        const job = build(p)
        const shuffled = [...s.skills].sort((a, b) => key(a) - key(b))
        expect(scoreJob(job, seeker({ ...s, skills: shuffled }))).toEqual(scoreJob(job, seeker(s)))
      }),
    )
  })

  it('scores stay within 0 and the sum of the weights, and the items add up', () => {
    const max = Object.values(MATCH_RULES.weights).reduce((a, b) => a + b, 0)
    fc.assert(
      fc.property(postingArb, seekerArb, (p, s) => {
        const v = scoreJob(build(p), seeker(s), { prioritiseVulnerable: true })
        if (!v.eligible) throw new Error(v.reason)
        expect(v.match.score).toBeGreaterThanOrEqual(0)
        expect(v.match.score).toBeLessThanOrEqual(max)
        expect(Math.abs(v.match.items.reduce((a, i) => a + i.points, 0) - v.match.score)).toBeLessThan(0.5)
      }),
    )
  })
})

describe('no explanation names a household colour (issue 3)', () => {
  const COLOUR_WORD = /[红黄绿]色户?|[红黄绿]户/u
  const wideSeeker = fc.record({
    age: fc.integer({ min: 0, max: 100 }),
    health: fc.constantFrom('healthy' as const, 'chronic' as const, 'serious' as const),
    disability: fc.constantFrom('none' as const, 'mild' as const, 'severe' as const),
    skills: fc.uniqueArray(fc.constantFrom(...Skill.options), { maxLength: 4 }),
    experienceYears: fc.integer({ min: 0, max: 10 }),
    expectedWage: fc.integer({ min: 0, max: 9000 }),
    literacy: fc.constantFrom('none' as const, 'basic' as const, 'fluent' as const),
    householdColour: fc.constantFrom('red' as const, 'yellow' as const, 'green' as const),
    careDuties: fc.array(fc.record({ start: fc.integer({ min: 0, max: 23 }), end: fc.integer({ min: 0, max: 24 }) }), {
      maxLength: 2,
    }),
  })
  const widePosting = fc.record({
    physical: fc.constantFrom('light' as const, 'moderate' as const, 'heavy' as const),
    skills: fc.uniqueArray(fc.constantFrom(...Skill.options), { maxLength: 4 }),
    minExperienceYears: fc.integer({ min: 0, max: 5 }),
    monthlyWage: fc.integer({ min: 0, max: 9000 }),
    literacy: fc.constantFrom('none' as const, 'basic' as const, 'fluent' as const),
    minAge: fc.option(fc.integer({ min: 16, max: 40 }), { nil: undefined }),
    maxAge: fc.option(fc.integer({ min: 40, max: 70 }), { nil: undefined }),
    km: fc.double({ min: 0, max: 25, noNaN: true }),
    start: fc.integer({ min: 0, max: 23 }),
    hours: fc.integer({ min: 1, max: 14 }),
  })

  it('whatever the seeker, posting or staff option, every reason is free of colour words', () => {
    fc.assert(
      fc.property(widePosting, wideSeeker, fc.boolean(), (p, s, prioritiseVulnerable) => {
        // Prepare
        const { km, start, hours, ...rest } = p
        const job = posting({ ...rest, location: kmEast(km), workHours: { start, end: (start + hours) % 24 } })
        const person = seeker(s)
        // Act
        const verdict = scoreJob(job, person, { prioritiseVulnerable })
        const listed = matchJobs(compilePostings([job]), person, { prioritiseVulnerable }).matches
        const ranked = rankSeekers(job, [person], { prioritiseVulnerable }).map((r) => r.match)
        // Assess
        const texts = [
          ...(verdict.eligible ? verdict.match.items.map((i) => i.reason) : [verdict.reason]),
          ...[...listed, ...ranked].flatMap((m) => m.items.map((i) => i.reason)),
        ]
        for (const text of texts) expect(text).not.toMatch(COLOUR_WORD)
      }),
      { numRuns: 300 },
    )
  })
})
