import { createHash } from 'node:crypto'
import {
  CameraRegister,
  ColourTrend,
  classifyHousehold,
  DisputeCase,
  DisputeLevel,
  GridTree,
  HouseholdFile,
  JobProfile,
  Me,
  normaliseIdNumber,
  normaliseName,
  StoredPosting,
} from '@anju/shared'
import { DEV_ACCOUNTS } from '../src/local/fixture'
import { generatePopulation, type Population } from '../src/local/population'
import { populationItems } from '../src/local/population/items'
import { villageName } from '../src/local/population/origins'

// The generated population against the published figures (docs/data.md), the shared schemas and
// the shared rules. One full-scale generation (≈ 5 s) serves the whole file.

const TODAY = '2026-12-03'
let full: Population

beforeAll(() => {
  full = generatePopulation({ scale: 1, today: TODAY })
}, 120_000)

const hash = (p: Population) => createHash('sha256').update(JSON.stringify(p)).digest('hex')
const within = (actual: number, published: number, tolerance: number) =>
  Math.abs(actual - published) / published <= tolerance

describe('determinism', () => {
  it('gives byte-identical output for the same seed and a different one for another seed', () => {
    // Act
    const a = hash(generatePopulation({ seed: 'fixed', scale: 0.05, today: TODAY }))
    const b = hash(generatePopulation({ seed: 'fixed', scale: 0.05, today: TODAY }))
    const c = hash(generatePopulation({ seed: 'other', scale: 0.05, today: TODAY }))
    // Assess
    expect(a).toBe(b)
    expect(c).not.toBe(a)
  })
})

describe('calibration to the published figures (±2%)', () => {
  const figures = () => {
    const members = full.households.flatMap((h) => h.facts.members)
    const role = (r: string) => full.users.filter((u) => u.role === r).length
    return {
      households: full.households.length,
      residents: members.length,
      buildingHeads: role('building_head'),
      communityStaff: role('community_staff'),
      elderlyAlone: full.households.filter((h) => h.facts.members.length === 1 && h.facts.members[0].age >= 60).length,
      cameras: full.cameras.filter((c) => !c.revokedAt).length,
      disputes: full.disputes.length,
      originVillages: new Set(full.households.map((h) => h.origin.villageCode)).size,
    }
  }

  it.each([
    ['households', 10_000],
    ['residents', 40_000],
    ['buildingHeads', 103],
    ['communityStaff', 63],
    ['elderlyAlone', 152],
    ['cameras', 4082],
    ['disputes', 1621],
    ['originVillages', 297],
  ] as const)('%s ≈ %i', (name, published) => {
    const actual = figures()[name]
    expect({ name, actual, ok: within(actual, published, 0.02) }).toEqual({ name, actual, ok: true })
  })

  it.each([
    ['河玉村民委员会', '河玉村'],
    ['新田村村民委员会', '新田村'],
  ])('names the village committee %s as %s', (committee, village) => {
    expect(villageName(committee)).toBe(village)
  })

  it('draws origins from five Zhaotong counties', () => {
    expect(new Set(full.households.map((h) => h.origin.countyCode)).size).toBe(5)
    expect(full.households.every((h) => h.origin.villageCode.startsWith(h.origin.countyCode))).toBe(true)
  })
})

describe('colours come from the rules', () => {
  it('recomputes about 196 red and 367 yellow households (±5%) from the stored facts', () => {
    // Act: the rules, run afresh on what is stored, as staff see it.
    const colours = full.households.map(
      (h) => classifyHousehold(h.facts, { viewer: 'community_staff', now: `${TODAY}T08:00:00.000+08:00` }).overall,
    )
    const red = colours.filter((c) => c === 'red').length
    const yellow = colours.filter((c) => c === 'yellow').length
    // Assess
    expect({ red, ok: within(red, 196, 0.05) }).toEqual({ red, ok: true })
    expect({ yellow, ok: within(yellow, 367, 0.05) }).toEqual({ yellow, ok: true })
    expect(full.households.every((h, i) => h.verdict.overall === colours[i])).toBe(true)
  })

  it('ends every colour history at today’s colour, and red fell from 500+ and yellow from 2,000+', () => {
    const first = full.trend.months[0].counts
    const last = full.trend.months[full.trend.months.length - 1].counts
    expect(full.households.every((h) => h.colourHistory[h.colourHistory.length - 1].colour === h.verdict.overall)).toBe(
      true,
    )
    expect(full.trend.months).toHaveLength(37)
    expect(first.red).toBeGreaterThan(500)
    expect(first.yellow).toBeGreaterThan(2000)
    expect([last.red, last.yellow]).toEqual([196, 367])
  })
})

describe('schemas', () => {
  it.each([
    ['households', () => full.households, HouseholdFile],
    ['disputes', () => full.disputes, DisputeCase],
    ['camera registers', () => full.registers, CameraRegister],
    ['postings', () => full.postings, StoredPosting],
    ['seeker profiles', () => full.seekers.map((s) => s.profile), JobProfile],
    ['users', () => full.users, Me],
    ['grid', () => [full.grid], GridTree],
    ['colour trend', () => [full.trend], ColourTrend],
  ] as const)('every generated %s passes its shared schema', (_name, list, schema) => {
    const failures = list()
      .map((x) => ({
        x,
        r: (schema as { safeParse: (v: unknown) => { success: boolean; error?: unknown } }).safeParse(x),
      }))
      .filter(({ r }) => !r.success)
    expect(failures.slice(0, 1).map(({ r }) => r.error)).toEqual([])
  })

  it('gives every item a key and an entity, no empty GSI key, and lists only red and yellow households by colour', () => {
    const items = populationItems(generatePopulation({ scale: 0.05, today: TODAY }))
    const bad = items.filter(
      (i) => !i.PK || !i.SK || !i.entity || ['GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'].some((k) => i[k] === ''),
    )
    const households = items.filter((i) => i.entity === 'household')
    const listedByColour = households.filter((i) => i.GSI2PK !== undefined)
    expect(bad).toEqual([])
    expect(new Set(items.map((i) => `${i.PK}|${i.SK}`)).size).toBe(items.length)
    expect(listedByColour.length).toBeGreaterThan(0)
    expect(
      listedByColour.every((i) => String(i.GSI2PK).endsWith(`#${(i.verdict as { overall: string }).overall}`)),
    ).toBe(true)
    expect(listedByColour.length).toBe(
      households.filter((i) => (i.verdict as { overall: string }).overall !== 'green').length,
    )
  })
})

describe('people', () => {
  const people = () => full.households.flatMap((h) => h.facts.members)

  it('has unique ID numbers, each a string with a valid check character', () => {
    const ids = people().map((p) => p.idNumber)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.filter((id) => !normaliseIdNumber(id).ok)).toEqual([])
    expect(ids.some((id) => id.endsWith('X'))).toBe(true)
  })

  it('has names the name rule accepts, with middle-dot names and characters outside the BMP', () => {
    const names = people().map((p) => p.name)
    const stored = (n: string) => {
      const r = normaliseName(n)
      return r.ok && r.value === n
    }
    expect(names.filter((n) => !stored(n))).toEqual([])
    expect(names.filter((n) => n.includes('·')).length).toBeGreaterThan(100)
    expect(names.filter((n) => [...n].some((ch) => (ch.codePointAt(0) ?? 0) > 0xffff)).length).toBeGreaterThan(10)
  })
})

describe('disputes obey the dispute rules', () => {
  const levels = DisputeLevel.options

  it('are all processed, with at most ten rounds, one level per escalation, and 包保 after three failures', () => {
    const problems = full.disputes.flatMap((d) => {
      const out: string[] = []
      const failed = d.rounds.filter((r) => r.outcome === 'failed')
      if (d.status === 'open') out.push('open')
      if (d.rounds.length > 10) out.push('rounds')
      if (d.escalations.some((e) => levels.indexOf(e.to) !== levels.indexOf(e.from) + 1)) out.push('skip')
      if (failed.length > 3 && (!d.guarantor || d.guarantor.assignedAt > d.rounds[4].at)) out.push('guarantor')
      if (d.level === 'leadership' && !d.guarantor) out.push('leadership')
      if (d.status === 'closed' && (!d.closedAt || !d.followUp || d.closedAt.slice(0, 10) < d.followUp.end))
        out.push('closed')
      return out.length ? [`${d.id}: ${out.join(',')}`] : []
    })
    expect(problems).toEqual([])
    expect(new Set(full.disputes.map((d) => d.level)).size).toBe(5)
  })
})

describe('dev accounts live in the generated population', () => {
  const household = (userId: string) => {
    const me = DEV_ACCOUNTS.find((a) => a.id === userId)
    return full.households.find((h) => h.id === me?.scope.householdId)
  }

  it.each([
    ['u-resident-1', 'red'],
    ['u-resident-green', 'green'],
  ])('%s lives in a %s household, by the rules', (userId, colour) => {
    const h = household(userId)
    expect(h?.verdict.overall).toBe(colour)
    expect(h?.facts.members.some((m) => m.userId === userId)).toBe(true)
  })

  it.each([
    ['u-head-5', 'mjw-b5'],
    ['u-head-6', 'mjw-b6'],
  ])('%s is the head of %s in the grid', (userId, buildingId) => {
    const building = full.grid.communities
      .flatMap((c) => c.areas.flatMap((a) => a.buildings))
      .find((b) => b.id === buildingId)
    expect(building?.headId).toBe(userId)
    expect(full.users.find((u) => u.id === userId)?.scope.buildingId).toBe(buildingId)
  })

  it('keeps every dev account as given', () => {
    for (const a of DEV_ACCOUNTS.filter((x) => x.role !== 'resident')) expect(full.users).toContainEqual(a)
  })
})

describe('jobs (decision 068)', () => {
  const seekerOf = (userId: string) => full.seekers.find((s) => s.person.userId === userId)

  it('leaves u-resident-1 without a profile (the first step) and gives u-resident-2 his own, with forklift', () => {
    expect(seekerOf('u-resident-1')).toBeUndefined()
    expect(seekerOf('u-resident-2')?.profile).toMatchObject({
      skills: expect.arrayContaining(['forklift', 'warehouse']),
      updatedBy: { userId: 'u-resident-2', onBehalf: false },
    })
  })

  it('gives profiles only to working-age members, each once, and keeps them off the household file', () => {
    const ids = full.seekers.map((s) => s.person.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(full.seekers.every((s) => s.person.age >= 16 && s.person.age <= 65)).toBe(true)
    expect(full.households.some((h) => h.facts.members.some((m) => 'seeker' in m))).toBe(false)
  })

  it('posts mostly open jobs, some off-site with a distance, a few closed or past their last day', () => {
    const open = full.postings.filter((p) => p.status === 'open' && p.expiresOn >= TODAY)
    expect(open.length / full.postings.length).toBeGreaterThan(0.85)
    expect(open.length).toBeLessThan(full.postings.length)
    expect(full.postings.some((p) => p.place.kind === 'offsite' && p.distanceKm === p.place.distanceKm)).toBe(true)
    expect(full.postings.every((p) => p.monthlyWage <= p.wageMax)).toBe(true)
  })
})
