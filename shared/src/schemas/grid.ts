import * as z from 'zod'

/**
 * The five-level grid (五级网格): 街道 › 社区 › 片区/网格 › 楼栋 › 住户.
 * A place in it is a path; a staff scope is a path cut at some level.
 */
export const GridLevel = z.enum(['subdistrict', 'community', 'area', 'building', 'household'])
export type GridLevel = z.infer<typeof GridLevel>

export const GRID_LEVEL_LABELS: Record<GridLevel, string> = {
  subdistrict: '街道',
  community: '社区',
  area: '片区',
  building: '楼栋',
  household: '住户',
}

const NodeId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/)

/** A path in the grid, filled from the top down to the level it names. */
export const GridPath = z.object({
  subdistrictId: NodeId,
  communityId: NodeId.optional(),
  areaId: NodeId.optional(),
  buildingId: NodeId.optional(),
  householdId: NodeId.optional(),
})
export type GridPath = z.infer<typeof GridPath>

/** A household's home address, as residents and staff read it. */
export const HomeAddress = z.object({
  path: GridPath,
  communityName: z.string(),
  areaName: z.string(),
  buildingName: z.string(),
  unitName: z.string(),
  roomNo: z.string(),
})
export type HomeAddress = z.infer<typeof HomeAddress>
