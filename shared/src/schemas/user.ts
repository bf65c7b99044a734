import * as z from 'zod'
import { Id } from './common'
import { GridPath, HomeAddress } from './grid'

export const Role = z.enum([
  'resident',
  'building_head',
  'grid_worker',
  'community_staff',
  'subdistrict_admin',
  'police',
  'property_staff',
])
export type Role = z.infer<typeof Role>

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  building_head: '楼栋长',
  grid_worker: '网格员',
  community_staff: '社区工作人员',
  subdistrict_admin: '街道管理员',
  police: '社区民警',
  property_staff: '物业人员',
}

/** Who is signed in: a resident's scope is their household; staff's is a grid node. */
export const Me = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  scope: GridPath,
  home: HomeAddress.optional(),
  /** A resident's own person in their household file (`<householdId>-p<n>`): their job applications' key. */
  personId: Id.optional(),
})
export type Me = z.infer<typeof Me>

export function isStaff(role: Role): boolean {
  return role !== 'resident'
}

/** Roles that triage property tickets and help requests. Police do not: theirs is the police module. */
export const TICKET_HANDLER_ROLES: readonly Role[] = [
  'building_head',
  'grid_worker',
  'community_staff',
  'subdistrict_admin',
  'property_staff',
]

export function handlesTickets(role: Role): boolean {
  return TICKET_HANDLER_ROLES.includes(role)
}
