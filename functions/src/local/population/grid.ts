import type { GridBuilding, GridCommunity, GridTree, HomeAddress } from '@anju/shared'
import { communitiesOf, SUBDISTRICTS } from '../../grid/communities'
import { AREA, BUILDINGS, SUBDISTRICT } from '../fixture'
import type { Rng } from './prng'

/**
 * The grid: the real sub-district and its seven communities (real codes and names), with
 * 19 areas (片区/网格, as many as the published grid Party branches), 140 buildings and 222 lift
 * units (222 lift screens are published). Floors and rooms are plausible for the resettlement
 * high-rises; ids are stable strings (mjw-a1, mjw-b5) so tests and docs can name them.
 */
export const COMMUNITY_PLAN: Record<string, { abbr: string; areas: number; buildings: number }> = {
  '530621002001': { abbr: 'jx', areas: 3, buildings: 19 },
  '530621002002': { abbr: 'hy', areas: 3, buildings: 19 },
  '530621002003': { abbr: 'fz', areas: 3, buildings: 19 },
  '530621002004': { abbr: 'yl', areas: 2, buildings: 16 },
  '530621002005': { abbr: 'cx', areas: 2, buildings: 16 },
  '530621002006': { abbr: 'yg', areas: 2, buildings: 17 },
  '530621002007': { abbr: 'mjw', areas: 4, buildings: 34 },
}
export const TOTAL_UNITS = 222
const AREA_NAMES = ['一片区', '二片区', '三片区', '四片区', '五片区']
const CENTRE = { lat: 27.2035, lng: 103.5592 }

/** Buildings whose shape the dev accounts' addresses need (5栋 and 6栋 of 卯家湾 一片区). */
const PINNED: Record<string, { units: number; floors: number; roomsPerFloor: number }> = {
  [BUILDINGS.b5.id]: { units: 2, floors: 18, roomsPerFloor: 4 },
  [BUILDINGS.b6.id]: { units: 2, floors: 18, roomsPerFloor: 4 },
}
export const PINNED_HEADS: Record<string, string> = { [BUILDINGS.b5.id]: 'u-head-5', [BUILDINGS.b6.id]: 'u-head-6' }

export interface Room {
  householdId: string
  address: HomeAddress
  location: { lat: number; lng: number }
}

export const householdIdOf = (abbr: string, buildingNo: number, unitNo: number, roomNo: string) =>
  `hh-${abbr}-${buildingNo}-${unitNo}-${roomNo}`

/** The tree (heads not yet assigned: headId is filled by staff.ts). */
export function buildGrid(rng: Rng): GridTree {
  const communities = communitiesOf(SUBDISTRICT.id)
  const twoUnitTotal = TOTAL_UNITS - Object.values(COMMUNITY_PLAN).reduce((s, c) => s + c.buildings, 0)
  const buildingCount = Object.values(COMMUNITY_PLAN).reduce((s, c) => s + c.buildings, 0)
  // Which buildings have two lift units: the pinned ones, then a deterministic draw.
  const unitPlan = rng.shuffle(Array.from({ length: buildingCount }, (_, i) => i))
  const twoUnits = new Set(unitPlan.slice(0, twoUnitTotal))
  let index = 0
  const tree: GridCommunity[] = communities.map((c, ci) => {
    const plan = COMMUNITY_PLAN[c.id]
    const centre = { lat: CENTRE.lat + ((ci % 3) - 1) * 0.006, lng: CENTRE.lng + (Math.floor(ci / 3) - 1) * 0.007 }
    let buildingNo = 0
    const areas = Array.from({ length: plan.areas }, (_, ai) => {
      const count = Math.floor(plan.buildings / plan.areas) + (ai < plan.buildings % plan.areas ? 1 : 0)
      const buildings: GridBuilding[] = Array.from({ length: count }, () => {
        buildingNo++
        const id = `${plan.abbr}-b${buildingNo}`
        const pinned = PINNED[id]
        const units = pinned?.units ?? (twoUnits.has(index) ? 2 : 1)
        index++
        return {
          id,
          name: `${buildingNo}栋`,
          units: Array.from({ length: units }, (_, ui) => ({
            no: ui + 1,
            floors: pinned?.floors ?? rng.int(13, 18),
            roomsPerFloor:
              pinned?.roomsPerFloor ??
              rng.weighted([
                [2, 1],
                [3, 5],
                [4, 3],
              ] as const),
          })),
          location: {
            lat: round6(centre.lat + rng.normal(0, 0.0012)),
            lng: round6(centre.lng + rng.normal(0, 0.0012)),
          },
          headId: '',
        }
      })
      return { id: `${plan.abbr}-a${ai + 1}`, name: AREA_NAMES[ai], buildings }
    })
    return { id: c.id, name: c.name, areas }
  })
  const units = tree.flatMap((c) => c.areas.flatMap((a) => a.buildings.flatMap((b) => b.units))).length
  // The pinned buildings take two units each; rebalance is unnecessary as long as the total holds.
  if (Math.abs(units - TOTAL_UNITS) > 2) throw new Error(`grid has ${units} units, expected ${TOTAL_UNITS}`)
  if (!tree.some((c) => c.areas.some((a) => a.id === AREA.id))) throw new Error('fixture area missing')
  return { id: SUBDISTRICT.id, name: SUBDISTRICTS[SUBDISTRICT.id].name, communities: tree }
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6

/** Every room of the grid, in address order. */
export function roomsOf(grid: GridTree): Room[] {
  const rooms: Room[] = []
  for (const c of grid.communities) {
    const abbr = COMMUNITY_PLAN[c.id].abbr
    for (const a of c.areas) {
      for (const b of a.buildings) {
        const no = Number(b.name.replace('栋', ''))
        for (const u of b.units) {
          for (let f = 1; f <= u.floors; f++) {
            for (let r = 1; r <= u.roomsPerFloor; r++) {
              const roomNo = `${String(f).padStart(2, '0')}${String(r).padStart(2, '0')}`
              const householdId = householdIdOf(abbr, no, u.no, roomNo)
              rooms.push({
                householdId,
                location: b.location,
                address: {
                  path: { subdistrictId: grid.id, communityId: c.id, areaId: a.id, buildingId: b.id, householdId },
                  communityName: c.name,
                  areaName: a.name,
                  buildingName: b.name,
                  unitName: `${u.no}单元`,
                  roomNo,
                },
              })
            }
          }
        }
      }
    }
  }
  return rooms
}

export function buildingsOf(grid: GridTree) {
  return grid.communities.flatMap((c) =>
    c.areas.flatMap((a) => a.buildings.map((b) => ({ community: c, area: a, building: b }))),
  )
}
