import {
  addLocalDays,
  type ColourChange,
  classifyHousehold,
  type HouseholdFacts,
  type IntegrationNeed,
  monthOf,
  type RiskColour,
} from '@anju/shared'
import type { Built } from './factors'
import { instant } from './instant'
import { isWorkingAge } from './people'
import type { Rng } from './prng'

/**
 * Three years of colour history, from the rules: each household's facts are rebuilt as they were
 * on every day something changed (today's circumstance began, a past hardship started or ended, a
 * dispute opened, failed a round or was resolved), and the rules give that day's colour.
 */
export type Facts = Built['now']

export interface Episode {
  start: string
  /** Exclusive. */
  end: string
  apply: (f: Facts) => void
}

export interface DisputeSpan {
  id: string
  severity: HouseholdFacts['openDisputes'][number]['severity']
  opened: string
  failed: string[]
  resolved: string
}

export interface Timeline {
  built: Built
  /** The day today's circumstance began; undefined when it predates the history. */
  onset?: string
  episodes: Episode[]
  disputes: DisputeSpan[]
}

function factsOn(t: Timeline, day: string): Facts {
  const now = t.built.now
  const before = t.onset !== undefined && day < t.onset
  const base: Facts = before
    ? { ...now, members: t.built.baseline, mainEarnerLost: false, fireFindings: [], integrationNeeds: [] }
    : now
  const episodes = t.episodes.filter((e) => e.start <= day && day < e.end)
  const disputes = t.disputes.filter((d) => d.opened <= day && day < d.resolved)
  // The rules never mutate facts: copy only when something is laid over them.
  if (episodes.length === 0 && disputes.length === 0) return base
  const f: Facts = structuredClone(base)
  for (const e of episodes) e.apply(f)
  for (const d of disputes)
    f.openDisputes.push({ id: d.id, severity: d.severity, failedRounds: d.failed.filter((x) => x <= day).length })
  return f
}

export function colourOnDay(t: Timeline, day: string): RiskColour {
  return classifyHousehold(factsOn(t, day), { viewer: 'community_staff', now: instant(day, 12) }).overall
}

/** Change days of the overall (staff) colour, from `start` to `today`, oldest first. */
export function historyOf(t: Timeline, start: string, today: string): { day: string; colour: RiskColour }[] {
  const days = new Set([start])
  const candidates = [
    t.onset,
    ...t.episodes.flatMap((e) => [e.start, e.end]),
    ...t.disputes.flatMap((d) => [d.opened, d.resolved, ...d.failed]),
  ]
  for (const d of candidates) if (d !== undefined && d > start && d <= today) days.add(d)
  const out: { day: string; colour: RiskColour }[] = []
  for (const day of [...days].sort()) {
    const colour = colourOnDay(t, day)
    if (out.length === 0 || out[out.length - 1].colour !== colour) out.push({ day, colour })
  }
  return out
}

export const toChanges = (h: { day: string; colour: RiskColour }[]): ColourChange[] =>
  h.map(({ day, colour }) => ({ colour, at: instant(day, 10) }))

const NEEDS: IntegrationNeed[] = [
  'lift_use',
  'gas_appliances',
  'literacy',
  'school_enrolment',
  'registration',
  'dialect',
  'customs',
]

/** Hardships of the first years in town, most of them over by now. */
export function pastEpisode(rng: Rng, kind: 'red' | 'yellow' | 'spell', start: string, end: string): Episode {
  if (kind === 'red') {
    const needs = rng.sample(NEEDS, rng.int(3, 4))
    const collapse = rng.chance(0.35)
    return {
      start,
      end,
      apply: (f) => {
        f.integrationNeeds = needs
        if (collapse)
          for (const m of f.members)
            if (m.employment === 'stable') Object.assign(m, { employment: 'unemployed', monthlyIncome: 0 })
      },
    }
  }
  if (kind === 'yellow') {
    const which = rng.weighted([
      ['needs', 5],
      ['unstable', 3],
      ['unemployed', 2],
    ] as const)
    const needs = rng.sample(NEEDS, rng.int(1, 2))
    return {
      start,
      end,
      apply: (f) => {
        if (which === 'needs') f.integrationNeeds = needs
        const worker = f.members.find((m) => isWorkingAge(m) && m.employment === 'stable')
        if (!worker) {
          f.integrationNeeds = needs
          return
        }
        if (which === 'unstable') worker.employment = 'unstable'
        if (which === 'unemployed') Object.assign(worker, { employment: 'unemployed', monthlyIncome: 0 })
      },
    }
  }
  const fire = rng.chance(0.25)
  return {
    start,
    end,
    apply: (f) => {
      if (fire) {
        f.fireFindings.push({ kind: 'ebike_indoor_charging', rectified: false })
        return
      }
      const worker = f.members.find((m) => isWorkingAge(m) && m.employment === 'stable')
      if (worker) Object.assign(worker, { employment: 'unemployed', monthlyIncome: 0 })
    },
  }
}

/** Month ends from the start month to today's month (today for the current month). */
export function monthEnds(start: string, today: string): string[] {
  const out: string[] = []
  for (let m = monthOf(start).start; m <= today; m = addLocalDays(monthOf(m).end, 1)) {
    const end = monthOf(m).end
    out.push(end < today ? end : today)
  }
  return out
}

export function colourAt(h: { day: string; colour: RiskColour }[], day: string): RiskColour | undefined {
  let c: RiskColour | undefined
  for (const e of h) if (e.day <= day) c = e.colour
  return c
}
