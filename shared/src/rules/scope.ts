import type { GridLevel, GridPath } from '../schemas/grid'
import type { TicketKind } from '../schemas/ticket-kind'
import type { Role } from '../schemas/user'

const ORDER: readonly (keyof GridPath)[] = ['subdistrictId', 'communityId', 'areaId', 'buildingId', 'householdId']
const LEVELS: readonly GridLevel[] = ['subdistrict', 'community', 'area', 'building', 'household']

/** The deepest level a path names. */
export function levelOf(path: GridPath): GridLevel {
  let level: GridLevel = 'subdistrict'
  ORDER.forEach((key, i) => {
    if (path[key] !== undefined) level = LEVELS[i]
  })
  return level
}

/**
 * Whether `target` lies inside `scope`: every node the scope names must match.
 * A scope sees its own node and everything below; nothing beside or above it.
 */
export function inScope(scope: GridPath, target: GridPath): boolean {
  return ORDER.every((key) => scope[key] === undefined || scope[key] === target[key])
}

// Property-company staff handle property problems (物业报修) only: a help request (为民办实事) is
// the community's business with a household, and the triage reasons name the household's colour
// and its vulnerable members. They read priority and deadline, which say how soon (decision 071).
const PROPERTY_ONLY_ROLES: readonly Role[] = ['property_staff']

/** Whether staff of `role` take tickets of this kind (absent = property). */
export function handlesTicketKind(role: Role, kind: TicketKind | undefined): boolean {
  return kind !== 'help' || !PROPERTY_ONLY_ROLES.includes(role)
}

/** A ticket as staff of `role` read it: property staff never get the triage reasons. */
export function staffTicketView<T extends { triageReasons?: string[] }>(role: Role, ticket: T): T {
  if (!PROPERTY_ONLY_ROLES.includes(role)) return ticket
  const { triageReasons: _reasons, ...rest } = ticket
  return rest as T
}
