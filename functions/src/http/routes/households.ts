import { type HouseholdListResponse, ListHouseholdsQuery } from '@anju/shared'
import { Hono } from 'hono'
import { listScopeHouseholds } from '../../services/households'
import { startUser } from '../auth'
import type { AppEnv } from '../env'
import { parseQuery } from '../parse'

/** Staff pick a household of their scope (filing on a resident's behalf). */
export const householdRoutes = new Hono<AppEnv>().get('/', startUser, async (c) => {
  const { buildingId } = parseQuery(c, ListHouseholdsQuery)
  return c.json<HouseholdListResponse>(await listScopeHouseholds(c.var.deps, c.var.caller, buildingId))
})
