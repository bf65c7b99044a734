import {
  addLocalDays,
  assignGuarantor,
  closeDispute,
  type DisputeCase,
  type DisputeLevel,
  type DisputeResult,
  type DisputeSeverity,
  escalate,
  openDispute,
  recordRound,
} from '@anju/shared'
import { instant } from './instant'
import type { Rng } from './prng'

/**
 * 1,621 disputes over three years, all processed: each is opened at the building head, mediated
 * in rounds, escalated one level at a time, put under a leader and special team (包保) after more
 * than three failures, resolved, followed up for 6–18 months and closed when that ends. Every step
 * goes through the shared dispute rules; a refusal is a generator bug and stops the run.
 */
export const PUBLISHED_DISPUTES = 1621

const KINDS = [
  '邻里噪音纠纷',
  '楼上漏水纠纷',
  '公共区域堆放杂物',
  '婚姻家庭纠纷',
  '赡养老人纠纷',
  '宅基地和老家土地纠纷',
  '劳务工资纠纷',
  '停车和电动车纠纷',
  '宠物扰民',
  '借款纠纷',
]
const LEVEL_PATH: DisputeLevel[] = ['building', 'area', 'community', 'subdistrict', 'leadership']

export interface Mediators {
  head: string
  gridWorkers: string[]
  communityStaff: string[]
  admins: string[]
}

export interface DisputeInput {
  id: string
  householdIds: string[]
  openedOn: string
  mediators: Mediators
  leaderName: string
  teamNames: string[]
  today: string
}

function must(result: DisputeResult, what: string): DisputeCase {
  if (!result.ok) throw new Error(`dispute rules refused ${what}: ${result.code} ${result.reason}`)
  return result.dispute
}

/** A finished case, built round by round through the rules. */
export function generateDispute(rng: Rng, input: DisputeInput): DisputeCase & { kind: string } {
  const severity: DisputeSeverity = rng.weighted([
    ['minor', 75],
    ['serious', 20],
    ['major', 5],
  ] as const)
  const finalLevel = rng.weighted([
    [0, 70],
    [1, 17],
    [2, 8],
    [3, 4],
    [4, 1],
  ] as const)
  const kind = rng.pick(KINDS)
  let day = input.openedOn
  let d = openDispute({ id: input.id, householdIds: input.householdIds, severity, at: instant(day, 9 + rng.int(0, 8)) })
  const mediator = (level: DisputeLevel) =>
    ({
      building: input.mediators.head,
      area: rng.pick(input.mediators.gridWorkers),
      community: rng.pick(input.mediators.communityStaff),
      subdistrict: rng.pick(input.mediators.admins),
      leadership: input.mediators.admins[0],
    })[level]
  const step = (days: number) => {
    day = addLocalDays(day, days)
    return instant(day, 9 + rng.int(0, 9))
  }
  for (let li = 0; li <= finalLevel; li++) {
    const level = LEVEL_PATH[li]
    const budget = 10 - d.rounds.length - (finalLevel - li) - 1
    const fails = li < finalLevel ? rng.int(1, Math.min(2, budget + 1)) : rng.int(0, Math.min(2, budget))
    for (let f = 0; f < fails; f++) {
      if (d.rounds.filter((r) => r.outcome === 'failed').length > 3 && !d.guarantor) d = guarantee(d, input, step(1))
      d = must(
        recordRound(d, {
          at: step(rng.int(2, 9)),
          outcome: 'failed',
          mediatorId: mediator(level),
          note: `${kind}，双方意见分歧，择日再调`,
        }),
        'a failed round',
      )
    }
    if (li < finalLevel) {
      const to = LEVEL_PATH[li + 1]
      if (to === 'leadership' && !d.guarantor) d = guarantee(d, input, step(1))
      d = must(
        escalate(d, { to, at: step(rng.int(1, 3)), reason: `${kind}在本级未能化解，上报上一级` }),
        'an escalation',
      )
    }
  }
  if (d.rounds.filter((r) => r.outcome === 'failed').length > 3 && !d.guarantor) d = guarantee(d, input, step(1))
  const months = rng.weighted([
    [6, 70],
    [12, 20],
    [18, 10],
  ] as const)
  d = must(
    recordRound(d, {
      at: step(rng.int(2, 9)),
      outcome: 'resolved',
      mediatorId: mediator(d.level),
      note: `${kind}调解成功，双方签订调解协议`,
      followUpMonths: months,
    }),
    'the resolution',
  )
  const followUpEnd = d.followUp?.end as string
  if (followUpEnd < input.today) {
    const next = addLocalDays(followUpEnd, 1)
    d = must(closeDispute(d, { at: instant(next < input.today ? next : followUpEnd, 17) }), 'closing')
  }
  return { ...d, kind }
}

function guarantee(d: DisputeCase, input: DisputeInput, at: string): DisputeCase {
  return must(assignGuarantor(d, { leaderName: input.leaderName, team: input.teamNames, at }), 'a guarantor')
}

/** The day the case was resolved (its last round). */
export const resolvedOn = (d: DisputeCase) => d.rounds[d.rounds.length - 1].at
