import type { GridPath, GridTree, Me, Role } from '@anju/shared'
import { DEV_ACCOUNTS } from '../fixture'
import { COMMUNITY_PLAN, PINNED_HEADS } from './grid'
import { personName, pickEthnicity } from './names'
import type { Rng } from './prng'

/**
 * Staff accounts, each with a grid scope: 63 community staff (9 per community), 103 building
 * heads (66 with one building, 37 with two neighbouring ones), two grid workers per area, one
 * community police officer per community, three property-company staff per community, and three
 * sub-district admins. The dev accounts keep their ids, names and scopes.
 */
export const STAFF_PLAN = { communityStaffPer: 9, buildingHeads: 103, gridWorkersPerArea: 2, propertyPer: 3, admins: 3 }

const dev = new Map(DEV_ACCOUNTS.map((a) => [a.id, a]))

export interface Staff {
  users: Me[]
  /** building id → head user id. */
  headOf: Map<string, string>
  /** head user id → the buildings they look after. */
  buildingsOf: Map<string, string[]>
}

function person(rng: Rng): string {
  return personName(rng, { sex: rng.chance(0.55) ? 'female' : 'male', ethnicity: pickEthnicity(rng) })
}

export function generateStaff(rng: Rng, grid: GridTree): Staff {
  const users: Me[] = []
  const add = (id: string, role: Role, scope: GridPath) => {
    const d = dev.get(id)
    users.push(d ? { ...d } : { id, name: person(rng), role, scope })
  }
  const sub = grid.id
  for (let i = 1; i <= STAFF_PLAN.admins; i++)
    add(i === 1 ? 'u-admin' : `u-admin-${i}`, 'subdistrict_admin', { subdistrictId: sub })
  for (const c of grid.communities) {
    const abbr = COMMUNITY_PLAN[c.id].abbr
    const scope = { subdistrictId: sub, communityId: c.id }
    for (let i = 1; i <= STAFF_PLAN.communityStaffPer; i++)
      add(abbr === 'mjw' && i === 1 ? 'u-staff-mjw' : `u-staff-${abbr}-${i}`, 'community_staff', scope)
    add(abbr === 'mjw' ? 'u-police' : `u-police-${abbr}`, 'police', scope)
    for (let i = 1; i <= STAFF_PLAN.propertyPer; i++)
      add(abbr === 'mjw' && i === 1 ? 'u-property' : `u-property-${abbr}-${i}`, 'property_staff', scope)
    for (const a of c.areas) {
      for (let i = 1; i <= STAFF_PLAN.gridWorkersPerArea; i++)
        add(a.id === 'mjw-a1' && i === 1 ? 'u-grid-1' : `u-grid-${a.id}-${i}`, 'grid_worker', {
          ...scope,
          areaId: a.id,
        })
    }
  }

  // Building heads: neighbouring buildings of one area are paired until 103 heads remain.
  const all = grid.communities.flatMap((c) => c.areas.map((a) => ({ c, a })))
  const pairs: [string, string][] = []
  for (const { a } of all) {
    for (let i = 0; i + 1 < a.buildings.length; i += 2) {
      const [x, y] = [a.buildings[i].id, a.buildings[i + 1].id]
      if (!PINNED_HEADS[x] && !PINNED_HEADS[y]) pairs.push([x, y])
    }
  }
  const buildingCount = all.reduce((s, { a }) => s + a.buildings.length, 0)
  const paired = rng.sample(pairs, buildingCount - STAFF_PLAN.buildingHeads)
  const partner = new Map<string, string>()
  for (const [x, y] of paired) partner.set(x, y).set(y, x)
  const headOf = new Map<string, string>()
  const buildingsOf = new Map<string, string[]>()
  for (const { c, a } of all) {
    for (const b of a.buildings) {
      if (headOf.has(b.id)) continue
      const id = PINNED_HEADS[b.id] ?? `u-head-${b.id}`
      const mine = [b.id, ...(partner.has(b.id) ? [partner.get(b.id) as string] : [])]
      for (const x of mine) headOf.set(x, id)
      buildingsOf.set(id, mine)
      add(id, 'building_head', { subdistrictId: sub, communityId: c.id, areaId: a.id, buildingId: b.id })
    }
  }
  for (const c of grid.communities)
    for (const a of c.areas) for (const b of a.buildings) b.headId = headOf.get(b.id) as string
  return { users, headOf, buildingsOf }
}

/** Who mediates or visits at each level, for a building: head, grid worker, community staff, admin. */
export function staffFor(staff: Staff, path: GridPath) {
  const byRole = (role: Role, match: (s: GridPath) => boolean) =>
    staff.users.filter((u) => u.role === role && match(u.scope))
  return {
    head: staff.headOf.get(path.buildingId as string) as string,
    gridWorkers: byRole('grid_worker', (s) => s.areaId === path.areaId).map((u) => u.id),
    communityStaff: byRole('community_staff', (s) => s.communityId === path.communityId).map((u) => u.id),
    admins: byRole('subdistrict_admin', () => true).map((u) => u.id),
  }
}
