import {
  duplicateKey,
  duplicateLookupKeys,
  type HouseholdContext,
  isSameReport,
  TRIAGE_RULES,
  ticketEmergencyCall,
  triageHelpRequest,
  triageTicket,
  withPropertyDuty,
} from '../src'

const green: HouseholdContext = { colour: 'green', elderlyAlone: false, vulnerableMember: false }
const AT = '2026-12-03T10:00:00+08:00'
const FIRE = TRIAGE_RULES.phones.fire
const DUTY = { number: '0870-1234567', label: '物业值班' }
const WITH_DUTY = withPropertyDuty(DUTY.number, TRIAGE_RULES, DUTY.label)

describe('triageTicket: emergencies show the numbers to call at once', () => {
  it.each([
    ['gas', {}, [FIRE, DUTY], '燃气问题可能是泄漏，按紧急情况处理'],
    ['lift', { personTrapped: true }, [FIRE, DUTY], '有人被困电梯'],
    ['water', { wholeBuilding: true }, [DUTY], '整栋楼水中断'],
    ['power', { wholeBuilding: true }, [DUTY], '整栋楼电中断'],
  ] as const)('%s %j is immediate', (category, situation, call, reason) => {
    // Act
    const t = triageTicket({ category, situation, household: green, at: AT }, WITH_DUTY)
    // Assess
    expect(t).toMatchObject({ priority: 'immediate', emergency: true, deadline: '2026-12-03T10:30:00.000+08:00', call })
    expect(t.reasons).toEqual([reason, `请立即拨打 ${call.map((p) => p.number).join('、')}`])
  })

  it('tells the resident what to do about gas before phoning', () => {
    expect(triageTicket({ category: 'gas', household: green, at: AT }).advice).toContain('到室外安全处再打电话')
  })

  it('uses the configured property duty line, after 119 for someone trapped', () => {
    expect(
      triageTicket({ category: 'lift', situation: { personTrapped: true }, household: green, at: AT }, WITH_DUTY).call,
    ).toEqual([FIRE, DUTY])
  })
})

describe('no property duty line unless the deployment gives one (issue 3)', () => {
  it('the default rules hold no property number, and no number but 110, 119, 120', () => {
    expect(TRIAGE_RULES.phones.propertyDuty).toBeUndefined()
    expect(Object.values(TRIAGE_RULES.phones).map((p) => p?.number)).toEqual(['119', '120', '110'])
  })

  it.each([
    ['gas', {}, [FIRE], ['燃气问题可能是泄漏，按紧急情况处理', '请立即拨打 119']],
    ['lift', { personTrapped: true }, [FIRE], ['有人被困电梯', '请立即拨打 119']],
    ['water', { wholeBuilding: true }, [], ['整栋楼水中断', '未配置物业值班电话，请工作人员立即联系物业']],
    ['power', { wholeBuilding: true }, [], ['整栋楼电中断', '未配置物业值班电话，请工作人员立即联系物业']],
  ] as const)('%s %j without a duty line calls %j', (category, situation, call, reasons) => {
    // Act
    const t = triageTicket({ category, situation, household: green, at: AT })
    // Assess
    expect(t).toMatchObject({ priority: 'immediate', emergency: true, call, reasons })
  })

  it.each([
    ['lift', { personTrapped: true }, TRIAGE_RULES, ['119']],
    ['lift', { personTrapped: true }, WITH_DUTY, ['119', '0870-1234567']],
    ['water', { wholeBuilding: true }, WITH_DUTY, ['0870-1234567']],
    ['water', { wholeBuilding: true }, TRIAGE_RULES, []],
    ['power', { wholeBuilding: true }, TRIAGE_RULES, []],
    ['lighting', {}, TRIAGE_RULES, undefined],
  ] as const)('the report page for %s %j shows %j', (category, answers, rules, numbers) => {
    expect(ticketEmergencyCall(category, answers, rules)?.call.map((p) => p.number)).toEqual(numbers)
  })

  it('withPropertyDuty has a default label and leaves the defaults untouched', () => {
    expect(withPropertyDuty('0870-7654321').phones.propertyDuty).toEqual({
      number: '0870-7654321',
      label: '物业 24 小时值班电话',
    })
    expect(TRIAGE_RULES.phones.propertyDuty).toBeUndefined()
  })
})

describe('triageTicket: deadlines from category, household and time of day', () => {
  const h = (patch: Partial<HouseholdContext>): HouseholdContext => ({ ...green, ...patch })
  it.each([
    ['lift', green, AT, 'urgent', '2026-12-03T14:00:00.000+08:00'],
    ['water', green, AT, 'normal', '2026-12-03T18:00:00.000+08:00'],
    ['water', h({ colour: 'red' }), AT, 'urgent', '2026-12-03T14:00:00.000+08:00'],
    ['water', h({ colour: 'red', elderlyAlone: true }), AT, 'urgent', '2026-12-03T12:00:00.000+08:00'],
    ['lift', h({ colour: 'red', elderlyAlone: true }), AT, 'urgent', '2026-12-03T11:00:00.000+08:00'],
    ['door_window', green, AT, 'low', '2026-12-05T10:00:00.000+08:00'],
    ['door_window', h({ colour: 'yellow' }), AT, 'low', '2026-12-04T22:00:00.000+08:00'],
    ['door_window', h({ vulnerableMember: true }), AT, 'low', '2026-12-04T22:00:00.000+08:00'],
    ['lighting', h({ elderlyAlone: true }), AT, 'normal', '2026-12-04T10:00:00.000+08:00'],
    [
      'lighting',
      h({ colour: 'red', elderlyAlone: true, vulnerableMember: true }),
      AT,
      'normal',
      '2026-12-03T22:00:00.000+08:00',
    ],
    // 23:00 and 06:00: a non-urgent clock starts at 08:00.
    ['door_window', green, '2026-12-03T23:00:00+08:00', 'low', '2026-12-06T08:00:00.000+08:00'],
    ['noise', green, '2026-12-03T06:00:00+08:00', 'low', '2026-12-06T08:00:00.000+08:00'],
    ['water', green, '2026-12-03T20:00:00+08:00', 'normal', '2026-12-04T16:00:00.000+08:00'],
    // Urgent work runs its clock through the night. 15:30 UTC is 23:30 in Beijing.
    ['lift', green, '2026-12-03T15:30:00Z', 'urgent', '2026-12-04T03:30:00.000+08:00'],
  ] as const)('%s for %j at %s → %s by %s', (category, household, at, priority, deadline) => {
    const t = triageTicket({ category, household, at })
    expect(t).toMatchObject({ priority, deadline, emergency: false, call: [] })
  })

  it('explains each adjustment', () => {
    const t = triageTicket({
      category: 'door_window',
      household: { colour: 'red', elderlyAlone: true, vulnerableMember: false },
      at: '2026-12-03T21:00:00+08:00',
    })
    expect(t.reasons).toEqual([
      '门窗：基础时限 48 小时',
      '重点关注家庭，时限乘以 0.5',
      '独居老人，时限乘以 0.5',
      '非工作时间报告，从 8:00 起计时',
    ])
    expect(triageTicket({ category: 'leak', household: { ...green, vulnerableMember: true }, at: AT }).reasons).toEqual(
      ['漏水：基础时限 8 小时', '家中有大病或重度残疾成员，时限乘以 0.75'],
    )
  })

  it('never goes below the configured minimum', () => {
    const rules = { ...TRIAGE_RULES, minHours: 3 }
    const t = triageTicket(
      { category: 'lift', household: { colour: 'red', elderlyAlone: true, vulnerableMember: false }, at: AT },
      rules,
    )
    expect(t.deadline).toBe('2026-12-03T13:00:00.000+08:00')
  })
})

describe('triageHelpRequest', () => {
  it('a night-time trip to hospital is immediate and shows 120', () => {
    const t = triageHelpRequest({ category: 'night_escort', household: green, at: '2026-12-03T23:40:00+08:00' })
    expect(t).toMatchObject({ priority: 'immediate', emergency: true, call: [{ number: '120', label: '急救' }] })
    expect(t.reasons).toEqual(['夜间送医，按紧急情况处理', '请立即拨打 120'])
  })

  it.each([
    ['atm_cash', green, 'normal', '2026-12-04T10:00:00.000+08:00'],
    [
      'atm_cash',
      { colour: 'green', elderlyAlone: true, vulnerableMember: false },
      'normal',
      '2026-12-03T22:00:00.000+08:00',
    ],
    ['home_repair', green, 'low', '2026-12-05T10:00:00.000+08:00'],
    [
      'errand',
      { colour: 'yellow', elderlyAlone: false, vulnerableMember: false },
      'low',
      '2026-12-04T22:00:00.000+08:00',
    ],
    ['other', green, 'low', '2026-12-06T10:00:00.000+08:00'],
  ] as const)('%s for %j → %s by %s', (category, household, priority, deadline) => {
    expect(triageHelpRequest({ category, household, at: AT })).toMatchObject({ priority, deadline, emergency: false })
  })
})

describe('"someone already reported this"', () => {
  const report = { buildingId: 'B5', category: 'lift', at: '2026-12-03T10:00:00+08:00' }

  it('gives one key for reports in the same window, and looks in the window before', () => {
    const later = { ...report, at: '2026-12-03T10:30:00+08:00' }
    expect(duplicateKey(later)).toBe(duplicateKey(report))
    expect(duplicateKey(report)).toMatch(/^DUP#B5#lift#\d+$/)
    const [now, before] = duplicateLookupKeys({ ...report, at: '2026-12-03T12:30:00+08:00' })
    expect(before).toBe(duplicateKey(report))
    expect(now).not.toBe(before)
  })

  it.each([
    ['same building and category, 90 minutes later', { at: '2026-12-03T11:30:00+08:00' }, true],
    ['exactly at the end of the window', { at: '2026-12-03T12:00:00+08:00' }, true],
    ['after the window', { at: '2026-12-03T12:00:01+08:00' }, false],
    ['earlier than the first', { at: '2026-12-03T09:59:00+08:00' }, false],
    ['another building', { buildingId: 'B6' }, false],
    ['another category', { category: 'water' }, false],
  ])('%s: %s', (_, patch, same) => {
    expect(isSameReport(report, { ...report, ...patch })).toBe(same)
  })
})
