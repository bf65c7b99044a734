import type { HouseholdFacts, IntegrationNeed, Person, RiskColour } from '@anju/shared'
import {
  composeFamily,
  earners,
  type HouseholdContext,
  isWorkingAge,
  makePerson,
  pension,
  settleIncome,
  wage,
} from './people'
import type { Rng } from './prng'

/**
 * The one circumstance that makes a household red or yellow today, with its intended colour.
 * The generator builds facts for it and keeps them only if the rules agree (households.ts);
 * counts are the published ones (196 red, 367 yellow, 152 elderly living alone) split over
 * the groups SEED.md names, in plausible proportions.
 */
export const FACTOR_PLAN = [
  ['elderly_alone', 'red', 152],
  ['serious_illness', 'red', 14],
  ['severe_disability', 'red', 11],
  ['main_earner_lost', 'red', 7],
  ['child_in_difficulty', 'red', 5],
  ['very_low_income', 'red', 4],
  ['fire_red', 'red', 3],
  ['chronic_illness', 'yellow', 100],
  ['unstable_work', 'yellow', 62],
  ['unemployed', 'yellow', 45],
  ['empty_nest', 'yellow', 45],
  ['low_income', 'yellow', 40],
  ['mild_disability', 'yellow', 38],
  ['left_behind_child', 'yellow', 22],
  ['integration', 'yellow', 10],
  ['fire_yellow', 'yellow', 5],
] as const satisfies readonly (readonly [string, RiskColour, number])[]

export type Factor = (typeof FACTOR_PLAN)[number][0] | 'none'

/** Circumstances people are born into or moved in with: no onset inside the three years. */
export const STRUCTURAL: ReadonlySet<Factor> = new Set([
  'elderly_alone',
  'empty_nest',
  'left_behind_child',
  'severe_disability',
  'none',
])

export interface Built {
  /** The family before today's circumstance began (equal to `now` for structural ones). */
  baseline: Person[]
  now: Omit<HouseholdFacts, 'members'> & { members: Person[] }
}

const clone = <T>(v: T): T => structuredClone(v)
/** A household's facts with nothing but its members: every other fact starts empty. */
export const emptyFacts = (members: Person[]): Built['now'] => ({
  members,
  mainEarnerLost: false,
  emptyNest: false,
  openDisputes: [],
  fireFindings: [],
  integrationNeeds: [],
  policeFlags: [],
})

function householdSize(rng: Rng): number {
  return rng.weighted([
    [1, 3],
    [2, 12],
    [3, 21],
    [4, 28],
    [5, 21],
    [6, 10],
    [7, 5],
  ] as const)
}

function greenFamily(rng: Rng, ctx: HouseholdContext): Person[] | undefined {
  const size = householdSize(rng)
  const members =
    size === 1
      ? [
          makePerson(rng, ctx, 1, {
            relation: 'head',
            age: rng.int(20, 52),
            sex: rng.chance(0.6) ? 'male' : 'female',
            surname: ctx.surname,
          }),
        ]
      : composeFamily(rng, ctx, size)
  if (size === 1) members[0].employment = 'stable'
  if (!members.some((m) => m.employment === 'stable')) {
    const worker = members.find(isWorkingAge)
    if (!worker || worker.age < 19) return undefined
    worker.employment = 'stable'
  }
  return settleIncome(rng, members, 1560, 2600) ? members : undefined
}

const pickOne = <T>(rng: Rng, xs: T[]): T | undefined => (xs.length ? rng.pick(xs) : undefined)

/** Builds a family with `factor`; undefined when this draw cannot carry it (the caller redraws). */
export function build(rng: Rng, ctx: HouseholdContext, factor: Factor): Built | undefined {
  if (factor === 'elderly_alone') {
    const p = makePerson(rng, ctx, 1, {
      relation: 'head',
      age: rng.int(62, 91),
      sex: rng.chance(0.62) ? 'female' : 'male',
      surname: ctx.surname,
    })
    Object.assign(p, {
      employment: 'retired',
      monthlyIncome: pension(rng) + rng.int(0, 60) * 10,
      literacy: 'none',
      awayForWork: false,
    })
    if (rng.chance(0.55)) p.health = 'chronic'
    if (rng.chance(0.1)) p.disability = 'mild'
    return { baseline: [clone(p)], now: emptyFacts([p]) }
  }
  if (factor === 'empty_nest') {
    const age = rng.int(60, 66)
    const a = makePerson(rng, ctx, 1, { relation: 'head', age, sex: 'male', surname: ctx.surname })
    const b = makePerson(rng, ctx, 2, { relation: 'spouse', age: age + rng.int(-4, 6), sex: 'female' })
    Object.assign(a, { employment: 'stable', monthlyIncome: wage(rng), awayForWork: false })
    Object.assign(b, { employment: 'retired', monthlyIncome: pension(rng), awayForWork: false })
    if (rng.chance(0.3)) b.health = 'chronic'
    return { baseline: [clone(a), clone(b)], now: { ...emptyFacts([a, b]), emptyNest: true } }
  }
  if (factor === 'left_behind_child') {
    const parentAge = rng.int(28, 40)
    const ms: Person[] = []
    const add = (relation: Person['relation'], age: number, sex: 'male' | 'female', surname?: string) =>
      ms.push(makePerson(rng, ctx, ms.length + 1, { relation, age, sex, surname }))
    add('head', parentAge, 'male', ctx.surname)
    add('spouse', parentAge + rng.int(-3, 2), 'female')
    add('parent', parentAge + rng.int(24, 32), 'female')
    const kids = rng.int(1, 2)
    for (let i = 0; i < kids; i++) add('child', rng.int(5, 14), rng.chance(0.5) ? 'male' : 'female', ctx.surname)
    for (const m of ms) {
      if (m.relation === 'head' || m.relation === 'spouse')
        Object.assign(m, { employment: 'stable', awayForWork: true, monthlyIncome: wage(rng) + 800 })
      if (m.relation === 'parent')
        Object.assign(m, { employment: 'retired', monthlyIncome: pension(rng), awayForWork: false })
      if (m.relation === 'child')
        Object.assign(m, { employment: 'student', monthlyIncome: 0, leftBehindChild: true, awayForWork: false })
    }
    if (!settleIncome(rng, ms, 1560, 2200)) return undefined
    return { baseline: clone(ms), now: emptyFacts(ms) }
  }
  const family = greenFamily(rng, ctx)
  if (!family) return undefined
  const baseline = clone(family)
  const now = emptyFacts(family)
  const ms = now.members
  switch (factor) {
    case 'none':
      return { baseline, now }
    case 'serious_illness': {
      const m = pickOne(
        rng,
        ms.filter((p) => p.age >= 30),
      )
      if (!m || ms.length < 2) return undefined
      Object.assign(m, {
        health: 'serious',
        employment: m.age >= 60 ? 'retired' : 'unable',
        monthlyIncome: m.age >= 60 ? m.monthlyIncome : 0,
        awayForWork: false,
      })
      break
    }
    case 'severe_disability': {
      const m = pickOne(rng, ms)
      if (!m || ms.length < 2) return undefined
      Object.assign(m, {
        disability: 'severe',
        employment: m.age < 19 ? 'student' : 'unable',
        monthlyIncome: 0,
        awayForWork: false,
      })
      return { baseline: clone(ms), now }
    }
    case 'main_earner_lost': {
      if (ms.length < 3) return undefined
      const top = [...earners(ms)].sort((a, b) => b.monthlyIncome - a.monthlyIncome)[0]
      Object.assign(top, { employment: 'unable', monthlyIncome: 0, health: 'serious', awayForWork: false })
      now.mainEarnerLost = true
      break
    }
    case 'child_in_difficulty': {
      const m = pickOne(
        rng,
        ms.filter((p) => p.age < 16),
      )
      if (!m) return undefined
      m.childInDifficulty = true
      break
    }
    case 'very_low_income':
    case 'low_income': {
      const [min, max] = factor === 'very_low_income' ? [450, 760] : [900, 1440]
      if (!settleIncome(rng, ms, min, max)) return undefined
      // settleIncome keeps wages at 1,800 or more; small families can't go that low.
      break
    }
    case 'fire_red':
      now.fireFindings = [
        { kind: 'ebike_indoor_charging', rectified: false },
        ...(rng.chance(0.5) ? [{ kind: 'no_smoke_alarm' as const, rectified: true }] : []),
      ]
      break
    case 'fire_yellow':
      now.fireFindings = [{ kind: rng.pick(['flammables_stored', 'no_smoke_alarm'] as const), rectified: false }]
      break
    case 'chronic_illness': {
      const older = ms.filter((p) => p.age >= 40)
      const m = pickOne(rng, older)
      if (!m) return undefined
      m.health = 'chronic'
      if (older.length > 1 && rng.chance(0.25)) (older.find((p) => p !== m) as Person).health = 'chronic'
      break
    }
    case 'mild_disability': {
      const m = pickOne(rng, ms)
      if (!m) return undefined
      m.disability = 'mild'
      break
    }
    case 'unstable_work':
    case 'unemployed': {
      const workers = ms.filter((p) => isWorkingAge(p) && p.employment === 'stable')
      if (workers.length < 2) return undefined
      const m = rng.pick(workers)
      Object.assign(
        m,
        factor === 'unemployed'
          ? { employment: 'unemployed', monthlyIncome: 0, awayForWork: false }
          : { employment: 'unstable', monthlyIncome: rng.int(150, 280) * 10 },
      )
      if (!settleIncome(rng, ms, 1560, 2200)) return undefined
      break
    }
    case 'integration': {
      const needs: IntegrationNeed[] = ['lift_use', 'gas_appliances', 'literacy', 'registration', 'dialect', 'customs']
      now.integrationNeeds = rng.sample(needs, rng.int(1, 2))
      break
    }
  }
  return { baseline, now }
}
