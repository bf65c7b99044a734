import type { HouseholdFacts, Member } from '../../src'

export function member(patch: Partial<Member> = {}): Member {
  return {
    name: '张三',
    age: 40,
    health: 'healthy',
    disability: 'none',
    employment: 'stable',
    monthlyIncome: 4000,
    leftBehindChild: false,
    childInDifficulty: false,
    ...patch,
  }
}

/** A stable green household of two earners, patched as each case needs. */
export function facts(patch: Partial<HouseholdFacts> = {}): HouseholdFacts {
  return {
    members: [member(), member({ name: '李四', age: 38 })],
    mainEarnerLost: false,
    emptyNest: false,
    openDisputes: [],
    fireFindings: [],
    integrationNeeds: [],
    policeFlags: [],
    ...patch,
  }
}
