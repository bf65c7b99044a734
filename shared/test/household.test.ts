import fc from 'fast-check'
import {
  type ColourOverride,
  classifyHousehold,
  colourRank,
  HOUSEHOLD_RULES,
  type HouseholdFacts,
  RiskModule,
  type Role,
  worstColour,
} from '../src'
import { facts, member } from './support/household'

const NOW = '2026-12-03T10:00:00+08:00'
const staff = { viewer: 'community_staff' as Role, now: NOW }

describe('classifyHousehold: one colour per module, with reasons', () => {
  it('a stable household is green everywhere', () => {
    // Act
    const v = classifyHousehold(facts(), staff)
    // Assess
    expect(v.overall).toBe('green')
    expect(v.reasons).toEqual(['各模块均为绿色（低风险）'])
    expect(Object.keys(v.modules)).toEqual(['livelihood', 'governance', 'fire_safety', 'mass_org'])
    expect(v.modules.livelihood).toEqual({ colour: 'green', computed: 'green', reasons: ['收入稳定，无困难因素'] })
  })

  it.each([
    [
      'low per-capita income',
      { members: [member({ monthlyIncome: 1000 }), member({ monthlyIncome: 200 })] },
      'livelihood',
      'red',
      '人均月收入 600 元，低于 800 元，难以维持生活',
    ],
    [
      'middling income',
      { members: [member({ monthlyIncome: 1200 })] },
      'livelihood',
      'yellow',
      '人均月收入 1200 元，低于 1500 元',
    ],
    [
      'elderly living alone',
      { members: [member({ name: '王奶奶', age: 78, employment: 'retired' })] },
      'livelihood',
      'red',
      '独居老人（王奶奶，78 岁）',
    ],
    ['empty nest', { emptyNest: true }, 'livelihood', 'yellow', '空巢老人家庭'],
    ['main earner lost', { mainEarnerLost: true }, 'livelihood', 'red', '家庭失去主要劳动力'],
    [
      'serious illness',
      { members: [member(), member({ name: '李四', health: 'serious' })] },
      'livelihood',
      'red',
      '李四患大病',
    ],
    [
      'chronic illness',
      { members: [member(), member({ name: '李四', health: 'chronic' })] },
      'livelihood',
      'yellow',
      '李四患慢性病',
    ],
    [
      'severe disability',
      { members: [member(), member({ name: '李四', disability: 'severe' })] },
      'livelihood',
      'red',
      '李四重度残疾',
    ],
    [
      'mild disability',
      { members: [member(), member({ name: '李四', disability: 'mild' })] },
      'livelihood',
      'yellow',
      '李四轻度残疾',
    ],
    [
      'unstable work',
      { members: [member(), member({ name: '李四', employment: 'unstable' })] },
      'livelihood',
      'yellow',
      '李四就业不稳定，随时可能断收入',
    ],
    [
      'unemployed',
      { members: [member(), member({ name: '李四', employment: 'unemployed' })] },
      'livelihood',
      'yellow',
      '李四处于劳动年龄但失业',
    ],
    [
      'a minor dispute',
      { openDisputes: [{ id: 'D1', severity: 'minor', failedRounds: 0 }] },
      'governance',
      'yellow',
      '有未化解的一般矛盾纠纷',
    ],
    [
      'a major dispute',
      { openDisputes: [{ id: 'D1', severity: 'major', failedRounds: 1 }] },
      'governance',
      'red',
      '有未化解的重大矛盾纠纷',
    ],
    [
      'a dispute failed 4 times',
      { openDisputes: [{ id: 'D1', severity: 'minor', failedRounds: 4 }] },
      'governance',
      'red',
      '一般矛盾纠纷已调解失败 4 次',
    ],
    [
      'two open disputes',
      {
        openDisputes: [
          { id: 'D1', severity: 'minor', failedRounds: 0 },
          { id: 'D2', severity: 'serious', failedRounds: 0 },
        ],
      },
      'governance',
      'red',
      '同时有 2 起未化解的矛盾纠纷',
    ],
    [
      'e-bike charged indoors',
      { fireFindings: [{ kind: 'ebike_indoor_charging', rectified: false }] },
      'fire_safety',
      'red',
      '消防隐患未整改：电动车入户充电',
    ],
    [
      'flammables',
      { fireFindings: [{ kind: 'flammables_stored', rectified: false }] },
      'fire_safety',
      'yellow',
      '消防隐患未整改：堆放易燃物',
    ],
    [
      'three minor fire findings',
      {
        fireFindings: [
          { kind: 'other', rectified: false },
          { kind: 'no_smoke_alarm', rectified: false },
          { kind: 'flammables_stored', rectified: false },
        ],
      },
      'fire_safety',
      'red',
      '3 项消防隐患未整改',
    ],
    [
      'one integration need',
      { integrationNeeds: ['lift_use'] },
      'mass_org',
      'yellow',
      '融入城镇生活需要帮助：不会使用电梯',
    ],
    [
      'three integration needs',
      { integrationNeeds: ['lift_use', 'literacy', 'dialect'] },
      'mass_org',
      'red',
      '融入城镇生活需要帮助：不会使用电梯、识字困难、语言沟通困难',
    ],
    [
      'one integration need ticked three times (issue 3)',
      { integrationNeeds: ['lift_use', 'lift_use', 'lift_use'] },
      'mass_org',
      'yellow',
      '融入城镇生活需要帮助：不会使用电梯',
    ],
    [
      'two integration needs, one repeated (issue 3)',
      { integrationNeeds: ['lift_use', 'dialect', 'lift_use'] },
      'mass_org',
      'yellow',
      '融入城镇生活需要帮助：不会使用电梯、语言沟通困难',
    ],
    [
      'a left-behind child',
      {
        members: [
          member(),
          member({ name: '小明', age: 9, employment: 'student', monthlyIncome: 0, leftBehindChild: true }),
        ],
      },
      'mass_org',
      'yellow',
      '小明为留守儿童',
    ],
    [
      'a child in difficulty',
      {
        members: [
          member({ monthlyIncome: 9000 }),
          member({ name: '小红', age: 7, employment: 'student', monthlyIncome: 0, childInDifficulty: true }),
        ],
      },
      'mass_org',
      'red',
      '小红为困境儿童',
    ],
  ] as const)('%s → %s %s', (_, patch, module, colour, reason) => {
    // Act
    const v = classifyHousehold(facts(patch as Partial<HouseholdFacts>), staff)
    // Assess
    expect(v.modules[module]?.colour).toBe(colour)
    expect(v.modules[module]?.reasons).toContain(reason)
    expect(v.overall).toBe(colour)
    expect(v.reasons.some((r) => r.endsWith(reason))).toBe(true)
  })

  it('ignores rectified fire findings and the work status of children and the elderly', () => {
    const v = classifyHousehold(
      facts({
        fireFindings: [{ kind: 'blocked_exit', rectified: true }],
        members: [
          member({ monthlyIncome: 9000 }),
          member({ name: '爷爷', age: 70, employment: 'unemployed', monthlyIncome: 0 }),
          member({ name: '小明', age: 12, employment: 'unemployed', monthlyIncome: 0 }),
        ],
      }),
      staff,
    )
    expect(v.overall).toBe('green')
  })

  it('lists the worst modules first in the overall reasons, prefixed with the module', () => {
    const v = classifyHousehold(facts({ integrationNeeds: ['customs'], mainEarnerLost: true }), staff)
    expect(v.reasons).toEqual(['民生：家庭失去主要劳动力', '群团：融入城镇生活需要帮助：生活习惯待适应'])
  })

  it('reads its thresholds from the config it is given', () => {
    const rules = { ...HOUSEHOLD_RULES, perCapitaIncome: { red: 5000, yellow: 6000 } }
    expect(classifyHousehold(facts(), staff, rules).modules.livelihood?.colour).toBe('red')
  })
})

describe('the special-policing module is for police only', () => {
  const flagged = facts({
    policeFlags: [
      { kind: 'drug_history', level: 'high' },
      { kind: 'fraud_victim', level: 'watch' },
    ],
  })

  it.each(['building_head', 'grid_worker', 'community_staff', 'subdistrict_admin', 'property_staff'] as Role[])(
    '%s sees neither the module nor its colour',
    (viewer) => {
      const v = classifyHousehold(flagged, { viewer, now: NOW })
      expect(v.modules.policing).toBeUndefined()
      expect(v.overall).toBe('green')
      expect(JSON.stringify(v)).not.toContain('吸毒')
    },
  )

  it('police see it, and it counts in their overall colour', () => {
    const v = classifyHousehold(flagged, { viewer: 'police', now: NOW })
    expect(v.modules.policing).toEqual({
      colour: 'red',
      computed: 'red',
      reasons: ['重点关注：吸毒史', '重点关注：电诈受害'],
    })
    expect(v.overall).toBe('red')
  })

  it('police see a clear module as green', () => {
    expect(classifyHousehold(facts(), { viewer: 'police', now: NOW }).modules.policing?.reasons).toEqual([
      '无重点关注事项',
    ])
  })
})

describe('staff overrides', () => {
  const base = { setBy: 'U1', reason: '子女已接回同住', setAt: '2026-12-01T09:00:00+08:00' }
  const override = (patch: Partial<ColourOverride>): ColourOverride => ({
    module: 'livelihood',
    colour: 'green',
    expiresAt: '2026-12-31T00:00:00+08:00',
    ...base,
    ...patch,
  })
  const alone = facts({ members: [member({ name: '王奶奶', age: 80, employment: 'retired', monthlyIncome: 2000 })] })

  it('wins until it expires and keeps the computed colour', () => {
    // Act
    const v = classifyHousehold(alone, { ...staff, overrides: [override({})] })
    // Assess
    expect(v.modules.livelihood).toMatchObject({
      colour: 'green',
      computed: 'red',
      override: { colour: 'green', reason: '子女已接回同住' },
    })
    expect(v.modules.livelihood?.reasons).toContain('人工调整为绿色：子女已接回同住（至 2026-12-31T00:00:00+08:00）')
    expect(v.overall).toBe('green')
  })

  it.each([
    ['after it expired', { expiresAt: '2026-12-03T09:59:59+08:00' }],
    ['exactly when it expires', { expiresAt: NOW }],
    ['before it was set', { setAt: '2026-12-04T00:00:00+08:00' }],
    ['for another module', { module: 'governance' as const }],
  ])('does not apply %s', (_, patch) => {
    const v = classifyHousehold(alone, { ...staff, overrides: [override(patch)] })
    expect(v.modules.livelihood?.colour).toBe('red')
  })

  it('the latest override in force wins', () => {
    const older = override({ colour: 'yellow', setAt: '2026-11-01T00:00:00+08:00' })
    const newer = override({ colour: 'green', setAt: '2026-12-02T00:00:00+08:00' })
    expect(classifyHousehold(alone, { ...staff, overrides: [newer, older] }).modules.livelihood?.colour).toBe('green')
    expect(classifyHousehold(alone, { ...staff, overrides: [older, newer] }).modules.livelihood?.colour).toBe('green')
  })

  it('can raise a colour too', () => {
    const v = classifyHousehold(facts(), {
      ...staff,
      overrides: [override({ module: 'fire_safety', colour: 'red', reason: '楼道堆放杂物屡教不改' })],
    })
    expect(v.overall).toBe('red')
    expect(v.reasons).toContain('消防：人工调整为红色：楼道堆放杂物屡教不改（至 2026-12-31T00:00:00+08:00）')
  })
})

describe('properties', () => {
  const colour = fc.constantFrom('green' as const, 'yellow' as const, 'red' as const)
  const memberArb = fc.record({
    name: fc.constantFrom('甲', '乙', '丙'),
    age: fc.integer({ min: 0, max: 100 }),
    health: fc.constantFrom('healthy' as const, 'chronic' as const, 'serious' as const),
    disability: fc.constantFrom('none' as const, 'mild' as const, 'severe' as const),
    employment: fc.constantFrom(
      'stable' as const,
      'unstable' as const,
      'unemployed' as const,
      'student' as const,
      'retired' as const,
      'unable' as const,
    ),
    monthlyIncome: fc.integer({ min: 0, max: 10_000 }),
    leftBehindChild: fc.boolean(),
    childInDifficulty: fc.boolean(),
  })
  const factsArb = fc.record({
    members: fc.array(memberArb, { minLength: 1, maxLength: 6 }),
    mainEarnerLost: fc.boolean(),
    emptyNest: fc.boolean(),
    openDisputes: fc.array(
      fc.record({
        id: fc.constant('D1'),
        severity: fc.constantFrom('minor' as const, 'serious' as const, 'major' as const),
        failedRounds: fc.integer({ min: 0, max: 10 }),
      }),
      { maxLength: 3 },
    ),
    fireFindings: fc.array(
      fc.record({
        kind: fc.constantFrom('ebike_indoor_charging' as const, 'other' as const, 'no_smoke_alarm' as const),
        rectified: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    integrationNeeds: fc.uniqueArray(
      fc.constantFrom('lift_use' as const, 'literacy' as const, 'dialect' as const, 'customs' as const),
      { maxLength: 4 },
    ),
    policeFlags: fc.array(
      fc.record({ kind: fc.constant('other' as const), level: fc.constantFrom('watch' as const, 'high' as const) }),
      { maxLength: 2 },
    ),
  })
  const overridesArb = fc.array(
    fc.record({
      module: fc.constantFrom(...RiskModule.options),
      colour,
      reason: fc.constant('复核'),
      setBy: fc.constant('U1'),
      setAt: fc.constant('2026-12-01T00:00:00+08:00'),
      expiresAt: fc.constantFrom('2026-12-02T00:00:00+08:00', '2027-01-01T00:00:00+08:00'),
    }),
    { maxLength: 3 },
  )
  const viewer = fc.constantFrom<Role>('police', 'building_head', 'community_staff')

  it('the overall colour is never better than any module colour the viewer sees', () => {
    fc.assert(
      fc.property(factsArb, overridesArb, viewer, (f, overrides, who) => {
        const v = classifyHousehold(f, { viewer: who, now: NOW, overrides })
        for (const m of Object.values(v.modules))
          expect(colourRank(v.overall)).toBeGreaterThanOrEqual(colourRank(m.colour))
        expect(v.overall).toBe(worstColour(Object.values(v.modules).map((m) => m.colour)))
        expect(v.modules.policing !== undefined).toBe(who === 'police')
      }),
    )
  })

  it('every non-green module gives at least one reason', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const v = classifyHousehold(f, staff)
        for (const m of Object.values(v.modules)) expect(m.reasons.length).toBeGreaterThan(0)
        expect(v.reasons.length).toBeGreaterThan(0)
      }),
    )
  })
})

it('worstColour of nothing is green', () => {
  expect(worstColour([])).toBe('green')
})
