import { type BuildingChoice, type HouseholdListResponse, handlesTickets, inScope } from '@anju/shared'
import { getBuildings, listHouseholdsOfBuilding } from '../db/households'
import { ForbiddenError, NotFoundError } from '../errors'
import { SUBDISTRICTS } from '../grid/communities'
import { alongside, type PendingCaller } from './auth'
import type { ServiceDeps } from './deps'

const byNumber = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true })

/**
 * The buildings of the caller's scope and the households of one of them, for staff filing on a
 * resident's behalf. The grid tree is read beside the caller, then one Query: two round trips.
 */
export async function listScopeHouseholds(
  deps: ServiceDeps,
  caller: PendingCaller,
  buildingId: string | undefined,
): Promise<HouseholdListResponse> {
  const [me, all] = await alongside(caller, getBuildingsOfCaller(deps))
  if (!handlesTickets(me.role)) throw new ForbiddenError('您没有权限查看住户名单')
  const mine = all.filter((b) => inScope(me.scope, b.path))
  const chosen = buildingId
    ? mine.find((b) => b.path.buildingId === buildingId)
    : mine.length === 1
      ? mine[0]
      : undefined
  if (buildingId && !chosen) throw new NotFoundError('找不到该楼栋')
  const buildings: BuildingChoice[] = mine.map((b) => ({
    id: b.path.buildingId,
    name: b.name,
    areaName: b.areaName,
    communityName: b.communityName,
  }))
  if (!chosen) return { buildings, households: [] }
  const households = await listHouseholdsOfBuilding(deps.db, chosen.path)
  households.sort((a, b) => byNumber(a.unitName, b.unitName) || byNumber(a.roomNo, b.roomNo))
  return { buildings, buildingId: chosen.path.buildingId, households }
}

// The token does not name the sub-district, and waiting for the user item would cost a third
// round trip: the trees of the deployment's sub-districts (reference data: one today) are read
// beside it, and the scope check above keeps the caller's own buildings.
export async function getBuildingsOfCaller(deps: ServiceDeps) {
  const trees = await Promise.all(Object.keys(SUBDISTRICTS).map((id) => getBuildings(deps.db, id)))
  return trees.flat()
}
