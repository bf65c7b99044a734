import type { Employment, Literacy, Person, Relation } from '@anju/shared'
import { ageOn, birthDateFor, type IdNumbers } from './identity'
import { type Ethnicity, personName, pickSurname } from './names'
import type { Rng } from './prng'

// Who lives in a household, with the jobs and incomes of a stable (green) family. Risk factors
// (factors.ts) then change these facts; the colour comes only from the rules.

export interface HouseholdContext {
  householdId: string
  ethnicity: Ethnicity
  surname: string
  countyIndex: number
  today: string
  ids: IdNumbers
}

export function newContext(
  rng: Rng,
  householdId: string,
  ethnicity: Ethnicity,
  countyIndex: number,
  today: string,
  ids: IdNumbers,
): HouseholdContext {
  return { householdId, ethnicity, surname: pickSurname(rng), countyIndex, today, ids }
}

const round10 = (n: number) => Math.round(n / 10) * 10

function literacyFor(rng: Rng, age: number): Literacy {
  if (age < 7) return 'none'
  if (age >= 55)
    return rng.weighted([
      ['none', 6],
      ['basic', 4],
    ] as const)
  if (age >= 35)
    return rng.weighted([
      ['none', 15],
      ['basic', 70],
      ['fluent', 15],
    ] as const)
  return rng.weighted([
    ['basic', 3],
    ['fluent', 7],
  ] as const)
}

function defaultEmployment(rng: Rng, age: number, sex: 'male' | 'female'): Employment {
  if (age < 19) return 'student'
  if (age <= 22 && rng.chance(0.4)) return 'student'
  if (age >= 65) return 'retired'
  if (age >= 60) return rng.chance(0.3) ? 'stable' : 'retired'
  // Homemakers caring for small children or parents: not seeking work (不再工作).
  if (sex === 'female' && age >= 25 && rng.chance(0.1)) return 'retired'
  return 'stable'
}

export function wage(rng: Rng): number {
  return round10(rng.normal(3600, 800, 2200, 6500))
}

export function pension(rng: Rng): number {
  return round10(rng.int(160, 420))
}

export function makePerson(
  rng: Rng,
  ctx: HouseholdContext,
  n: number,
  p: { relation: Relation; age: number; sex: 'male' | 'female'; surname?: string },
): Person {
  const birthDate = birthDateFor(rng, p.age, ctx.today)
  const age = ageOn(birthDate, ctx.today)
  const employment = defaultEmployment(rng, age, p.sex)
  return {
    id: `${ctx.householdId}-p${n}`,
    name: personName(rng, { sex: p.sex, ethnicity: ctx.ethnicity, surname: p.surname }),
    idNumber: ctx.ids.next(ctx.countyIndex, birthDate, p.sex),
    sex: p.sex,
    birthDate,
    age,
    relation: p.relation,
    ethnicity: ctx.ethnicity,
    literacy: literacyFor(rng, age),
    health: 'healthy',
    disability: 'none',
    employment,
    monthlyIncome: employment === 'stable' ? wage(rng) : employment === 'retired' && age >= 60 ? pension(rng) : 0,
    leftBehindChild: false,
    childInDifficulty: false,
    awayForWork: employment === 'stable' && age <= 50 && rng.chance(0.12),
  }
}

const other = (sex: 'male' | 'female') => (sex === 'male' ? 'female' : 'male')

/** A family of `size`: head, spouse, perhaps the head's parents, children, in-laws, grandchildren. */
export function composeFamily(rng: Rng, ctx: HouseholdContext, size: number, headAge = rng.int(24, 62)): Person[] {
  const headSex = rng.chance(0.75) ? 'male' : 'female'
  const members: Person[] = []
  const add = (relation: Relation, age: number, sex: 'male' | 'female', surname?: string) =>
    members.push(makePerson(rng, ctx, members.length + 1, { relation, age: Math.max(0, age), sex, surname }))
  add('head', headAge, headSex, ctx.surname)
  if (members.length < size && rng.chance(0.88)) add('spouse', Math.max(20, headAge + rng.int(-5, 3)), other(headSex))
  if (size - members.length >= 2 && headAge < 52 && rng.chance(0.55)) {
    const parentAge = headAge + rng.int(22, 32)
    add('parent', parentAge, 'female')
    if (size - members.length >= 2 && rng.chance(0.5)) add('parent', parentAge + rng.int(0, 4), 'male', ctx.surname)
  }
  let childAge = headAge - rng.int(21, 33)
  while (members.length < size) {
    const eldest = members.find((m) => m.relation === 'child')
    if (
      eldest &&
      eldest.age >= 23 &&
      size - members.length >= 2 &&
      !members.some((m) => m.relation === 'child_in_law') &&
      rng.chance(0.5)
    ) {
      add('child_in_law', eldest.age + rng.int(-3, 3), other(eldest.sex))
      add('grandchild', rng.int(0, Math.max(0, eldest.age - 20)), rng.chance(0.5) ? 'male' : 'female', ctx.surname)
      continue
    }
    add(
      members.some((m) => m.relation === 'child_in_law') ? 'grandchild' : 'child',
      childAge,
      rng.chance(0.5) ? 'male' : 'female',
      ctx.surname,
    )
    childAge -= rng.int(1, 4)
    if (childAge < 0) childAge = rng.int(0, 3)
  }
  return members
}

export const isWorkingAge = (m: Person) => m.age >= 16 && m.age <= 59
export const earners = (ms: Person[]) => ms.filter((m) => m.employment === 'stable' || m.employment === 'unstable')

/** Sets stable earners' wages so income per person lies in [min, max] (yuan/month). */
export function settleIncome(rng: Rng, ms: Person[], min: number, max: number): boolean {
  const stable = ms.filter((m) => m.employment === 'stable')
  if (stable.length === 0) return false
  const fixed = ms.filter((m) => m.employment !== 'stable').reduce((s, m) => s + m.monthlyIncome, 0)
  const target = rng.int(min, max) * ms.length
  const weights = stable.map(() => rng.int(8, 14))
  const wsum = weights.reduce((s, w) => s + w, 0)
  stable.forEach((m, i) => {
    m.monthlyIncome = Math.max(1800, round10(((target - fixed) * weights[i]) / wsum))
  })
  return true
}

export const perCapita = (ms: Person[]) => ms.reduce((s, m) => s + m.monthlyIncome, 0) / ms.length
