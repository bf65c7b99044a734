import { addLocalDays, classifyHousehold, type HouseholdFile, type RiskColour } from '@anju/shared'
import { HOUSEHOLDS } from '../fixture'
import { type Built, build, FACTOR_PLAN, type Factor, STRUCTURAL } from './factors'
import type { Room } from './grid'
import type { IdNumbers } from './identity'
import { instant } from './instant'
import { pickEthnicity } from './names'
import type { OriginVillage } from './origins'
import { newContext } from './people'
import { PINNED_HOUSEHOLD_IDS, pinnedHousehold } from './pinned'
import type { Rng } from './prng'

// Today's households: facts drawn for a planned circumstance, kept only when the rules give the
// colour that circumstance should carry. The counts therefore come out of the rules, not a label.

export interface Draft {
  room: Room
  origin: OriginVillage
  movedInOn: string
  factor: Factor
  built: Built
  onset?: string
  verdict: HouseholdFile['verdict']
}

const PINNED_FACTOR: Record<string, Factor> = {
  [HOUSEHOLDS.h5_1_0302.id]: 'serious_illness',
  [HOUSEHOLDS.h6_2_1101.id]: 'unstable_work',
}
const COLOUR_OF = new Map<Factor, RiskColour>([...FACTOR_PLAN.map(([f, c]) => [f, c] as const), ['none', 'green']])

export function verdictOf(built: Built, nowIso: string): HouseholdFile['verdict'] {
  const staff = classifyHousehold(built.now, { viewer: 'community_staff', now: nowIso })
  const police = classifyHousehold(built.now, { viewer: 'police', now: nowIso })
  const modules = Object.fromEntries(
    Object.entries(police.modules).map(([m, v]) => [m, { colour: v.colour, reasons: v.reasons }]),
  )
  return { overall: staff.overall, overallPolice: police.overall, modules, reasons: staff.reasons, computedAt: nowIso }
}

/** The factor of each chosen room: the published counts (scaled) minus the pinned homes. */
function planFactors(rng: Rng, count: number, scale: number, pinned: Factor[]): Factor[] {
  const plan: Factor[] = []
  for (const [factor, , n] of FACTOR_PLAN) {
    const want = Math.max(0, Math.round(n * scale) - pinned.filter((p) => p === factor).length)
    for (let i = 0; i < want; i++) plan.push(factor)
  }
  if (plan.length > count) throw new Error('scale too small for the published groups')
  while (plan.length < count) plan.push('none')
  return rng.shuffle(plan)
}

export interface HeadHome {
  userId: string
  name: string
}

export function draftHouseholds(
  rng: Rng,
  rooms: Room[],
  scale: number,
  today: string,
  t0: string,
  ids: IdNumbers,
  origins: (rng: Rng) => OriginVillage,
  heads: Map<string, HeadHome>,
): Draft[] {
  const nowIso = instant(today, 8)
  const pinnedIds = new Set(PINNED_HOUSEHOLD_IDS)
  const free = rooms.filter((r) => !pinnedIds.has(r.householdId))
  const factors = planFactors(
    rng,
    free.length,
    scale,
    PINNED_HOUSEHOLD_IDS.map((id) => PINNED_FACTOR[id] ?? 'none'),
  )
  let fi = 0
  return rooms.map((room) => {
    const origin = origins(rng)
    const movedInOn = addLocalDays(t0, -rng.int(700, 1500))
    const pinned = pinnedIds.has(room.householdId)
    const factor = pinned ? (PINNED_FACTOR[room.householdId] ?? 'none') : factors[fi++]
    let built: Built | undefined
    let verdict: HouseholdFile['verdict'] | undefined
    for (let attempt = 0; !verdict; attempt++) {
      if (attempt > 200) throw new Error(`could not draw facts for ${factor} in ${room.householdId}`)
      if (pinned) built = pinnedHousehold(room.householdId, today, ids).built
      else {
        const ctx = newContext(rng, room.householdId, pickEthnicity(rng), origin.countyIndex, today, ids)
        built = build(rng, ctx, factor)
        if (!built) continue
        const head = heads.get(room.householdId)
        // An elderly person living alone cannot be the head: then the head lives elsewhere in the building.
        if (head && !placeHead(built, head) && attempt < 20) continue
        if (factor === 'none' && rng.chance(0.005))
          built.now.policeFlags = [
            { kind: rng.pick(['fraud_victim', 'petition_risk', 'community_correction'] as const), level: 'watch' },
          ]
      }
      const v = verdictOf(built, nowIso)
      if (v.overall === COLOUR_OF.get(factor)) verdict = v
    }
    const b = built as Built
    const onset =
      STRUCTURAL.has(factor) || pinned
        ? undefined
        : factor.startsWith('fire')
          ? addLocalDays(today, -rng.int(3, 60))
          : rng.chance(0.6)
            ? undefined
            : addLocalDays(t0, rng.int(1, daysBetween(t0, today) - 20))
    return { room, origin, movedInOn, factor, built: b, onset, verdict }
  })
}

/** A building head lives in their building: one adult of the household takes their name. */
function placeHead(built: Built, head: HeadHome): boolean {
  // Someone who married into the family, so the head's own surname need not be the family's.
  const able = built.now.members.filter((p) => p.age >= 22 && p.age <= 59 && p.employment !== 'unable')
  const m = able.find((p) => p.relation === 'spouse' || p.relation === 'child_in_law') ?? able[0]
  if (!m) return false
  m.name = head.name
  m.userId = head.userId
  const before = built.baseline.find((p) => p.id === m.id)
  if (before) Object.assign(before, { name: head.name, userId: head.userId })
  return true
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}
