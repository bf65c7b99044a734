import * as z from 'zod'
import { Id } from './common'

// The grid as staff pick from it (五级网格 down to the room): one document, read whole.

const NodeId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/)
const Point = z.object({ lat: z.number(), lng: z.number() })

export const GridUnit = z.object({
  no: z.number().int().min(1),
  floors: z.number().int().min(1),
  roomsPerFloor: z.number().int().min(1),
})
export type GridUnit = z.infer<typeof GridUnit>

export const GridBuilding = z.object({
  id: NodeId,
  name: z.string(),
  units: z.array(GridUnit).min(1),
  location: Point,
  /** The building head (楼栋长) responsible; a head may look after two buildings. */
  headId: Id,
})
export type GridBuilding = z.infer<typeof GridBuilding>

export const GridArea = z.object({ id: NodeId, name: z.string(), buildings: z.array(GridBuilding) })
export type GridArea = z.infer<typeof GridArea>

export const GridCommunity = z.object({ id: NodeId, name: z.string(), areas: z.array(GridArea).min(1) })
export type GridCommunity = z.infer<typeof GridCommunity>

export const GridTree = z.object({ id: NodeId, name: z.string(), communities: z.array(GridCommunity).min(1) })
export type GridTree = z.infer<typeof GridTree>
