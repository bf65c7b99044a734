import {
  addLocalDays,
  addLocalMonths,
  type CameraConsent,
  type CameraRegister,
  type ColourTrend,
  type DisputeCase,
  type GridPath,
  type GridTree,
  type HouseholdFile,
  type Me,
  type ProfileAuthor,
  type StoredPosting,
} from '@anju/shared'
import type { SeekerInput } from '../../db/job-seekers'
import { DEV_ACCOUNTS } from '../fixture'
import { generateCameras, PUBLISHED_CAMERAS } from './cameras'
import { generateDispute, PUBLISHED_DISPUTES } from './disputes'
import { buildGrid, roomsOf } from './grid'
import { historyOf, type Timeline, toChanges } from './history'
import { daysBetween, draftHouseholds, type HeadHome } from './households'
import { IdNumbers } from './identity'
import { dayOf } from './instant'
import { devSeekerProfile, generatePostings, profileFor } from './jobs'
import { originVillages, pickOrigin } from './origins'
import { addPastHardships } from './past'
import { PINNED_HOUSEHOLD_IDS } from './pinned'
import { Rng } from './prng'
import { generateStaff, staffFor } from './staff'
import { trendOf } from './trend'
import { visitsFor } from './visits'

export const PUBLISHED = {
  households: 10_000,
  residents: 40_000,
  red: 196,
  yellow: 367,
  redBefore: 500,
  yellowBefore: 2000,
}
/** How far above "500+" and "2,000+" three years ago lands. */
const BEFORE_TARGET = { red: 530, yellow: 2150 }

export interface PopulationOptions {
  seed?: string
  /** 1 = the published size; 0.05 for tests. */
  scale?: number
  /** Beijing calendar date the data is "as of" (YYYY-MM-DD). */
  today: string
}

export interface Population {
  options: Required<PopulationOptions>
  grid: GridTree
  users: Me[]
  households: HouseholdFile[]
  disputes: (DisputeCase & { kind: string })[]
  cameras: CameraConsent[]
  registers: CameraRegister[]
  postings: StoredPosting[]
  /** One profile per working-age member who wants (other) work: a seeker item each (decision 068). */
  seekers: SeekerInput[]
  trend: ColourTrend
}

export const DEFAULT_SEED = 'yanchi-2025'

export function generatePopulation(opts: PopulationOptions): Population {
  const options = { seed: opts.seed ?? DEFAULT_SEED, scale: opts.scale ?? 1, today: opts.today }
  const { scale, today } = options
  const rng = new Rng(options.seed)
  const t0 = addLocalMonths(today, -36)
  const grid = buildGrid(rng.fork('grid'))
  const staff = generateStaff(rng.fork('staff'), grid)
  const villages = originVillages(rng.fork('origins'))
  const byCounty = [0, 1, 2, 3, 4].map((i) => villages.filter((v) => v.countyIndex === i))

  // Which rooms are lived in: the dev homes always, the rest a draw.
  const allRooms = roomsOf(grid)
  const roomRng = rng.fork('rooms')
  const pinned = new Set(PINNED_HOUSEHOLD_IDS)
  const free = roomRng.shuffle(allRooms.filter((r) => !pinned.has(r.householdId)))
  const wanted = Math.round(PUBLISHED.households * scale)
  const taken = new Set([...PINNED_HOUSEHOLD_IDS, ...free.slice(0, wanted - pinned.size).map((r) => r.householdId)])
  const rooms = allRooms.filter((r) => taken.has(r.householdId))

  // Each building head lives in their first building.
  const roomsIn = groupBy(rooms, (r) => r.address.path.buildingId as string)
  const heads = new Map<string, HeadHome>()
  for (const u of staff.users.filter((x) => x.role === 'building_head')) {
    const candidates = (roomsIn.get(u.scope.buildingId as string) ?? []).filter((r) => !pinned.has(r.householdId))
    if (candidates.length) heads.set(roomRng.pick(candidates).householdId, { userId: u.id, name: u.name })
  }

  const ids = new IdNumbers(rng.fork('ids'))
  const hhRng = rng.fork('households')
  const drafts = draftHouseholds(hhRng, rooms, scale, today, t0, ids, (r) => pickOrigin(r, villages, byCounty), heads)
  const timelines: Timeline[] = drafts.map((d) => ({ built: d.built, onset: d.onset, episodes: [], disputes: [] }))
  const index = new Map(drafts.map((d, i) => [d.room.householdId, i]))
  const draftsIn = groupBy(drafts, (d) => d.room.address.path.buildingId as string)
  const staffCache = new Map<string, ReturnType<typeof staffFor>>()
  const staffOf = (path: GridPath) => {
    const key = path.buildingId as string
    if (!staffCache.has(key)) staffCache.set(key, staffFor(staff, path))
    return staffCache.get(key) as ReturnType<typeof staffFor>
  }

  // Disputes, through the dispute rules; each marks its households' governance facts while open.
  const dRng = rng.fork('disputes')
  const disputes: Population['disputes'] = []
  const span = daysBetween(t0, today)
  const admins = staff.users.filter((u) => u.role === 'subdistrict_admin')
  for (let i = 0; i < Math.round(PUBLISHED_DISPUTES * scale); i++) {
    const first = dRng.pick(drafts)
    const neighbours = (draftsIn.get(first.room.address.path.buildingId as string) ?? []).filter((d) => d !== first)
    const parties = neighbours.length && dRng.chance(0.4) ? [first, dRng.pick(neighbours)] : [first]
    const mediators = staffOf(first.room.address.path)
    const team = staff.users.filter((u) => mediators.communityStaff.slice(0, 2).includes(u.id)).map((u) => u.name)
    let openedOn = addLocalDays(t0, Math.floor(span * dRng.next() ** 1.1))
    for (;;) {
      const d = generateDispute(dRng, {
        id: `dsp-${openedOn.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
        householdIds: parties.map((p) => p.room.householdId),
        openedOn,
        mediators,
        leaderName: admins[0].name,
        teamNames: team,
        today,
      })
      const resolved = dayOf(d.rounds[d.rounds.length - 1].at)
      if (resolved >= today) {
        openedOn = addLocalDays(openedOn, -45)
        continue
      }
      disputes.push(d)
      for (const p of parties) {
        timelines[index.get(p.room.householdId) as number].disputes.push({
          id: d.id,
          severity: d.severity,
          opened: dayOf(d.openedAt),
          failed: d.rounds.filter((r) => r.outcome === 'failed').map((r) => dayOf(r.at)),
          resolved,
        })
      }
      break
    }
  }

  addPastHardships(rng.fork('episodes'), timelines, t0, today, {
    red: Math.round(BEFORE_TARGET.red * scale),
    yellow: Math.round(BEFORE_TARGET.yellow * scale),
  })

  const vRng = rng.fork('visits')
  const jRng = rng.fork('seekers')
  const seekers: SeekerInput[] = []
  const userById = new Map(staff.users.map((u) => [u.id, u]))
  const authorOf = (path: GridPath): ProfileAuthor => {
    const s = staffOf(path)
    const u = userById.get(s.head) ?? userById.get(s.gridWorkers[0]) ?? userById.get(s.communityStaff[0])
    return u
      ? { userId: u.id, name: u.name, role: u.role, onBehalf: true }
      : { userId: 'system', name: '社区就业登记', role: 'community_staff', onBehalf: true }
  }
  const households: HouseholdFile[] = drafts.map((d, i) => {
    const history = historyOf(timelines[i], t0, today)
    const last = history[history.length - 1]
    if (last.colour !== d.verdict.overall)
      throw new Error(`history of ${d.room.householdId} ends ${last.colour}, verdict is ${d.verdict.overall}`)
    const members = d.built.now.members
    const smallChild = members.some((m) => m.age < 12)
    const household = { id: d.room.householdId, address: d.room.address }
    for (const m of members) {
      const working = m.age >= 16 && m.age <= 59
      const wants =
        m.employment === 'unemployed' ||
        m.employment === 'unstable' ||
        (m.employment === 'stable' && jRng.chance(0.06)) ||
        (m.employment === 'retired' && jRng.chance(0.15))
      // The dev residents: 李秀英 has no profile yet (the first step shows), 王德富 his own.
      const profile =
        m.userId === 'u-resident-1'
          ? undefined
          : m.userId === 'u-resident-2'
            ? devSeekerProfile(m, today)
            : working && wants
              ? profileFor(jRng, m, smallChild, authorOf(d.room.address.path), today)
              : undefined
      if (profile) seekers.push({ household, person: m, profile, home: d.room.location })
    }
    return {
      id: d.room.householdId,
      headName: members[0].name,
      address: d.room.address,
      origin: {
        countyCode: d.origin.countyCode,
        countyName: d.origin.countyName,
        townshipCode: d.origin.townshipCode,
        townshipName: d.origin.townshipName,
        villageCode: d.origin.villageCode,
        villageName: d.origin.villageName,
      },
      movedInOn: d.movedInOn,
      facts: d.built.now,
      verdict: d.verdict,
      colourHistory: toChanges(history),
      recentVisits: visitsFor(vRng, d.room.householdId, d.verdict.overall, today, staffOf(d.room.address.path)),
      disputeIds: timelines[i].disputes.map((x) => x.id),
      cameraIds: [],
    }
  })

  const cameras = generateCameras(rng.fork('cameras'), households, Math.round(PUBLISHED_CAMERAS * scale), t0, today)
  const byId = new Map(households.map((h) => [h.id, h]))
  for (const c of cameras) if (!c.revokedAt) byId.get(c.householdId)?.cameraIds.push(c.id)
  const registers = new Map<string, CameraRegister>()
  for (const c of cameras) {
    const b = c.path.buildingId as string
    if (!registers.has(b))
      registers.set(b, {
        buildingId: b,
        path: {
          subdistrictId: c.path.subdistrictId,
          communityId: c.path.communityId,
          areaId: c.path.areaId,
          buildingId: b,
        },
        dataOfficerId: 'u-police',
        cameras: [],
      })
    registers.get(b)?.cameras.push(c)
  }

  return {
    options,
    grid,
    // The dev residents sign in; every other resident is a member of a household item only.
    users: [...DEV_ACCOUNTS.filter((a) => a.role === 'resident'), ...staff.users],
    households,
    disputes,
    cameras,
    registers: [...registers.values()],
    postings: generatePostings(rng.fork('postings'), Math.max(24, Math.round(180 * scale)), today, grid, staff.users),
    seekers,
    trend: trendOf(grid, households, t0, today),
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = out.get(k)
    if (list) list.push(item)
    else out.set(k, [item])
  }
  return out
}
