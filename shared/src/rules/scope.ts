import type { GridLevel, GridPath } from '../schemas/grid'

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
