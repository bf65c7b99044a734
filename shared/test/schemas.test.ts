import { ColourOverride, HelpRequestCategory, HouseholdFacts, JobSeeker, PostingInput, toFieldErrors } from '../src'

describe('rule schemas', () => {
  it('fills household facts defaults, so a survey need not list what is absent', () => {
    // Act
    const facts = HouseholdFacts.parse({
      members: [
        { name: '张三', age: 40, health: 'healthy', disability: 'none', employment: 'stable', monthlyIncome: 3000 },
      ],
    })
    // Assess
    expect(facts).toMatchObject({
      mainEarnerLost: false,
      openDisputes: [],
      fireFindings: [],
      integrationNeeds: [],
      policeFlags: [],
    })
    expect(facts.members[0]).toMatchObject({ leftBehindChild: false, childInDifficulty: false })
  })

  it.each([['members', { members: [] }, '至少登记一名家庭成员']])('household facts: %s', (path, input, message) => {
    const r = HouseholdFacts.safeParse(input)
    expect(r.success).toBe(false)
    if (!r.success) expect(toFieldErrors(r.error)).toContainEqual({ path, message })
  })

  const override = {
    module: 'livelihood',
    colour: 'green',
    reason: '已就业',
    setBy: 'U1',
    setAt: '2026-12-01T09:00:00+08:00',
    expiresAt: '2026-12-31T00:00:00+08:00',
  }

  it.each([
    ['reason', { reason: '  ' }, '请填写调整原因'],
    ['expiresAt', { expiresAt: '2026-12-01T09:00:00+08:00' }, '到期时间应晚于调整时间'],
    ['colour', { colour: 'blue' }, '请选择颜色'],
  ])('an override needs %s', (path, patch, message) => {
    const r = ColourOverride.safeParse({ ...override, ...patch })
    expect(r.success).toBe(false)
    if (!r.success) expect(toFieldErrors(r.error)).toContainEqual({ path, message })
  })

  it('accepts a valid override', () => {
    expect(ColourOverride.safeParse(override).success).toBe(true)
  })

  it('help-request categories are the five of the practical-help service', () => {
    expect(HelpRequestCategory.options).toEqual(['atm_cash', 'home_repair', 'night_escort', 'errand', 'other'])
    expect(HelpRequestCategory.safeParse('rocket').error?.issues[0].message).toBe('请选择需要的帮助')
  })

  it('a job seeker with no care duties has an empty list', () => {
    const s = JobSeeker.parse({
      id: 'S1',
      age: 30,
      home: { lat: 27.19, lng: 103.55 },
      health: 'healthy',
      disability: 'none',
      skills: ['cooking'],
      experienceYears: 2,
      expectedWage: 3000,
      literacy: 'basic',
      householdColour: 'yellow',
    })
    expect(s.careDuties).toEqual([])
  })
})

describe('plain text fields', () => {
  const fieldMessage = (body: Record<string, unknown>, path: string) => {
    const parsed = PostingInput.safeParse(body)
    return parsed.success ? undefined : toFieldErrors(parsed.error).find((e) => e.path === path)?.message
  }

  it.each([
    ['', '请填写用工单位'],
    ['   ', '请填写用工单位'],
    ['\u200B', '请填写用工单位'],
    ['厂', '用工单位至少 2 个字'],
    ['厂'.repeat(200), '用工单位最多'],
  ])('employer %j → %s', (employer, message) => {
    expect(fieldMessage({ employer }, 'employer')).toContain(message)
  })

  it('says nothing about a field that is fine', () => {
    expect(fieldMessage({ employer: '昭通金果食品厂' }, 'employer')).toBeUndefined()
  })
})
